package relations

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/attache-project/attache/internal/store"
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
	// Z is the z-score a change must reach (default 2.5).
	Z float64
	// MinClusters is how many clusters the recent window needs (default 3).
	MinClusters int
	// MinShift is the least change in mean Goldstein (default 3); the
	// conflict share must move by MinShift/10 (0.3 by default).
	MinShift float64
	// Prior is the weight, in clusters, of the prior that the baseline is
	// shrunk towards (default 4): Goldstein mean 0 with standard deviation
	// PriorSD, and a conflict share of 1/4. It keeps a thin or empty
	// (quiet) baseline from making every change look infinite.
	Prior float64
	// PriorSD is the prior standard deviation of Goldstein scores (default 5).
	PriorSD float64
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
	deff(&o.Prior, 4)
	deff(&o.PriorSD, 5)
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
	// recent windows (0 for a baseline without clusters: quiet).
	Before float64 `json:"goldstein_before"`
	After  float64 `json:"goldstein_after"`
	// Change is After - Before; Z and ZShare are the z-scores of the
	// Goldstein and conflict-share tests.
	Change float64 `json:"change"`
	Z      float64 `json:"z"`
	ZShare float64 `json:"z_share"`
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
// Method (see docs/relations.md): for every day d with clusters, the
// recent window is (d-Recent, d] and the baseline the Baseline days before
// it. Two statistics of the recent window's clusters are tested against
// the baseline's clusters, each baseline shrunk towards a prior worth
// Prior clusters: the mean Goldstein score (z = difference of means over
// the baseline's standard deviation / sqrt(recent clusters)) and the
// conflict share (quad classes 3-4; z = difference of shares over the
// binomial standard error). An alert fires when the recent window has
// MinClusters clusters and a statistic moves by at least MinShift
// (MinShift/10 for the share) with |z| >= Z. A dyad alerts again in the
// same direction only once the recent window has moved past the alert.
func Alerts(ctx context.Context, db *sql.DB, o AlertOptions) ([]Alert, error) {
	o = o.withDefaults()
	var dyads [][2]string
	if o.Source != "" && o.Target != "" {
		dyads = [][2]string{{strings.ToUpper(o.Source), strings.ToUpper(o.Target)}}
	} else {
		rows, err := db.QueryContext(ctx, `SELECT src_key, tgt_key FROM rel_dyad_day GROUP BY src_key, tgt_key HAVING SUM(n) >= ? ORDER BY src_key, tgt_key`, o.MinClusters)
		if err != nil {
			if noTable(err) {
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

// detect tests every day of one dyad's series (in date order).
func detect(rows []dayRow, o AlertOptions) []Alert {
	days := make([]dayRow, 0, len(rows))
	times := make([]time.Time, 0, len(rows))
	for _, r := range rows {
		t, err := time.Parse("2006-01-02", r.day)
		if err != nil || r.n == 0 {
			continue
		}
		days = append(days, r)
		times = append(times, t)
	}
	var out []Alert
	quietUntil := map[string]time.Time{}
	for i, d := range days {
		if (o.Since != "" && d.day < o.Since) || (o.Until != "" && d.day > o.Until) {
			continue
		}
		recentFrom := times[i].AddDate(0, 0, -o.Recent)
		baseFrom := recentFrom.AddDate(0, 0, -o.Baseline)
		var rec, base window
		for j := i; j >= 0 && times[j].After(baseFrom); j-- {
			if times[j].After(recentFrom) {
				rec.add(days[j])
			} else {
				base.add(days[j])
			}
		}
		if rec.n < float64(o.MinClusters) {
			continue
		}
		// The baseline shrunk towards the prior.
		k := o.Prior
		bMean := base.gsum / (base.n + k)
		bVar := (base.gsq - base.n*sq(base.gsum/math.Max(base.n, 1)) + k*o.PriorSD*o.PriorSD) / (base.n + k)
		bShare := (base.conf + k/4) / (base.n + k)
		after, shareAfter := rec.gsum/rec.n, rec.conf/rec.n
		zG := (after - bMean) / math.Sqrt(math.Max(bVar, 1e-9)/rec.n)
		zS := (shareAfter - bShare) / math.Sqrt(bShare*(1-bShare)/rec.n)
		var metrics []string
		dir := ""
		if math.Abs(after-bMean) >= o.MinShift && math.Abs(zG) >= o.Z {
			metrics = append(metrics, "goldstein")
			dir = direction(-zG)
		}
		if math.Abs(shareAfter-bShare) >= o.MinShift/10 && math.Abs(zS) >= o.Z && (dir == "" || dir == direction(zS)) {
			metrics = append(metrics, "conflict_share")
			dir = direction(zS)
		}
		if len(metrics) == 0 || times[i].Before(quietUntil[dir]) {
			continue
		}
		quietUntil[dir] = times[i].AddDate(0, 0, o.Recent)
		before, shareBefore := 0.0, 0.0
		if base.n > 0 {
			before, shareBefore = base.gsum/base.n, base.conf/base.n
		}
		out = append(out, Alert{Date: d.day, Direction: dir, Metric: strings.Join(metrics, "+"), Before: before, After: after,
			Change: after - before, Z: zG, ZShare: zS, ShareBefore: shareBefore, ShareAfter: shareAfter, Clusters: int(rec.n)})
	}
	return out
}

// window sums the days of one window.
type window struct{ n, gsum, gsq, conf float64 }

func (w *window) add(d dayRow) {
	w.n += float64(d.n)
	w.gsum += d.gsum
	w.gsq += d.gsq
	w.conf += float64(d.q[2] + d.q[3])
}

func sq(x float64) float64 { return x * x }

// direction names the sign of a move in conflict terms: positive is
// towards conflict.
func direction(towardsConflict float64) string {
	if towardsConflict > 0 {
		return "conflict"
	}
	return "cooperation"
}

// drivers lists the recent window's clusters that moved the series most.
func drivers(ctx context.Context, db *sql.DB, a *Alert, o AlertOptions) error {
	order := "c.goldstein ASC"
	if a.Direction == "cooperation" {
		order = "c.goldstein DESC"
	}
	from := addDays(a.Date, -o.Recent+1)
	rows, err := db.QueryContext(ctx, `SELECT c.id, c.date, c.cameo, c.goldstein, c.num_articles,
		COALESCE(`+store.ByteSlice(db, "d.text", "e.sent_start", "e.sent_end-e.sent_start")+`, '')
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
