package main

import (
	"encoding/json"
	"os"

	"github.com/attache-project/attache"
	"github.com/attache-project/attache/internal/bench"
	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/ingest"
	"github.com/spf13/cobra"
)

func init() {
	c := &cobra.Command{
		Use:   "bench [PATH...]",
		Short: "Measure analysis speed and memory on a corpus",
		Long: `Read a corpus into memory, analyse it several times and report the median docs/s and
words/s, the time of each stage (with one worker) and the peak memory. With --workers 1
(the default) the figures are per core. Input as for attache analyze.`,
		Example: `  attache bench ../shared/data/news/reuters21578.jsonl --limit 5000
  attache bench --layers text --runs 5 corpus.jsonl
  attache bench --workers 2 --format json stories/`,
		RunE: func(c *cobra.Command, args []string) error {
			ao, ro, err := inputOptions(c, args)
			if err != nil {
				return err
			}
			ao.Layers, _ = c.Flags().GetString("layers")
			runs, _ := c.Flags().GetInt("runs")
			limit, _ := c.Flags().GetInt("limit")
			workers, _ := c.Flags().GetInt("bench-workers")
			format, _ := c.Flags().GetString("format")
			if format != "text" && format != "json" {
				return usagef("--format must be text or json, not %q", format)
			}
			an, err := attache.New(ao)
			if err != nil {
				return err
			}
			var docs []doc.Document
			err = ingest.Read(c.Context(), ro.Paths, ro.Stdin, ro.Read, func(it ingest.Item) error {
				if it.Err == nil && !it.IsNotice() && (limit <= 0 || len(docs) < limit) {
					docs = append(docs, it.Doc)
				}
				return nil
			})
			if err != nil {
				return err
			}
			if len(docs) == 0 {
				return usagef("no documents to measure")
			}
			res, err := bench.Run(c.Context(), an, docs, bench.Options{Runs: runs, Workers: workers})
			if err != nil {
				return err
			}
			if format == "json" {
				return json.NewEncoder(os.Stdout).Encode(res)
			}
			res.Print(os.Stdout)
			return nil
		},
	}
	addInputFlags(c)
	c.Flags().String("layers", "", "stop after this stage: dateline, text, actor, timex, quote or event")
	c.Flags().Int("runs", 3, "runs over the corpus; the median is reported")
	c.Flags().Int("limit", 0, "use at most this many documents (0: all)")
	c.Flags().Int("bench-workers", 1, "documents analysed in parallel (1: per-core figures)")
	c.Flags().String("format", "text", "output format: text or json")
	rootCmd.AddCommand(c)
}
