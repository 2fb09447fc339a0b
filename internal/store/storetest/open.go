package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache-project/attache/internal/store"
	"github.com/attache-project/attache/internal/store/postgres"
	"github.com/jackc/pgx/v5"
)

// PostgresEnv names the environment variable with the DSN of a PostgreSQL
// database for tests; PostgreSQL tests skip when it is not set.
const PostgresEnv = "ATTACHE_TEST_POSTGRES"

// OpenSQLite returns an empty SQLite store in a temporary directory.
func OpenSQLite(t testing.TB) store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// PostgresDSN returns the DSN of an empty schema of its own in the test
// database named by $ATTACHE_TEST_POSTGRES (dropped when the test ends), or
// skips the test when the variable is not set.
func PostgresDSN(t testing.TB) string {
	t.Helper()
	base := os.Getenv(PostgresEnv)
	if base == "" {
		t.Skip(PostgresEnv + " is not set: skipping PostgreSQL test")
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("%s: %v", PostgresEnv, err)
	}
	defer conn.Close(ctx)
	var b [6]byte
	rand.Read(b[:])
	schema := "attache_test_" + hex.EncodeToString(b[:])
	if _, err := conn.Exec(ctx, `CREATE SCHEMA `+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(context.Background(), base)
		if err != nil {
			return
		}
		defer c.Close(context.Background())
		c.Exec(context.Background(), `DROP SCHEMA `+schema+` CASCADE`)
	})
	return withSearchPath(t, base, schema)
}

func withSearchPath(t testing.TB, dsn, schema string) string {
	if strings.Contains(dsn, "://") {
		u, err := url.Parse(dsn)
		if err != nil {
			t.Fatal(err)
		}
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		return u.String()
	}
	return dsn + " search_path=" + schema
}

// OpenPostgres returns an empty PostgreSQL store (see PostgresDSN), or
// skips the test.
func OpenPostgres(t testing.TB) store.Store {
	t.Helper()
	s, err := postgres.Open(context.Background(), PostgresDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// Engines lists the stores to run a test against: SQLite always,
// PostgreSQL when $ATTACHE_TEST_POSTGRES is set.
func Engines() []Engine {
	e := []Engine{{"sqlite", OpenSQLite}}
	if os.Getenv(PostgresEnv) != "" {
		e = append(e, Engine{"postgres", OpenPostgres})
	}
	return e
}

// Engine is a named way to open an empty store.
type Engine struct {
	Name string
	Open func(t testing.TB) store.Store
}
