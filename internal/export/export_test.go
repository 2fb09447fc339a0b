package export

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/relations"
	"github.com/attache-project/attache/internal/relations/relationstest"
	"github.com/attache-project/attache/internal/store"
	"github.com/attache-project/attache/internal/store/storetest"
	"github.com/parquet-go/parquet-go"
)

// fixture stores the four-agency recall stories and the same-day embargo,
// and clusters them: four asserted clusters (recall with 5 mentions in 4
// articles, accusation, U.S. sanctions, embargo in Moscow).
func fixture(t testing.TB) *sql.DB {
	t.Helper()
	st := openEngine(t).(store.SQLStore)
	var batch []*doc.Analysis
	for _, s := range append(append([]relationstest.Story{}, relationstest.Recall...), relationstest.SameDayOther) {
		batch = append(batch, s.Analysis(t))
	}
	if _, err := st.Put(context.Background(), batch); err != nil {
		t.Fatal(err)
	}
	if _, err := relations.Update(context.Background(), st.SQLDB(), relations.Options{}); err != nil {
		t.Fatal(err)
	}
	return st.SQLDB()
}

// openEngine opens the empty store of the engine under test: SQLite, or
// PostgreSQL in TestOnPostgres.
var openEngine = func(t testing.TB) store.Store { return storetest.OpenSQLite(t) }

// TestOnPostgres runs the export tests over a PostgreSQL store when
// $ATTACHE_TEST_POSTGRES is set.
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
		{"GDELTRoundTrip", TestGDELTRoundTrip},
		{"GDELTMentions", TestGDELTMentions},
		{"JSONLAndCSV", TestJSONLAndCSV},
		{"Parquet", TestParquet},
	} {
		t.Run(c.name, c.fn)
	}
}

// checkEventRow validates one GDELT event row: the same checks for the
// real sample export and for ours.
func checkEventRow(row []string) error {
	col := func(name string) string { return row[Col(EventColumns, name)] }
	if _, err := strconv.ParseInt(col("GLOBALEVENTID"), 10, 64); err != nil {
		return fmt.Errorf("GLOBALEVENTID %q", col("GLOBALEVENTID"))
	}
	d := col("SQLDATE")
	if len(d) != 8 || col("MonthYear") != d[:6] || col("Year") != d[:4] {
		return fmt.Errorf("dates %q %q %q", d, col("MonthYear"), col("Year"))
	}
	code, base, root := col("EventCode"), col("EventBaseCode"), col("EventRootCode")
	if !strings.HasPrefix(code, base) || !strings.HasPrefix(base, root) || len(root) != 2 {
		return fmt.Errorf("codes %q %q %q", code, base, root)
	}
	if q, err := strconv.Atoi(col("QuadClass")); err != nil || q < 1 || q > 4 {
		return fmt.Errorf("QuadClass %q", col("QuadClass"))
	}
	if g, err := strconv.ParseFloat(col("GoldsteinScale"), 64); err != nil || g < -10 || g > 10 {
		return fmt.Errorf("GoldsteinScale %q", col("GoldsteinScale"))
	}
	if r := col("IsRootEvent"); r != "0" && r != "1" {
		return fmt.Errorf("IsRootEvent %q", r)
	}
	for _, c := range []string{"NumMentions", "NumSources", "NumArticles"} {
		if n, err := strconv.Atoi(col(c)); err != nil || n < 1 {
			return fmt.Errorf("%s %q", c, col(c))
		}
	}
	if t, err := strconv.ParseFloat(col("AvgTone"), 64); err != nil || t < -100 || t > 100 {
		return fmt.Errorf("AvgTone %q", col("AvgTone"))
	}
	for _, g := range []string{"Actor1Geo", "Actor2Geo", "ActionGeo"} {
		if typ, err := strconv.Atoi(col(g + "_Type")); err != nil || typ < 0 || typ > 5 {
			return fmt.Errorf("%s_Type %q", g, col(g+"_Type"))
		}
		for _, c := range []string{"_Lat", "_Long"} {
			if v := col(g + c); v != "" {
				if _, err := strconv.ParseFloat(v, 64); err != nil {
					return fmt.Errorf("%s%s %q", g, c, v)
				}
			}
		}
	}
	if a := col("DATEADDED"); len(a) != 14 {
		return fmt.Errorf("DATEADDED %q", a)
	}
	return nil
}

func TestReadRealGDELTExport(t *testing.T) {
	f, err := os.Open("../../../shared/reference/gdelt/sample-20150218230000.export.tsv")
	if err != nil {
		t.Skip("GDELT sample export not available:", err)
	}
	defer f.Close()
	n := 0
	err = ReadTable(f, len(EventColumns), func(row []string) error {
		n++
		return checkEventRow(row)
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 1000 {
		t.Errorf("read %d rows", n)
	}
}

func TestGDELTRoundTrip(t *testing.T) {
	db := fixture(t)
	Geocode = func(name, country string) (float64, float64, bool) {
		if name == "Moscow" && country == "RUS" {
			return 55.7558, 37.6173, true
		}
		return 0, 0, false
	}
	defer func() { Geocode = nil }()
	var buf bytes.Buffer
	n, err := Write(context.Background(), db, &buf, "gdelt", Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	if err := ReadTable(&buf, 61, func(row []string) error {
		rows = append(rows, append([]string(nil), row...))
		return checkEventRow(row)
	}); err != nil {
		t.Fatal(err)
	}
	if n != 4 || len(rows) != 4 {
		t.Fatalf("wrote %d, read %d rows, want 4", n, len(rows))
	}
	col := func(row []string, name string) string { return row[Col(EventColumns, name)] }
	recall, embargo := rows[0], rows[3]
	want := map[string]string{"SQLDATE": "20210317", "Actor1Code": "RUSGOV", "Actor1CountryCode": "RUS", "Actor1Type1Code": "GOV",
		"Actor2CountryCode": "USA", "EventCode": "161", "EventBaseCode": "161", "EventRootCode": "16", "QuadClass": "4",
		"GoldsteinScale": "-4", "NumMentions": "5", "NumSources": "4", "NumArticles": "4", "IsRootEvent": "1",
		"DATEADDED": "20210317000000", "SOURCEURL": "https://example.test/tass-1", "ActionGeo_Type": "0"}
	for k, v := range want {
		if got := col(recall, k); got != v {
			t.Errorf("recall %s = %q, want %q", k, got, v)
		}
	}
	for k, v := range map[string]string{"EventCode": "163", "ActionGeo_Type": "4", "ActionGeo_FullName": "Moscow", "ActionGeo_CountryCode": "RS",
		"ActionGeo_Lat": "55.7558", "ActionGeo_Long": "37.6173", "NumArticles": "1"} {
		if got := col(embargo, k); got != v {
			t.Errorf("embargo %s = %q, want %q", k, got, v)
		}
	}
	// Filters.
	for _, c := range []struct {
		f    Filter
		want int
	}{
		{Filter{Dyad: "RUS-USA"}, 3}, {Filter{Dyad: "usa-rus"}, 1}, {Filter{CAMEO: "16"}, 3}, {Filter{CAMEO: "112"}, 1},
		{Filter{Since: "2021-03-18"}, 0}, {Filter{Until: "2021-03-17", Dyad: "RUS-USA", CAMEO: "163"}, 1},
	} {
		n, err := Write(context.Background(), db, io.Discard, "gdelt", c.f)
		if err != nil || n != c.want {
			t.Errorf("filter %+v: %d rows (%v), want %d", c.f, n, err, c.want)
		}
	}
	for _, bad := range []Filter{{Dyad: "RUS"}, {Since: "17 March"}} {
		if _, err := Write(context.Background(), db, io.Discard, "gdelt", bad); err == nil {
			t.Errorf("filter %+v accepted", bad)
		}
	}
	if _, err := Write(context.Background(), db, io.Discard, "xml", Filter{}); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestActorColumns(t *testing.T) {
	cases := []struct {
		a    Actor
		want string // code, country, known group, type1, type2
	}{
		{Actor{Code: "USAGOVMIL", Country: "USA"}, "USAGOVMIL USA  GOV MIL"},
		{Actor{Country: "RUS"}, "RUS RUS   "},
		{Actor{Code: "---BUS"}, "BUS   BUS "},
		{Actor{Code: "IGOUNO"}, "IGOUNO  UNO IGO "},
		{Actor{Code: "IGOUNOKID"}, "IGOUNOKID  UNO IGO KID"},
		{Actor{Code: "HAMAS"}, "HAMAS  HAMAS  "},
		{Actor{}, "    "},
	}
	for _, c := range cases {
		cols := actorCols(c.a)
		if got := strings.Join([]string{cols[0], cols[2], cols[3], cols[7], cols[8]}, " "); got != c.want {
			t.Errorf("actorCols(%+v) = %q, want %q", c.a, got, c.want)
		}
	}
}

func TestGDELTMentions(t *testing.T) {
	db := fixture(t)
	var buf bytes.Buffer
	n, err := Write(context.Background(), db, &buf, "mentions", Filter{Dyad: "RUS-USA", CAMEO: "161"})
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	if err := ReadTable(&buf, len(MentionColumns), func(row []string) error {
		rows = append(rows, append([]string(nil), row...))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if n != 5 || len(rows) != 5 {
		t.Fatalf("%d mentions, want the recall's 5", len(rows))
	}
	col := func(row []string, name string) string { return row[Col(MentionColumns, name)] }
	outlets := map[string]bool{}
	for _, r := range rows {
		outlets[col(r, "MentionSourceName")] = true
		if col(r, "EventTimeDate") != "20210317000000" || col(r, "MentionType") != "1" || !strings.HasPrefix(col(r, "MentionIdentifier"), "https://") {
			t.Errorf("mention row %v", r)
		}
		if off, err := strconv.Atoi(col(r, "ActionCharOffset")); err != nil || off < 0 {
			t.Errorf("ActionCharOffset %q", col(r, "ActionCharOffset"))
		}
	}
	if len(outlets) != 4 {
		t.Errorf("outlets %v", outlets)
	}
	if col(rows[4], "MentionTimeDate") != "20210318000000" {
		t.Errorf("AFP mention time %q", col(rows[4], "MentionTimeDate"))
	}
}

func TestJSONLAndCSV(t *testing.T) {
	db := fixture(t)
	var buf bytes.Buffer
	if _, err := Write(context.Background(), db, &buf, "jsonl", Filter{}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d jsonl lines", len(lines))
	}
	var c JSONCluster
	if err := json.Unmarshal([]byte(lines[0]), &c); err != nil {
		t.Fatal(err)
	}
	if c.Schema != doc.Schema || c.NumArticles != 4 || len(c.Mentions) != 5 || c.Sentence == "" {
		t.Errorf("first cluster %+v", c)
	}
	for _, m := range c.Mentions {
		if !strings.Contains(m.SentenceText, m.Text) {
			t.Errorf("mention %q not in its sentence %q", m.Text, m.SentenceText)
		}
	}

	buf.Reset()
	if _, err := Write(context.Background(), db, &buf, "csv", Filter{}); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 5 || strings.Join(recs[0], ",") != strings.Join(CSVColumns, ",") || recs[1][0] != doc.Schema {
		t.Errorf("csv %v", recs)
	}
}

func TestParquet(t *testing.T) {
	db := fixture(t)
	var buf bytes.Buffer
	n, err := Write(context.Background(), db, &buf, "parquet", Filter{})
	if err != nil {
		t.Fatal(err)
	}
	f, err := parquet.OpenFile(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := f.Lookup(ParquetSchemaKey); !ok || v != doc.Schema {
		t.Errorf("schema metadata %q %v", v, ok)
	}
	if f.NumRows() != int64(n) || n != 4 {
		t.Errorf("rows %d, wrote %d", f.NumRows(), n)
	}
	rows := make([]ParquetCluster, 10)
	r := parquet.NewGenericReader[ParquetCluster](bytes.NewReader(buf.Bytes()))
	k, _ := r.Read(rows)
	if k != 4 || rows[0].NumArticles != 4 || rows[0].CAMEO != "161" || rows[0].SourceCountry == nil || *rows[0].SourceCountry != "RUS" {
		t.Errorf("read %d rows, first %+v", k, rows[0])
	}
}

// BenchmarkExport writes 20,000 generated events' clusters in each format.
func BenchmarkExport(b *testing.B) {
	st, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	if _, err := st.Put(ctx, relationstest.NewGenerator(3).Stories(20000)); err != nil {
		b.Fatal(err)
	}
	if _, err := relations.Update(ctx, st.DB(), relations.Options{}); err != nil {
		b.Fatal(err)
	}
	for _, format := range Formats {
		b.Run(format, func(b *testing.B) {
			b.ReportAllocs()
			rows := 0
			for i := 0; i < b.N; i++ {
				n, err := Write(ctx, st.DB(), io.Discard, format, Filter{})
				if err != nil {
					b.Fatal(err)
				}
				rows += n
			}
			b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}
