package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/attache-project/attache"
	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/ingest"
	"github.com/attache-project/attache/internal/run"
	"github.com/attache-project/attache/internal/store"
	"github.com/attache-project/attache/internal/watch"
	"github.com/spf13/cobra"
)

func init() {
	c := &cobra.Command{
		Use:   "watch --feeds FILE",
		Short: "Poll news feeds and ingest new items as they appear",
		Long: `Poll a list of RSS, Atom or JSON feeds (one URL per line in FILE, # for comments) every
--every (default 15m, GDELT's cycle), fetch the items not seen before (remembered in the
database by GUID or link), analyse and store them. A feed that fails is logged and tried
again at the next poll. Stop with Ctrl-C (SIGINT) or SIGTERM: the current batch is
finished or rolled back, never half-written.`,
		Example: `  attache watch --feeds feeds.txt
  attache watch --db news.db --feeds feeds.txt --every 5m --follow`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			list, _ := c.Flags().GetString("feeds")
			every, _ := c.Flags().GetDuration("every")
			follow, _ := c.Flags().GetBool("follow")
			workers, _ := c.Flags().GetInt("workers")
			polls, _ := c.Flags().GetInt("polls")
			if list == "" {
				return usagef("--feeds FILE is required")
			}
			if every < time.Second {
				return usagef("--every must be at least 1s")
			}
			feeds, err := watch.ReadFeedList(list)
			if err != nil {
				return usageError{err}
			}
			dict, _ := c.Flags().GetString("dict")
			ctx, stop := signal.NotifyContext(c.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			st, err := store.Open(ctx, dbPath(c))
			if err != nil {
				return err
			}
			defer st.Close()
			ao := attache.Options{DictDir: dict}
			if err := withRegistry(ctx, st, &ao); err != nil {
				return err
			}
			an, err := attache.New(ao)
			if err != nil {
				return err
			}
			fetcher := &ingest.Fetcher{UserAgent: ingest.UserAgent(attache.Version)}
			return watch.Run(ctx, watch.Options{
				Feeds: feeds, Every: every, DB: st.DB(), Fetcher: fetcher, Follow: follow,
				Log: os.Stderr, Polls: polls,
				Ingest: func(ctx context.Context, docs []doc.Document) error {
					sum, err := run.Ingest(ctx, an, st, run.Options{Docs: docs, Workers: workers, Stderr: os.Stderr, AfterPut: afterPut(st, true)})
					if err == nil {
						sum.Print(os.Stderr, "stored")
					}
					return err
				},
			})
		},
	}
	c.Flags().String("feeds", "", "file listing the feeds to poll, one URL per line")
	c.Flags().Duration("every", watch.DefaultEvery, "time between polls")
	c.Flags().Bool("follow", false, "fetch each new item's page and take the article from it")
	c.Flags().Int("workers", 2, "number of documents analysed in parallel")
	c.Flags().Int("polls", 0, "stop after this many polls (0: run until stopped)")
	rootCmd.AddCommand(c)
}
