package main

import (
	"bufio"
	"fmt"
	"github.com/attache-project/attache/internal/actor"
	"os"
	"slices"
	"strings"

	"github.com/attache-project/attache/internal/export"
	"github.com/spf13/cobra"
)

func init() {
	c := &cobra.Command{
		Use:   "export",
		Short: "Export happenings as GDELT tables, JSON lines, CSV or Parquet",
		Long: `Export the event clusters (one row per happening, with counts of mentions, sources and
articles) in one of these formats (see docs/export.md):
  gdelt     GDELT 2.0 event table, 61 tab-separated columns
  mentions  GDELT 2.0 mentions table, one row per report of a happening
  jsonl     one cluster per line with all its mentions
  csv       one cluster per row, with a header
  parquet   typed columns, readable by DuckDB, pandas, Spark`,
		Example: `  attache export --format gdelt -o events.tsv
  attache export --format mentions --dyad RUS-USA
  attache export --format parquet --since 2021-01-01 -o clusters.parquet`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			fl := c.Flags()
			format, _ := fl.GetString("format")
			if !slices.Contains(export.Formats, format) {
				return usagef("--format must be one of %s, not %q", strings.Join(export.Formats, ", "), format)
			}
			var f export.Filter
			var err error
			if f.Since, err = dateFlag(c, "since"); err != nil {
				return err
			}
			if f.Until, err = dateFlag(c, "until"); err != nil {
				return err
			}
			f.Dyad, _ = fl.GetString("dyad")
			if f.Dyad != "" {
				if s, t, ok := strings.Cut(f.Dyad, "-"); !ok || s == "" || t == "" {
					return usagef("--dyad must look like RUS-USA, not %q", f.Dyad)
				}
			}
			f.CAMEO, _ = fl.GetString("cameo")
			f.AllModalities, _ = fl.GetBool("all-modalities")
			f.Unidentified, _ = fl.GetBool("unidentified")
			outPath, _ := fl.GetString("output")
			if format == "parquet" && outPath == "" {
				return usagef("parquet is binary: give a file with -o")
			}
			st, err := openExisting(c)
			if err != nil {
				return err
			}
			defer st.Close()
			if err := catchUp(c, st.SQLDB()); err != nil {
				return err
			}
			out := c.OutOrStdout()
			var file *os.File
			if outPath != "" && outPath != "-" {
				if file, err = os.Create(outPath); err != nil {
					return err
				}
				defer file.Close()
				out = file
			}
			bw := bufio.NewWriterSize(out, 256<<10)
			// Coordinates for the geo blocks come from the gazetteer.
			dict, _ := c.Flags().GetString("dict")
			gaz, err := actor.New(actor.Options{DictDir: dict})
			if err != nil {
				return err
			}
			export.Geocode = gaz.Geocode
			n, err := export.Write(c.Context(), st.SQLDB(), bw, format, f)
			if err != nil {
				return err
			}
			if err := bw.Flush(); err != nil {
				return err
			}
			if file != nil {
				if err := file.Close(); err != nil {
					return err
				}
				unit := "happenings"
				if format == "mentions" {
					unit = "mentions"
				}
				fmt.Fprintf(c.ErrOrStderr(), "wrote %d %s to %s\n", n, unit, outPath)
			}
			return nil
		},
	}
	fl := c.Flags()
	fl.String("format", "jsonl", "gdelt, mentions, jsonl, csv or parquet")
	fl.StringP("output", "o", "", "output file (default standard output)")
	fl.String("since", "", "first happening date YYYY-MM-DD")
	fl.String("until", "", "last happening date YYYY-MM-DD")
	fl.String("dyad", "", "SOURCE-TARGET, e.g. RUS-USA")
	fl.String("cameo", "", "CAMEO code prefix, e.g. 16 or 163")
	fl.Bool("all-modalities", false, "also export planned, hypothetical and negated happenings (not in gdelt formats)")
	fl.Bool("unidentified", false, "also export happenings without any identified actor (not in gdelt formats)")
	rootCmd.AddCommand(c)
}
