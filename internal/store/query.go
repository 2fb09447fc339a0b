package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
)

// defaultLimit caps listings when the caller gives no limit.
const defaultLimit = 100

// where accumulates SQL conditions and their arguments; values are always
// bound as parameters, never spliced into the SQL text.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

func limit(n int) int {
	if n <= 0 {
		return defaultLimit
	}
	return n
}

// ftsQuery turns free text into an FTS5 query of quoted terms, so that user
// input can never be read as FTS syntax.
func ftsQuery(s string) string {
	var terms []string
	for _, f := range strings.Fields(s) {
		f = strings.ReplaceAll(f, `"`, `""`)
		terms = append(terms, `"`+f+`"`)
	}
	return strings.Join(terms, " ")
}

// Documents implements Store.
func (s *SQLite) Documents(ctx context.Context, f DocFilter) ([]DocSummary, error) {
	var w where
	if f.Search != "" {
		w.add(`d.seq IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)`, ftsQuery(f.Search))
	}
	if f.Source != "" {
		w.add(`d.source = ?`, f.Source)
	}
	if f.Since != "" {
		w.add(`d.published >= ?`, f.Since)
	}
	if f.Until != "" {
		w.add(`d.published <= ?`, f.Until)
	}
	if f.After > 0 {
		w.add(`d.seq > ?`, f.After)
	}
	q := `SELECT d.seq, d.id, d.source, d.title, d.published, d.url, substr(d.text, 1, 200), d.n_events, d.n_quotes FROM documents d` +
		w.sql() + ` ORDER BY d.seq LIMIT ?`
	rows, err := s.db.QueryContext(ctx, q, append(w.args, limit(f.Limit))...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []DocSummary
	for rows.Next() {
		var d DocSummary
		var src, title, pub, url sql.NullString
		if err := rows.Scan(&d.Seq, &d.ID, &src, &title, &pub, &url, &d.Snippet, &d.Events, &d.Quotes); err != nil {
			return nil, err
		}
		d.Source, d.Title, d.Published, d.URL = ns(src), ns(title), ns(pub), ns(url)
		out = append(out, d)
	}
	return out, rows.Err()
}

func ns(n sql.NullString) *string {
	if !n.Valid {
		return nil
	}
	s := n.String
	return &s
}

// Events implements Store.
func (s *SQLite) Events(ctx context.Context, f EventFilter) ([]EventRow, error) {
	var w where
	if f.Actor != "" {
		p := f.Actor + "%"
		w.add(`(e.src_code LIKE ? OR e.tgt_code LIKE ? OR e.src_text LIKE ? OR e.tgt_text LIKE ?)`, p, p, "%"+f.Actor+"%", "%"+f.Actor+"%")
	}
	// Actor filters are written so that SQLite answers them from indexes
	// in seq order: a country code is an equality on the country column
	// (an actor's code always starts with its country), anything else a
	// range over codes. A date range then must not steer the planner to
	// the date index, hence the unary + on e.date below.
	f.Country, f.Source, f.Target = strings.ToUpper(f.Country), strings.ToUpper(f.Source), strings.ToUpper(f.Target)
	byActor := f.Country != "" || f.Source != "" || f.Target != ""
	if f.Source != "" {
		cond, args := actorCond("src", f.Source)
		w.add(cond, args...)
	}
	if f.Target != "" {
		cond, args := actorCond("tgt", f.Target)
		w.add(cond, args...)
	}
	if f.CAMEO != "" {
		w.add(`e.cameo LIKE ?`, f.CAMEO+"%")
	}
	if f.PLOVER != "" {
		w.add(`e.plover = ?`, strings.ToUpper(f.PLOVER))
	}
	if f.Quad > 0 {
		w.add(`e.quad = ?`, f.Quad)
	}
	if f.Modality != "" {
		w.add(`e.modality = ?`, f.Modality)
	}
	date := "e.date"
	if byActor {
		date = "+e.date"
	}
	if f.Since != "" {
		w.add(date+` >= ?`, f.Since)
	}
	if f.Until != "" {
		w.add(date+` <= ?`, f.Until)
	}
	if f.Search != "" {
		w.add(`e.doc_seq IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)`, ftsQuery(f.Search))
	}
	if f.DocID != "" {
		w.add(`d.id = ?`, f.DocID)
	}
	if f.After > 0 {
		w.add(`e.seq > ?`, f.After)
	}
	n := limit(f.Limit)
	args := w.args
	if f.Country != "" {
		// "source or target is X": each side alone walks its country index
		// in seq order and stops after n rows; the union of the two first-n
		// lists holds the first n of the whole. One OR over both columns
		// would collect and sort every event of the country instead.
		side := func(col string) string {
			return `SELECT e.seq FROM events e JOIN documents d ON d.seq = e.doc_seq` + w.sql() + ` AND e.` + col + ` = ? ORDER BY e.seq LIMIT ?`
		}
		if len(w.conds) == 0 {
			side = func(col string) string {
				return `SELECT e.seq FROM events e WHERE e.` + col + ` = ? ORDER BY e.seq LIMIT ?`
			}
		}
		sub := `e.seq IN (SELECT seq FROM (` + side("src_country") + `) UNION SELECT seq FROM (` + side("tgt_country") + `))`
		args = append(append(append(append([]any{}, w.args...), f.Country, n), w.args...), f.Country, n)
		w = where{conds: []string{sub}}
	}
	// The evidence sentence is cut from the document text by byte offsets
	// (a BLOB substr counts bytes; a TEXT one would count characters).
	q := `SELECT e.seq, d.id, e.json, CAST(substr(CAST(d.text AS BLOB), e.sent_start+1, e.sent_end-e.sent_start) AS TEXT), d.source, d.published
		FROM events e JOIN documents d ON d.seq = e.doc_seq` + w.sql() + ` ORDER BY e.seq LIMIT ?`
	rows, err := s.db.QueryContext(ctx, q, append(args, n)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []EventRow
	for rows.Next() {
		var r EventRow
		var ej []byte
		var src, pub sql.NullString
		if err := rows.Scan(&r.Seq, &r.DocID, &ej, &r.Sentence, &src, &pub); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(ej, &r.Event); err != nil {
			return nil, err
		}
		r.Source, r.Published = ns(src), ns(pub)
		out = append(out, r)
	}
	return out, rows.Err()
}

// Quotes implements Store.
func (s *SQLite) Quotes(ctx context.Context, f QuoteFilter) ([]QuoteRow, error) {
	var w where
	if f.Speaker != "" {
		w.add(`(q.speaker_name LIKE ? OR q.speaker_text LIKE ?)`, "%"+f.Speaker+"%", "%"+f.Speaker+"%")
	}
	if f.Since != "" {
		w.add(`q.date >= ?`, f.Since)
	}
	if f.Until != "" {
		w.add(`q.date <= ?`, f.Until)
	}
	if f.Search != "" {
		w.add(`q.seq IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)`, ftsQuery(f.Search))
	}
	if f.DocID != "" {
		w.add(`d.id = ?`, f.DocID)
	}
	if f.After > 0 {
		w.add(`q.seq > ?`, f.After)
	}
	q := `SELECT q.seq, d.id, q.json, q.speaker_name, d.published FROM quotes q JOIN documents d ON d.seq = q.doc_seq` +
		w.sql() + ` ORDER BY q.seq LIMIT ?`
	rows, err := s.db.QueryContext(ctx, q, append(w.args, limit(f.Limit))...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []QuoteRow
	for rows.Next() {
		var r QuoteRow
		var qj []byte
		var name, pub sql.NullString
		if err := rows.Scan(&r.Seq, &r.DocID, &qj, &name, &pub); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(qj, &r.Quote); err != nil {
			return nil, err
		}
		r.SpeakerName, r.Published = ns(name), ns(pub)
		out = append(out, r)
	}
	return out, rows.Err()
}

// prefixEnd returns the smallest string greater than every string with
// prefix p, so that "code LIKE p%" can be written as the index-friendly
// range code >= p AND code < prefixEnd(p).
func prefixEnd(p string) string {
	b := []byte(p)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < 0xff {
			b[i]++
			return string(b[:i+1])
		}
	}
	return "\U0010FFFF"
}

// nonCountryPrefixes are the three-letter CAMEO codes that do not name a
// country (international and transnational actors).
var nonCountryPrefixes = map[string]bool{"IGO": true, "NGO": true, "IMG": true, "MNC": true, "INT": true, "UIS": true, "REB": true}

// actorCond returns the condition for one side of an event ("src" or
// "tgt") matching a country code or an actor code prefix.
func actorCond(side, v string) (string, []any) {
	if len(v) == 3 && !nonCountryPrefixes[v] {
		return "e." + side + "_country = ?", []any{v}
	}
	return "(e." + side + "_code >= ? AND e." + side + "_code < ?)", []any{v, prefixEnd(v)}
}
