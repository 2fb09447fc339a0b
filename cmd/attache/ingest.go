package main

import (
	"os"

	"github.com/attache-project/attache"
	"github.com/attache-project/attache/internal/run"
	"github.com/attache-project/attache/internal/store"
	"github.com/spf13/cobra"
)

func init() {
	c := &cobra.Command{
		Use:   "ingest [PATH...]",
		Short: "Analyse documents and store them in the database",
		Long: `Analyse documents and store them with their analysis in the database (--db, $ATTACHE_DB,
default attache.db). Ingest is idempotent: a document already stored (same id, or same
text when no id is given) is skipped. Documents are written in batches, one transaction
each, so an interrupted ingest leaves a consistent database and a re-run completes the
rest. A progress bar is shown when stderr is a terminal; a summary is printed at the end.`,
		Example: `  attache ingest stories/
  attache ingest --db news.db --workers 4 reuters.jsonl
  attache ingest --source TASS --published 2021-03-18 story.txt`,
		RunE: func(c *cobra.Command, args []string) error {
			ao, ro, err := inputOptions(c, args)
			if err != nil {
				return err
			}
			st, err := store.Open(c.Context(), dbPath(c))
			if err != nil {
				return err
			}
			defer st.Close()
			if err := withRegistry(c.Context(), st, &ao); err != nil {
				return err
			}
			an, err := attache.New(ao)
			if err != nil {
				return err
			}
			ro.Progress, _ = c.Flags().GetBool("progress")
			ro.BatchSize, _ = c.Flags().GetInt("batch")
			ro.AfterPut = afterPut(st)
			sum, err := run.Ingest(c.Context(), an, st, ro)
			if err != nil {
				return err
			}
			sum.Print(os.Stderr, "stored")
			if sum.Failed > 0 {
				return errPartial
			}
			return nil
		},
	}
	addInputFlags(c)
	c.Flags().Bool("progress", true, "show a progress bar when stderr is a terminal")
	c.Flags().Int("batch", 64, "documents per database transaction")
	rootCmd.AddCommand(c)
}
