package relations

import (
	"context"
	"github.com/attache-project/attache/internal/relations/relationstest"
	"strings"
	"testing"
	"time"
)

// days builds a daily series from start: one entry per day of (clusters,
// mean Goldstein, conflict clusters); zero clusters leaves the day out.
func days(start string, spec [][3]float64) []dayRow {
	t0, _ := time.Parse("2006-01-02", start)
	var out []dayRow
	for i, s := range spec {
		if s[0] == 0 {
			continue
		}
		n, conf := int(s[0]), int(s[2])
		r := dayRow{day: t0.AddDate(0, 0, i).Format("2006-01-02"), n: n, gsum: s[1] * s[0], gsq: s[1] * s[1] * s[0]}
		r.q[0], r.q[3] = n-conf, conf
		out = append(out, r)
	}
	return out
}

func repeat(n int, x [3]float64) [][3]float64 {
	out := make([][3]float64, n)
	for i := range out {
		out[i] = x
	}
	return out
}

func TestDetect(t *testing.T) {
	coop := [3]float64{2, 3, 0}
	mixed := [][3]float64{{2, 1, 1}, {3, -1, 1}, {2, 0.5, 1}, {1, 2, 0}, {2, -0.5, 1}}
	cases := []struct {
		name   string
		series []dayRow
		want   []string // date and direction of each alert
	}{
		{"cooperative stretch then hostile clusters",
			days("2021-01-01", append(repeat(60, coop), [3]float64{2, -7, 2}, [3]float64{2, -6, 2})), []string{"2021-03-02 conflict"}},
		{"quiet then a handful of hostile clusters",
			days("2021-03-17", [][3]float64{{3, -4.7, 3}}), []string{"2021-03-17 conflict"}},
		{"hostile stretch then a thaw",
			days("2021-01-01", append(repeat(40, [3]float64{2, -5, 2}), repeat(3, [3]float64{2, 4, 0})...)), []string{"2021-01-02 conflict", "2021-02-11 cooperation"}},
		{"steady mixed relations", days("2021-01-01", append(append(mixed, mixed...), mixed...)), nil},
		{"too few clusters", days("2021-01-01", append(repeat(30, coop), [3]float64{1, -10, 1})), nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := detect(c.series, AlertOptions{}.withDefaults())
			var dates []string
			for _, a := range got {
				dates = append(dates, a.Date+" "+a.Direction)
			}
			if strings.Join(dates, ",") != strings.Join(c.want, ",") {
				t.Errorf("alerts %v, want %v\n%+v", dates, c.want, got)
			}
		})
	}
}

func TestAlertsFromClusters(t *testing.T) {
	st := openStore(t)
	put(t, st, append(append([]relationstest.Story{}, relationstest.Recall...), relationstest.SameDayOther)...)
	as, err := Alerts(context.Background(), st.SQLDB(), AlertOptions{Source: "rus", Target: "usa"})
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 {
		t.Fatalf("alerts %+v, want one", as)
	}
	a := as[0]
	if a.Date != "2021-03-17" || a.Direction != "conflict" || a.Clusters != 3 || len(a.Drivers) != 3 {
		t.Errorf("alert %+v", a)
	}
	if d := a.Drivers[0]; d.CAMEO != "163" || d.Sentence != "Russia imposed an embargo on imports of U.S. poultry on Wednesday, officials said." {
		t.Errorf("first driver %+v, want the embargo with its sentence", d)
	}
	all, err := Alerts(context.Background(), st.SQLDB(), AlertOptions{})
	if err != nil || len(all) != 1 {
		t.Errorf("all dyads: %+v %v (USA->RUS has one cluster: below MinClusters)", all, err)
	}
}
