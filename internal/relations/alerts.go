package relations

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
)

// AlertOptions configures turning-point detection. The zero value uses
// the defaults documented on each field.
type AlertOptions struct {
	// Source and Target restrict detection to one directed dyad; empty
	// means every dyad with at least MinClusters clusters.
	Source, Target string
	// Since and Until (YYYY-MM-DD) bound the alert dates.
	Since, Until string
	// Recent is the length in days of the window that is tested (default 3).
	Recent int
	// Baseline is the length in days of the window before it that the
	// recent window is compared with (default 90).
	Baseline int
	// Z is the robust z-score a change must reach (default 2.5).
	Z float64
	// MinClusters is how many clusters the recent window needs (default 3).
	MinClusters int
	// MinShift is the least change in mean Goldstein (default 3) or, for
	// the conflict share, MinShift/10 (0.3 by default).
	MinShift float64
	// GoldsteinFloor and ShareFloor are the least scales of the z-scores,
	// so a flat or empty baseline does not make every change infinite
	// (defaults 2 Goldstein points and 0.25).
	GoldsteinFloor, ShareFloor float64
	// Drivers is how many clusters are listed per alert (default 5).
	Drivers int
}

func (o AlertOptions) withDefaults() AlertOptions {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	deff := func(v *float64, d float64) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.Recent, 3)
	def(&o.Baseline, 90)
	def(&o.MinClusters, 3)
	def(&o.Drivers, 5)
	deff(&o.Z, 2.5)
	deff(&o.MinShift, 3)
	deff(&o.GoldsteinFloor, 2)
	deff(&o.ShareFloor, 0.25)
	return o
}

// Alert is a turning point in a dyad's relations.
type Alert struct {
	Source string `json:"source"`
	Target string `json:"target"`
	// Date is the day the recent window first crossed the threshold.
	Date string `json:"date"`
	// Direction is "conflict" (relations worsen) or "cooperation".
	Direction string `json:"direction"`
	// Metric says which test fired: "goldstein", "conflict_share" or both
	// joined with "+".
	Metric string `json:"metric"`
	// Before and After are mean Goldstein per cluster in the baseline and
	// recent windows (a baseline without clusters counts as 0: quiet).
	Before float64 `json:"goldstein_before"`
	After  float64 `json:"goldstein_after"`
	// Change is After - Before; Z is its robust z-score.
	Change float64 `json:"change"`
	Z      float64 `json:"z"`
	// ShareBefore and ShareAfter are the shares of conflict clusters (quad
	// classes 3 and 4).
	ShareBefore float64 `json:"conflict_share_before"`
	ShareAfter  float64 `json:"conflict_share_after"`
	// Clusters counts the recent window's clusters; Drivers are those that
	// moved the series most (most negative first for conflict).
	Clusters int             `json:"clusters"`
	Drivers  []DriverCluster `json:"drivers"`
}

// DriverCluster is a cluster behind an alert.
type DriverCluster struct {
	ID        int64   `json:"id"`
	Date      string  `json:"date"`
	CAMEO     string  `json:"cameo"`
	Goldstein float64 `json:"goldstein"`
	Articles  int     `json:"articles"`
	Sentence  string  `json:"sentence"`
}

// Alerts detects turning points in dyad series.
//
// Method (a rolling robust z-score, see docs/relations.md): for every day d
// with clusters, the recent window is (d-Recent, d] and the baseline window
// the Baseline days before it. Daily values are the mean Goldstein and the
// conflict share of the day's clusters. The recent window's pooled mean is
// compared with the median of the baseline's daily values; the scale is
// 1.4826 * MAD of the baseline days, floored. An alert fires when the
// recent window has MinClusters clusters and, for mean Goldstein or
// conflict share, the change reaches both MinShift and the z-score Z. A
// dyad alerts again in the same direction only after the recent window has
// moved past the alert.
func Alerts(ctx context.Context, db *sql.DB, o AlertOptions) ([]Alert, error) {
	o = o.withDefaults()
	var dyads [][2]string
	if o.Source != "" && o.Target != "" {
		dyads = [][2]string{{strings.ToUpper(o.Source), strings.ToUpper(o.Target)}}
	} else {
		rows, err := db.QueryContext(ctx, `SELECT src_key, tgt_key FROM rel_dyad_day GROUP BY src_key, tgt_key HAVING SUM(n) >= ? ORDER BY src_key, tgt_key`, o.MinClusters)
		if err != nil {
			if strings.Contains(err.Error(), "no such table") {
				return nil, ErrNoSchema
			}
			return nil, err
		}
		for rows.Next() {
			var d [2]string
			if err := rows.Scan(&d[0], &d[1]); err != nil {
				rows.Close()
				return nil, err
			}
			dyads = append(dyads, d)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	var out []Alert
	for _, d := range dyads {
		days, err := dailyRows(ctx, db, d[0], d[1], "", "")
		if err != nil {
			return nil, err
		}
		as := detect(days, o)
		for i := range as {
			as[i].Source, as[i].Target = d[0], d[1]
			if err := drivers(ctx, db, &as[i], o); err != nil {
				return nil, err
			}
		}
		out = append(out, as...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out, nil
}

// dayPoint is one day of the series as the detector sees it.
type dayPoint struct {
	t     time.Time
	n     int
	gsum  float64
	nconf int
}

// detect runs the rolling robust z-score over one dyad's days.
func detect(rows []dayRow, o AlertOptions) []Alert {
	days := make([]dayPoint, 0, len(rows))
	for _, r := range rows {
		t, err := time.Parse("2006-01-02", r.day)
		if err != nil || r.n == 0 {
			continue
		}
		days = append(days, dayPoint{t: t, n: r.n, gsum: r.gsum, nconf: r.q[2] + r.q[3]})
	}
	var out []Alert
	quietUntil := map[string]time.Time{}
	for i, d := range days {
		ds := d.t.Format("2006-01-02")
		if (o.Since != "" && ds < o.Since) || (o.Until != "" && ds > o.Until) {
			continue
		}
		recentFrom := d.t.AddDate(0, 0, -o.Recent)
		baseFrom := recentFrom.AddDate(0, 0, -o.Baseline)
		var rn, rconf int
		var rg float64
		var baseG, baseS []float64
		var bn, bconf int
		var bg float64
		for j := i; j >= 0 && days[j].t.After(baseFrom); j-- {
			x := days[j]
			if x.t.After(recentFrom) {
				rn += x.n
				rg += x.gsum
				rconf += x.nconf
				continue
			}
			baseG = append(baseG, x.gsum/float64(x.n))
			baseS = append(baseS, float64(x.nconf)/float64(x.n))
			bn += x.n
			bg += x.gsum
			bconf += x.nconf
		}
		if rn < o.MinClusters {
			continue
		}
		after, shareAfter := rg/float64(rn), float64(rconf)/float64(rn)
		medG, madG := medianMAD(baseG)
		medS, madS := medianMAD(baseS)
		zG := (after - medG) / math.Max(1.4826*madG, o.GoldsteinFloor)
		zS := (shareAfter - medS) / math.Max(1.4826*madS, o.ShareFloor)
		var metrics []string
		dir := ""
		if math.Abs(after-medG) >= o.MinShift && math.Abs(zG) >= o.Z {
			metrics = append(metrics, "goldstein")
			dir = direction(-zG)
		}
		if math.Abs(shareAfter-medS) >= o.MinShift/10 && math.Abs(zS) >= o.Z && (dir == "" || dir == direction(zS)) {
			metrics = append(metrics, "conflict_share")
			dir = direction(zS)
		}
		if len(metrics) == 0 || d.t.Before(quietUntil[dir]) {
			continue
		}
		quietUntil[dir] = d.t.AddDate(0, 0, o.Recent)
		before, shareBefore := 0.0, 0.0
		if bn > 0 {
			before, shareBefore = bg/float64(bn), float64(bconf)/float64(bn)
		}
		out = append(out, Alert{Date: ds, Direction: dir, Metric: strings.Join(metrics, "+"), Before: before, After: after,
			Change: after - before, Z: zG, ShareBefore: shareBefore, ShareAfter: shareAfter, Clusters: rn})
	}
	return out
}

// direction names the sign of a move in conflict terms: positive is
// towards conflict.
func direction(towardsConflict float64) string {
	if towardsConflict > 0 {
		return "conflict"
	}
	return "cooperation"
}

// medianMAD returns the median and the median absolute deviation; an
// empty baseline is a quiet one: 0, 0.
func medianMAD(xs []float64) (float64, float64) {
	if len(xs) == 0 {
		return 0, 0
	}
	m := median(xs)
	dev := make([]float64, len(xs))
	for i, x := range xs {
		dev[i] = math.Abs(x - m)
	}
	return m, median(dev)
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// drivers lists the recent window's clusters that moved the series most.
func drivers(ctx context.Context, db *sql.DB, a *Alert, o AlertOptions) error {
	order := "c.goldstein ASC"
	if a.Direction == "cooperation" {
		order = "c.goldstein DESC"
	}
	from := addDays(a.Date, -o.Recent+1)
	rows, err := db.QueryContext(ctx, `SELECT c.id, c.date, c.cameo, c.goldstein, c.num_articles,
		COALESCE(CAST(substr(CAST(d.text AS BLOB), e.sent_start+1, e.sent_end-e.sent_start) AS TEXT), '')
		FROM rel_clusters c LEFT JOIN events e ON e.seq = c.rep_event_seq LEFT JOIN documents d ON d.seq = e.doc_seq
		WHERE c.src_key = ? AND c.tgt_key = ? AND c.date >= ? AND c.date <= ? AND c.modality = 'asserted'
		ORDER BY `+order+`, c.num_articles DESC, c.id LIMIT ?`, a.Source, a.Target, from, a.Date, o.Drivers)
	if err != nil {
		return fmt.Errorf("alert drivers: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var dc DriverCluster
		if err := rows.Scan(&dc.ID, &dc.Date, &dc.CAMEO, &dc.Goldstein, &dc.Articles, &dc.Sentence); err != nil {
			return err
		}
		a.Drivers = append(a.Drivers, dc)
	}
	return rows.Err()
}
