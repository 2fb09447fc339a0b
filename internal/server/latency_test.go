package server

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/attache-project/attache/internal/relations"
	"github.com/attache-project/attache/internal/relations/relationstest"
	"github.com/attache-project/attache/internal/store"
)

// TestAPILatency is a bounded load test on loopback over a generated
// database of ATTACHE_SERVER_BENCH_EVENTS events (10 per document; 1M
// events and 100k documents when the variable is "1" or "1000000"). It
// runs only when the variable is set, because building the database takes
// minutes; the database is kept in the temporary directory
// (attache-server-bench-N.db) or taken from ATTACHE_SERVER_BENCH_DB.
//
// It reports p50/p99 latency of the events listing with filters and of the
// relations endpoint (targets: p99 < 50 ms and < 200 ms).
//
//	ATTACHE_SERVER_BENCH_EVENTS=1 go test -run TestAPILatency -v ./internal/server
func TestAPILatency(t *testing.T) {
	env := os.Getenv("ATTACHE_SERVER_BENCH_EVENTS")
	if env == "" {
		t.Skip("set ATTACHE_SERVER_BENCH_EVENTS=1 (1M events) or a number of events to run the latency test")
	}
	n, err := strconv.Atoi(env)
	if err != nil || n <= 1 {
		n = 1000000
	}
	st := benchStore(t, n)
	s, err := New(Options{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	s.refreshRelations(context.Background(), true)
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}}

	groups := []struct {
		name    string
		target  time.Duration
		queries []string
	}{
		{"events with filters", 50 * time.Millisecond, []string{
			"/api/v1/events?dyad=RUS-USA&limit=100",
			"/api/v1/events?dyad=RUS-USA&since=2022-01-01&until=2022-03-31&limit=100",
			"/api/v1/events?cameo=16&limit=100",
			"/api/v1/events?cameo=163&quad=4&modality=asserted&limit=100",
			"/api/v1/events?country=USA&since=2021-06-01&limit=100",
			"/api/v1/events?actor=RUS&quad=4&limit=100",
			"/api/v1/events?source=USA&target=CHN&limit=50",
			"/api/v1/events?since=2022-12-01&limit=100",
			"/api/v1/events?limit=100&after=900000",
			"/api/v1/events?doc=gen-54321",
		}},
		{"relations", 200 * time.Millisecond, []string{
			"/api/v1/relations?dyad=RUS-USA&by=week",
			"/api/v1/relations?dyad=RUS-USA&by=day",
			"/api/v1/relations?dyad=RUS-USA&by=month&since=2022-01-01",
			"/api/v1/relations?dyad=USA-CHN&by=week",
			"/api/v1/relations?dyad=ACX-ADX&by=week",
		}},
		{"dashboard (no target)", 0, []string{
			"/api/v1/stats",
			"/api/v1/timeline",
			"/api/v1/dyads?limit=12",
			"/api/v1/alerts?dyad=RUS-USA",
			"/api/v1/clusters?dyad=RUS-USA&both=true&since=2022-03-07&until=2022-03-13&limit=50",
			"/api/v1/documents?q=officials&limit=50",
			"/api/v1/documents/gen-54321",
			"/api/v1/actors?limit=50",
			"/api/v1/speakers?limit=40",
		}},
	}
	const rounds = 40
	for _, g := range groups {
		var all []time.Duration
		per := map[string][]time.Duration{}
		for r := 0; r < rounds; r++ {
			for _, q := range g.queries {
				t0 := time.Now()
				resp, err := client.Get(ts.URL + q)
				if err != nil {
					t.Fatal(err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				d := time.Since(t0)
				if resp.StatusCode != 200 {
					t.Fatalf("%s: %d", q, resp.StatusCode)
				}
				all = append(all, d)
				per[q] = append(per[q], d)
			}
		}
		p50, p99 := pct(all, 50), pct(all, 99)
		t.Logf("%s: %d requests, p50 %v, p99 %v (target p99 < %v)", g.name, len(all), p50.Round(10*time.Microsecond), p99.Round(10*time.Microsecond), g.target)
		for _, q := range g.queries {
			t.Logf("  %-75s p50 %8v  p99 %8v", q, pct(per[q], 50).Round(10*time.Microsecond), pct(per[q], 99).Round(10*time.Microsecond))
		}
		if os.Getenv("ATTACHE_SERVER_BENCH_STRICT") != "" && g.target > 0 && p99 > g.target {
			t.Errorf("%s: p99 %v over the target %v", g.name, p99, g.target)
		}
	}
}

func pct(ds []time.Duration, p int) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (len(s)*p + 99) / 100
	return s[max(0, min(len(s)-1, i-1))]
}

// benchStore opens (building if needed) the generated database.
func benchStore(t *testing.T, n int) *store.SQLite {
	t.Helper()
	path := os.Getenv("ATTACHE_SERVER_BENCH_DB")
	if path == "" {
		path = filepath.Join(os.TempDir(), fmt.Sprintf("attache-server-bench-%d.db", n))
	}
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var have int
	if err := st.DB().QueryRow(`SELECT COUNT(*) FROM events`).Scan(&have); err != nil {
		t.Fatal(err)
	}
	if have < n {
		t0 := time.Now()
		g := relationstest.NewGenerator(2)
		g.Next = have / 10
		for have < n {
			k := min(20000, n-have)
			if _, err := st.Put(ctx, g.Stories(k)); err != nil {
				t.Fatal(err)
			}
			have += k
		}
		t.Logf("stored %d events in %v", n, time.Since(t0))
	}
	t0 := time.Now()
	u, err := relations.Update(ctx, st.DB(), relations.Options{Batch: 20000})
	if err != nil {
		t.Fatal(err)
	}
	if u.Events > 0 {
		t.Logf("clustered %d events in %v", u.Events, time.Since(t0))
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("database %s: %d documents, %d events", path, stats.Documents, stats.Events)
	return st
}
