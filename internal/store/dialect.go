package store

import (
	"context"
	"database/sql"
	"reflect"
	"strings"
	"sync"
)

// SQLStore is a Store that also exposes a database/sql handle taking
// SQLite-style "?" placeholders, for the layers of attache that keep their
// own tables next to the documents (relations, near-duplicates, the actor
// registry) and for the server's aggregate queries. SQLite and PostgreSQL
// (internal/store/postgres) implement it.
type SQLStore interface {
	Store
	// SQLDB returns the shared handle; Close closes it.
	SQLDB() *sql.DB
	// SchemaVersion returns the applied migration version.
	SchemaVersion(ctx context.Context) (int, error)
}

// Serializer is implemented by stores shared by several processes
// (PostgreSQL): Serialized runs fn while holding a database-wide lock named
// by key, so that read-modify-write work (clustering) runs one at a time.
type Serializer interface {
	Serialized(ctx context.Context, key int64, fn func() error) error
}

// SQLDB returns the database handle of the store (the same as DB), so that
// SQLite satisfies SQLStore.
func (s *SQLite) SQLDB() *sql.DB { return s.db }

var postgresHandles sync.Map // *sql.DB -> bool

// IsPostgres reports whether db is a handle on PostgreSQL (from
// postgres.Store.SQLDB) rather than SQLite, so that code written against
// database/sql can switch the few statements whose SQL differs.
func IsPostgres(db *sql.DB) bool {
	if v, ok := postgresHandles.Load(db); ok {
		return v.(bool)
	}
	t := reflect.TypeOf(db.Driver())
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	pg := strings.Contains(t.PkgPath(), "jackc/pgx")
	postgresHandles.Store(db, pg)
	return pg
}

// ByteSlice returns an SQL expression for the text of text's bytes
// [start, start+n) (byte offsets, as doc.Span), in db's dialect. start and
// n are SQL expressions.
func ByteSlice(db *sql.DB, text, start, n string) string {
	if IsPostgres(db) {
		return `convert_from(substring(convert_to(` + text + `, 'UTF8') from (` + start + `)+1 for (` + n + `)), 'UTF8')`
	}
	return `CAST(substr(CAST(` + text + ` AS BLOB), (` + start + `)+1, ` + n + `) AS TEXT)`
}

// JSONText returns an SQL expression for the text value at a path of
// dotted keys ("source.entity") of a JSON column stored as bytes, in db's
// dialect.
func JSONText(db *sql.DB, col, path string) string {
	if IsPostgres(db) {
		parts := strings.Split(path, ".")
		return `(convert_from(` + col + `, 'UTF8')::jsonb #>> '{` + strings.Join(parts, ",") + `}')`
	}
	return `json_extract(` + col + `, '$.` + path + `')`
}

// HasTables reports whether every named table exists in db (in the current
// schema on PostgreSQL).
func HasTables(ctx context.Context, db *sql.DB, names ...string) (bool, error) {
	for _, name := range names {
		var n int
		var err error
		if IsPostgres(db) {
			err = db.QueryRowContext(ctx, `SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = ?`, name).Scan(&n)
		} else {
			err = db.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?`, name).Scan(&n)
		}
		if err != nil || n == 0 {
			return false, err
		}
	}
	return true, nil
}
