package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"syscall"
	"time"

	"github.com/attache-project/attache"
	"github.com/attache-project/attache/internal/batch"
	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/ingest"
	"github.com/attache-project/attache/internal/run"
	"github.com/attache-project/attache/internal/store"
	"github.com/attache-project/attache/internal/store/postgres" // also registers postgres:// DSNs for store.OpenAny
	"github.com/attache-project/attache/internal/stream"
	"github.com/spf13/cobra"
)

func init() {
	c := &cobra.Command{
		Use:   "worker --nats URL --db DSN",
		Short: "Analyse documents from the NATS JetStream queue into the database",
		Long: `Take documents queued by attache ingest --nats off the NATS JetStream work queue, analyse
them, store them in batches in the database (--db: a postgres:// URL to share one database
between many workers, or a SQLite file for a single machine) and acknowledge each message
after its batch is committed. Run as many workers on as many machines as you like: they share
one durable consumer. A worker that dies loses nothing (its messages are redelivered and
documents already stored are skipped); a document that cannot be analysed, or is delivered
--max-deliver times without being stored, goes to the dead letters (attache deadletters).
SIGTERM or SIGINT drains: the batch in hand is finished and acknowledged, then the worker exits.`,
		Example: `  attache worker --nats nats://queue:4222 --db postgres://attache@db/attache
  attache worker --nats nats://q1:4222,nats://q2:4222 --db $ATTACHE_DB --workers 8 --exit-when-idle`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			f := c.Flags()
			url, _ := f.GetString("nats")
			if url == "" {
				return usagef("--nats is required (the NATS server URL)")
			}
			workers, _ := f.GetInt("workers")
			batchSize, _ := f.GetInt("batch")
			if workers < 1 || batchSize < 1 {
				return usagef("--workers and --batch must be at least 1")
			}
			ctx, stop := signal.NotifyContext(c.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			st, err := store.OpenAny(ctx, dbPath(c))
			if err != nil {
				return err
			}
			defer st.Close()
			dict, _ := f.GetString("dict")
			actors, _ := f.GetString("actors")
			maxBytes, _ := f.GetInt("max-bytes")
			ao := attache.Options{DictDir: dict, ActorsFile: actors, MaxBytes: maxBytes}
			ao.Layers, _ = f.GetString("layers")
			hook, err := storeHooks(ctx, st, &ao)
			if err != nil {
				return err
			}
			cl, err := stream.Connect(ctx, queueConfig(c, url))
			if err != nil {
				return err
			}
			defer cl.Close()
			w := &stream.Worker{Client: cl, Store: st, Workers: workers, Batch: batchSize, Log: os.Stderr, AfterPut: hook,
				Analyzer: func(year int) (batch.Analyze, error) {
					o := ao
					o.DefaultYear = year
					an, err := attache.New(o)
					if err != nil {
						return nil, err
					}
					return an.Analyze, nil
				}}
			w.ExitWhenIdle, _ = f.GetBool("exit-when-idle")
			fmt.Fprintf(os.Stderr, "attache worker: %d analysers, batches of %d, queue %s, database %s\n", workers, batchSize, url, store.Redact(dbPath(c)))
			stats, err := w.Run(ctx)
			stats.Print(os.Stderr)
			return err
		},
	}
	f := c.Flags()
	f.String("nats", os.Getenv("ATTACHE_NATS"), "NATS server URL(s), comma-separated (default $ATTACHE_NATS)")
	f.Int("workers", runtime.NumCPU(), "documents analysed in parallel by this process")
	f.Int("batch", 64, "documents fetched and stored per database transaction")
	f.Bool("exit-when-idle", false, "exit when the queue is empty and nothing is in flight (back-fills)")
	f.Int("max-bytes", attache.DefaultMaxBytes, "largest document text accepted, in bytes")
	f.String("actors", "", "YAML file of actor entries that override what attache has learned")
	f.String("layers", "", "run the pipeline only up to this stage (dateline, text, actor, timex, quote, event)")
	addQueueFlags(c)
	rootCmd.AddCommand(c)
}

// addQueueFlags adds the flags naming the queue and its delivery policy.
func addQueueFlags(c *cobra.Command) {
	f := c.Flags()
	f.String("queue", stream.DefaultStream, "JetStream stream of queued documents (its dead letters are in <queue>_DEAD)")
	f.Int("max-deliver", stream.DefaultMaxDeliver, "attempts per document before it goes to the dead letters")
	f.Duration("ack-wait", stream.DefaultAckWait, "how long a silent worker keeps a message before it is redelivered")
	f.Int("replicas", 1, "copies of each stream in a NATS cluster (3 for a three-node cluster)")
}

// queueConfig reads the queue flags.
func queueConfig(c *cobra.Command, url string) stream.Config {
	f := c.Flags()
	cfg := stream.Config{URL: url}
	if q, _ := f.GetString("queue"); q != "" && q != stream.DefaultStream {
		cfg.Stream, cfg.DeadStream = q, q+"_DEAD"
		cfg.Subject, cfg.DeadSubject = "attache."+q, "attache."+q+".dead"
		cfg.Consumer = q + "-workers"
	}
	cfg.MaxDeliver, _ = f.GetInt("max-deliver")
	cfg.AckWait, _ = f.GetDuration("ack-wait")
	cfg.Replicas, _ = f.GetInt("replicas")
	return cfg
}

// storeHooks prepares a run over st: it loads the stored actor registry
// into the analyzer options and returns the AfterPut hook that ingest and
// worker both run after each committed batch (see hooks.go), on SQLite and
// PostgreSQL alike. On PostgreSQL, near-duplicate linking and registry
// learning are serialised across workers by advisory locks and clustering
// takes its own lock per transaction; with attache_ordered_writes=off
// clustering is left out of the hook (seqs may then become visible out of
// order; see docs/deploy.md).
func storeHooks(ctx context.Context, st store.Store, ao *attache.Options) (func(context.Context, []*doc.Analysis) error, error) {
	sq, ok := st.(store.SQLStore)
	if !ok {
		return nil, nil
	}
	if err := withRegistry(ctx, sq, ao); err != nil {
		return nil, err
	}
	return afterPut(sq, relationsInHook(st)), nil
}

// relationsInHook reports whether the AfterPut hook may cluster events: not
// on PostgreSQL without ordered writes, where seqs may become visible out
// of order (it says so on stderr).
func relationsInHook(st store.Store) bool {
	if pg, ok := st.(*postgres.Store); ok && !pg.OrderedWrites() {
		fmt.Fprintf(os.Stderr, "attache: %s=off: event clustering is not run by this process (run attache relations --db ... once the writers are done)\n", postgres.OrderedWritesParam)
		return false
	}
	return true
}

// publishToQueue is ingest --nats: it queues the documents for workers.
func publishToQueue(c *cobra.Command, url string, ao attache.Options, ro run.Options) error {
	cl, err := stream.Connect(c.Context(), queueConfig(c, url))
	if err != nil {
		return err
	}
	defer cl.Close()
	read := func(fn func(ingest.Item) error) error {
		return ingest.Read(c.Context(), ro.Paths, ro.Stdin, ro.Read, fn)
	}
	start := time.Now()
	sum, err := cl.Publish(c.Context(), read, stream.PublishOptions{ID: attache.DocumentID, DefaultYear: ao.DefaultYear, Stderr: os.Stderr})
	if err != nil {
		return err
	}
	sum.Elapsed = time.Since(start)
	sum.Print(os.Stderr)
	if sum.Failed > 0 {
		return errPartial
	}
	return nil
}
