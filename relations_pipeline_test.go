package attache_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/attache-project/attache"
	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/relations"
	"github.com/attache-project/attache/internal/store"
)

// TestPipelineMergesReportsOfOneHappening runs the whole pipeline on one
// happening (Russia recalling its ambassador from Washington) written by
// four agencies in their own words, on the day and the day after, and on a
// different happening between the same dyad on the same day (sanctions):
// the four reports become one cluster with NumArticles 4, the sanctions
// stay apart.
func TestPipelineMergesReportsOfOneHappening(t *testing.T) {
	an, err := attache.New(attache.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	docs := []attache.Document{
		{ID: "tass", Source: "TASS", Published: "2021-03-17", Text: "MOSCOW, March 17. /TASS/. Russia has recalled its ambassador to the United States, Anatoly Antonov, for consultations, the Russian Foreign Ministry said on Wednesday."},
		{ID: "reuters", Source: "Reuters", Published: "2021-03-17", Text: "MOSCOW (Reuters) - Russia recalled its ambassador to Washington on Wednesday after U.S. President Joe Biden said Vladimir Putin would pay a price."},
		{ID: "ap", Source: "AP", Published: "2021-03-18", Text: "MOSCOW (AP) — Moscow recalled its ambassador to the United States on Wednesday for consultations, in a sharp escalation of tensions."},
		{ID: "afp", Source: "AFP", Published: "2021-03-18", Text: "MOSCOW, March 18, 2021 (AFP) - The Kremlin has recalled its envoy to the United States, diplomats said on Thursday."},
		{ID: "interfax", Source: "Interfax", Published: "2021-03-17", Text: "MOSCOW, March 17 (Interfax) - Russia imposed sanctions on the United States on Wednesday, the government said."},
	}
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var batch []*doc.Analysis
	for _, d := range docs {
		a, err := an.Analyze(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		batch = append(batch, a)
	}
	if _, err := st.Put(ctx, batch); err != nil {
		t.Fatal(err)
	}
	if _, err := relations.Update(ctx, st.DB(), relations.Options{}); err != nil {
		t.Fatal(err)
	}
	rows, err := st.DB().Query(`SELECT c.id, c.cameo, c.num_articles, c.num_sources FROM rel_clusters c
		WHERE c.src_key = 'RUS' AND c.tgt_key = 'USA' AND c.date = '2021-03-17' AND c.root = '16' AND c.modality = 'asserted' ORDER BY c.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []struct {
		id         int64
		cameo      string
		arts, srcs int
	}
	for rows.Next() {
		var r struct {
			id         int64
			cameo      string
			arts, srcs int
		}
		if err := rows.Scan(&r.id, &r.cameo, &r.arts, &r.srcs); err != nil {
			t.Fatal(err)
		}
		got = append(got, r)
	}
	if len(got) != 2 {
		t.Fatalf("RUS->USA root-16 happenings on 2021-03-17: %+v, want the recall and the sanctions", got)
	}
	if got[0].cameo != "161" || got[0].arts != 4 || got[0].srcs != 4 {
		t.Errorf("recall cluster %+v, want 161 from 4 articles by 4 outlets", got[0])
	}
	if got[1].cameo != "163" || got[1].arts != 1 {
		t.Errorf("sanctions cluster %+v, want 163 from 1 article", got[1])
	}
}
