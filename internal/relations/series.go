package relations

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Period is the bucket of a dyad series.
type Period string

// Periods of a series.
const (
	Day   Period = "day"
	Week  Period = "week" // ISO weeks, starting on Monday
	Month Period = "month"
)

// ParsePeriod reads "day", "week" or "month".
func ParsePeriod(s string) (Period, error) {
	switch p := Period(strings.ToLower(s)); p {
	case Day, Week, Month:
		return p, nil
	}
	return "", fmt.Errorf("unknown period %q (want day, week or month)", s)
}

// Start returns the first day of the period holding date t.
func (p Period) Start(t time.Time) time.Time {
	switch p {
	case Week:
		wd := (int(t.Weekday()) + 6) % 7 // Monday = 0
		return t.AddDate(0, 0, -wd)
	case Month:
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}

// Next returns the start of the period after the one starting at t.
func (p Period) Next(t time.Time) time.Time {
	switch p {
	case Week:
		return t.AddDate(0, 0, 7)
	case Month:
		return t.AddDate(0, 1, 0)
	}
	return t.AddDate(0, 0, 1)
}

// SeriesQuery selects one directed dyad series.
type SeriesQuery struct {
	// Source and Target are country codes (ISO 3166-1 alpha-3, e.g. RUS),
	// or actor code prefixes longer than three letters (e.g. RUSGOV).
	Source, Target string
	By             Period // default Week
	Since, Until   string // YYYY-MM-DD, inclusive; empty: from the first / to the last cluster
}

// Point is one period of a dyad series. Counts are of asserted clusters
// (happenings), not of reports.
type Point struct {
	Start        string  `json:"start"` // first day of the period
	Clusters     int     `json:"clusters"`
	Quad         [4]int  `json:"quad"` // verbal coop, material coop, verbal conflict, material conflict
	GoldsteinSum float64 `json:"goldstein_sum"`
	// GoldsteinMean is GoldsteinSum / Clusters (0 without clusters).
	GoldsteinMean float64 `json:"goldstein_mean"`
	// Index is the cooperation-conflict index, -100 (all material
	// conflict) .. +100 (all material cooperation), normalised by volume:
	// 100 * (Q1 + 2*Q2 - Q3 - 2*Q4) / (2 * Clusters).
	Index float64 `json:"index"`
}

// Series is a directed dyad series.
type Series struct {
	Source string  `json:"source"`
	Target string  `json:"target"`
	By     Period  `json:"by"`
	Points []Point `json:"points"`
}

// CCIndex computes the cooperation-conflict index of quad-class counts.
func CCIndex(q [4]int) float64 {
	n := q[0] + q[1] + q[2] + q[3]
	if n == 0 {
		return 0
	}
	return 100 * float64(q[0]+2*q[1]-q[2]-2*q[3]) / float64(2*n)
}

// dayRow is one day of a dyad.
type dayRow struct {
	day  string
	n    int
	q    [4]int
	gsum float64
	gsq  float64 // sum of squared Goldstein scores
}

// dailyRows reads the daily aggregate of a directed dyad, in date order.
// Three-letter codes read the pre-aggregated table; longer actor code
// prefixes aggregate the clusters.
func dailyRows(ctx context.Context, db *sql.DB, src, tgt, since, until string) ([]dayRow, error) {
	src, tgt = strings.ToUpper(src), strings.ToUpper(tgt)
	if until == "" {
		until = "9999-12-31"
	}
	var rows *sql.Rows
	var err error
	if len(src) <= 3 && len(tgt) <= 3 {
		rows, err = db.QueryContext(ctx, `SELECT day, n, q1, q2, q3, q4, gsum, gsq FROM rel_dyad_day
			WHERE src_key = ? AND tgt_key = ? AND day >= ? AND day <= ? ORDER BY day`, src, tgt, since, until)
	} else {
		rows, err = db.QueryContext(ctx, `SELECT date, COUNT(*), `+quadSums+`, SUM(goldstein), SUM(goldstein * goldstein)
			FROM rel_clusters WHERE (src_key = ? OR src_code LIKE ?) AND (tgt_key = ? OR tgt_code LIKE ?) AND src_key != '' AND tgt_key != ''
			AND modality = 'asserted' AND date >= ? AND date <= ? GROUP BY date ORDER BY date`,
			src, likePrefix(src), tgt, likePrefix(tgt), since, until)
	}
	if err != nil {
		if noTable(err) {
			return nil, ErrNoSchema
		}
		return nil, err
	}
	defer rows.Close()
	var out []dayRow
	for rows.Next() {
		var r dayRow
		if err := rows.Scan(&r.day, &r.n, &r.q[0], &r.q[1], &r.q[2], &r.q[3], &r.gsum, &r.gsq); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// likePrefix escapes LIKE wildcards in a code prefix.
func likePrefix(s string) string {
	s = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
	return s + "%"
}

// DyadSeries computes the series of one directed dyad, with every period
// between the first and last (or Since and Until) present, empty ones as
// zero.
func DyadSeries(ctx context.Context, db *sql.DB, q SeriesQuery) (Series, error) {
	if q.By == "" {
		q.By = Week
	}
	if q.Source == "" || q.Target == "" {
		return Series{}, fmt.Errorf("a dyad needs a source and a target")
	}
	for _, d := range []string{q.Since, q.Until} {
		if d != "" {
			if _, err := time.Parse("2006-01-02", d); err != nil {
				return Series{}, fmt.Errorf("date %q: want YYYY-MM-DD", d)
			}
		}
	}
	s := Series{Source: strings.ToUpper(q.Source), Target: strings.ToUpper(q.Target), By: q.By, Points: []Point{}}
	days, err := dailyRows(ctx, db, q.Source, q.Target, q.Since, q.Until)
	if err != nil {
		return s, err
	}
	first, last := q.Since, q.Until
	if len(days) > 0 {
		if first == "" {
			first = days[0].day
		}
		if last == "" {
			last = days[len(days)-1].day
		}
	}
	if first == "" || last == "" {
		return s, nil
	}
	t0, _ := time.Parse("2006-01-02", first)
	t1, _ := time.Parse("2006-01-02", last)
	j := 0
	for t := q.By.Start(t0); !t.After(t1); t = q.By.Next(t) {
		next := q.By.Next(t).Format("2006-01-02")
		p := Point{Start: t.Format("2006-01-02")}
		for ; j < len(days) && days[j].day < next; j++ {
			p.Clusters += days[j].n
			for k := range p.Quad {
				p.Quad[k] += days[j].q[k]
			}
			p.GoldsteinSum += days[j].gsum
		}
		if p.Clusters > 0 {
			p.GoldsteinMean = p.GoldsteinSum / float64(p.Clusters)
		}
		p.Index = CCIndex(p.Quad)
		s.Points = append(s.Points, p)
	}
	return s, nil
}

// Sparkline draws values as Unicode block characters between lo and hi;
// periods without data (has[i] false) are drawn as a space.
func Sparkline(values []float64, has []bool, lo, hi float64) string {
	blocks := []rune("▁▂▃▄▅▆▇█")
	var b strings.Builder
	for i, v := range values {
		if has != nil && !has[i] {
			b.WriteRune(' ')
			continue
		}
		k := 0
		if hi > lo {
			k = int((v - lo) / (hi - lo) * float64(len(blocks)-1))
		}
		k = max(0, min(len(blocks)-1, k))
		b.WriteRune(blocks[k])
	}
	return b.String()
}

// Dyad is a directed pair of actor keys with its cluster count.
type Dyad struct {
	Source   string `json:"source"`
	Target   string `json:"target"`
	Clusters int    `json:"clusters"`
}

// TopDyads lists the directed dyads with the most asserted clusters.
func TopDyads(ctx context.Context, db *sql.DB, since, until string, limit int) ([]Dyad, error) {
	if until == "" {
		until = "9999-12-31"
	}
	if limit <= 0 {
		limit = 10
	}
	rows, err := db.QueryContext(ctx, `SELECT src_key, tgt_key, SUM(n) AS c FROM rel_dyad_day WHERE day >= ? AND day <= ?
		GROUP BY src_key, tgt_key ORDER BY c DESC, src_key, tgt_key LIMIT ?`, since, until, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Dyad
	for rows.Next() {
		var d Dyad
		if err := rows.Scan(&d.Source, &d.Target, &d.Clusters); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// quadSums counts rows by quad class in SQL that both SQLite and PostgreSQL
// run (PostgreSQL cannot sum booleans).
const quadSums = `SUM(CASE WHEN quad = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN quad = 2 THEN 1 ELSE 0 END),
	SUM(CASE WHEN quad = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN quad = 4 THEN 1 ELSE 0 END)`
