package relations

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/attache-project/attache/internal/relations/relationstest"
	"github.com/attache-project/attache/internal/store"
)

// BenchmarkUpdate measures incremental clustering: each op stores 1,000
// generated events (untimed) and clusters them (timed) into a growing
// database.
func BenchmarkUpdate(b *testing.B) {
	st, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	g := relationstest.NewGenerator(1)
	ctx := context.Background()
	// Warm the database with 20,000 clustered events.
	if _, err := st.Put(ctx, g.Stories(20000)); err != nil {
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
		batch := g.Stories(1000)
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
		g := relationstest.NewGenerator(2)
		g.Next = have // continue ids after an interrupted build
		for have < n {
			k := min(20000, n-have)
			if _, err := st.Put(ctx, g.Stories(k)); err != nil {
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

// BenchmarkUpdateLarge measures incremental clustering into the benchmark
// database (1M events by default): each op stores 1,000 new generated
// events (untimed) and clusters them (timed). The database keeps them.
func BenchmarkUpdateLarge(b *testing.B) {
	st := benchDB(b)
	defer st.Close()
	ctx := context.Background()
	g := relationstest.NewGenerator(uint64(time.Now().UnixNano()))
	var maxSeq int
	if err := st.DB().QueryRow(`SELECT MAX(seq) FROM documents`).Scan(&maxSeq); err != nil {
		b.Fatal(err)
	}
	g.Next = 10000000 + maxSeq // ids past every stored one
	b.ResetTimer()
	var events int
	var spent time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		if _, err := st.Put(ctx, g.Stories(1000)); err != nil {
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
