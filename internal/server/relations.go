package server

import (
	"context"
	"database/sql"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/attache-project/attache/internal/relations"
	"github.com/attache-project/attache/internal/store"
)

// relationsRefresh is how often reads catch up with events stored by
// other processes (attache ingest) since the last clustering.
const relationsRefresh = 5 * time.Second

// refreshRelations reports whether the database has the relations tables
// and, at most every relationsRefresh, clusters the events stored since
// the last update (by attache ingest in another process, say). With force
// it clusters now and waits; otherwise the clustering runs in the
// background and is skipped while a writer (an ingest, an earlier
// clustering) holds the lock, so a read never waits for it.
func (s *Server) refreshRelations(ctx context.Context, force bool) bool {
	s.relMu.Lock()
	if !force && !s.relChecked.IsZero() && time.Since(s.relChecked) < relationsRefresh {
		ok := s.relationsOK
		s.relMu.Unlock()
		return ok
	}
	s.relChecked = time.Now()
	ok, err := store.HasTables(ctx, s.st.SQLDB(), "rel_clusters", "rel_dyad_day")
	s.relationsOK = err == nil && ok
	ok = s.relationsOK
	s.relMu.Unlock()
	if !ok {
		return false
	}
	if force {
		s.writeMu.Lock()
		s.cluster(ctx)
		s.writeMu.Unlock()
		return true
	}
	if s.writeMu.TryLock() {
		go func() {
			defer s.writeMu.Unlock()
			s.cluster(s.bg)
		}()
	}
	return true
}

// cluster runs relations.Update; the caller holds writeMu.
func (s *Server) cluster(ctx context.Context) {
	if s.opts.NoClustering {
		return
	}
	t0 := time.Now()
	st, err := relations.Update(ctx, s.st.SQLDB(), relations.Options{})
	if err != nil {
		if !errors.Is(err, context.Canceled) {
			s.log.Printf("attache serve: clustering new events: %v", err)
		}
		return
	}
	if d := time.Since(t0); d > 2*time.Second {
		s.log.Printf("attache serve: clustered %d new events in %v", st.Events, d.Round(time.Millisecond))
	}
}

// needRelations fails with 501 when the relations tables are absent.
func (s *Server) needRelations(ctx context.Context, what string) error {
	if !s.refreshRelations(ctx, false) {
		return errUnavailable(what)
	}
	return nil
}

// dyadParams reads source and target (or dyad=SRC-TGT).
func dyadParams(p params, required bool) (src, tgt string, err error) {
	src, tgt = strings.ToUpper(p.str("source")), strings.ToUpper(p.str("target"))
	if d := p.str("dyad"); d != "" {
		if src, tgt, err = ParseDyad(d); err != nil {
			return "", "", err
		}
	}
	if required && (src == "" || tgt == "") {
		return "", "", badf("give a dyad: source and target (e.g. source=RUS&target=USA) or dyad=RUS-USA")
	}
	if (src == "") != (tgt == "") {
		return "", "", badf("give both source and target, or neither")
	}
	return src, tgt, nil
}

// DyadsResponse is GET /api/v1/dyads.
type DyadsResponse struct {
	Dyads []relations.Dyad `json:"dyads"`
}

func (s *Server) listDyads(w http.ResponseWriter, r *http.Request) error {
	if err := s.needRelations(r.Context(), "dyads"); err != nil {
		return err
	}
	p := params{r.URL.Query()}
	since, err := p.date("since")
	if err != nil {
		return err
	}
	until, err := p.date("until")
	if err != nil {
		return err
	}
	limit, err := p.int("limit", 20)
	if err != nil {
		return err
	}
	if limit < 1 || limit > maxLimit {
		return badf("limit must be between 1 and %d", maxLimit)
	}
	ds, err := relations.TopDyads(r.Context(), s.st.SQLDB(), since, until, limit)
	if err != nil {
		return err
	}
	if ds == nil {
		ds = []relations.Dyad{}
	}
	writeJSON(w, http.StatusOK, DyadsResponse{ds})
	return nil
}

// RelationsResponse is GET /api/v1/relations: the dyad's series in both
// directions (source->target first), as `attache relations SRC TGT`.
type RelationsResponse struct {
	Series []relations.Series `json:"series"`
}

func (s *Server) getRelations(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	if err := s.needRelations(ctx, "relations"); err != nil {
		return err
	}
	p := params{r.URL.Query()}
	src, tgt, err := dyadParams(p, true)
	if err != nil {
		return err
	}
	by, err := relations.ParsePeriod(p.str("by"))
	if p.str("by") == "" {
		by, err = relations.Week, nil
	}
	if err != nil {
		return badf("%v", err)
	}
	since, err := p.date("since")
	if err != nil {
		return err
	}
	until, err := p.date("until")
	if err != nil {
		return err
	}
	dirs := [][2]string{{src, tgt}, {tgt, src}}
	if p.str("one_way") == "true" {
		dirs = dirs[:1]
	}
	var resp RelationsResponse
	// Both directions share one date range, so that their points line up
	// on one chart.
	if since == "" || until == "" {
		lo, hi, err := s.dyadRange(ctx, src, tgt)
		if err != nil {
			return err
		}
		if since == "" {
			since = lo
		}
		if until == "" {
			until = hi
		}
	}
	for _, d := range dirs {
		ser, err := relations.DyadSeries(ctx, s.st.SQLDB(), relations.SeriesQuery{Source: d[0], Target: d[1], By: by, Since: since, Until: until})
		if err != nil {
			return err
		}
		resp.Series = append(resp.Series, ser)
	}
	writeJSON(w, http.StatusOK, resp)
	return nil
}

// dyadRange returns the first and last day with clusters in either
// direction of a dyad ("" when there are none).
func (s *Server) dyadRange(ctx context.Context, a, b string) (string, string, error) {
	if len(a) > 3 || len(b) > 3 {
		return "", "", nil // code prefixes: let each series find its own range
	}
	var lo, hi sql.NullString
	err := s.st.SQLDB().QueryRowContext(ctx, `SELECT MIN(day), MAX(day) FROM rel_dyad_day WHERE (src_key = ? AND tgt_key = ?) OR (src_key = ? AND tgt_key = ?)`,
		a, b, b, a).Scan(&lo, &hi)
	return lo.String, hi.String, err
}

// AlertsResponse is GET /api/v1/alerts.
type AlertsResponse struct {
	Alerts []relations.Alert `json:"alerts"`
}

func (s *Server) listAlerts(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	if err := s.needRelations(ctx, "alerts"); err != nil {
		return err
	}
	p := params{r.URL.Query()}
	var o relations.AlertOptions
	var err error
	if o.Source, o.Target, err = dyadParams(p, false); err != nil {
		return err
	}
	if o.Since, err = p.date("since"); err != nil {
		return err
	}
	if o.Until, err = p.date("until"); err != nil {
		return err
	}
	if o.Recent, err = p.int("recent", 0); err != nil {
		return err
	}
	if o.Baseline, err = p.int("baseline", 0); err != nil {
		return err
	}
	if o.Z, err = p.float("z"); err != nil {
		return err
	}
	if o.MinClusters, err = p.int("min_clusters", 0); err != nil {
		return err
	}
	if o.Recent < 0 || o.Baseline < 0 || o.Z < 0 || o.MinClusters < 0 || o.Recent > 366 || o.Baseline > 3660 {
		return badf("recent, baseline, z and min_clusters must be non-negative (recent at most 366 days, baseline at most 3660)")
	}
	as, err := relations.Alerts(ctx, s.st.SQLDB(), o)
	if err != nil {
		return err
	}
	if as == nil {
		as = []relations.Alert{}
	}
	// Latest first, as a feed.
	for i, j := 0, len(as)-1; i < j; i, j = i+1, j-1 {
		as[i], as[j] = as[j], as[i]
	}
	if lim, err := p.int("limit", 0); err != nil {
		return err
	} else if lim > 0 && lim < len(as) {
		as = as[:lim]
	}
	writeJSON(w, http.StatusOK, AlertsResponse{as})
	return nil
}

// Cluster is one happening: the events of many reports merged (see
// internal/relations).
type Cluster struct {
	ID          int64   `json:"id"`
	Date        string  `json:"date"`
	Source      string  `json:"source"`
	Target      string  `json:"target"`
	SourceCode  *string `json:"source_code"`
	SourceName  *string `json:"source_name"`
	TargetCode  *string `json:"target_code"`
	TargetName  *string `json:"target_name"`
	CAMEO       string  `json:"cameo"`
	Quad        int     `json:"quad"`
	Goldstein   float64 `json:"goldstein"`
	Modality    string  `json:"modality"`
	Location    *string `json:"location"`
	Mentions    int     `json:"num_mentions"`
	Sources     int     `json:"num_sources"`
	Articles    int     `json:"num_articles"`
	FirstReport *string `json:"first_report"`
	AvgTone     float64 `json:"avg_tone"`
	// Sentence is the evidence sentence of the representative report, and
	// DocID its document.
	Sentence string  `json:"sentence"`
	DocID    *string `json:"doc_id"`
}

// clusterSelect selects clusters with their representative sentence, in
// db's dialect.
func clusterSelect(db *sql.DB) string {
	return `SELECT c.id, c.date, c.src_key, c.tgt_key, c.src_code, c.src_name, c.tgt_code, c.tgt_name, c.cameo, c.quad, c.goldstein,
	c.modality, c.location, c.num_mentions, c.num_sources, c.num_articles, c.first_report, c.avg_tone,
	COALESCE(` + store.ByteSlice(db, "d.text", "e.sent_start", "e.sent_end-e.sent_start") + `, ''), d.id
	FROM rel_clusters c LEFT JOIN events e ON e.seq = c.rep_event_seq LEFT JOIN documents d ON d.seq = e.doc_seq`
}

func scanClusters(rows *sql.Rows) ([]Cluster, error) {
	defer rows.Close()
	var out []Cluster
	for rows.Next() {
		var c Cluster
		var sc, sn, tc, tn, loc, first, docID sql.NullString
		if err := rows.Scan(&c.ID, &c.Date, &c.Source, &c.Target, &sc, &sn, &tc, &tn, &c.CAMEO, &c.Quad, &c.Goldstein,
			&c.Modality, &loc, &c.Mentions, &c.Sources, &c.Articles, &first, &c.AvgTone, &c.Sentence, &docID); err != nil {
			return nil, err
		}
		c.SourceCode, c.SourceName, c.TargetCode, c.TargetName = nsp(sc), nsp(sn), nsp(tc), nsp(tn)
		c.Location, c.FirstReport, c.DocID = nsp(loc), nsp(first), nsp(docID)
		out = append(out, c)
	}
	return out, rows.Err()
}

func nsp(n sql.NullString) *string {
	if !n.Valid {
		return nil
	}
	s := n.String
	return &s
}

// listClusters lists happenings, filtered like the events (source, target
// or dyad as dyad keys, date or since/until, cameo prefix, quad, modality),
// in id order with an id cursor.
func (s *Server) listClusters(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	if err := s.needRelations(ctx, "clusters"); err != nil {
		return err
	}
	p := params{r.URL.Query()}
	var conds []string
	var args []any
	add := func(c string, a ...any) { conds = append(conds, c); args = append(args, a...) }
	src, tgt, err := dyadParams(p, false)
	if err != nil {
		return err
	}
	if src != "" {
		add(`c.src_key = ? AND c.tgt_key = ?`, src, tgt)
	}
	if p.str("both") == "true" && src != "" {
		conds[len(conds)-1] = `((c.src_key = ? AND c.tgt_key = ?) OR (c.src_key = ? AND c.tgt_key = ?))`
		args = append(args, tgt, src)
	}
	for _, name := range []string{"date", "since", "until"} {
		d, err := p.date(name)
		if err != nil {
			return err
		}
		if d == "" {
			continue
		}
		switch name {
		case "date":
			add(`c.date = ?`, d)
		case "since":
			add(`c.date >= ?`, d)
		default:
			add(`c.date <= ?`, d)
		}
	}
	if c := p.str("cameo"); c != "" {
		add(`c.cameo LIKE ?`, c+"%")
	}
	if q, err := p.int("quad", 0); err != nil {
		return err
	} else if q < 0 || q > 4 {
		return badf("quad must be 1, 2, 3 or 4")
	} else if q > 0 {
		add(`c.quad = ?`, q)
	}
	switch m := p.str("modality"); m {
	case "":
	case "asserted", "future", "hypothetical", "negated":
		add(`c.modality = ?`, m)
	default:
		return badf("modality must be asserted, future, hypothetical or negated")
	}
	after, limit, err := p.page()
	if err != nil {
		return err
	}
	if after > 0 {
		add(`c.id > ?`, after)
	}
	q := clusterSelect(s.st.SQLDB())
	if len(conds) > 0 {
		q += " WHERE " + strings.Join(conds, " AND ")
	}
	q += " ORDER BY c.id LIMIT ?"
	rows, err := s.st.SQLDB().QueryContext(ctx, q, append(args, limit)...)
	if err != nil {
		return err
	}
	cs, err := scanClusters(rows)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, page(cs, limit, func(c Cluster) int64 { return c.ID }))
	return nil
}

// ClusterMention is one report of a happening.
type ClusterMention struct {
	EventSeq   int64   `json:"event_seq"`
	DocID      string  `json:"doc_id"`
	Source     *string `json:"doc_source"`
	Reported   *string `json:"reported"`
	DupOf      *int64  `json:"dup_of"`
	Confidence float64 `json:"confidence"`
	EventID    string  `json:"event_id"`
	Text       string  `json:"text"`
	Sentence   string  `json:"sentence_text"`
}

// ClusterResponse is GET /api/v1/clusters/{id}: the happening with every
// report of it and the happenings it is linked with (planned -> actual).
type ClusterResponse struct {
	Cluster
	Reports []ClusterMention `json:"reports"`
	Planned []int64          `json:"planned"`
	Actual  []int64          `json:"actual"`
}

func (s *Server) getCluster(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	if err := s.needRelations(ctx, "clusters"); err != nil {
		return err
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return badf("cluster id must be an integer")
	}
	db := s.st.SQLDB()
	rows, err := db.QueryContext(ctx, clusterSelect(db)+` WHERE c.id = ?`, id)
	if err != nil {
		return err
	}
	cs, err := scanClusters(rows)
	if err != nil {
		return err
	}
	if len(cs) == 0 {
		return httpError{http.StatusNotFound, "no cluster " + strconv.FormatInt(id, 10)}
	}
	resp := ClusterResponse{Cluster: cs[0], Reports: []ClusterMention{}, Planned: []int64{}, Actual: []int64{}}
	mrows, err := db.QueryContext(ctx, `SELECT m.event_seq, d.id, d.source, m.reported, m.dup_of, m.confidence, e.eid, e.text,
		`+store.ByteSlice(db, "d.text", "e.sent_start", "e.sent_end-e.sent_start")+`
		FROM rel_mentions m JOIN events e ON e.seq = m.event_seq JOIN documents d ON d.seq = m.doc_seq
		WHERE m.cluster_id = ? ORDER BY m.reported, m.event_seq LIMIT 500`, id)
	if err != nil {
		return err
	}
	defer mrows.Close()
	for mrows.Next() {
		var m ClusterMention
		var src, rep sql.NullString
		var dup sql.NullInt64
		if err := mrows.Scan(&m.EventSeq, &m.DocID, &src, &rep, &dup, &m.Confidence, &m.EventID, &m.Text, &m.Sentence); err != nil {
			return err
		}
		m.Source, m.Reported = nsp(src), nsp(rep)
		if dup.Valid {
			m.DupOf = &dup.Int64
		}
		resp.Reports = append(resp.Reports, m)
	}
	if err := mrows.Err(); err != nil {
		return err
	}
	for _, l := range []struct {
		q   string
		out *[]int64
	}{{`SELECT planned_id FROM rel_links WHERE actual_id = ?`, &resp.Planned}, {`SELECT actual_id FROM rel_links WHERE planned_id = ?`, &resp.Actual}} {
		lrows, err := db.QueryContext(ctx, l.q, id)
		if err != nil {
			return err
		}
		for lrows.Next() {
			var x int64
			if err := lrows.Scan(&x); err != nil {
				lrows.Close()
				return err
			}
			*l.out = append(*l.out, x)
		}
		lrows.Close()
	}
	writeJSON(w, http.StatusOK, resp)
	return nil
}
