package main

import (
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/store"
	"github.com/spf13/cobra"
)

func init() {
	c := &cobra.Command{
		Use:   "quotes",
		Short: "List stored quotes by speaker, date or text",
		Example: `  attache quotes --speaker Zakharova
  attache quotes --search "dialogue" --since 2021-03-01 --format json`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			fl := c.Flags()
			var f store.QuoteFilter
			var err error
			f.Speaker, _ = fl.GetString("speaker")
			f.Search, _ = fl.GetString("search")
			f.DocID, _ = fl.GetString("doc")
			f.Limit, _ = fl.GetInt("limit")
			f.After, _ = fl.GetInt64("after")
			if f.Since, err = dateFlag(c, "since"); err != nil {
				return err
			}
			if f.Until, err = dateFlag(c, "until"); err != nil {
				return err
			}
			format, _ := fl.GetString("format")
			if format != "table" && format != "json" {
				return usagef("--format must be table or json, not %q", format)
			}
			st, err := openExisting(c)
			if err != nil {
				return err
			}
			defer st.Close()
			rows, err := st.Quotes(c.Context(), f)
			if err != nil {
				return err
			}
			if format == "json" {
				return writeJSONLines(os.Stdout, rows)
			}
			tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "DATE\tSPEAKER\tCUE\tKIND\tQUOTE")
			for _, r := range rows {
				q := r.Quote
				speaker := doc.Val(r.SpeakerName)
				cue := ""
				if q.Cue != nil {
					cue = q.Cue.Lemma
				}
				text := strings.Join(strings.Fields(q.Text), " ")
				if len([]rune(text)) > 90 {
					text = string([]rune(text)[:89]) + "…"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", dash(doc.Val(q.Date)), dash(speaker), dash(cue), q.Kind, text)
			}
			return tw.Flush()
		},
	}
	fl := c.Flags()
	fl.String("speaker", "", "speaker name or text (substring)")
	fl.String("search", "", "full-text search over quote text")
	fl.String("since", "", "first date YYYY-MM-DD")
	fl.String("until", "", "last date YYYY-MM-DD")
	fl.String("doc", "", "only quotes of this document id")
	fl.Int("limit", 100, "largest number of quotes printed")
	fl.Int64("after", 0, "cursor: only quotes after this sequence number")
	fl.String("format", "table", "output format: table or json")
	rootCmd.AddCommand(c)
}
