// Package export writes attache's event clusters (see internal/relations)
// in exchange formats: the GDELT 2.0 event and mentions tables, JSON lines
// (clusters with their mentions), CSV and Parquet. Every writer streams:
// rows are read from the database and written one at a time, so memory
// does not grow with the export. Formats and columns are documented in
// docs/export.md.
package export

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/store"
)

// Geocode returns the coordinates of a place (name may be empty for the
// country itself; country is ISO 3166-1 alpha-3). It is nil until the
// command wires it to the gazetteer of the actor package; without it the
// coordinates are left empty.
var Geocode func(name, country string) (lat, lon float64, ok bool)

// Formats lists the export formats.
var Formats = []string{"gdelt", "mentions", "jsonl", "csv", "parquet"}

// Filter selects clusters. Empty fields match everything.
type Filter struct {
	Since, Until string // cluster date, YYYY-MM-DD inclusive
	// Dyad is "SRC-TGT" (actor keys: country codes, or actor codes).
	Dyad string
	// CAMEO is a code prefix ("16", "163").
	CAMEO string
	// AllModalities includes clusters of planned, hypothetical and negated
	// events; by default only asserted ones are exported. The GDELT formats
	// always export asserted clusters only.
	AllModalities bool
	// Unidentified includes clusters of which neither actor has a code or
	// a country (an action without a who or a whom); by default they are
	// left out. The GDELT formats always leave them out.
	Unidentified bool
}

// Actor is one side of a cluster.
type Actor struct {
	Code    string `json:"code" parquet:"code"`
	Name    string `json:"name" parquet:"name"`
	Country string `json:"country" parquet:"country"`
}

// Cluster is one happening: an event cluster with its counts.
type Cluster struct {
	ID          int64    `json:"id"`
	Date        string   `json:"date"`
	Source      Actor    `json:"source"`
	Target      Actor    `json:"target"`
	CAMEO       string   `json:"cameo"`
	Quad        int      `json:"quad"`
	Goldstein   float64  `json:"goldstein"`
	Modality    string   `json:"modality"`
	Location    string   `json:"location"`
	LocCountry  string   `json:"location_country"`
	Lat         *float64 `json:"lat"` // nil when the place is not geocoded
	Lon         *float64 `json:"lon"`
	NumMentions int      `json:"num_mentions"`
	NumSources  int      `json:"num_sources"`
	NumArticles int      `json:"num_articles"`
	AvgTone     float64  `json:"avg_tone"`
	IsRoot      bool     `json:"is_root"`
	FirstReport string   `json:"first_report"`
	FirstDocID  string   `json:"first_doc"`
	SourceURL   string   `json:"source_url"`
	// Sentence is the representative mention's sentence.
	Sentence string `json:"sentence"`
}

// Mention is one report of a cluster's happening.
type Mention struct {
	ClusterID  int64   `json:"cluster"`
	EventSeq   int64   `json:"-"`
	DocID      string  `json:"doc"`
	EventID    string  `json:"event"`
	Outlet     string  `json:"outlet"`
	URL        string  `json:"url"`
	Reported   string  `json:"reported"`
	Sentence   int     `json:"sentence"`
	Span       [2]int  `json:"span"`
	Text       string  `json:"text"`
	CAMEO      string  `json:"cameo"`
	Confidence float64 `json:"confidence"`
	DocLen     int     `json:"doc_len"`
	DocTone    float64 `json:"doc_tone"`
	// SentenceText is the text of the sentence holding the mention.
	SentenceText string `json:"sentence_text"`
}

// where builds the cluster filter as parameterised SQL.
func (f Filter) where(forceAsserted bool) (string, []any, error) {
	var conds []string
	var args []any
	for _, d := range []string{f.Since, f.Until} {
		if d != "" {
			if _, err := time.Parse("2006-01-02", d); err != nil {
				return "", nil, fmt.Errorf("date %q: want YYYY-MM-DD", d)
			}
		}
	}
	if f.Since != "" {
		conds, args = append(conds, "c.date >= ?"), append(args, f.Since)
	}
	if f.Until != "" {
		conds, args = append(conds, "c.date <= ?"), append(args, f.Until)
	}
	if f.Dyad != "" {
		src, tgt, ok := strings.Cut(strings.ToUpper(f.Dyad), "-")
		if !ok || src == "" || tgt == "" {
			return "", nil, fmt.Errorf("dyad %q: want SOURCE-TARGET, e.g. RUS-USA", f.Dyad)
		}
		conds, args = append(conds, "c.src_key = ? AND c.tgt_key = ?"), append(args, src, tgt)
	}
	if f.CAMEO != "" {
		conds, args = append(conds, "c.cameo LIKE ?"), append(args, strings.NewReplacer("%", "", "_", "").Replace(f.CAMEO)+"%")
	}
	if forceAsserted || !f.AllModalities {
		conds = append(conds, "c.modality = 'asserted'")
	}
	if forceAsserted || !f.Unidentified {
		conds = append(conds, "COALESCE(c.src_code, c.src_country, c.tgt_code, c.tgt_country) IS NOT NULL")
	}
	if len(conds) == 0 {
		return "", nil, nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args, nil
}

// sentenceSQL cuts a sentence out of the text of document alias d by the
// byte offsets of event alias e, in db's dialect.
func sentenceSQL(db *sql.DB, d, e string) string {
	return store.ByteSlice(db, d+".text", e+".sent_start", e+".sent_end-"+e+".sent_start")
}

func noSchema(err error) error {
	if err != nil && (strings.Contains(err.Error(), "no such table") || strings.Contains(err.Error(), "42P01")) {
		return fmt.Errorf("database has no relations tables (%v): run `attache ingest` with this attache first", err)
	}
	return err
}

// Clusters streams the clusters matching f, in id order, to fn.
func Clusters(ctx context.Context, db *sql.DB, f Filter, forceAsserted bool, fn func(*Cluster) error) error {
	w, args, err := f.where(forceAsserted)
	if err != nil {
		return err
	}
	q := `SELECT c.id, c.date, COALESCE(c.src_code,''), COALESCE(c.src_name,''), COALESCE(c.src_country,''),
		COALESCE(c.tgt_code,''), COALESCE(c.tgt_name,''), COALESCE(c.tgt_country,''), c.cameo, c.quad, c.goldstein, c.modality,
		COALESCE(c.location,''), COALESCE(c.loc_country,''), c.num_mentions, c.num_sources, c.num_articles, c.avg_tone, c.is_root,
		COALESCE(c.first_report,''), COALESCE(fd.id,''), COALESCE(fd.url,''), COALESCE(` + sentenceSQL(db, "rd", "e") + `,'')
		FROM rel_clusters c LEFT JOIN documents fd ON fd.seq = c.first_doc_seq
		LEFT JOIN events e ON e.seq = c.rep_event_seq LEFT JOIN documents rd ON rd.seq = e.doc_seq` + w + ` ORDER BY c.id`
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return noSchema(err)
	}
	defer rows.Close()
	var c Cluster
	for rows.Next() {
		c = Cluster{}
		if err := rows.Scan(&c.ID, &c.Date, &c.Source.Code, &c.Source.Name, &c.Source.Country, &c.Target.Code, &c.Target.Name, &c.Target.Country,
			&c.CAMEO, &c.Quad, &c.Goldstein, &c.Modality, &c.Location, &c.LocCountry, &c.NumMentions, &c.NumSources, &c.NumArticles,
			&c.AvgTone, &c.IsRoot, &c.FirstReport, &c.FirstDocID, &c.SourceURL, &c.Sentence); err != nil {
			return err
		}
		c.Sentence = strings.Join(strings.Fields(c.Sentence), " ")
		if Geocode != nil && (c.Location != "" || c.LocCountry != "") {
			if lat, lon, ok := Geocode(c.Location, c.LocCountry); ok {
				c.Lat, c.Lon = &lat, &lon
			}
		}
		if err := fn(&c); err != nil {
			return err
		}
	}
	return rows.Err()
}

// mentionCols selects mentions with their event and document, in db's
// dialect ("end" is quoted: PostgreSQL reserves it).
func mentionCols(db *sql.DB) string {
	docLen := `length(CAST(d.text AS BLOB))`
	if store.IsPostgres(db) {
		docLen = `octet_length(d.text)`
	}
	return `SELECT m.cluster_id, m.event_seq, d.id, e.eid, COALESCE(d.source,''), COALESCE(d.url,''), COALESCE(m.reported,''),
	e.sentence, e.start, e."end", e.text, e.cameo, m.confidence, ` + docLen + `, COALESCE(t.tone, 0), ` + sentenceSQL(db, "d", "e") + `
	FROM rel_mentions m JOIN events e ON e.seq = m.event_seq JOIN documents d ON d.seq = m.doc_seq
	LEFT JOIN rel_doc_tone t ON t.doc_seq = m.doc_seq `
}

func scanMention(rows *sql.Rows, m *Mention) error {
	return rows.Scan(&m.ClusterID, &m.EventSeq, &m.DocID, &m.EventID, &m.Outlet, &m.URL, &m.Reported, &m.Sentence, &m.Span[0], &m.Span[1],
		&m.Text, &m.CAMEO, &m.Confidence, &m.DocLen, &m.DocTone, &m.SentenceText)
}

// Mentions streams the mentions of the clusters matching f, in cluster and
// event order, to fn.
func Mentions(ctx context.Context, db *sql.DB, f Filter, forceAsserted bool, fn func(*Mention) error) error {
	w, args, err := f.where(forceAsserted)
	if err != nil {
		return err
	}
	q := mentionCols(db) + `WHERE m.cluster_id IN (SELECT c.id FROM rel_clusters c` + w + `) ORDER BY m.cluster_id, m.event_seq`
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return noSchema(err)
	}
	defer rows.Close()
	var m Mention
	for rows.Next() {
		m = Mention{}
		if err := scanMention(rows, &m); err != nil {
			return err
		}
		if err := fn(&m); err != nil {
			return err
		}
	}
	return rows.Err()
}

// clusterMentions reads one cluster's mentions.
func clusterMentions(ctx context.Context, st *sql.Stmt, id int64) ([]Mention, error) {
	rows, err := st.QueryContext(ctx, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Mention{}
	for rows.Next() {
		var m Mention
		if err := scanMention(rows, &m); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// Write exports the clusters matching f in the given format and returns
// the number of rows written (clusters, or mentions for "mentions").
func Write(ctx context.Context, db *sql.DB, w io.Writer, format string, f Filter) (int, error) {
	switch format {
	case "gdelt":
		return writeGDELT(ctx, db, w, f)
	case "mentions":
		return writeGDELTMentions(ctx, db, w, f)
	case "jsonl":
		return writeJSONL(ctx, db, w, f)
	case "csv":
		return writeCSV(ctx, db, w, f)
	case "parquet":
		return writeParquet(ctx, db, w, f)
	}
	return 0, fmt.Errorf("unknown export format %q (want %s)", format, strings.Join(Formats, ", "))
}

// Schema is the analysis schema version the exports carry.
const Schema = doc.Schema
