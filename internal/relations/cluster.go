package relations

import (
	"context"
	"database/sql"
	"errors"
	"sort"
	"strconv"
	"strings"
)

// clusterer assigns events to clusters inside one transaction.
type clusterer struct {
	tx      *sql.Tx
	opts    Options
	touched map[int64]bool
	dyads   map[dyadDay]bool
	dup     map[int64]sql.NullInt64
	tones   map[int64]sql.NullFloat64

	qKnown, qKnownTgt, qSrc, qTgt, qFuture, tone, addDyad, insCluster, insMention, updSrc, updTgt, updCode, updLoc, link *sql.Stmt
	mentions, delDyad, insDyad, updStats                                                                                 *sql.Stmt
}

const candCols = `SELECT id, date, src_key, tgt_key, COALESCE(src_code,''), COALESCE(tgt_code,''), cameo, modality,
	COALESCE(location,''), COALESCE(loc_country,''), sig FROM rel_clusters `

func newClusterer(ctx context.Context, tx *sql.Tx, pg bool, opts Options) (*clusterer, error) {
	c := &clusterer{tx: tx, opts: opts, touched: map[int64]bool{}, dyads: map[dyadDay]bool{}, dup: map[int64]sql.NullInt64{}, tones: map[int64]sql.NullFloat64{}}
	var err error
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = tx.PrepareContext(ctx, q)
		return st
	}
	// A cluster can only take an event if one side is identified on both
	// and equal (actorsMatch), so each query asks for that side by key;
	// the other side may be equal or unidentified. "+modality" keeps the
	// planner on the key indexes rather than the modality one.
	// (PostgreSQL has no unary plus on text; its planner needs no hint.)
	mod := "+modality"
	if pg {
		mod = "modality"
	}
	c.qKnown = prep(candCols + `WHERE root = ? AND src_key = ? AND tgt_key IN (?, '') AND date BETWEEN ? AND ? AND ` + mod + ` = ?`)
	c.qKnownTgt = prep(candCols + `WHERE root = ? AND src_key = '' AND tgt_key = ? AND date BETWEEN ? AND ? AND ` + mod + ` = ?`)
	c.qSrc = prep(candCols + `WHERE root = ? AND src_key = ? AND date BETWEEN ? AND ? AND ` + mod + ` = ?`)
	c.qTgt = prep(candCols + `WHERE root = ? AND tgt_key = ? AND date BETWEEN ? AND ? AND ` + mod + ` = ?`)
	// Planned happenings are few: an index by modality finds them without
	// walking the asserted ones. (Not a partial index: SQLite re-prepares
	// every statement with "modality = ?" on a table with a partial index
	// on modality, each time the parameter is bound.)
	c.qFuture = prep(candCols + `WHERE modality = 'future' AND root = ? AND date BETWEEN ? AND ?`)
	c.tone = prep(`SELECT tone FROM rel_doc_tone WHERE doc_seq = ?`)
	c.addDyad = prep(`INSERT INTO rel_dyad_day(src_key, tgt_key, day, n, q1, q2, q3, q4, gsum, gsq) VALUES(?, ?, ?, 1, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(src_key, tgt_key, day) DO UPDATE SET n = rel_dyad_day.n + 1, q1 = rel_dyad_day.q1 + excluded.q1,
		q2 = rel_dyad_day.q2 + excluded.q2, q3 = rel_dyad_day.q3 + excluded.q3, q4 = rel_dyad_day.q4 + excluded.q4,
		gsum = rel_dyad_day.gsum + excluded.gsum, gsq = rel_dyad_day.gsq + excluded.gsq`)
	c.insCluster = prep(`INSERT INTO rel_clusters(date, src_key, tgt_key, src_code, src_country, src_name, tgt_code, tgt_country, tgt_name,
		cameo, root, quad, goldstein, modality, location, loc_country, sig,
		num_mentions, num_sources, num_articles, first_report, first_doc_seq, rep_event_seq, is_root, avg_tone)
		VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?, 1,1,1,?,?,?,?,?) RETURNING id`)
	c.insMention = prep(`INSERT INTO rel_mentions(event_seq, cluster_id, doc_seq, dup_of, reported, source, sentence, confidence)
		VALUES(?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING`)
	c.updSrc = prep(`UPDATE rel_clusters SET src_key = ?, src_code = ?, src_country = ?, src_name = ? WHERE id = ?`)
	c.updTgt = prep(`UPDATE rel_clusters SET tgt_key = ?, tgt_code = ?, tgt_country = ?, tgt_name = ? WHERE id = ?`)
	c.updCode = prep(`UPDATE rel_clusters SET cameo = ?, quad = ?, goldstein = ? WHERE id = ?`)
	c.updLoc = prep(`UPDATE rel_clusters SET location = ?, loc_country = ? WHERE id = ?`)
	c.link = prep(`INSERT INTO rel_links(planned_id, actual_id) VALUES(?, ?) ON CONFLICT DO NOTHING`)
	c.mentions = prep(`SELECT m.event_seq, m.doc_seq, m.dup_of, COALESCE(m.reported,''), COALESCE(m.source,''), m.sentence, m.confidence, t.tone
		FROM rel_mentions m LEFT JOIN rel_doc_tone t ON t.doc_seq = m.doc_seq WHERE m.cluster_id = ? ORDER BY m.event_seq`)
	c.updStats = prep(`UPDATE rel_clusters SET num_mentions = ?, num_sources = ?, num_articles = ?, first_report = ?, first_doc_seq = ?,
		rep_event_seq = ?, is_root = ?, avg_tone = ? WHERE id = ?`)
	c.delDyad = prep(`DELETE FROM rel_dyad_day WHERE src_key = ? AND tgt_key = ? AND day = ?`)
	c.insDyad = prep(`INSERT INTO rel_dyad_day(src_key, tgt_key, day, n, q1, q2, q3, q4, gsum, gsq)
		SELECT src_key, tgt_key, date, COUNT(*), ` + quadSums + `, SUM(goldstein), SUM(goldstein * goldstein)
		FROM rel_clusters WHERE src_key = ? AND tgt_key = ? AND date = ? AND modality = 'asserted' GROUP BY src_key, tgt_key, date`)
	if err != nil {
		c.close()
		return nil, err
	}
	return c, nil
}

func (c *clusterer) close() {
	for _, st := range []*sql.Stmt{c.qKnown, c.qKnownTgt, c.qSrc, c.qTgt, c.qFuture, c.tone, c.addDyad, c.insCluster, c.insMention, c.updSrc, c.updTgt, c.updCode, c.updLoc, c.link,
		c.mentions, c.delDyad, c.insDyad, c.updStats} {
		if st != nil {
			st.Close()
		}
	}
}

// candidates returns the clusters of the given modality that event shape e
// could join: same root, date within [e.Date+lo, e.Date+hi], actors not
// contradicting on the key level. With swap, source and target keys are
// exchanged (visit/host).
func (c *clusterer) candidates(ctx context.Context, e shape, modality string, lo, hi int, swap bool) ([]clusterRec, error) {
	src, tgt := e.Src.Key, e.Tgt.Key
	if swap {
		src, tgt = tgt, src
	}
	from, to := addDays(e.Date, lo), addDays(e.Date, hi)
	root := rootOf(e.CAMEO)
	var out []clusterRec
	run := func(st *sql.Stmt, args ...any) error {
		rows, err := st.QueryContext(ctx, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r clusterRec
			s := &r.shape
			var sig string
			if err := rows.Scan(&r.id, &s.Date, &s.Src.Key, &s.Tgt.Key, &s.Src.Code, &s.Tgt.Code, &s.CAMEO, &s.Modality, &s.Loc, &s.LocCountry, &sig); err != nil {
				return err
			}
			s.Loc = strings.ToLower(strings.TrimSpace(s.Loc))
			s.Sig = strings.Fields(sig)
			out = append(out, r)
		}
		return rows.Err()
	}
	var err error
	switch {
	case modality == Future:
		err = run(c.qFuture, root, from, to)
	case src != "" && tgt != "":
		if err = run(c.qKnown, root, src, tgt, from, to, modality); err == nil {
			err = run(c.qKnownTgt, root, tgt, from, to, modality)
		}
	case src != "":
		err = run(c.qSrc, root, src, from, to, modality)
	case tgt != "":
		err = run(c.qTgt, root, tgt, from, to, modality)
	}
	return out, err
}

// match finds the cluster of the given modality that e belongs to: among
// the compatible candidates, the one closest in date, then the oldest.
func (c *clusterer) match(ctx context.Context, e shape, modality string, lo, hi int) (*clusterRec, bool, error) {
	if e.Src.Key == "" && e.Tgt.Key == "" {
		return nil, false, nil
	}
	cands, err := c.candidates(ctx, e, modality, lo, hi, false)
	if err != nil {
		return nil, false, err
	}
	if b := baseOf(e.CAMEO); b == "042" || b == "043" {
		more, err := c.candidates(ctx, e, modality, lo, hi, true)
		if err != nil {
			return nil, false, err
		}
		cands = append(cands, more...)
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].id < cands[j].id })
	var best *clusterRec
	bestSwap, bestDist := false, 0
	for i := range cands {
		ok, swapped := sameHappening(cands[i].shape, e)
		if !ok {
			continue
		}
		d, _ := dayDiff(cands[i].shape.Date, e.Date)
		if d < 0 {
			d = -d
		}
		if best == nil || d < bestDist {
			best, bestSwap, bestDist = &cands[i], swapped, d
		}
	}
	return best, bestSwap, nil
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// add assigns one event to a cluster, creating one when none matches.
func (c *clusterer) add(ctx context.Context, db *sql.DB, p *pending, st *UpdateStats) error {
	dupOf, err := c.duplicateOf(ctx, db, p.docSeq)
	if err != nil {
		return err
	}
	e := p.shape
	w := c.opts.Window
	best, swapped, err := c.match(ctx, e, e.Modality, -w, w)
	if err != nil {
		return err
	}
	var id int64
	if best != nil {
		id = best.id
		st.Joined++
		if err := c.upgrade(ctx, best, p, swapped); err != nil {
			return err
		}
	} else {
		// A new cluster's counts are those of its one mention: written at
		// once, recounted only if another mention joins it.
		tone, err := c.docTone(ctx, p.docSeq)
		if err != nil {
			return err
		}
		isRoot := 0
		if p.sentence < leadSentences {
			isRoot = 1
		}
		// RETURNING rather than LastInsertId: PostgreSQL's driver has no
		// last insert id.
		err = c.insCluster.QueryRowContext(ctx, e.Date, e.Src.Key, e.Tgt.Key, nullable(e.Src.Code), nullable(p.srcCountry), nullable(p.srcName),
			nullable(e.Tgt.Code), nullable(p.tgtCountry), nullable(p.tgtName), e.CAMEO, rootOf(e.CAMEO), p.quad, p.goldstein, e.Modality,
			nullable(p.locName), nullable(e.LocCountry), strings.Join(e.Sig, " "),
			nullable(p.reported), p.docSeq, p.seq, isRoot, tone).Scan(&id)
		if err != nil {
			return err
		}
		st.NewClusters++
		if e.Modality == Asserted && e.Src.Key != "" && e.Tgt.Key != "" {
			var q [4]int
			if p.quad >= 1 && p.quad <= 4 {
				q[p.quad-1] = 1
			}
			if _, err := c.addDyad.ExecContext(ctx, e.Src.Key, e.Tgt.Key, e.Date, q[0], q[1], q[2], q[3], p.goldstein, p.goldstein*p.goldstein); err != nil {
				return err
			}
		}
		n, err := c.linkPlanned(ctx, id, e)
		if err != nil {
			return err
		}
		st.Links += n
		_, err = c.insMention.ExecContext(ctx, p.seq, id, p.docSeq, dupOf, nullable(p.reported), nullable(p.source), p.sentence, p.confidence)
		return err
	}
	c.touched[id] = true
	_, err = c.insMention.ExecContext(ctx, p.seq, id, p.docSeq, dupOf, nullable(p.reported), nullable(p.source), p.sentence, p.confidence)
	return err
}

// docTone returns a document's stored tone (0 when not scored).
func (c *clusterer) docTone(ctx context.Context, docSeq int64) (float64, error) {
	t, ok := c.tones[docSeq]
	if !ok {
		err := c.tone.QueryRowContext(ctx, docSeq).Scan(&t)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return 0, err
		}
		c.tones[docSeq] = t
	}
	return t.Float64, nil
}

func (c *clusterer) duplicateOf(ctx context.Context, db *sql.DB, docSeq int64) (any, error) {
	if c.opts.DuplicateOf == nil {
		return nil, nil
	}
	if v, ok := c.dup[docSeq]; ok {
		if v.Valid {
			return v.Int64, nil
		}
		return nil, nil
	}
	orig, ok, err := c.opts.DuplicateOf(ctx, db, docSeq)
	if err != nil {
		return nil, err
	}
	c.dup[docSeq] = sql.NullInt64{Int64: orig, Valid: ok}
	if ok {
		return orig, nil
	}
	return nil, nil
}

// upgrade fills what the cluster did not know from a joining event: an
// unknown actor, a more specific actor code or CAMEO code, a location.
func (c *clusterer) upgrade(ctx context.Context, cl *clusterRec, p *pending, swapped bool) error {
	old := dyadDay{cl.shape.Src.Key, cl.shape.Tgt.Key, cl.shape.Date}
	es, et := p.shape.Src, p.shape.Tgt
	esCountry, etCountry, esName, etName := p.srcCountry, p.tgtCountry, p.srcName, p.tgtName
	if swapped {
		es, et = et, es
		esCountry, etCountry, esName, etName = etCountry, esCountry, etName, esName
	}
	changed := false
	fill := func(have side, got side, country, name string, st *sql.Stmt) (side, error) {
		if got.Key == "" || (have.Key != "" && (len(got.Code) <= len(have.Code))) {
			return have, nil
		}
		if _, err := st.ExecContext(ctx, got.Key, nullable(got.Code), nullable(country), nullable(name), cl.id); err != nil {
			return have, err
		}
		changed = changed || have.Key != got.Key
		return got, nil
	}
	var err error
	if cl.shape.Src, err = fill(cl.shape.Src, es, esCountry, esName, c.updSrc); err != nil {
		return err
	}
	if cl.shape.Tgt, err = fill(cl.shape.Tgt, et, etCountry, etName, c.updTgt); err != nil {
		return err
	}
	if !swapped && moreSpecific(cl.shape.CAMEO, p.shape.CAMEO) {
		if _, err := c.updCode.ExecContext(ctx, p.shape.CAMEO, p.quad, p.goldstein, cl.id); err != nil {
			return err
		}
		cl.shape.CAMEO = p.shape.CAMEO
		changed = true
	}
	if cl.shape.Loc == "" && p.shape.Loc != "" {
		if _, err := c.updLoc.ExecContext(ctx, p.locName, nullable(p.shape.LocCountry), cl.id); err != nil {
			return err
		}
		cl.shape.Loc, cl.shape.LocCountry = p.shape.Loc, p.shape.LocCountry
	}
	if changed {
		c.dyads[old] = true
		c.dyads[dyadDay{cl.shape.Src.Key, cl.shape.Tgt.Key, cl.shape.Date}] = true
	}
	return nil
}

// linkPlanned links a new cluster to the compatible cluster of the other
// modality: a planned (future) happening to the happening itself. The
// planned report may be dated up to LinkWindow days before the happening
// and Window days after it.
func (c *clusterer) linkPlanned(ctx context.Context, id int64, e shape) (int, error) {
	var other *clusterRec
	var err error
	switch e.Modality {
	case Future:
		other, _, err = c.match(ctx, e, Asserted, -c.opts.Window, c.opts.LinkWindow)
		if err == nil && other != nil {
			_, err = c.link.ExecContext(ctx, id, other.id)
		}
	case Asserted:
		other, _, err = c.match(ctx, e, Future, -c.opts.LinkWindow, c.opts.Window)
		if err == nil && other != nil {
			_, err = c.link.ExecContext(ctx, other.id, id)
		}
	}
	if err != nil || other == nil {
		return 0, err
	}
	return 1, nil
}

// mentionRow is one mention as read to recompute a cluster's counts.
type mentionRow struct {
	eventSeq, docSeq int64
	dupOf            sql.NullInt64
	reported, source string
	sentence         int
	confidence       float64
	tone             sql.NullFloat64
}

// finish recomputes the counts of every touched cluster and the daily dyad
// aggregate of every touched dyad-day.
func (c *clusterer) finish(ctx context.Context) error {
	ids := make([]int64, 0, len(c.touched))
	for id := range c.touched {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		if err := c.recount(ctx, id); err != nil {
			return err
		}
	}
	for d := range c.dyads {
		if d.src == "" || d.tgt == "" {
			continue
		}
		if _, err := c.delDyad.ExecContext(ctx, d.src, d.tgt, d.day); err != nil {
			return err
		}
		if _, err := c.insDyad.ExecContext(ctx, d.src, d.tgt, d.day); err != nil {
			return err
		}
	}
	return nil
}

// recount recomputes one cluster's counts from its mentions.
func (c *clusterer) recount(ctx context.Context, id int64) error {
	rows, err := c.mentions.QueryContext(ctx, id)
	if err != nil {
		return err
	}
	var ms []mentionRow
	for rows.Next() {
		var m mentionRow
		if err := rows.Scan(&m.eventSeq, &m.docSeq, &m.dupOf, &m.reported, &m.source, &m.sentence, &m.confidence, &m.tone); err != nil {
			rows.Close()
			return err
		}
		ms = append(ms, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	s := summarize(ms)
	_, err = c.updStats.ExecContext(ctx, s.mentions, s.sources, s.articles, nullable(s.firstReport), s.firstDoc, s.rep, s.isRoot, s.tone, id)
	return err
}

// clusterSummary is what a cluster's mentions add up to.
type clusterSummary struct {
	mentions, sources, articles int
	firstReport                 string
	firstDoc, rep               int64
	isRoot                      int
	tone                        float64
}

// leadSentences is how many sentences from the top of a story count as its
// lead for IsRootEvent (the dateline is sentence 0).
const leadSentences = 3

// summarize computes a cluster's counts from its mentions (in event order):
// mentions; distinct articles (a syndicated copy counts as its original);
// distinct outlets (a document without an outlet counts as its own); the
// first report (earliest report date, then earliest stored); the
// representative mention (highest confidence, then earliest report, then
// earliest sentence, then earliest stored); whether a mention is in a lead;
// and the mean tone of the distinct documents.
func summarize(ms []mentionRow) clusterSummary {
	var s clusterSummary
	s.mentions = len(ms)
	arts := map[int64]bool{}
	srcs := map[string]bool{}
	docs := map[int64]bool{}
	var toneSum float64
	var toneN int
	var first, rep *mentionRow
	later := func(a, b string) bool { // a reported later than b; unknown dates are latest
		if a == "" {
			return b != ""
		}
		return b != "" && a > b
	}
	for i := range ms {
		m := &ms[i]
		art := m.docSeq
		if m.dupOf.Valid {
			art = m.dupOf.Int64
		}
		arts[art] = true
		if m.source != "" {
			srcs["s:"+m.source] = true
		} else {
			srcs[fmtInt(art)] = true
		}
		if !docs[m.docSeq] {
			docs[m.docSeq] = true
			if m.tone.Valid {
				toneSum += m.tone.Float64
				toneN++
			}
		}
		if first == nil || later(first.reported, m.reported) {
			first = m
		}
		if rep == nil || m.confidence > rep.confidence ||
			(m.confidence == rep.confidence && (later(rep.reported, m.reported) ||
				(rep.reported == m.reported && m.sentence < rep.sentence))) {
			rep = m
		}
		if m.sentence < leadSentences {
			s.isRoot = 1
		}
	}
	s.articles, s.sources = len(arts), len(srcs)
	if first != nil {
		s.firstReport, s.firstDoc = first.reported, first.docSeq
	}
	if rep != nil {
		s.rep = rep.eventSeq
	}
	if toneN > 0 {
		s.tone = toneSum / float64(toneN)
	}
	return s
}

func fmtInt(n int64) string { return "#" + strconv.FormatInt(n, 10) }
