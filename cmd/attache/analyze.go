package main

import (
	"os"

	"github.com/attache-project/attache"
	"github.com/attache-project/attache/internal/run"
	"github.com/spf13/cobra"
)

func init() {
	c := &cobra.Command{
		Use:   "analyze [PATH...]",
		Short: "Analyse documents and print their analysis (attache/analysis/v1)",
		Long: `Analyse documents and print one analysis per document, in input order.

PATH is a .txt file (one document; a first line "date YYYY-MM-DD" sets the published
date), a .jsonl/.ndjson file (one {"text": ...} object per line), a directory (read
recursively), or - for stdin (the default). Documents that fail are reported on stderr
with their name and reason; the others are still analysed (exit code 1).`,
		Example: `  attache analyze story.txt
  attache analyze --format text ../shared/seed/tass-2021-03-18-antonov.txt
  cat stories.jsonl | attache analyze --input jsonl > analyses.jsonl
  echo "MOSCOW (Reuters) - Russia said on Monday ..." | attache analyze --published 2021-03-22`,
		RunE: func(c *cobra.Command, args []string) error {
			format, _ := c.Flags().GetString("format")
			if format != "jsonl" && format != "json" && format != "text" {
				return usagef("--format must be jsonl, json or text, not %q", format)
			}
			ao, ro, err := inputOptions(c, args)
			if err != nil {
				return err
			}
			layers, _ := c.Flags().GetString("layers")
			ao.Layers = layers
			an, err := attache.New(ao)
			if err != nil {
				return err
			}
			sum, err := run.Analyze(c.Context(), an, ro, format, os.Stdout)
			if err != nil {
				return err
			}
			if quiet, _ := c.Flags().GetBool("quiet"); !quiet && sum.Read != 1 {
				sum.Print(os.Stderr, "analysed")
			}
			if sum.Failed > 0 {
				return errPartial
			}
			return nil
		},
	}
	addInputFlags(c)
	c.Flags().String("format", "jsonl", "output format: jsonl, json or text")
	c.Flags().String("layers", "", "stop after this stage: dateline, text, actor, timex, quote or event")
	c.Flags().BoolP("quiet", "q", false, "do not print the summary on stderr")
	rootCmd.AddCommand(c)
}
