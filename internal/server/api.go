package server

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/attache-project/attache/internal/relations"
	"github.com/attache-project/attache/internal/store"
)

// Route is one API route: what the mux serves and what the OpenAPI
// document must describe (a test checks that the two agree).
type Route struct {
	Method  string
	Pattern string // ServeMux pattern path, e.g. /api/v1/documents/{id...}
	Handler http.Handler
}

// OpenAPIPath is the route's path in OpenAPI form ({id...} becomes {id}).
func (r Route) OpenAPIPath() string { return strings.ReplaceAll(r.Pattern, "...}", "}") }

func (s *Server) routes() []Route {
	h := func(method, pattern string, f func(http.ResponseWriter, *http.Request) error) Route {
		return Route{method, pattern, s.api(f)}
	}
	return []Route{
		{"GET", "/healthz", http.HandlerFunc(s.healthz)},
		{"GET", "/metrics", s.metrics.handler()},
		{"GET", "/api/v1/openapi.json", http.HandlerFunc(serveOpenAPI)},
		h("GET", "/api/v1/stats", s.cached(s.getStats)),
		h("GET", "/api/v1/timeline", s.cached(s.getTimeline)),
		h("GET", "/api/v1/documents", s.listDocuments),
		h("POST", "/api/v1/documents", s.postDocuments),
		h("GET", "/api/v1/documents/{id...}", s.getDocument),
		h("GET", "/api/v1/events", s.listEvents),
		h("GET", "/api/v1/quotes", s.listQuotes),
		h("GET", "/api/v1/speakers", s.listSpeakers),
		h("GET", "/api/v1/actors", s.listActors),
		h("GET", "/api/v1/actors/{name...}", s.getActor),
		h("GET", "/api/v1/registry", s.listRegistry),
		h("GET", "/api/v1/dyads", s.cached(s.listDyads)),
		h("GET", "/api/v1/relations", s.getRelations),
		h("GET", "/api/v1/alerts", s.listAlerts),
		h("GET", "/api/v1/clusters", s.listClusters),
		h("GET", "/api/v1/clusters/{id}", s.getCluster),
	}
}

// Routes lists the routes the server serves (for tests and docs).
func (s *Server) Routes() []Route { return s.routes() }

// httpError is an error with its status code.
type httpError struct {
	code int
	msg  string
}

func (e httpError) Error() string { return e.msg }

// errUnavailable reports a feature whose tables are not in the database.
func errUnavailable(what string) error {
	return httpError{http.StatusNotImplemented, what + " are not available: the database has no relations tables (open it with this attache to migrate it)"}
}

// api adapts a handler returning an error: parameter errors are 400,
// unknown documents 404, everything else 500 (logged, not echoed).
func (s *Server) api(f func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := f(w, r)
		if err == nil {
			return
		}
		var br badRequest
		var he httpError
		var mbe *http.MaxBytesError
		switch {
		case errors.As(err, &br):
			writeError(w, http.StatusBadRequest, br.msg)
		case errors.As(err, &he):
			writeError(w, he.code, he.msg)
		case errors.As(err, &mbe):
			writeError(w, http.StatusRequestEntityTooLarge, "request body over the limit")
		case errors.Is(err, store.ErrNotFound):
			writeError(w, http.StatusNotFound, err.Error())
		case errors.Is(err, store.ErrAmbiguous):
			writeError(w, http.StatusBadRequest, err.Error())
		case errors.Is(err, relations.ErrNoSchema):
			writeError(w, http.StatusNotImplemented, err.Error())
		case errors.Is(err, context.Canceled):
			// the client went away
		default:
			s.log.Printf("attache serve: %s %s: %v", r.Method, r.URL.Path, err)
			writeError(w, http.StatusInternalServerError, "internal error (see the server log)")
		}
	})
}

// writeJSON writes v as JSON. HTML-significant characters are escaped
// (\u003c...), so that a JSON response can never be read as markup.
func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}

// writeError writes {"error": msg}.
func writeError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, map[string]string{"error": msg})
}

// Page is one page of a listing: the rows and the cursor of the next page
// (null on the last page).
type Page[T any] struct {
	Items []T    `json:"items"`
	Next  *int64 `json:"next"`
}

// page builds a page; the cursor of the next page is the last row's key
// when the page is full.
func page[T any](items []T, limit int, key func(T) int64) Page[T] {
	p := Page[T]{Items: items}
	if p.Items == nil {
		p.Items = []T{}
	}
	if len(items) == limit && limit > 0 {
		k := key(items[len(items)-1])
		p.Next = &k
	}
	return p
}

func serveOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(openapiJSON)
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.st.SQLDB().PingContext(ctx); err != nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "error": "database unreachable"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// StatsResponse is GET /api/v1/stats.
type StatsResponse struct {
	store.Stats
	Schema    int  `json:"schema_version"`
	Relations bool `json:"relations"`
	Clusters  int  `json:"clusters"`
	Writable  bool `json:"writable"`
}

func (s *Server) getStats(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	st, err := s.st.Stats(ctx)
	if err != nil {
		return err
	}
	v, err := s.st.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	resp := StatsResponse{Stats: st, Schema: v, Relations: s.refreshRelations(ctx, false), Writable: s.opts.Token != ""}
	if resp.Relations {
		if err := s.st.SQLDB().QueryRowContext(ctx, `SELECT COUNT(*) FROM rel_clusters`).Scan(&resp.Clusters); err != nil {
			return err
		}
	}
	writeJSON(w, http.StatusOK, resp)
	return nil
}

// DayCount is a number of rows on one day.
type DayCount struct {
	Day string `json:"day"`
	N   int    `json:"n"`
}

// TimelineResponse is GET /api/v1/timeline: documents (by published day)
// and events (by event date) per day.
type TimelineResponse struct {
	Documents []DayCount `json:"documents"`
	Events    []DayCount `json:"events"`
}

func (s *Server) getTimeline(w http.ResponseWriter, r *http.Request) error {
	p := params{r.URL.Query()}
	since, err := p.date("since")
	if err != nil {
		return err
	}
	until, err := p.date("until")
	if err != nil {
		return err
	}
	if until == "" {
		until = "9999-12-31"
	}
	ctx := r.Context()
	var resp TimelineResponse
	if resp.Documents, err = dayCounts(ctx, s.st.SQLDB(), `SELECT substr(published, 1, 10) AS day, COUNT(*) FROM documents
		WHERE published >= ? AND published < ? || 'z' GROUP BY day ORDER BY day`, since, until); err != nil {
		return err
	}
	if resp.Events, err = dayCounts(ctx, s.st.SQLDB(), `SELECT date, COUNT(*) FROM events WHERE date >= ? AND date <= ? GROUP BY date ORDER BY date`, since, until); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, resp)
	return nil
}

func dayCounts(ctx context.Context, db *sql.DB, q string, args ...any) ([]DayCount, error) {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []DayCount{}
	for rows.Next() {
		var d DayCount
		if err := rows.Scan(&d.Day, &d.N); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

func (s *Server) listDocuments(w http.ResponseWriter, r *http.Request) error {
	f, err := DocFilter(r.URL.Query())
	if err != nil {
		return err
	}
	rows, err := s.st.Documents(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, page(rows, f.Limit, func(d store.DocSummary) int64 { return d.Seq }))
	return nil
}

// DocumentResponse is GET /api/v1/documents/{id}: the stored analysis
// (attache/analysis/v1) with the document's tone when relations are
// available.
type DocumentResponse struct {
	Analysis any                  `json:"analysis"`
	Tone     *relations.ToneScore `json:"tone"`
}

func (s *Server) getDocument(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	a, err := s.st.Get(r.Context(), id)
	if err != nil {
		return err
	}
	resp := DocumentResponse{Analysis: a}
	if s.refreshRelations(r.Context(), false) {
		var t relations.ToneScore
		err := s.st.SQLDB().QueryRowContext(r.Context(), `SELECT t.tone, t.positive, t.negative, t.words FROM rel_doc_tone t
			JOIN documents d ON d.seq = t.doc_seq WHERE d.id = ?`, a.ID).Scan(&t.Tone, &t.Positive, &t.Negative, &t.Words)
		if err == nil {
			resp.Tone = &t
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
	}
	writeJSON(w, http.StatusOK, resp)
	return nil
}

func (s *Server) listEvents(w http.ResponseWriter, r *http.Request) error {
	f, err := EventFilter(r.URL.Query())
	if err != nil {
		return err
	}
	rows, err := s.st.Events(r.Context(), f)
	if err != nil {
		return err
	}
	items, err := s.eventItems(r.Context(), rows)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, page(items, f.Limit, func(e EventItem) int64 { return e.Seq }))
	return nil
}

// EventItem is an event row with the byte offset of its evidence sentence
// in the document, so that the event's spans (document offsets) can be
// placed in sentence_text: offset - sentence_start.
type EventItem struct {
	store.EventRow
	SentenceStart int `json:"sentence_start"`
	// ClusterID is the happening the event was merged into (null when
	// relations are unavailable or the event is undated).
	ClusterID *int64 `json:"cluster_id"`
}

// eventItems adds the sentence offsets to event rows (one indexed lookup
// per page).
func (s *Server) eventItems(ctx context.Context, rows []store.EventRow) ([]EventItem, error) {
	out := make([]EventItem, len(rows))
	if len(rows) == 0 {
		return out, nil
	}
	idx := make(map[int64]int, len(rows))
	args := make([]any, len(rows))
	for i, r := range rows {
		out[i].EventRow = r
		idx[r.Seq] = i
		args[i] = r.Seq
	}
	in := `(?` + strings.Repeat(",?", len(rows)-1) + `)`
	q := `SELECT seq, sent_start, NULL FROM events WHERE seq IN ` + in
	if s.refreshRelations(ctx, false) {
		q = `SELECT e.seq, e.sent_start, m.cluster_id FROM events e LEFT JOIN rel_mentions m ON m.event_seq = e.seq WHERE e.seq IN ` + in
	}
	res, err := s.st.SQLDB().QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer res.Close()
	for res.Next() {
		var seq int64
		var start int
		var cluster sql.NullInt64
		if err := res.Scan(&seq, &start, &cluster); err != nil {
			return nil, err
		}
		out[idx[seq]].SentenceStart = start
		if cluster.Valid {
			out[idx[seq]].ClusterID = &cluster.Int64
		}
	}
	return out, res.Err()
}

func (s *Server) listQuotes(w http.ResponseWriter, r *http.Request) error {
	f, err := QuoteFilter(r.URL.Query())
	if err != nil {
		return err
	}
	rows, err := s.st.Quotes(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, page(rows, f.Limit, func(q store.QuoteRow) int64 { return q.Seq }))
	return nil
}

// Speaker is one speaker of stored quotes.
type Speaker struct {
	Name   string `json:"name"`
	Quotes int    `json:"quotes"`
}

// listSpeakers lists speakers by number of quotes; the cursor is an offset.
func (s *Server) listSpeakers(w http.ResponseWriter, r *http.Request) error {
	p := params{r.URL.Query()}
	after, limit, err := p.page()
	if err != nil {
		return err
	}
	q := p.str("q")
	rows, err := s.st.SQLDB().QueryContext(r.Context(), `SELECT speaker_name, COUNT(*) AS n FROM quotes
		WHERE speaker_name IS NOT NULL AND speaker_name != '' AND (? = '' OR speaker_name LIKE '%' || ? || '%')
		GROUP BY speaker_name ORDER BY n DESC, speaker_name LIMIT ? OFFSET ?`, q, q, limit, after)
	if err != nil {
		return err
	}
	defer rows.Close()
	var out []Speaker
	for rows.Next() {
		var sp Speaker
		if err := rows.Scan(&sp.Name, &sp.Quotes); err != nil {
			return err
		}
		out = append(out, sp)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, offsetPage(out, after, limit))
	return nil
}

// offsetPage pages an aggregate listing whose cursor is a row offset.
func offsetPage[T any](items []T, after int64, limit int) Page[T] {
	return page(items, limit, func(T) int64 { return after + int64(len(items)) })
}
