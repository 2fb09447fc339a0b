package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/attache-project/attache/internal/store"
)

// defaultLimit caps listings when the caller gives no limit (as in SQLite).
const defaultLimit = 100

// where accumulates SQL conditions with numbered parameters; values are
// always bound, never spliced into the SQL text.
type where struct {
	conds []string
	args  []any
}

// add appends a condition in which each "?" stands for the next argument.
func (w *where) add(cond string, args ...any) {
	var b strings.Builder
	k := 0
	for _, r := range cond {
		if r == '?' {
			w.args = append(w.args, args[k])
			k++
			fmt.Fprintf(&b, "$%d", len(w.args))
			continue
		}
		b.WriteRune(r)
	}
	w.conds = append(w.conds, b.String())
}

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// limit adds the LIMIT parameter and returns its placeholder.
func (w *where) limit(n int) string {
	if n <= 0 {
		n = defaultLimit
	}
	w.args = append(w.args, n)
	return fmt.Sprintf(" LIMIT $%d", len(w.args))
}

// tsQuery is the tsquery expression for free text: every whitespace-
// separated word must occur, as with the SQLite store's quoted FTS5 terms
// (a word that the parser splits, "U.S.", must occur as a phrase). User
// input is never read as query syntax.
const tsQuery = `(SELECT COALESCE(tsquery_and_agg, ''::tsquery) FROM (SELECT string_agg(x::text, ' & ')::tsquery AS tsquery_and_agg
	FROM unnest(?::text[]) AS w, LATERAL phraseto_tsquery('simple', w) AS x WHERE x::text <> '') q)`

// words splits free text like the SQLite store's ftsQuery.
func words(s string) []string { return strings.Fields(s) }

// searchCond is the full-text condition on a tsv column.
func searchCond(col string) string { return col + ` @@ ` + tsQuery }

// Documents implements store.Store.
func (s *Store) Documents(ctx context.Context, f store.DocFilter) ([]store.DocSummary, error) {
	var w where
	if f.Search != "" {
		w.add(searchCond("d.tsv"), words(f.Search))
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
	q := `SELECT d.seq, d.id, d.source, d.title, d.published, d.url, left(d.text, 200), d.n_events, d.n_quotes FROM documents d` +
		w.sql() + ` ORDER BY d.seq` + w.limit(f.Limit)
	rows, err := s.pool.Query(ctx, q, w.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.DocSummary
	for rows.Next() {
		var d store.DocSummary
		if err := rows.Scan(&d.Seq, &d.ID, &d.Source, &d.Title, &d.Published, &d.URL, &d.Snippet, &d.Events, &d.Quotes); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Events implements store.Store. LIKE in SQLite ignores ASCII case, so the
// pattern filters use ILIKE here.
func (s *Store) Events(ctx context.Context, f store.EventFilter) ([]store.EventRow, error) {
	var w where
	if f.Actor != "" {
		p := f.Actor + "%"
		w.add(`(e.src_code ILIKE ? OR e.tgt_code ILIKE ? OR e.src_text ILIKE ? OR e.tgt_text ILIKE ?)`, p, p, "%"+f.Actor+"%", "%"+f.Actor+"%")
	}
	if f.Country != "" {
		w.add(`(e.src_country = ? OR e.tgt_country = ?)`, f.Country, f.Country)
	}
	if f.Source != "" {
		w.add(`(e.src_country = ? OR e.src_code ILIKE ?)`, f.Source, f.Source+"%")
	}
	if f.Target != "" {
		w.add(`(e.tgt_country = ? OR e.tgt_code ILIKE ?)`, f.Target, f.Target+"%")
	}
	if f.CAMEO != "" {
		w.add(`e.cameo ILIKE ?`, f.CAMEO+"%")
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
	if f.Since != "" {
		w.add(`e.date >= ?`, f.Since)
	}
	if f.Until != "" {
		w.add(`e.date <= ?`, f.Until)
	}
	if f.Search != "" {
		w.add(searchCond("d.tsv"), words(f.Search))
	}
	if f.DocID != "" {
		w.add(`d.id = ?`, f.DocID)
	}
	if f.After > 0 {
		w.add(`e.seq > ?`, f.After)
	}
	// The evidence sentence is cut from the document text by byte offsets:
	// substring of the UTF-8 bytes, not of the characters.
	q := `SELECT e.seq, d.id, e.json, convert_from(substring(convert_to(d.text, 'UTF8') FROM e.sent_start+1 FOR e.sent_end-e.sent_start), 'UTF8'),
		d.source, d.published FROM events e JOIN documents d ON d.seq = e.doc_seq` + w.sql() + ` ORDER BY e.seq` + w.limit(f.Limit)
	rows, err := s.pool.Query(ctx, q, w.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.EventRow
	for rows.Next() {
		var r store.EventRow
		var ej []byte
		if err := rows.Scan(&r.Seq, &r.DocID, &ej, &r.Sentence, &r.Source, &r.Published); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(ej, &r.Event); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Quotes implements store.Store.
func (s *Store) Quotes(ctx context.Context, f store.QuoteFilter) ([]store.QuoteRow, error) {
	var w where
	if f.Speaker != "" {
		w.add(`(q.speaker_name ILIKE ? OR q.speaker_text ILIKE ?)`, "%"+f.Speaker+"%", "%"+f.Speaker+"%")
	}
	if f.Since != "" {
		w.add(`q.date >= ?`, f.Since)
	}
	if f.Until != "" {
		w.add(`q.date <= ?`, f.Until)
	}
	if f.Search != "" {
		w.add(searchCond("q.tsv"), words(f.Search))
	}
	if f.DocID != "" {
		w.add(`d.id = ?`, f.DocID)
	}
	if f.After > 0 {
		w.add(`q.seq > ?`, f.After)
	}
	q := `SELECT q.seq, d.id, q.json, q.speaker_name, d.published FROM quotes q JOIN documents d ON d.seq = q.doc_seq` +
		w.sql() + ` ORDER BY q.seq` + w.limit(f.Limit)
	rows, err := s.pool.Query(ctx, q, w.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.QuoteRow
	for rows.Next() {
		var r store.QuoteRow
		var qj []byte
		if err := rows.Scan(&r.Seq, &r.DocID, &qj, &r.SpeakerName, &r.Published); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(qj, &r.Quote); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
