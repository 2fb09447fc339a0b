package export

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"

	"github.com/parquet-go/parquet-go"
)

// JSONCluster is one line of the jsonl export: a cluster with its mentions
// and the schema version of the analyses it comes from.
type JSONCluster struct {
	Schema string `json:"schema"`
	Cluster
	Mentions []Mention `json:"mentions"`
}

func writeJSONL(ctx context.Context, db *sql.DB, w io.Writer, f Filter) (int, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	st, err := db.PrepareContext(ctx, mentionCols(db)+`WHERE m.cluster_id = ? ORDER BY m.event_seq`)
	if err != nil {
		return 0, noSchema(err)
	}
	defer st.Close()
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	n := 0
	err = Clusters(ctx, db, f, false, func(c *Cluster) error {
		ms, err := clusterMentions(ctx, st, c.ID)
		if err != nil {
			return err
		}
		n++
		return enc.Encode(JSONCluster{Schema: Schema, Cluster: *c, Mentions: ms})
	})
	if err != nil {
		return n, err
	}
	return n, bw.Flush()
}

// CSVColumns are the columns of the csv export; the first, schema, holds
// the analysis schema version on every row so that no reader needs to skip
// a comment line.
var CSVColumns = []string{"schema", "id", "date", "source_code", "source_name", "source_country", "target_code", "target_name",
	"target_country", "cameo", "base_code", "root_code", "quad", "goldstein", "modality", "location", "location_country", "lat", "lon",
	"num_mentions", "num_sources", "num_articles", "avg_tone", "is_root", "first_report", "first_doc", "source_url", "sentence"}

func csvRow(c *Cluster) []string {
	base, root := c.CAMEO, c.CAMEO
	if len(base) > 3 {
		base = base[:3]
	}
	if len(root) > 2 {
		root = root[:2]
	}
	lat, lon := "", ""
	if c.Lat != nil && c.Lon != nil {
		lat, lon = ftoa(*c.Lat), ftoa(*c.Lon)
	}
	return []string{Schema, strconv.FormatInt(c.ID, 10), c.Date, c.Source.Code, c.Source.Name, c.Source.Country, c.Target.Code,
		c.Target.Name, c.Target.Country, c.CAMEO, base, root, strconv.Itoa(c.Quad), ftoa(c.Goldstein), c.Modality, c.Location,
		c.LocCountry, lat, lon, strconv.Itoa(c.NumMentions), strconv.Itoa(c.NumSources), strconv.Itoa(c.NumArticles), ftoa(c.AvgTone),
		strconv.FormatBool(c.IsRoot), c.FirstReport, c.FirstDocID, c.SourceURL, c.Sentence}
}

func writeCSV(ctx context.Context, db *sql.DB, w io.Writer, f Filter) (int, error) {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVColumns); err != nil {
		return 0, err
	}
	n := 0
	err := Clusters(ctx, db, f, false, func(c *Cluster) error {
		n++
		return cw.Write(csvRow(c))
	})
	if err != nil {
		return n, err
	}
	cw.Flush()
	return n, cw.Error()
}

// ParquetCluster is one row of the parquet export: typed columns, with
// optional (null) columns for unknown values.
type ParquetCluster struct {
	ID            int64    `parquet:"id"`
	Date          string   `parquet:"date"`
	SourceCode    *string  `parquet:"source_code,optional"`
	SourceName    *string  `parquet:"source_name,optional"`
	SourceCountry *string  `parquet:"source_country,optional"`
	TargetCode    *string  `parquet:"target_code,optional"`
	TargetName    *string  `parquet:"target_name,optional"`
	TargetCountry *string  `parquet:"target_country,optional"`
	CAMEO         string   `parquet:"cameo"`
	BaseCode      string   `parquet:"base_code"`
	RootCode      string   `parquet:"root_code"`
	Quad          int32    `parquet:"quad"`
	Goldstein     float64  `parquet:"goldstein"`
	Modality      string   `parquet:"modality"`
	Location      *string  `parquet:"location,optional"`
	LocCountry    *string  `parquet:"location_country,optional"`
	Lat           *float64 `parquet:"lat,optional"`
	Lon           *float64 `parquet:"lon,optional"`
	NumMentions   int32    `parquet:"num_mentions"`
	NumSources    int32    `parquet:"num_sources"`
	NumArticles   int32    `parquet:"num_articles"`
	AvgTone       float64  `parquet:"avg_tone"`
	IsRoot        bool     `parquet:"is_root"`
	FirstReport   *string  `parquet:"first_report,optional"`
	FirstDoc      *string  `parquet:"first_doc,optional"`
	SourceURL     *string  `parquet:"source_url,optional"`
	Sentence      *string  `parquet:"sentence,optional"`
}

func opt(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// ParquetRow converts a cluster to its parquet row.
func ParquetRow(c *Cluster) ParquetCluster {
	r := csvRow(c)
	p := ParquetCluster{ID: c.ID, Date: c.Date, SourceCode: opt(c.Source.Code), SourceName: opt(c.Source.Name), SourceCountry: opt(c.Source.Country),
		TargetCode: opt(c.Target.Code), TargetName: opt(c.Target.Name), TargetCountry: opt(c.Target.Country), CAMEO: c.CAMEO,
		BaseCode: r[10], RootCode: r[11], Quad: int32(c.Quad), Goldstein: c.Goldstein, Modality: c.Modality, Location: opt(c.Location),
		LocCountry: opt(c.LocCountry), NumMentions: int32(c.NumMentions), NumSources: int32(c.NumSources), NumArticles: int32(c.NumArticles),
		AvgTone: c.AvgTone, IsRoot: c.IsRoot, FirstReport: opt(c.FirstReport), FirstDoc: opt(c.FirstDocID), SourceURL: opt(c.SourceURL),
		Sentence: opt(c.Sentence), Lat: c.Lat, Lon: c.Lon}
	return p
}

// parquetRowGroup bounds the rows buffered before a row group is written,
// which bounds the export's memory.
const parquetRowGroup = 50000

// ParquetSchemaKey is the key-value metadata key holding the analysis
// schema version in parquet exports.
const ParquetSchemaKey = "attache.schema"

func writeParquet(ctx context.Context, db *sql.DB, w io.Writer, f Filter) (int, error) {
	pw := parquet.NewGenericWriter[ParquetCluster](w, parquet.KeyValueMetadata(ParquetSchemaKey, Schema),
		parquet.MaxRowsPerRowGroup(parquetRowGroup))
	buf := make([]ParquetCluster, 0, 1024)
	n := 0
	flush := func() error {
		if len(buf) == 0 {
			return nil
		}
		_, err := pw.Write(buf)
		buf = buf[:0]
		return err
	}
	err := Clusters(ctx, db, f, false, func(c *Cluster) error {
		n++
		buf = append(buf, ParquetRow(c))
		if len(buf) == cap(buf) {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		pw.Close()
		return n, err
	}
	return n, pw.Close()
}
