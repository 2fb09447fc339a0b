package relations

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/store"
)

// generator makes synthetic coded stories: happenings between random
// dyads, each reported by one to four outlets on the day or the day after,
// with ten events per story.
type generator struct {
	r     *rand.Rand
	next  int
	start time.Time
	days  int
	codes []struct {
		code string
		quad int
		g    float64
	}
	nations []string
	outlets []string
}

func newGenerator(seed uint64) *generator {
	g := &generator{r: rand.New(rand.NewPCG(seed, 7)), start: time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC), days: 730}
	g.codes = []struct {
		code string
		quad int
		g    float64
	}{{"010", 1, 0}, {"036", 1, 4}, {"042", 1, 1.9}, {"043", 1, 2.8}, {"057", 1, 8}, {"061", 2, 6.4}, {"071", 2, 7.4},
		{"111", 3, -2}, {"112", 3, -2}, {"130", 3, -4.4}, {"138", 3, -7}, {"161", 4, -4}, {"163", 4, -8}, {"172", 4, -5}, {"190", 4, -10}}
	for i := 0; i < 60; i++ {
		g.nations = append(g.nations, fmt.Sprintf("%c%c%c", 'A'+i/26, 'A'+i%26, 'X'))
	}
	g.nations[0], g.nations[1] = "RUS", "USA"
	for i := 0; i < 25; i++ {
		g.outlets = append(g.outlets, "outlet"+strconv.Itoa(i))
	}
	return g
}

// stories returns analyses holding about n events.
func (g *generator) stories(n int) []*doc.Analysis {
	var out []*doc.Analysis
	const text = "WIRE, Jan 1 -\nOfficials met and talked on Monday, an official said."
	var cur *doc.Analysis
	for made := 0; made < n; {
		// one happening, reported 1-4 times
		c := g.codes[g.r.IntN(len(g.codes))]
		src := g.nations[min(g.r.IntN(len(g.nations)), g.r.IntN(len(g.nations)))]
		tgt := g.nations[min(g.r.IntN(len(g.nations)), g.r.IntN(len(g.nations)))]
		day := g.start.AddDate(0, 0, g.r.IntN(g.days))
		for k := 1 + g.r.IntN(4); k > 0 && made < n; k-- {
			if cur == nil || len(cur.Events) == 10 {
				g.next++
				pub := day.AddDate(0, 0, g.r.IntN(2)).Format("2006-01-02")
				cur = doc.New(doc.Document{ID: "gen-" + strconv.Itoa(g.next), Text: text, Published: pub, Source: g.outlets[g.r.IntN(len(g.outlets))]})
				cur.Anchor = &doc.Anchor{Date: pub, From: "published"}
				cur.Sentences = []doc.Sentence{{Span: doc.S(0, 13)}, {Span: doc.S(14, len(text))}}
				out = append(out, cur)
			}
			cur.Events = append(cur.Events, doc.Event{ID: "e" + strconv.Itoa(len(cur.Events)+1), Sentence: 1, Span: doc.S(24, 30), Text: "talked",
				CAMEO: c.code, Quad: c.quad, Goldstein: c.g, Modality: Asserted, Confidence: 0.7, Date: doc.Str(day.Format("2006-01-02")),
				Source: &doc.Actor{Country: doc.Str(src), Code: doc.Str(src + "GOV"), Text: src},
				Target: &doc.Actor{Country: doc.Str(tgt), Code: doc.Str(tgt), Text: tgt}})
			made++
		}
	}
	return out
}

// BenchmarkUpdate measures incremental clustering: each op stores 1,000
// generated events (untimed) and clusters them (timed) into a growing
// database.
func BenchmarkUpdate(b *testing.B) {
	st, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	g := newGenerator(1)
	ctx := context.Background()
	// Warm the database with 20,000 clustered events.
	if _, err := st.Put(ctx, g.stories(20000)); err != nil {
		b.Fatal(err)
	}
	if _, err := Update(ctx, st.DB(), Options{}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var events int
	var spent time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		batch := g.stories(1000)
		if _, err := st.Put(ctx, batch); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		t0 := time.Now()
		s, err := Update(ctx, st.DB(), Options{})
		if err != nil {
			b.Fatal(err)
		}
		spent += time.Since(t0)
		events += s.Events
	}
	b.ReportMetric(float64(events)/spent.Seconds(), "events/s")
}

// benchEvents is the size of the series benchmark's database
// (ATTACHE_BENCH_EVENTS, default 1,000,000). The database is built once and
// kept in the temporary directory, since building it takes minutes.
func benchDB(b *testing.B) *store.SQLite {
	n := 1000000
	if v, err := strconv.Atoi(os.Getenv("ATTACHE_BENCH_EVENTS")); err == nil && v > 0 {
		n = v
	}
	path := filepath.Join(os.TempDir(), fmt.Sprintf("attache-relations-bench-%d.db", n))
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	var have int
	if err := st.DB().QueryRow(`SELECT COUNT(*) FROM events`).Scan(&have); err != nil {
		b.Fatal(err)
	}
	if have < n {
		t0 := time.Now()
		g := newGenerator(2)
		g.next = have // continue ids after an interrupted build
		for have < n {
			k := min(20000, n-have)
			if _, err := st.Put(ctx, g.stories(k)); err != nil {
				b.Fatal(err)
			}
			have += k
		}
		b.Logf("stored %d events in %v", n, time.Since(t0))
	}
	t0 := time.Now()
	s, err := Update(ctx, st.DB(), Options{Batch: 20000})
	if err != nil {
		b.Fatal(err)
	}
	if s.Events > 0 {
		b.Logf("clustered %d events into %d new clusters in %v (%.0f events/s)", s.Events, s.NewClusters, time.Since(t0), float64(s.Events)/time.Since(t0).Seconds())
	}
	return st
}

// BenchmarkDyadSeries answers `attache relations RUS USA --by week` (both
// directions) over the benchmark database.
func BenchmarkDyadSeries(b *testing.B) {
	st := benchDB(b)
	defer st.Close()
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, q := range []SeriesQuery{{Source: "RUS", Target: "USA", By: Week}, {Source: "USA", Target: "RUS", By: Week}} {
			s, err := DyadSeries(ctx, st.DB(), q)
			if err != nil || len(s.Points) == 0 {
				b.Fatal(err, len(s.Points))
			}
		}
	}
}

// BenchmarkAlertsAll runs alert detection over every dyad of the
// benchmark database.
func BenchmarkAlertsAll(b *testing.B) {
	st := benchDB(b)
	defer st.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Alerts(context.Background(), st.DB(), AlertOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
