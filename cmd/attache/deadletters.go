package main

import (
	"encoding/json"
	"fmt"
	"os"
	"text/tabwriter"

	"github.com/attache-project/attache/internal/stream"
	"github.com/spf13/cobra"
)

func init() {
	c := &cobra.Command{
		Use:   "deadletters --nats URL",
		Short: "List the documents that workers could not analyse or store",
		Long: `List the dead letters of the NATS JetStream queue: documents that could not be analysed
(the error names the problem) or that were delivered --max-deliver times without being
stored, oldest first, with the error, the number of deliveries and the worker. With
--format jsonl each line holds the dead letter with the queued document, so that it can be
fixed and queued again with attache ingest --nats.`,
		Example: `  attache deadletters --nats nats://queue:4222
  attache deadletters --nats nats://queue:4222 --format jsonl > dead.jsonl`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			url, _ := c.Flags().GetString("nats")
			if url == "" {
				return usagef("--nats is required (the NATS server URL)")
			}
			format, _ := c.Flags().GetString("format")
			if format != "text" && format != "jsonl" {
				return usagef("--format must be text or jsonl, not %q", format)
			}
			limit, _ := c.Flags().GetInt("limit")
			cl, err := stream.Connect(c.Context(), queueConfig(c, url))
			if err != nil {
				return err
			}
			defer cl.Close()
			dls, err := cl.DeadLetters(c.Context(), limit)
			if err != nil {
				return err
			}
			if format == "jsonl" {
				enc := json.NewEncoder(os.Stdout)
				enc.SetEscapeHTML(false)
				for _, d := range dls {
					if err := enc.Encode(d); err != nil {
						return err
					}
				}
				return nil
			}
			qi, err := cl.Info(c.Context())
			if err != nil {
				return err
			}
			fmt.Printf("queue: %d waiting, %d in flight, %d redelivered; %d dead letters\n", qi.Waiting, qi.InFlight, qi.Redelivered, qi.Dead)
			if len(dls) == 0 {
				return nil
			}
			tw := tabwriter.NewWriter(os.Stdout, 2, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "SEQ\tFAILED AT\tDELIVERIES\tDOCUMENT\tERROR")
			for _, d := range dls {
				name := d.Name
				if name == "" {
					name = d.ID
				}
				fmt.Fprintf(tw, "%d\t%s\t%d\t%s\t%s\n", d.Seq, d.FailedAt.Format("2006-01-02 15:04:05"), d.Deliveries, name, d.Error)
			}
			return tw.Flush()
		},
	}
	c.Flags().String("nats", os.Getenv("ATTACHE_NATS"), "NATS server URL(s), comma-separated (default $ATTACHE_NATS)")
	c.Flags().String("format", "text", "output format: text or jsonl")
	c.Flags().Int("limit", 0, "list at most this many (0: all)")
	addQueueFlags(c)
	rootCmd.AddCommand(c)
}
