package relations

import (
	"context"
	"github.com/attache-project/attache/internal/relations/relationstest"
	"testing"
)

func TestCCIndex(t *testing.T) {
	cases := []struct {
		q    [4]int
		want float64
	}{
		{[4]int{0, 0, 0, 0}, 0},
		{[4]int{0, 3, 0, 0}, 100},
		{[4]int{0, 0, 0, 2}, -100},
		{[4]int{2, 0, 2, 0}, 0},
		{[4]int{1, 0, 0, 1}, -25},
		{[4]int{4, 0, 0, 0}, 50},
	}
	for _, c := range cases {
		if got := CCIndex(c.q); got != c.want {
			t.Errorf("CCIndex(%v) = %v, want %v", c.q, got, c.want)
		}
	}
}

func TestDyadSeries(t *testing.T) {
	st := openStore(t)
	put(t, st, append(append([]relationstest.Story{}, relationstest.Recall...), relationstest.SameDayOther)...)
	ctx := context.Background()
	cases := []struct {
		q        SeriesQuery
		points   int
		clusters int
		quad     [4]int
		gsum     float64
	}{
		// recall (161, -4), accusation (112, -2), embargo (163, -8): three
		// happenings from nine reports.
		{SeriesQuery{Source: "RUS", Target: "USA", By: Day}, 1, 3, [4]int{0, 0, 1, 2}, -14},
		{SeriesQuery{Source: "usa", Target: "rus", By: Week}, 1, 1, [4]int{0, 0, 0, 1}, -8},
		{SeriesQuery{Source: "RUS", Target: "USA", By: Day, Since: "2021-03-15", Until: "2021-03-19"}, 5, 3, [4]int{0, 0, 1, 2}, -14},
		{SeriesQuery{Source: "RUSGOV", Target: "USA", By: Month}, 1, 2, [4]int{0, 0, 1, 1}, -6},
		{SeriesQuery{Source: "UKR", Target: "USA", By: Month}, 0, 0, [4]int{}, 0},
	}
	for _, c := range cases {
		s, err := DyadSeries(ctx, st.SQLDB(), c.q)
		if err != nil {
			t.Fatal(err)
		}
		var n int
		var q [4]int
		var g float64
		for _, p := range s.Points {
			n += p.Clusters
			for k := range q {
				q[k] += p.Quad[k]
			}
			g += p.GoldsteinSum
		}
		if len(s.Points) != c.points || n != c.clusters || q != c.quad || g != c.gsum {
			t.Errorf("%+v: %d points, %d clusters %v gsum %v; want %d, %d %v %v", c.q, len(s.Points), n, q, g, c.points, c.clusters, c.quad, c.gsum)
		}
	}
	if _, err := DyadSeries(ctx, st.SQLDB(), SeriesQuery{Source: "RUS", Target: "USA", Since: "March"}); err == nil {
		t.Error("bad date accepted")
	}
}

func TestSparkline(t *testing.T) {
	got := Sparkline([]float64{-100, 0, 100, 50}, []bool{true, true, true, false}, -100, 100)
	if got != "▁▄█ " {
		t.Errorf("Sparkline = %q", got)
	}
}

func TestTone(t *testing.T) {
	cases := []struct {
		text string
		sign int
	}{
		{"The two sides welcomed the agreement and praised the constructive talks.", 1},
		{"Troops attacked the town, killing dozens and wounding hundreds in the deadliest violence this year.", -1},
		{"The talks were not constructive and made no progress.", -1},
		{"The committee met on Tuesday.", 0},
		{"", 0},
	}
	for _, c := range cases {
		s := Score(c.text)
		sign := 0
		if s.Tone > 0 {
			sign = 1
		} else if s.Tone < 0 {
			sign = -1
		}
		if sign != c.sign || s.Tone < -100 || s.Tone > 100 {
			t.Errorf("Tone(%q) = %+v, want sign %d", c.text, s, c.sign)
		}
	}
	if _, bad := parseLexicon(toneTSV); len(bad) > 0 {
		t.Errorf("embedded tone lexicon: %v", bad)
	}
}
