package relations

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/relations/relationstest"
	"github.com/attache-project/attache/internal/store"
	"github.com/attache-project/attache/internal/store/storetest"
)

// openEngine opens the empty store of the engine under test: SQLite, or
// PostgreSQL in TestOnPostgres.
var openEngine = func(t testing.TB) store.Store { return storetest.OpenSQLite(t) }

func openStore(t testing.TB) store.SQLStore {
	t.Helper()
	return openEngine(t).(store.SQLStore)
}

func put(t testing.TB, st store.SQLStore, stories ...relationstest.Story) {
	t.Helper()
	var batch []*doc.Analysis
	for _, s := range stories {
		batch = append(batch, s.Analysis(t))
	}
	if _, err := st.Put(context.Background(), batch); err != nil {
		t.Fatal(err)
	}
	if _, err := Update(context.Background(), st.SQLDB(), Options{}); err != nil {
		t.Fatal(err)
	}
}

// TestOnPostgres runs the tests that store documents against PostgreSQL
// when $ATTACHE_TEST_POSTGRES is set.
func TestOnPostgres(t *testing.T) {
	if os.Getenv(storetest.PostgresEnv) == "" {
		t.Skip(storetest.PostgresEnv + " is not set: skipping PostgreSQL test")
	}
	openEngine = storetest.OpenPostgres
	defer func() { openEngine = func(t testing.TB) store.Store { return storetest.OpenSQLite(t) } }()
	for _, c := range []struct {
		name string
		fn   func(*testing.T)
	}{
		{"FourAgenciesOneHappening", TestFourAgenciesOneHappening},
		{"IncrementalAndIdempotent", TestIncrementalAndIdempotent},
		{"PlannedVisitLinkedNotMerged", TestPlannedVisitLinkedNotMerged},
		{"StatementsNeedSharedContent", TestStatementsNeedSharedContent},
		{"AggregatesConsistent", TestAggregatesConsistent},
		{"DyadSeries", TestDyadSeries},
		{"AlertsFromClusters", TestAlertsFromClusters},
		{"ConcurrentUpdates", testConcurrentUpdates},
	} {
		t.Run(c.name, c.fn)
	}
}

// clusterDump lists the clusters with their counts, for comparisons.
func clusterDump(t testing.TB, db *sql.DB) []string {
	t.Helper()
	concat := "group_concat(event_seq)"
	if store.IsPostgres(db) {
		concat = "string_agg(CAST(event_seq AS TEXT), ',' ORDER BY event_seq)"
	}
	rows, err := db.Query(`SELECT id, date, src_key, tgt_key, cameo, modality, num_mentions, num_sources, num_articles, first_report,
		(SELECT ` + concat + ` FROM (SELECT event_seq FROM rel_mentions m WHERE m.cluster_id = c.id ORDER BY event_seq) AS ms)
		FROM rel_clusters c ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id, nm, ns, na int
		var date, sk, tk, cameo, mod, first, seqs string
		if err := rows.Scan(&id, &date, &sk, &tk, &cameo, &mod, &nm, &ns, &na, &first, &seqs); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%d %s %s>%s %s %s m=%d s=%d a=%d first=%s [%s]", id, date, sk, tk, cameo, mod, nm, ns, na, first, seqs))
	}
	return out
}

// clusterOf returns the cluster holding the event with the given words.
func clusterOf(t testing.TB, db *sql.DB, words string) (id int64, mentions, sources, articles int, cameo string) {
	t.Helper()
	err := db.QueryRow(`SELECT c.id, c.num_mentions, c.num_sources, c.num_articles, c.cameo FROM events e
		JOIN rel_mentions m ON m.event_seq = e.seq JOIN rel_clusters c ON c.id = m.cluster_id WHERE e.text = ?`, words).
		Scan(&id, &mentions, &sources, &articles, &cameo)
	if err != nil {
		t.Fatalf("cluster of %q: %v", words, err)
	}
	return
}

func TestFourAgenciesOneHappening(t *testing.T) {
	st := openStore(t)
	put(t, st, append(append([]relationstest.Story{}, relationstest.Recall...), relationstest.SameDayOther)...)
	db := st.SQLDB()
	id, m, s, a, cameo := clusterOf(t, db, "Russia has recalled its ambassador to the United States")
	if m != 5 || s != 4 || a != 4 {
		t.Errorf("recall cluster: mentions %d sources %d articles %d, want 5 4 4\n%s", m, s, a, strings.Join(clusterDump(t, db), "\n"))
	}
	if cameo != "161" {
		t.Errorf("recall cluster code %s, want the specific 161 over the generic 160", cameo)
	}
	for _, w := range []string{"The ambassador was recalled", "Moscow summoned its envoy in Washington home",
		"Russia's ambassador to the U.S. was called back to Moscow", "The Kremlin has pulled its top diplomat out of Washington"} {
		if got, _, _, _, _ := clusterOf(t, db, w); got != id {
			t.Errorf("%q is in cluster %d, want %d", w, got, id)
		}
	}
	// Different happenings between the same dyad on the same day stay apart.
	for _, w := range []string{"Russia imposed an embargo on imports of U.S. poultry", "Russia's foreign ministry accused Washington of meddling",
		"The U.S. State Department imposed new sanctions on Russian entities"} {
		if got, _, _, _, _ := clusterOf(t, db, w); got == id {
			t.Errorf("%q was merged into the recall cluster", w)
		}
	}
	var n int
	if err := db.QueryRow(`SELECT COUNT(*) FROM rel_clusters`).Scan(&n); err != nil || n != 4 {
		t.Errorf("clusters = %d (%v), want 4\n%s", n, err, strings.Join(clusterDump(t, db), "\n"))
	}
	var first string
	var rep int64
	if err := db.QueryRow(`SELECT first_report, rep_event_seq FROM rel_clusters WHERE id = ?`, id).Scan(&first, &rep); err != nil {
		t.Fatal(err)
	}
	if first != "2021-03-17" || rep == 0 {
		t.Errorf("first report %s rep %d", first, rep)
	}
}

func TestIncrementalAndIdempotent(t *testing.T) {
	all := append(append([]relationstest.Story{}, relationstest.Recall...), relationstest.SameDayOther)
	one := openStore(t)
	put(t, one, all...)
	want := clusterDump(t, one.SQLDB())

	inc := openStore(t)
	for _, s := range all {
		put(t, inc, s)
	}
	got := clusterDump(t, inc.SQLDB())
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("one document at a time:\n%s\nall at once:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Re-ingesting the same documents and re-running changes nothing.
	put(t, inc, all...)
	if st, err := Update(context.Background(), inc.SQLDB(), Options{}); err != nil || st.Events != 0 {
		t.Errorf("second upDate: %+v %v", st, err)
	}
	if again := clusterDump(t, inc.SQLDB()); strings.Join(again, "\n") != strings.Join(want, "\n") {
		t.Errorf("re-ingest changed clusters:\n%s", strings.Join(again, "\n"))
	}
}

func TestPlannedVisitLinkedNotMerged(t *testing.T) {
	st := openStore(t)
	put(t, st,
		relationstest.Story{ID: "plan", Source: "Reuters", Published: "2021-05-12",
			Text: "WASHINGTON (Reuters) -\nSecretary of State Antony Blinken will visit Moscow next week for talks with Sergei Lavrov.",
			Events: []relationstest.Ev{{Words: "Antony Blinken will visit Moscow", CAMEO: "042", Src: "USA", SrcCode: "USAGOV", Tgt: "RUS", TgtCode: "RUS",
				Date: "2021-05-19", Modality: Future, Loc: "Moscow", LocCountry: "RUS", Quad: 1, Goldstein: 1.9}}},
		relationstest.Story{ID: "visit", Source: "AP", Published: "2021-05-19",
			Text: "MOSCOW (AP) —\nU.S. Secretary of State Antony Blinken arrived in Moscow on Wednesday.",
			Events: []relationstest.Ev{{Words: "Antony Blinken arrived in Moscow", CAMEO: "042", Src: "USA", SrcCode: "USAGOV", Tgt: "RUS",
				Date: "2021-05-19", Loc: "Moscow", LocCountry: "RUS", Quad: 1, Goldstein: 1.9}}},
		relationstest.Story{ID: "host", Source: "TASS", Published: "2021-05-20",
			Text: "MOSCOW, May 20. /TASS/.\nRussian Foreign Minister Sergei Lavrov hosted his U.S. counterpart in Moscow on Wednesday.",
			Events: []relationstest.Ev{{Words: "Sergei Lavrov hosted his U.S. counterpart", CAMEO: "043", Src: "RUS", SrcCode: "RUSGOV", Tgt: "USA", TgtCode: "USAGOV",
				Date: "2021-05-19", Loc: "Moscow", LocCountry: "RUS", Quad: 1, Goldstein: 2.8}}},
		relationstest.Story{ID: "elsewhere", Source: "AFP", Published: "2021-05-19",
			Text: "GENEVA (AFP) -\nA U.S. delegation visited Geneva for talks with Russian diplomats on Wednesday.",
			Events: []relationstest.Ev{{Words: "A U.S. delegation visited Geneva", CAMEO: "042", Src: "USA", Tgt: "RUS",
				Date: "2021-05-19", Loc: "Geneva", LocCountry: "CHE", Quad: 1, Goldstein: 1.9}}},
	)
	db := st.SQLDB()
	plan, _, _, _, _ := clusterOf(t, db, "Antony Blinken will visit Moscow")
	visit, m, _, a, _ := clusterOf(t, db, "Antony Blinken arrived in Moscow")
	host, _, _, _, _ := clusterOf(t, db, "Sergei Lavrov hosted his U.S. counterpart")
	geneva, _, _, _, _ := clusterOf(t, db, "A U.S. delegation visited Geneva")
	t.Log(strings.Join(clusterDump(t, db), "\n"))
	if plan == visit {
		t.Fatal("planned visit merged with the visit")
	}
	if host != visit || m != 2 || a != 2 {
		t.Errorf("host cluster %d, visit cluster %d (mentions %d articles %d): hosting is the visit seen from the host", host, visit, m, a)
	}
	if geneva == visit {
		t.Error("a visit to another place merged")
	}
	var links int
	if err := db.QueryRow(`SELECT COUNT(*) FROM rel_links WHERE planned_id = ? AND actual_id = ?`, plan, visit).Scan(&links); err != nil || links != 1 {
		t.Errorf("planned->actual link missing (%d, %v)", links, err)
	}
}

func TestMatchRules(t *testing.T) {
	rus, usa, unk := side{"RUS", "RUSGOV"}, side{"USA", "USA"}, side{}
	cases := []struct {
		name string
		a, b shape
		want bool
	}{
		{"same", shape{Src: rus, Tgt: usa, CAMEO: "161"}, shape{Src: rus, Tgt: usa, CAMEO: "161"}, true},
		{"generic joins specific", shape{Src: rus, Tgt: usa, CAMEO: "160"}, shape{Src: rus, Tgt: usa, CAMEO: "163"}, true},
		{"root joins specific", shape{Src: rus, Tgt: usa, CAMEO: "16"}, shape{Src: rus, Tgt: usa, CAMEO: "1663"}, true},
		{"different base", shape{Src: rus, Tgt: usa, CAMEO: "161"}, shape{Src: rus, Tgt: usa, CAMEO: "163"}, false},
		{"different root", shape{Src: rus, Tgt: usa, CAMEO: "161"}, shape{Src: rus, Tgt: usa, CAMEO: "112"}, false},
		{"accuse ~ criticize", shape{Src: rus, Tgt: usa, CAMEO: "111"}, shape{Src: rus, Tgt: usa, CAMEO: "112"}, true},
		{"unknown target is a wildcard", shape{Src: rus, Tgt: usa, CAMEO: "161"}, shape{Src: rus, Tgt: unk, CAMEO: "161"}, true},
		{"only unknowns never match", shape{Src: unk, Tgt: usa, CAMEO: "161"}, shape{Src: rus, Tgt: unk, CAMEO: "161"}, false},
		{"other country", shape{Src: rus, Tgt: usa, CAMEO: "161"}, shape{Src: rus, Tgt: side{"UKR", "UKR"}, CAMEO: "161"}, false},
		{"code prefix", shape{Src: side{"RUS", "RUS"}, Tgt: usa, CAMEO: "161"}, shape{Src: rus, Tgt: usa, CAMEO: "161"}, true},
		{"different agencies of one country", shape{Src: side{"RUS", "RUSMIL"}, Tgt: usa, CAMEO: "161"}, shape{Src: rus, Tgt: usa, CAMEO: "161"}, false},
		{"visit = host swapped", shape{Src: usa, Tgt: rus, CAMEO: "042"}, shape{Src: rus, Tgt: usa, CAMEO: "043"}, true},
		{"visit != host same direction", shape{Src: usa, Tgt: rus, CAMEO: "042"}, shape{Src: usa, Tgt: rus, CAMEO: "043"}, false},
		{"different place", shape{Src: usa, Tgt: rus, CAMEO: "042", Loc: "moscow"}, shape{Src: usa, Tgt: rus, CAMEO: "042", Loc: "geneva"}, false},
		{"place within place", shape{Src: usa, Tgt: rus, CAMEO: "042", Loc: "moscow"}, shape{Src: usa, Tgt: rus, CAMEO: "042", Loc: "moscow region"}, true},
		{"different 4-digit codes", shape{Src: rus, Tgt: usa, CAMEO: "1661"}, shape{Src: rus, Tgt: usa, CAMEO: "1663"}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, _ := sameHappening(c.a, c.b)
			back, _ := sameHappening(c.b, c.a)
			if got != c.want || back != c.want {
				t.Errorf("sameHappening = %v / reversed %v, want %v", got, back, c.want)
			}
		})
	}
}

func TestStatementsNeedSharedContent(t *testing.T) {
	st := openStore(t)
	put(t, st,
		relationstest.Story{ID: "s1", Source: "Reuters", Published: "2021-03-17",
			Text:   "WASHINGTON (Reuters) -\nBiden said Putin was a killer and would pay a price for meddling in the election.",
			Events: []relationstest.Ev{{Words: "Biden said", CAMEO: "111", Src: "USA", SrcCode: "USAGOV", Tgt: "RUS", TgtCode: "RUSGOV", Date: "2021-03-17", Quad: 3, Goldstein: -2}}},
		relationstest.Story{ID: "s2", Source: "AP", Published: "2021-03-17",
			Text:   "WASHINGTON (AP) —\nPresident Biden called Putin a killer who will pay a price for election meddling.",
			Events: []relationstest.Ev{{Words: "President Biden called Putin a killer", CAMEO: "111", Src: "USA", SrcCode: "USAGOV", Tgt: "RUS", Date: "2021-03-17", Quad: 3, Goldstein: -2}}},
		relationstest.Story{ID: "s3", Source: "AFP", Published: "2021-03-17",
			Text:   "WASHINGTON (AFP) -\nThe White House criticised Moscow's treatment of jailed opposition leader Alexei Navalny.",
			Events: []relationstest.Ev{{Words: "The White House criticised Moscow", CAMEO: "111", Src: "USA", SrcCode: "USAGOV", Tgt: "RUS", TgtCode: "RUSGOV", Date: "2021-03-17", Quad: 3, Goldstein: -2}}},
	)
	db := st.SQLDB()
	a, _, _, arts, _ := clusterOf(t, db, "Biden said")
	b, _, _, _, _ := clusterOf(t, db, "President Biden called Putin a killer")
	c, _, _, _, _ := clusterOf(t, db, "The White House criticised Moscow")
	if a != b || arts != 2 {
		t.Errorf("one statement reported twice: clusters %d and %d (%d articles)", a, b, arts)
	}
	if c == a {
		t.Error("a different statement the same day merged")
	}
}

func TestSignature(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"Biden said Putin was a killer and would pay a price for meddling.", "Biden called Putin a killer who will pay a price for election meddling.", true},
		// The speaker's name and title are not what was said.
		{"Federal Reserve Board Chairman Paul Volcker said a further drop in the value of the dollar could hurt economic growth.",
			"Federal Reserve Board Chairman Paul Volcker said debtor nations made progress in laying the groundwork for economic growth.", false},
		{"Biden said Putin was a killer.", "The White House criticised Moscow's treatment of Navalny.", false},
		{"The ministry said on Monday that exports rose.", "The ministry said on Monday that talks would go on.", false},
		{"", "Anything at all.", true},
	}
	for _, c := range cases {
		actors := []string{"Biden", "Putin", "Federal Reserve Board Chairman Paul Volcker"}
		if got := sigMatch(signature(c.a, actors...), signature(c.b, actors...)); got != c.want {
			t.Errorf("sigMatch(%q, %q) = %v (%v / %v)", c.a, c.b, got, signature(c.a, actors...), signature(c.b, actors...))
		}
	}
}

func TestGeneratorSpans(t *testing.T) {
	for _, a := range relationstest.NewGenerator(9).Stories(500) {
		if err := doc.CheckSpans(a); err != nil {
			t.Fatalf("%s: %v", a.ID, err)
		}
		for _, e := range a.Events {
			if !a.Sentences[e.Sentence].Span.Contains(e.Span) {
				t.Fatalf("%s: event %s outside its sentence", a.ID, e.ID)
			}
		}
	}
}

// TestAggregatesConsistent checks the incrementally maintained numbers
// against a recomputation from scratch: per-cluster counts against the
// mentions, and the daily dyad table against the clusters, after many
// small batches.
func TestAggregatesConsistent(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	g := relationstest.NewGenerator(5)
	for i := 0; i < 4; i++ {
		if _, err := st.Put(ctx, g.Stories(1500)); err != nil {
			t.Fatal(err)
		}
		if _, err := Update(ctx, st.SQLDB(), Options{Batch: 700}); err != nil {
			t.Fatal(err)
		}
	}
	db := st.SQLDB()
	var bad, joined int
	if err := db.QueryRow(`SELECT COUNT(*) FROM rel_clusters c WHERE num_mentions != (SELECT COUNT(*) FROM rel_mentions m WHERE m.cluster_id = c.id)
		OR num_articles != (SELECT COUNT(DISTINCT doc_seq) FROM rel_mentions m WHERE m.cluster_id = c.id)
		OR num_sources != (SELECT COUNT(DISTINCT source) FROM rel_mentions m WHERE m.cluster_id = c.id)
		OR first_report != (SELECT MIN(reported) FROM rel_mentions m WHERE m.cluster_id = c.id)`).Scan(&bad); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(`SELECT COUNT(*) FROM rel_clusters WHERE num_articles > 1`).Scan(&joined); err != nil {
		t.Fatal(err)
	}
	if bad != 0 || joined == 0 {
		t.Errorf("%d clusters with wrong counts; %d clusters from several articles", bad, joined)
	}
	var diff int
	if err := db.QueryRow(`SELECT COUNT(*) FROM (
		SELECT src_key, tgt_key, date AS day, COUNT(*) AS n, SUM(CASE WHEN quad = 1 THEN 1 ELSE 0 END) AS q1,
		SUM(CASE WHEN quad = 4 THEN 1 ELSE 0 END) AS q4, ROUND(CAST(SUM(goldstein) AS NUMERIC), 6) AS g
		FROM rel_clusters WHERE modality = 'asserted' AND src_key != '' AND tgt_key != '' GROUP BY 1, 2, 3
		EXCEPT SELECT src_key, tgt_key, day, n, q1, q4, ROUND(CAST(gsum AS NUMERIC), 6) FROM rel_dyad_day) AS d`).Scan(&diff); err != nil {
		t.Fatal(err)
	}
	var rowsA, rowsB int
	db.QueryRow(`SELECT COUNT(*) FROM rel_dyad_day`).Scan(&rowsA)
	db.QueryRow(`SELECT COUNT(*) FROM (SELECT DISTINCT src_key, tgt_key, date FROM rel_clusters WHERE modality = 'asserted' AND src_key != '' AND tgt_key != '') AS k`).Scan(&rowsB)
	if diff != 0 || rowsA != rowsB {
		t.Errorf("daily dyad table: %d rows differ; %d rows, want %d", diff, rowsA, rowsB)
	}
}

// testConcurrentUpdates runs Update from several goroutines at once (as
// several workers sharing a PostgreSQL database do) and checks that the
// clusters and tone scores equal those of one sequential run.
func testConcurrentUpdates(t *testing.T) {
	ctx := context.Background()
	stories := relationstest.NewGenerator(7).Stories(600)
	seq := openStore(t)
	if _, err := seq.Put(ctx, stories); err != nil {
		t.Fatal(err)
	}
	if _, err := Update(ctx, seq.SQLDB(), Options{}); err != nil {
		t.Fatal(err)
	}
	want := clusterDump(t, seq.SQLDB())

	par := openStore(t)
	if _, err := par.Put(ctx, stories); err != nil {
		t.Fatal(err)
	}
	const workers = 3
	errs := make(chan error, workers)
	stats := make(chan UpdateStats, workers)
	for range workers {
		go func() {
			st, err := Update(ctx, par.SQLDB(), Options{Batch: 150})
			stats <- st
			errs <- err
		}()
	}
	var events, toned int
	for range workers {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
		st := <-stats
		events += st.Events
		toned += st.Toned
	}
	var stored, tones int
	if err := par.SQLDB().QueryRow(`SELECT (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM rel_doc_tone)`).Scan(&stored, &tones); err != nil {
		t.Fatal(err)
	}
	if events != stored || toned != len(stories) || tones != len(stories) {
		t.Errorf("workers read %d events (stored %d) and toned %d documents (%d rows), want each once (%d documents)", events, stored, toned, tones, len(stories))
	}
	got := clusterDump(t, par.SQLDB())
	if len(want) == 0 || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("concurrent updates: %d clusters, sequential: %d; they differ", len(got), len(want))
	}
}
