package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/attache-project/attache/internal/doc"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// SQLite is the embedded store.
type SQLite struct {
	db   *sql.DB
	path string
}

// Open opens (creating if needed) the SQLite database at path and brings its
// schema up to date. The database runs in WAL mode so that readers (the
// server) and one writer (ingest) work at the same time.
func Open(ctx context.Context, path string) (*SQLite, error) {
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "busy_timeout(10000)", "foreign_keys(1)", "synchronous(NORMAL)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	s := &SQLite{db: db, path: path}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("database %s: %w", path, err)
	}
	return s, nil
}

// DB exposes the underlying database to other packages of attache that keep
// their own tables in the same file (relations, actor registry).
func (s *SQLite) DB() *sql.DB { return s.db }

// SchemaVersion returns the applied migration version.
func (s *SQLite) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version),0) FROM schema_migrations`).Scan(&v)
	return v, err
}

func (s *SQLite) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return err
	}
	v, err := s.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	if v > len(migrations) {
		return fmt.Errorf("schema version %d is newer than this attache (%d): upgrade attache", v, len(migrations))
	}
	for i := v; i < len(migrations); i++ {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations(version, applied_at) VALUES(?, ?)`, i+1, now().Format("2006-01-02T15:04:05Z")); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// Close closes the database.
func (s *SQLite) Close() error { return s.db.Close() }

// Has implements Store.
func (s *SQLite) Has(ctx context.Context, id string) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM documents WHERE id = ?`, id).Scan(&n)
	return n > 0, err
}

// Put implements Store: the batch is written in one transaction.
func (s *SQLite) Put(ctx context.Context, batch []*doc.Analysis) ([]bool, error) {
	stored := make([]bool, len(batch))
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	ins, err := newInserter(ctx, tx)
	if err != nil {
		return nil, err
	}
	defer ins.close()
	for i, a := range batch {
		ok, err := ins.put(ctx, a)
		if err != nil {
			return nil, fmt.Errorf("storing %s: %w", a.ID, err)
		}
		stored[i] = ok
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	return stored, nil
}

// inserter holds the prepared statements of one write transaction.
type inserter struct {
	exists, doc, fts, ent, men, tmx, quo, qfts, evt *sql.Stmt
}

func newInserter(ctx context.Context, tx *sql.Tx) (*inserter, error) {
	in := &inserter{}
	var err error
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = tx.PrepareContext(ctx, q)
		return st
	}
	in.exists = prep(`SELECT COUNT(*) FROM documents WHERE id = ?`)
	in.doc = prep(`INSERT INTO documents(id, source, url, title, published, anchor, language, dateline_place, dateline_country, text, analysis,
		n_entities, n_mentions, n_timexes, n_quotes, n_events, ingested_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
	in.fts = prep(`INSERT INTO documents_fts(rowid, title, text) VALUES(?,?,?)`)
	in.ent = prep(`INSERT INTO entities(doc_seq, eid, name, type, country, code, role, sectors) VALUES(?,?,?,?,?,?,?,?)`)
	in.men = prep(`INSERT INTO mentions(doc_seq, eid, start, end, text, kind) VALUES(?,?,?,?,?,?)`)
	in.tmx = prep(`INSERT INTO timexes(doc_seq, idx, start, end, text, type, value) VALUES(?,?,?,?,?,?,?)`)
	in.quo = prep(`INSERT INTO quotes(doc_seq, idx, start, end, text, kind, speaker_entity, speaker_text, speaker_name, cue_text, cue_lemma, medium, date, json)
		VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
	in.qfts = prep(`INSERT INTO quotes_fts(rowid, text, speaker) VALUES(?,?,?)`)
	in.evt = prep(`INSERT INTO events(doc_seq, eid, sentence, sent_start, sent_end, start, end, text, cameo, root, plover, quad, goldstein,
		src_code, src_country, src_text, tgt_code, tgt_country, tgt_text, date, modality, json)
		VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		in.close()
		return nil, err
	}
	return in, nil
}

func (in *inserter) close() {
	for _, st := range []*sql.Stmt{in.exists, in.doc, in.fts, in.ent, in.men, in.tmx, in.quo, in.qfts, in.evt} {
		if st != nil {
			st.Close()
		}
	}
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

func (in *inserter) put(ctx context.Context, a *doc.Analysis) (bool, error) {
	var n int
	if err := in.exists.QueryRowContext(ctx, a.ID).Scan(&n); err != nil {
		return false, err
	}
	if n > 0 {
		return false, nil
	}
	js, err := json.Marshal(a)
	if err != nil {
		return false, err
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
	res, err := in.doc.ExecContext(ctx, a.ID, null(a.Source), null(a.URL), null(a.Title), null(a.Published), anchor, null(a.Language),
		dlPlace, dlCountry, a.Text, js, len(a.Entities), mentions, len(a.Timexes), len(a.Quotes), len(a.Events), now().Format("2006-01-02T15:04:05Z"))
	if err != nil {
		return false, err
	}
	seq, err := res.LastInsertId()
	if err != nil {
		return false, err
	}
	if _, err := in.fts.ExecContext(ctx, seq, doc.Val(a.Title), a.Text); err != nil {
		return false, err
	}
	names := map[string]string{}
	for _, e := range a.Entities {
		names[e.ID] = e.Name
		if _, err := in.ent.ExecContext(ctx, seq, e.ID, e.Name, e.Type, null(e.Country), null(e.Code), null(e.Role), strings.Join(e.Sectors, ",")); err != nil {
			return false, err
		}
		for _, m := range e.Mentions {
			if _, err := in.men.ExecContext(ctx, seq, e.ID, m.Span[0], m.Span[1], m.Text, nullStr(m.Kind)); err != nil {
				return false, err
			}
		}
	}
	for i, t := range a.Timexes {
		if _, err := in.tmx.ExecContext(ctx, seq, i, t.Span[0], t.Span[1], t.Text, t.Type, t.Value); err != nil {
			return false, err
		}
	}
	for i, q := range a.Quotes {
		qj, err := json.Marshal(q)
		if err != nil {
			return false, err
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
		res, err := in.quo.ExecContext(ctx, seq, i, q.Span[0], q.Span[1], q.Text, q.Kind, spEnt, spText, spName, cueText, cueLemma, null(q.Medium), null(q.Date), qj)
		if err != nil {
			return false, err
		}
		qseq, err := res.LastInsertId()
		if err != nil {
			return false, err
		}
		sp, _ := spName.(string)
		if _, err := in.qfts.ExecContext(ctx, qseq, q.Text, sp); err != nil {
			return false, err
		}
	}
	for _, e := range a.Events {
		ej, err := json.Marshal(e)
		if err != nil {
			return false, err
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
		if _, err := in.evt.ExecContext(ctx, seq, e.ID, e.Sentence, sent[0], sent[1], e.Span[0], e.Span[1], e.Text, e.CAMEO, root, e.PLOVER, e.Quad, e.Goldstein,
			sc, sco, st, tc, tco, tt, null(e.Date), e.Modality, ej); err != nil {
			return false, err
		}
	}
	return true, nil
}

// Get implements Store. id may be a unique prefix of a stored id (at least
// 8 characters), like git's abbreviated hashes.
func (s *SQLite) Get(ctx context.Context, id string) (*doc.Analysis, error) {
	var js []byte
	err := s.db.QueryRowContext(ctx, `SELECT analysis FROM documents WHERE id = ?`, id).Scan(&js)
	if errors.Is(err, sql.ErrNoRows) && len(id) >= 8 {
		rows, qerr := s.db.QueryContext(ctx, `SELECT analysis FROM documents WHERE id >= ? AND id < ? LIMIT 2`, id, id+"\U0010FFFF")
		if qerr != nil {
			return nil, qerr
		}
		defer rows.Close()
		n := 0
		for rows.Next() {
			n++
			if err := rows.Scan(&js); err != nil {
				return nil, err
			}
		}
		switch n {
		case 0:
			return nil, fmt.Errorf("%w: %s", ErrNotFound, id)
		case 1:
			err = nil
		default:
			return nil, fmt.Errorf("%w: %s", ErrAmbiguous, id)
		}
	}
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w: %s", ErrNotFound, id)
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

// Stats implements Store.
func (s *SQLite) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(SUM(n_entities),0), COALESCE(SUM(n_mentions),0), COALESCE(SUM(n_timexes),0),
		COALESCE(SUM(n_quotes),0), COALESCE(SUM(n_events),0) FROM documents`).Scan(&st.Documents, &st.Entities, &st.Mentions, &st.Timexes, &st.Quotes, &st.Events)
	return st, err
}

// Check verifies the database: SQLite's integrity check, and that every
// document's layer tables hold exactly the rows its counts promise (a
// partially written document would break this).
func (s *SQLite) Check(ctx context.Context) error {
	var res string
	if err := s.db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res); err != nil {
		return err
	}
	if res != "ok" {
		return fmt.Errorf("integrity check: %s", res)
	}
	var bad int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM documents d WHERE
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
