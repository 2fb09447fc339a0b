// Package postgres is the PostgreSQL store of attache, for deployments in
// which many workers (internal/stream) write to one shared database. It
// implements store.Store with the same semantics as the SQLite store: the
// same tables, batch writes in one transaction (COPY), idempotence by
// document id, and the same filters, cursors and full-text search
// (tsvector with GIN indexes).
//
// Importing the package registers it with store.OpenAny for postgres:// and
// postgresql:// DSNs.
package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/store"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

func init() {
	open := func(ctx context.Context, dsn string) (store.Store, error) { return Open(ctx, dsn) }
	store.RegisterEngine("postgres", open)
	store.RegisterEngine("postgresql", open)
}

// Advisory lock keys (arbitrary constants, "attache" in ASCII-ish digits).
const (
	// migrateLock serialises schema migrations of concurrently starting
	// workers.
	migrateLock = 0x617474616301
	// writeLock serialises the short write transactions, so that document,
	// quote and event seqs become visible in commit order. Consumers that
	// follow the tables by seq watermark (event clustering) then never miss
	// a row committed late with a smaller seq, as with SQLite's single
	// writer. Analysis happens outside the transaction, so only the COPY
	// itself is serialised.
	writeLock = 0x617474616302
)

// Store is the PostgreSQL store.
type Store struct {
	pool *pgxpool.Pool
	dsn  string
	// ordered makes write transactions take writeLock (the default).
	ordered bool
	sqlOnce sync.Once
	sqlDB   *sql.DB
}

// OrderedWritesParam is the DSN parameter that turns the write lock off
// ("attache_ordered_writes=off"): concurrent workers then COPY in parallel,
// which multiplies write throughput, but seqs may become visible out of
// order, so layers that follow the tables by a seq watermark must not be
// maintained from this database (see docs/deploy.md).
const OrderedWritesParam = "attache_ordered_writes"

var _ store.Store = (*Store)(nil)

// Open connects to the database named by dsn (a postgres:// URL or a
// key=value connection string) and brings its schema up to date.
func Open(ctx context.Context, dsn string) (*Store, error) {
	dsn, ordered, err := orderedWrites(dsn)
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", store.Redact(dsn), err)
	}
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", store.Redact(dsn), err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", store.Redact(dsn), err)
	}
	s := &Store{pool: pool, dsn: dsn, ordered: ordered}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("database %s: %w", store.Redact(dsn), err)
	}
	return s, nil
}

// Pool exposes the connection pool to other packages of attache that keep
// their own tables in the same database (relations, actor registry).
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// Close closes the pool (and the SQLDB handle, whose connections the pool
// would otherwise wait for).
func (s *Store) Close() error {
	if s.sqlDB != nil {
		s.sqlDB.Close()
	}
	s.pool.Close()
	return nil
}

// SchemaVersion returns the applied migration version.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.pool.QueryRow(ctx, `SELECT COALESCE(MAX(version),0) FROM attache_schema_migrations`).Scan(&v)
	return v, err
}

// orderedWrites removes OrderedWritesParam from a URL DSN and reports its
// value (default on).
func orderedWrites(dsn string) (string, bool, error) {
	u, err := url.Parse(dsn)
	if err != nil || u.Scheme == "" {
		return dsn, true, nil // a key=value DSN: no attache parameters
	}
	q := u.Query()
	v := q.Get(OrderedWritesParam)
	if !q.Has(OrderedWritesParam) {
		return dsn, true, nil
	}
	q.Del(OrderedWritesParam)
	u.RawQuery = q.Encode()
	switch strings.ToLower(v) {
	case "on", "true", "1", "yes":
		return u.String(), true, nil
	case "off", "false", "0", "no":
		return u.String(), false, nil
	}
	return dsn, true, fmt.Errorf("%s must be on or off, not %q", OrderedWritesParam, v)
}

// migrate applies the missing migrations in one transaction, under an
// advisory lock so that workers starting together do not race.
func (s *Store) migrate(ctx context.Context) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(migrateLock)); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS attache_schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return err
	}
	var v int
	if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(version),0) FROM attache_schema_migrations`).Scan(&v); err != nil {
		return err
	}
	if v > len(migrations) {
		return fmt.Errorf("schema version %d is newer than this attache (%d): upgrade attache", v, len(migrations))
	}
	for i := v; i < len(migrations); i++ {
		if _, err := tx.Exec(ctx, migrations[i]); err != nil {
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO attache_schema_migrations(version, applied_at) VALUES($1, $2)`, i+1, nowUTC()); err != nil {
			return err
		}
	}
	return tx.Commit(ctx)
}

func nowUTC() string { return time.Now().UTC().Format("2006-01-02T15:04:05Z") }

// Has implements store.Store.
func (s *Store) Has(ctx context.Context, id string) (bool, error) {
	var ok bool
	err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM documents WHERE id = $1)`, id).Scan(&ok)
	return ok, err
}

// Put implements store.Store: the new documents of the batch are written
// with COPY in one transaction. A document id already stored, or repeated
// in the batch, is skipped. When another writer commits one of the same
// ids concurrently, the unique index makes this transaction fail; it is then
// retried and skips that document.
func (s *Store) Put(ctx context.Context, batch []*doc.Analysis) ([]bool, error) {
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		var stored []bool
		stored, err = s.put(ctx, batch)
		if err == nil {
			return stored, nil
		}
		var pe *pgconn.PgError
		if !errors.As(err, &pe) || (pe.Code != "23505" && pe.Code != "40001" && pe.Code != "40P01") {
			return nil, err
		}
	}
	return nil, err
}

func (s *Store) put(ctx context.Context, batch []*doc.Analysis) ([]bool, error) {
	stored := make([]bool, len(batch))
	if len(batch) == 0 {
		return stored, nil
	}
	// Rows are built (and analyses marshalled) before the transaction, so
	// that the serialised part is only the COPY; seqs are filled in once
	// allocated.
	built := make([]*rowsets, len(batch))
	for i, a := range batch {
		built[i] = &rowsets{}
		if err := built[i].add(0, a); err != nil {
			return nil, fmt.Errorf("storing %s: %w", a.ID, err)
		}
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback(ctx)
	if s.ordered {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(writeLock)); err != nil {
			return nil, err
		}
	}
	ids := make([]string, len(batch))
	for i, a := range batch {
		ids[i] = a.ID
	}
	present := map[string]bool{}
	rows, err := tx.Query(ctx, `SELECT id FROM documents WHERE id = ANY($1)`, ids)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		present[id] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var fresh []*rowsets
	for i, a := range batch {
		if present[a.ID] {
			continue
		}
		present[a.ID] = true // a repeat later in the batch is skipped
		stored[i] = true
		fresh = append(fresh, built[i])
	}
	if len(fresh) == 0 {
		return stored, tx.Commit(ctx)
	}
	seqs, err := allocate(ctx, tx, len(fresh))
	if err != nil {
		return nil, err
	}
	var r rowsets
	for i, f := range fresh {
		f.setSeq(seqs[i])
		r.docs = append(r.docs, f.docs...)
		r.ents = append(r.ents, f.ents...)
		r.mens = append(r.mens, f.mens...)
		r.tmxs = append(r.tmxs, f.tmxs...)
		r.quos = append(r.quos, f.quos...)
		r.evts = append(r.evts, f.evts...)
	}
	for _, c := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"documents", docCols, r.docs},
		{"entities", entCols, r.ents},
		{"mentions", menCols, r.mens},
		{"timexes", tmxCols, r.tmxs},
		{"quotes", quoCols, r.quos},
		{"events", evtCols, r.evts},
	} {
		if len(c.rows) == 0 {
			continue
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.cols, pgx.CopyFromRows(c.rows)); err != nil {
			return nil, fmt.Errorf("writing %s: %w", c.table, err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, err
	}
	return stored, nil
}

// setSeq sets the document seq, the first column of every row.
func (r *rowsets) setSeq(seq int64) {
	for _, t := range [][][]any{r.docs, r.ents, r.mens, r.tmxs, r.quos, r.evts} {
		for _, row := range t {
			row[0] = seq
		}
	}
}

// allocate reserves n document seqs, in increasing order.
func allocate(ctx context.Context, tx pgx.Tx, n int) ([]int64, error) {
	rows, err := tx.Query(ctx, `SELECT nextval(pg_get_serial_sequence('documents', 'seq')) FROM generate_series(1, $1)`, n)
	if err != nil {
		return nil, err
	}
	seqs, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, err
	}
	sort.Slice(seqs, func(i, j int) bool { return seqs[i] < seqs[j] })
	return seqs, nil
}

var (
	docCols = []string{"seq", "id", "source", "url", "title", "published", "anchor", "language", "dateline_place", "dateline_country", "text", "analysis",
		"n_entities", "n_mentions", "n_timexes", "n_quotes", "n_events", "ingested_at"}
	entCols = []string{"doc_seq", "eid", "name", "type", "country", "code", "role", "sectors"}
	menCols = []string{"doc_seq", "eid", "start", "end", "text", "kind"}
	tmxCols = []string{"doc_seq", "idx", "start", "end", "text", "type", "value"}
	quoCols = []string{"doc_seq", "idx", "start", "end", "text", "kind", "speaker_entity", "speaker_text", "speaker_name", "cue_text", "cue_lemma",
		"medium", "date", "json"}
	evtCols = []string{"doc_seq", "eid", "sentence", "sent_start", "sent_end", "start", "end", "text", "cameo", "root", "plover", "quad", "goldstein",
		"src_code", "src_country", "src_text", "tgt_code", "tgt_country", "tgt_text", "date", "modality", "json"}
)

// rowsets are the rows of one batch, table by table, for COPY.
type rowsets struct {
	docs, ents, mens, tmxs, quos, evts [][]any
}

func null(p *string) any {
	if p == nil {
		return nil
	}
	return *p
}

func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// add converts one analysis to rows, exactly as the SQLite store does.
func (r *rowsets) add(seq int64, a *doc.Analysis) error {
	js, err := json.Marshal(a)
	if err != nil {
		return err
	}
	mentions := 0
	for _, e := range a.Entities {
		mentions += len(e.Mentions)
	}
	var anchor, dlPlace, dlCountry any
	if a.Anchor != nil {
		anchor = a.Anchor.Date
	}
	if a.Dateline != nil {
		dlPlace = a.Dateline.Place
		dlCountry = null(a.Dateline.Country)
	}
	r.docs = append(r.docs, []any{seq, a.ID, null(a.Source), null(a.URL), null(a.Title), null(a.Published), anchor, null(a.Language),
		dlPlace, dlCountry, a.Text, js, len(a.Entities), mentions, len(a.Timexes), len(a.Quotes), len(a.Events), nowUTC()})
	names := map[string]string{}
	for _, e := range a.Entities {
		names[e.ID] = e.Name
		r.ents = append(r.ents, []any{seq, e.ID, e.Name, e.Type, null(e.Country), null(e.Code), null(e.Role), strings.Join(e.Sectors, ",")})
		for _, m := range e.Mentions {
			r.mens = append(r.mens, []any{seq, e.ID, m.Span[0], m.Span[1], m.Text, nullStr(m.Kind)})
		}
	}
	for i, t := range a.Timexes {
		r.tmxs = append(r.tmxs, []any{seq, i, t.Span[0], t.Span[1], t.Text, t.Type, t.Value})
	}
	for i, q := range a.Quotes {
		qj, err := json.Marshal(q)
		if err != nil {
			return err
		}
		var spEnt, spText, spName, cueText, cueLemma any
		if q.Speaker != nil {
			spEnt = null(q.Speaker.Entity)
			spText = q.Speaker.Text
			spName = q.Speaker.Text
			if q.Speaker.Entity != nil && names[*q.Speaker.Entity] != "" {
				spName = names[*q.Speaker.Entity]
			}
		}
		if q.Cue != nil {
			cueText, cueLemma = q.Cue.Text, q.Cue.Lemma
		}
		r.quos = append(r.quos, []any{seq, i, q.Span[0], q.Span[1], q.Text, q.Kind, spEnt, spText, spName, cueText, cueLemma, null(q.Medium), null(q.Date), qj})
	}
	for _, e := range a.Events {
		ej, err := json.Marshal(e)
		if err != nil {
			return err
		}
		root := e.CAMEO
		if len(root) > 2 {
			root = root[:2]
		}
		var sc, sco, st, tc, tco, tt any
		if e.Source != nil {
			sc, sco, st = null(e.Source.Code), null(e.Source.Country), e.Source.Text
		}
		if e.Target != nil {
			tc, tco, tt = null(e.Target.Code), null(e.Target.Country), e.Target.Text
		}
		sent := e.Span
		if e.Sentence >= 0 && e.Sentence < len(a.Sentences) {
			sent = a.Sentences[e.Sentence].Span
		}
		r.evts = append(r.evts, []any{seq, e.ID, e.Sentence, sent[0], sent[1], e.Span[0], e.Span[1], e.Text, e.CAMEO, root, e.PLOVER, e.Quad, e.Goldstein,
			sc, sco, st, tc, tco, tt, null(e.Date), e.Modality, ej})
	}
	return nil
}

// Get implements store.Store. id may be a unique prefix of a stored id (at
// least 8 characters).
func (s *Store) Get(ctx context.Context, id string) (*doc.Analysis, error) {
	var js []byte
	err := s.pool.QueryRow(ctx, `SELECT analysis FROM documents WHERE id = $1`, id).Scan(&js)
	if errors.Is(err, pgx.ErrNoRows) && len(id) >= 8 {
		rows, qerr := s.pool.Query(ctx, `SELECT analysis FROM documents WHERE id >= $1 AND id < $2 LIMIT 2`, id, id+"\U0010FFFF")
		if qerr != nil {
			return nil, qerr
		}
		all, qerr := pgx.CollectRows(rows, pgx.RowTo[[]byte])
		if qerr != nil {
			return nil, qerr
		}
		switch len(all) {
		case 0:
			return nil, fmt.Errorf("%w: %s", store.ErrNotFound, id)
		case 1:
			js, err = all[0], nil
		default:
			return nil, fmt.Errorf("%w: %s", store.ErrAmbiguous, id)
		}
	}
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("%w: %s", store.ErrNotFound, id)
	}
	if err != nil {
		return nil, err
	}
	var a doc.Analysis
	if err := json.Unmarshal(js, &a); err != nil {
		return nil, fmt.Errorf("stored analysis of %s is corrupt: %w", id, err)
	}
	a.Normalize()
	return &a, nil
}

// Stats implements store.Store.
func (s *Store) Stats(ctx context.Context) (store.Stats, error) {
	var st store.Stats
	err := s.pool.QueryRow(ctx, `SELECT COUNT(*), COALESCE(SUM(n_entities),0), COALESCE(SUM(n_mentions),0), COALESCE(SUM(n_timexes),0),
		COALESCE(SUM(n_quotes),0), COALESCE(SUM(n_events),0) FROM documents`).Scan(&st.Documents, &st.Entities, &st.Mentions, &st.Timexes, &st.Quotes, &st.Events)
	return st, err
}

// Check verifies that every document's layer tables hold exactly the rows
// its counts promise (a partially written document would break this).
func (s *Store) Check(ctx context.Context) error {
	var bad int
	err := s.pool.QueryRow(ctx, `SELECT COUNT(*) FROM documents d WHERE
		n_entities != (SELECT COUNT(*) FROM entities WHERE doc_seq = d.seq) OR
		n_mentions != (SELECT COUNT(*) FROM mentions WHERE doc_seq = d.seq) OR
		n_timexes  != (SELECT COUNT(*) FROM timexes WHERE doc_seq = d.seq) OR
		n_quotes   != (SELECT COUNT(*) FROM quotes WHERE doc_seq = d.seq) OR
		n_events   != (SELECT COUNT(*) FROM events WHERE doc_seq = d.seq)`).Scan(&bad)
	if err != nil {
		return err
	}
	if bad > 0 {
		return fmt.Errorf("%d documents have missing or extra annotation rows", bad)
	}
	return nil
}
