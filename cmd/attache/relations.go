package main

import (
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/attache-project/attache/internal/relations"
	"github.com/spf13/cobra"
)

func init() {
	c := &cobra.Command{
		Use:   "relations [SOURCE TARGET]",
		Short: "Show how relations between two countries move over time",
		Long: `Show the series of a dyad in both directions: per period, the number of happenings
(event clusters, not reports) by quad class, their summed and mean Goldstein score, and the
cooperation-conflict index (-100 all material conflict .. +100 all material cooperation),
with terminal sparklines. SOURCE and TARGET are country codes (RUS) or actor code prefixes
(RUSGOV). Without a dyad, lists the dyads with the most happenings.`,
		Example: `  attache relations RUS USA --by week
  attache relations RUS USA --by month --since 2021-01-01 --until 2021-12-31 --format csv
  attache relations`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) != 0 && len(args) != 2 {
				return usagef("give a dyad as SOURCE TARGET (e.g. RUS USA), or nothing to list dyads")
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			fl := c.Flags()
			byS, _ := fl.GetString("by")
			by, err := relations.ParsePeriod(byS)
			if err != nil {
				return usageError{err}
			}
			format, _ := fl.GetString("format")
			if format != "table" && format != "csv" && format != "json" {
				return usagef("--format must be table, csv or json, not %q", format)
			}
			since, err := dateFlag(c, "since")
			if err != nil {
				return err
			}
			until, err := dateFlag(c, "until")
			if err != nil {
				return err
			}
			st, err := openExisting(c)
			if err != nil {
				return err
			}
			defer st.Close()
			// Catch up with events stored since the last clustering.
			if err := catchUp(c, st.SQLDB()); err != nil {
				return err
			}
			out := c.OutOrStdout()
			if len(args) == 0 {
				ds, err := relations.TopDyads(c.Context(), st.SQLDB(), since, until, 20)
				if err != nil {
					return err
				}
				return writeDyads(out, format, ds)
			}
			var series []relations.Series
			oneWay, _ := fl.GetBool("one-way")
			dirs := [][2]string{{args[0], args[1]}, {args[1], args[0]}}
			if oneWay {
				dirs = dirs[:1]
			}
			for _, d := range dirs {
				s, err := relations.DyadSeries(c.Context(), st.SQLDB(), relations.SeriesQuery{Source: d[0], Target: d[1], By: by, Since: since, Until: until})
				if err != nil {
					return err
				}
				series = append(series, s)
			}
			return writeSeries(out, format, series)
		},
	}
	fl := c.Flags()
	fl.String("by", "week", "period: day, week or month")
	fl.String("since", "", "first date YYYY-MM-DD")
	fl.String("until", "", "last date YYYY-MM-DD")
	fl.String("format", "table", "output format: table, csv or json")
	fl.Bool("one-way", false, "only SOURCE -> TARGET")
	rootCmd.AddCommand(c)
}

func writeDyads(w io.Writer, format string, ds []relations.Dyad) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(map[string]any{"dyads": ds})
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write([]string{"source", "target", "clusters"})
		for _, d := range ds {
			cw.Write([]string{d.Source, d.Target, strconv.Itoa(d.Clusters)})
		}
		cw.Flush()
		return cw.Error()
	}
	if len(ds) == 0 {
		fmt.Fprintln(w, "no happenings between identified actors yet")
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "source\ttarget\thappenings\t")
	for _, d := range ds {
		fmt.Fprintf(tw, "%s\t%s\t%d\t\n", d.Source, d.Target, d.Clusters)
	}
	return tw.Flush()
}

func writeSeries(w io.Writer, format string, series []relations.Series) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(map[string]any{"series": series})
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write([]string{"source", "target", "by", "start", "clusters", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict",
			"goldstein_sum", "goldstein_mean", "index"})
		for _, s := range series {
			for _, p := range s.Points {
				cw.Write([]string{s.Source, s.Target, string(s.By), p.Start, strconv.Itoa(p.Clusters), strconv.Itoa(p.Quad[0]), strconv.Itoa(p.Quad[1]),
					strconv.Itoa(p.Quad[2]), strconv.Itoa(p.Quad[3]), ff(p.GoldsteinSum, 2), ff(p.GoldsteinMean, 3), ff(p.Index, 1)})
			}
		}
		cw.Flush()
		return cw.Error()
	}
	for i, s := range series {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s -> %s, by %s\n", s.Source, s.Target, s.By)
		if len(s.Points) == 0 {
			fmt.Fprintln(w, "  no happenings")
			continue
		}
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "period\thappenings\tverb.coop\tmat.coop\tverb.confl\tmat.confl\tgoldstein\tmean\tindex\t")
		var idx, vol []float64
		var has []bool
		maxVol := 0.0
		for _, p := range s.Points {
			if p.Clusters > 0 {
				fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%s\t%s\t%s\t\n", p.Start, p.Clusters, p.Quad[0], p.Quad[1], p.Quad[2], p.Quad[3],
					ff(p.GoldsteinSum, 1), ff(p.GoldsteinMean, 2), ff(p.Index, 1))
			}
			idx = append(idx, p.Index)
			vol = append(vol, float64(p.Clusters))
			has = append(has, p.Clusters > 0)
			maxVol = max(maxVol, float64(p.Clusters))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintf(w, "index   %s  (%s .. %s; low = conflict, high = cooperation, blank = none)\n",
			relations.Sparkline(idx, has, -100, 100), s.Points[0].Start, s.Points[len(s.Points)-1].Start)
		fmt.Fprintf(w, "volume  %s  (max %d happenings per %s)\n", strings.TrimRight(relations.Sparkline(vol, has, 0, maxVol), " "), int(maxVol), s.By)
	}
	return nil
}

// catchUp clusters the events stored since the last clustering (by an
// ingest that did not, or an older attache) and says so when there were
// any.
func catchUp(c *cobra.Command, db *sql.DB) error {
	st, err := relations.Update(c.Context(), db, relations.Options{})
	if err != nil {
		return err
	}
	if st.Events > 0 {
		fmt.Fprintf(c.ErrOrStderr(), "clustered %d new events into %d new happenings\n", st.Events, st.NewClusters)
	}
	return nil
}

func ff(f float64, prec int) string { return strconv.FormatFloat(f, 'f', prec, 64) }
