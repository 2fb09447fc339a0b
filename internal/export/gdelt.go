package export

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// EventColumns are the 61 columns of a GDELT 2.0 event export, in order.
var EventColumns = []string{
	"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// MentionColumns are the columns of a GDELT 2.0 mentions table, in order.
var MentionColumns = []string{
	"GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
	"SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
	"MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
}

// Col returns the index of a named column, or -1.
func Col(columns []string, name string) int {
	for i, c := range columns {
		if c == name {
			return i
		}
	}
	return -1
}

// ReadTable reads a tab-separated GDELT table (no header row), checking
// that every row has the given number of columns, and passes each row to
// fn. The slice is reused between rows.
func ReadTable(r io.Reader, columns int, fn func(row []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if text == "" {
			continue
		}
		row := strings.Split(text, "\t")
		if len(row) != columns {
			return fmt.Errorf("line %d: %d columns, want %d", line, len(row), columns)
		}
		if err := fn(row); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
	}
	return sc.Err()
}

// compact turns a YYYY-MM-DD date into YYYYMMDD.
func compact(d string) string { return strings.ReplaceAll(d, "-", "") }

// fractionDate is GDELT's YYYY.FFFF with FFFF = (month*30+day)/365.
func fractionDate(t time.Time) string {
	return strconv.FormatFloat(float64(t.Year())+float64(int(t.Month())*30+t.Day())/365, 'f', 4, 64)
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// actorCols fills the ten actor columns of one side. attache actor codes
// are CAMEO codes: a country (RUS) or "---" for an unknown one, followed by
// three-letter role codes (RUSGOV, ---BUS); international actors start
// with IGO, NGO, IMG or MNC followed by the group (IGOUNO). GDELT writes
// the code without "---", the roles as type codes and the group as known
// group code.
func actorCols(a Actor) []string {
	cols := make([]string, 10)
	code := a.Code
	if code == "" {
		code = a.Country
	}
	code = strings.TrimPrefix(code, "---")
	cols[0] = code
	cols[1] = strings.ToUpper(a.Name)
	cols[2] = a.Country
	rest := code
	switch {
	case a.Country != "" && strings.HasPrefix(code, a.Country):
		rest = code[len(a.Country):]
	case len(code) >= 6 && (strings.HasPrefix(code, "IGO") || strings.HasPrefix(code, "NGO") || strings.HasPrefix(code, "IMG") || strings.HasPrefix(code, "MNC")):
		cols[3] = code[3:6]
		rest = code[:3] + code[6:]
	case a.Country == "" && len(a.Code) > 0 && !strings.HasPrefix(a.Code, "---"):
		// A group code of its own (e.g. a rebel group).
		cols[3] = code
		rest = ""
	}
	for i := 0; i < 3 && len(rest) >= 3; i++ {
		cols[7+i], rest = rest[:3], rest[3:]
	}
	return cols
}

// geoCols fills one geo block (8 columns): type 0 and empty without a
// place; 1 (country) for a country alone; 3 (US city) or 4 (world city)
// for a named place. Country codes are FIPS 10-4, as GDELT's, where known.
func geoCols(name, country string, lat, lon *float64) []string {
	cols := make([]string, 8)
	if name == "" && country == "" {
		cols[0] = "0"
		return cols
	}
	fips := fipsOf[country]
	switch {
	case name == "":
		cols[0], cols[1] = "1", country
		cols[7] = fips
	case country == "USA":
		cols[0], cols[1] = "3", name
	default:
		cols[0], cols[1] = "4", name
	}
	cols[2] = fips
	if fips != "" {
		cols[3] = fips
	}
	if lat != nil && lon != nil {
		cols[5], cols[6] = strconv.FormatFloat(*lat, 'f', 4, 64), strconv.FormatFloat(*lon, 'f', 4, 64)
	}
	return cols
}

// GDELTEvent returns the 61 columns of a cluster as a GDELT 2.0 event row.
func GDELTEvent(c *Cluster) []string {
	row := make([]string, 0, 61)
	t, _ := time.Parse("2006-01-02", c.Date)
	row = append(row, strconv.FormatInt(c.ID, 10), compact(c.Date), t.Format("200601"), t.Format("2006"), fractionDate(t))
	row = append(row, actorCols(c.Source)...)
	row = append(row, actorCols(c.Target)...)
	root := "0"
	if c.IsRoot {
		root = "1"
	}
	base, rootCode := c.CAMEO, c.CAMEO
	if len(base) > 3 {
		base = base[:3]
	}
	if len(rootCode) > 2 {
		rootCode = rootCode[:2]
	}
	row = append(row, root, c.CAMEO, base, rootCode, strconv.Itoa(c.Quad), ftoa(c.Goldstein),
		strconv.Itoa(c.NumMentions), strconv.Itoa(c.NumSources), strconv.Itoa(c.NumArticles), ftoa(c.AvgTone))
	// attache does not locate actors apart from the action.
	row = append(row, geoCols("", "", nil, nil)...)
	row = append(row, geoCols("", "", nil, nil)...)
	row = append(row, geoCols(c.Location, c.LocCountry, c.Lat, c.Lon)...)
	url := c.SourceURL
	if url == "" {
		url = c.FirstDocID
	}
	row = append(row, dateAdded(c.FirstReport, c.Date), clean(url))
	return row
}

// dateAdded is the first report's date as YYYYMMDDHHMMSS (attache has no
// 15-minute update cycle; the time is 000000).
func dateAdded(first, fallback string) string {
	if first == "" {
		first = fallback
	}
	return compact(first) + "000000"
}

// clean keeps tabs and line breaks out of a field.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

func writeRow(w *bufio.Writer, row []string) error {
	for i, f := range row {
		if i > 0 {
			w.WriteByte('\t')
		}
		w.WriteString(clean(f))
	}
	return w.WriteByte('\n')
}

func writeGDELT(ctx context.Context, db *sql.DB, w io.Writer, f Filter) (int, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	n := 0
	err := Clusters(ctx, db, f, true, func(c *Cluster) error {
		n++
		return writeRow(bw, GDELTEvent(c))
	})
	if err != nil {
		return n, err
	}
	return n, bw.Flush()
}

// GDELTMention returns the 16 columns of a mention as a GDELT 2.0 mentions
// row. eventAdded is the cluster's DATEADDED. Offsets are byte offsets;
// attache does not record actor offsets (-1, as GDELT for "not found").
func GDELTMention(m *Mention, eventAdded string) []string {
	typ, ident := "1", m.URL
	if ident == "" {
		typ, ident = "2", m.DocID
	}
	conf := int(m.Confidence*100 + 0.5)
	return []string{
		strconv.FormatInt(m.ClusterID, 10), eventAdded, dateAdded(m.Reported, strings.TrimSuffix(eventAdded, "000000")),
		typ, m.Outlet, ident, strconv.Itoa(m.Sentence + 1), "-1", "-1", strconv.Itoa(m.Span[0]), "1", strconv.Itoa(conf),
		strconv.Itoa(m.DocLen), ftoa(m.DocTone), "", "",
	}
}

func writeGDELTMentions(ctx context.Context, db *sql.DB, w io.Writer, f Filter) (int, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	wh, args, err := f.where(true)
	if err != nil {
		return 0, err
	}
	// Each mention needs its cluster's DATEADDED: read it alongside.
	q := strings.Replace(mentionCols(db), "SELECT ", "SELECT COALESCE(c.first_report, c.date), ", 1) +
		`JOIN rel_clusters c ON c.id = m.cluster_id` + wh + ` ORDER BY m.cluster_id, m.event_seq`
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return 0, noSchema(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var m Mention
		var first string
		if err := rows.Scan(&first, &m.ClusterID, &m.EventSeq, &m.DocID, &m.EventID, &m.Outlet, &m.URL, &m.Reported, &m.Sentence,
			&m.Span[0], &m.Span[1], &m.Text, &m.CAMEO, &m.Confidence, &m.DocLen, &m.DocTone, &m.SentenceText); err != nil {
			return n, err
		}
		n++
		if err := writeRow(bw, GDELTMention(&m, dateAdded(first, ""))); err != nil {
			return n, err
		}
	}
	if err := rows.Err(); err != nil {
		return n, err
	}
	return n, bw.Flush()
}
