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
rest. A progress bar is shown when stderr is a terminal; a summary is printed at the end.
--db may be a postgres:// URL. With --nats, the documents are queued on NATS JetStream
for attache worker processes instead (see docs/deploy.md).`,
		Example: `  attache ingest stories/
  attache ingest --db news.db --workers 4 reuters.jsonl
  attache ingest --source TASS --published 2021-03-18 story.txt
  attache ingest --nats nats://queue:4222 archive/*.jsonl`,
		RunE: func(c *cobra.Command, args []string) error {
			ao, ro, err := inputOptions(c, args)
			if err != nil {
				return err
			}
			if url, _ := c.Flags().GetString("nats"); url != "" {
				return publishToQueue(c, url, ao, ro)
			}
			st, err := store.OpenAny(c.Context(), dbPath(c))
			if err != nil {
				return err
			}
			defer st.Close()
			hook, err := storeHooks(c.Context(), st, &ao)
			if err != nil {
				return err
			}
			an, err := attache.New(ao)
			if err != nil {
				return err
			}
			ro.Progress, _ = c.Flags().GetBool("progress")
			ro.BatchSize, _ = c.Flags().GetInt("batch")
			ro.AfterPut = hook
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
	c.Flags().String("nats", "", "publish the documents to the NATS JetStream queue at this URL for attache worker, instead of analysing them here")
	addQueueFlags(c)
	rootCmd.AddCommand(c)
}
