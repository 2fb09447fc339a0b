// Package relations turns stored event reports into happenings and
// relations: it merges the coded events of many documents that describe the
// same real-world happening into one cluster (with every mention and
// GDELT-like counts), keeps a daily dyad aggregate of the clusters, builds
// dyad time series with a cooperation-conflict index, detects turning
// points (alerts), and scores document tone.
//
// Clustering is incremental: Update processes every stored event not yet
// clustered, in event order, so calling it after each store batch keeps the
// clusters current, and calling it again (or re-ingesting documents that
// the store skips) changes nothing. The rules are documented in
// docs/relations.md.
package relations

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/attache-project/attache/internal/neardup"
	"github.com/attache-project/attache/internal/store"
)

// DefaultWindow is the default date window, in days, within which two
// reports of compatible events are taken to be one happening.
const DefaultWindow = 1

// DefaultLinkWindow is how many days before a happening a planned (future)
// report of it may be dated and still be linked to it.
const DefaultLinkWindow = 14

// cacheKiB is the SQLite page cache of the clustering connection while it
// clusters, and defaultCacheKiB SQLite's default it returns to, in KiB.
const (
	cacheKiB        = 64 << 10
	defaultCacheKiB = 2000
)

// pgLock is the PostgreSQL advisory lock key (postgres.RelationsLock)
// that each tone and clustering transaction takes on PostgreSQL, so that
// several workers sharing a database update the relations one at a time.
const pgLock = 0x617474616304

// DefaultBatch is the number of events clustered per transaction.
const DefaultBatch = 5000

// Modalities of doc.Event.
const (
	Asserted = "asserted"
	Future   = "future"
)

// Options configures clustering. The zero value uses the defaults.
type Options struct {
	// Window is the date tolerance in days (default DefaultWindow; a
	// negative value means 0: same day only).
	Window int
	// LinkWindow bounds planned-to-actual links (default DefaultLinkWindow).
	LinkWindow int
	// Batch is the number of events per transaction (default DefaultBatch).
	Batch int
	// DuplicateOf is the hook for near-duplicate documents (syndicated
	// copies): given a document's seq it returns the seq of the original it
	// copies. A copy's mentions are kept but count as the original's
	// article. Nil means the near-duplicate index of internal/neardup.
	DuplicateOf func(ctx context.Context, db *sql.DB, docSeq int64) (orig int64, ok bool, err error)
}

// nearDuplicateOf asks the near-duplicate index (internal/neardup), which
// ingest fills before clustering runs.
func nearDuplicateOf(ctx context.Context, db *sql.DB, docSeq int64) (int64, bool, error) {
	orig, err := neardup.DuplicateOf(ctx, db, docSeq)
	return orig, orig != 0, err
}

func (o Options) withDefaults() Options {
	if o.DuplicateOf == nil {
		o.DuplicateOf = nearDuplicateOf
	}
	if o.Window == 0 {
		o.Window = DefaultWindow
	} else if o.Window < 0 {
		o.Window = 0
	}
	if o.LinkWindow <= 0 {
		o.LinkWindow = DefaultLinkWindow
	}
	if o.Batch <= 0 {
		o.Batch = DefaultBatch
	}
	return o
}

// UpdateStats says what one Update did.
type UpdateStats struct {
	Events      int `json:"events"`       // events read
	Undated     int `json:"undated"`      // events without any date (not clustered)
	NewClusters int `json:"new_clusters"` // clusters created
	Joined      int `json:"joined"`       // events that joined an existing cluster
	Links       int `json:"links"`        // planned-to-actual links made
	Toned       int `json:"toned"`        // documents scored for tone
}

const watermarkKey = "clustered_event_seq"
const toneKey = "toned_doc_seq"

// ErrNoSchema is returned when the database lacks the relations tables.
var ErrNoSchema = errors.New("database has no relations tables: open it with this attache's store to migrate it")

// Update clusters every stored event not yet clustered and scores the tone
// of every document not yet scored. It is what ingest calls after each
// store batch; calling it when nothing is new costs two queries.
func Update(ctx context.Context, db *sql.DB, opts Options) (UpdateStats, error) {
	opts = opts.withDefaults()
	var st UpdateStats
	// Matching reads clusters all over the table: the clustering
	// connection gets a large page cache while it works (SQLite's default of
	// 2 MB makes a large database re-read the same pages for every event),
	// and gives it back before returning to the pool, so that later
	// queries on the connection do not keep it filled.
	// (PostgreSQL sizes its shared buffers itself.)
	pg := store.IsPostgres(db)
	conn, err := db.Conn(ctx)
	if err != nil {
		return st, err
	}
	defer func() {
		if !pg {
			conn.ExecContext(context.Background(), "PRAGMA cache_size = -"+strconv.Itoa(defaultCacheKiB))
		}
		conn.Close()
	}()
	if !pg {
		if _, err := conn.ExecContext(ctx, "PRAGMA cache_size = -"+strconv.Itoa(cacheKiB)); err != nil {
			return st, err
		}
	}
	for {
		n, err := toneBatch(ctx, conn, pg, opts.Batch)
		if err != nil {
			return st, err
		}
		st.Toned += n
		if n == 0 {
			break
		}
	}
	for {
		more, err := clusterBatch(ctx, conn, db, pg, opts, &st)
		if err != nil {
			return st, err
		}
		if !more {
			return st, nil
		}
	}
}

func getState(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, key string) (int64, error) {
	var v int64
	err := q.QueryRowContext(ctx, `SELECT value FROM rel_state WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil && noTable(err) {
		return 0, ErrNoSchema
	}
	return v, err
}

// noTable reports whether err says that a table is missing (SQLite: "no
// such table"; PostgreSQL: undefined_table, SQLSTATE 42P01).
func noTable(err error) bool {
	m := err.Error()
	return strings.Contains(m, "no such table") || strings.Contains(m, "42P01")
}

// begin starts a relations transaction; on PostgreSQL it first takes the
// relations lock (released at commit or rollback), so that concurrent
// workers read the watermark and the clusters one after another.
func begin(ctx context.Context, conn *sql.Conn, pg bool) (*sql.Tx, error) {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil || !pg {
		return tx, err
	}
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(?)`, int64(pgLock)); err != nil {
		tx.Rollback()
		return nil, err
	}
	return tx, nil
}

func setState(ctx context.Context, tx *sql.Tx, key string, v int64) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO rel_state(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, key, v)
	return err
}

// toneBatch scores up to n documents past the tone watermark.
func toneBatch(ctx context.Context, db *sql.Conn, pg bool, n int) (int, error) {
	tx, err := begin(ctx, db, pg)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	w, err := getState(ctx, tx, toneKey)
	if err != nil {
		return 0, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT seq, text FROM documents WHERE seq > ? ORDER BY seq LIMIT ?`, w, n)
	if err != nil {
		return 0, err
	}
	type dt struct {
		seq int64
		t   ToneScore
	}
	var docs []dt
	for rows.Next() {
		var seq int64
		var text string
		if err := rows.Scan(&seq, &text); err != nil {
			rows.Close()
			return 0, err
		}
		docs = append(docs, dt{seq, Score(text)})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	if len(docs) == 0 {
		return 0, nil
	}
	ins, err := tx.PrepareContext(ctx, `INSERT INTO rel_doc_tone(doc_seq, tone, positive, negative, words) VALUES(?,?,?,?,?)
		ON CONFLICT(doc_seq) DO UPDATE SET tone = excluded.tone, positive = excluded.positive, negative = excluded.negative, words = excluded.words`)
	if err != nil {
		return 0, err
	}
	defer ins.Close()
	for _, d := range docs {
		if _, err := ins.ExecContext(ctx, d.seq, d.t.Tone, d.t.Positive, d.t.Negative, d.t.Words); err != nil {
			return 0, err
		}
	}
	if err := setState(ctx, tx, toneKey, docs[len(docs)-1].seq); err != nil {
		return 0, err
	}
	return len(docs), tx.Commit()
}

// pending is one stored event read for clustering.
type pending struct {
	seq, docSeq int64
	shape       shape
	quad        int
	goldstein   float64
	srcCountry  string
	srcName     string
	tgtCountry  string
	tgtName     string
	locName     string
	reported    string
	source      string
	sentence    int
	confidence  float64
	hasDate     bool
}

// eventExtra is the part of an event's JSON that the events table does not
// have columns for.
type eventExtra struct {
	Location *struct {
		Name    string  `json:"name"`
		Country *string `json:"country"`
	} `json:"location"`
	Confidence float64 `json:"confidence"`
}

func str(n sql.NullString) string {
	if n.Valid {
		return n.String
	}
	return ""
}

// speechSQL selects the events whose sentence is needed: speech acts (see
// speechRoots).
const speechSQL = `e.root IN ('01', '02', '03', '10', '11', '12', '13')`

// readPending reads up to n events past the watermark.
func readPending(ctx context.Context, tx *sql.Tx, db *sql.DB, after int64, n int) ([]pending, error) {
	rows, err := tx.QueryContext(ctx, `SELECT e.seq, e.doc_seq, e.sentence, e.cameo, e.quad, e.goldstein,
		e.src_code, e.src_country, e.src_text, e.tgt_code, e.tgt_country, e.tgt_text, e.date, e.modality, e.json,
		d.published, d.anchor, d.source,
		CASE WHEN `+speechSQL+` THEN `+store.ByteSlice(db, "d.text", "e.sent_start", "e.sent_end-e.sent_start")+` ELSE '' END
		FROM events e JOIN documents d ON d.seq = e.doc_seq WHERE e.seq > ? ORDER BY e.seq LIMIT ?`, after, n)
	if err != nil {
		if noTable(err) {
			return nil, ErrNoSchema
		}
		return nil, err
	}
	defer rows.Close()
	var out []pending
	for rows.Next() {
		var p pending
		var sc, sco, stx, tc, tco, ttx, date, pub, anchor, src sql.NullString
		var js []byte
		var sentence string
		if err := rows.Scan(&p.seq, &p.docSeq, &p.sentence, &p.shape.CAMEO, &p.quad, &p.goldstein,
			&sc, &sco, &stx, &tc, &tco, &ttx, &date, &p.shape.Modality, &js, &pub, &anchor, &src, &sentence); err != nil {
			return nil, err
		}
		if speech(p.shape.CAMEO) {
			p.shape.Sig = signature(sentence, str(stx), str(ttx))
		}
		// A corrupt event JSON only loses the location and confidence.
		var x eventExtra
		_ = json.Unmarshal(js, &x)
		p.confidence = x.Confidence
		if x.Location != nil {
			p.locName = x.Location.Name
			p.shape.Loc = strings.ToLower(strings.TrimSpace(x.Location.Name))
			if x.Location.Country != nil {
				p.shape.LocCountry = *x.Location.Country
			}
		}
		p.srcCountry, p.tgtCountry = str(sco), str(tco)
		p.srcName, p.tgtName = str(stx), str(ttx)
		p.shape.Src = side{Key: actorKey(p.srcCountry, str(sc)), Code: str(sc)}
		p.shape.Tgt = side{Key: actorKey(p.tgtCountry, str(tc)), Code: str(tc)}
		p.reported = firstOf(dateOnly(str(pub)), str(anchor))
		p.shape.Date = firstOf(str(date), str(anchor), dateOnly(str(pub)))
		if len(p.shape.Date) > 10 {
			p.shape.Date = p.shape.Date[:10]
		}
		_, p.hasDate = dayDiff(p.shape.Date, p.shape.Date)
		p.source = str(src)
		out = append(out, p)
	}
	return out, rows.Err()
}

func firstOf(xs ...string) string {
	for _, x := range xs {
		if x != "" {
			return x
		}
	}
	return ""
}

func dateOnly(s string) string {
	if len(s) > 10 {
		return s[:10]
	}
	return s
}

// clusterRec is a cluster as read for matching.
type clusterRec struct {
	id    int64
	shape shape
}

type dyadDay struct{ src, tgt, day string }

// clusterBatch clusters one batch of pending events; it reports whether
// there may be more.
func clusterBatch(ctx context.Context, conn *sql.Conn, db *sql.DB, pg bool, opts Options, st *UpdateStats) (bool, error) {
	tx, err := begin(ctx, conn, pg)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	w, err := getState(ctx, tx, watermarkKey)
	if err != nil {
		return false, err
	}
	evs, err := readPending(ctx, tx, db, w, opts.Batch)
	if err != nil {
		return false, err
	}
	if len(evs) == 0 {
		return false, nil
	}
	c, err := newClusterer(ctx, tx, pg, opts)
	if err != nil {
		return false, err
	}
	defer c.close()
	for i := range evs {
		st.Events++
		p := &evs[i]
		if !p.hasDate {
			st.Undated++
			continue
		}
		if err := c.add(ctx, db, p, st); err != nil {
			return false, fmt.Errorf("clustering event %d: %w", p.seq, err)
		}
	}
	if err := c.finish(ctx); err != nil {
		return false, err
	}
	if err := setState(ctx, tx, watermarkKey, evs[len(evs)-1].seq); err != nil {
		return false, err
	}
	if err := tx.Commit(); err != nil {
		return false, err
	}
	return len(evs) == opts.Batch, nil
}
