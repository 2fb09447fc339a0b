package attache_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/attache-project/attache"
	"github.com/attache-project/attache/internal/demo"
	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/relations"
	"github.com/attache-project/attache/internal/store"
)

// TestDemoShowsMarch2021Turn ingests the demo corpus and checks that the
// turn in Russian-American relations of March 2021 (the "killer" interview,
// the recall of Ambassador Antonov, the exchange of accusations) is
// reported as an alert, from happenings coded by the real pipeline.
func TestDemoShowsMarch2021Turn(t *testing.T) {
	ctx := context.Background()
	docs, err := demo.Documents()
	if err != nil {
		t.Fatal(err)
	}
	an, err := attache.New(attache.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var batch []*doc.Analysis
	for _, d := range docs {
		a, err := an.Analyze(ctx, d)
		if err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
		batch = append(batch, a)
	}
	if _, err := st.Put(ctx, batch); err != nil {
		t.Fatal(err)
	}
	if _, err := relations.Update(ctx, st.DB(), relations.Options{}); err != nil {
		t.Fatal(err)
	}
	alerts, err := relations.Alerts(ctx, st.DB(), relations.AlertOptions{Since: "2021-03-10", Until: "2021-03-31"})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range alerts {
		t.Logf("alert %s %s->%s towards %s (%s), %d happenings", a.Date, a.Source, a.Target, a.Direction, a.Metric, a.Clusters)
		if (a.Source == "RUS" && a.Target == "USA" || a.Source == "USA" && a.Target == "RUS") && a.Direction == "conflict" {
			return
		}
	}
	t.Fatalf("no RUS/USA conflict alert in March 2021 among %d alerts", len(alerts))
}
