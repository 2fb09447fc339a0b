package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/store"
	"github.com/spf13/cobra"
)

func init() {
	c := &cobra.Command{
		Use:   "events [TEXT]",
		Short: "List stored events with filters",
		Long: `List the coded events in the database. Filters combine (AND). TEXT, if given, is a
full-text search over the documents the events come from.`,
		Example: `  attache events --dyad RUS-USA --since 2021-03-01 --until 2021-04-30
  attache events --cameo 16 --format csv > recalls.csv
  attache events --actor Zakharova --format json
  attache events --quad 4 --modality asserted sanctions`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			f, err := eventFilter(c, args)
			if err != nil {
				return err
			}
			format, _ := c.Flags().GetString("format")
			if format != "table" && format != "csv" && format != "json" {
				return usagef("--format must be table, csv or json, not %q", format)
			}
			st, err := openExisting(c)
			if err != nil {
				return err
			}
			defer st.Close()
			rows, err := st.Events(c.Context(), f)
			if err != nil {
				return err
			}
			return writeEvents(os.Stdout, format, rows)
		},
	}
	fl := c.Flags()
	fl.String("actor", "", "source or target actor: code prefix (RUSGOV) or text (Zakharova)")
	fl.String("country", "", "source or target country (ISO alpha-3)")
	fl.String("source", "", "source country or actor code prefix")
	fl.String("target", "", "target country or actor code prefix")
	fl.String("dyad", "", "SOURCE-TARGET, e.g. RUS-USA")
	fl.String("cameo", "", "CAMEO code or root prefix, e.g. 16 or 161")
	fl.String("plover", "", "PLOVER event type, e.g. SANCTION")
	fl.Int("quad", 0, "quad class 1-4 (verbal/material cooperation, verbal/material conflict)")
	fl.String("modality", "", "asserted, future, hypothetical or negated")
	fl.String("since", "", "first event date YYYY-MM-DD")
	fl.String("until", "", "last event date YYYY-MM-DD")
	fl.String("doc", "", "only events of this document id")
	fl.Int("limit", 100, "largest number of events printed")
	fl.Int64("after", 0, "cursor: only events after this sequence number")
	fl.String("format", "table", "output format: table, csv or json")
	rootCmd.AddCommand(c)
}

// eventFilter reads the event filter flags.
func eventFilter(c *cobra.Command, args []string) (store.EventFilter, error) {
	fl := c.Flags()
	var f store.EventFilter
	f.Actor, _ = fl.GetString("actor")
	f.Country, _ = fl.GetString("country")
	f.Source, _ = fl.GetString("source")
	f.Target, _ = fl.GetString("target")
	if d, _ := fl.GetString("dyad"); d != "" {
		s, t, ok := strings.Cut(d, "-")
		if !ok || s == "" || t == "" {
			return f, usagef("--dyad must look like RUS-USA, not %q", d)
		}
		f.Source, f.Target = strings.ToUpper(s), strings.ToUpper(t)
	}
	f.CAMEO, _ = fl.GetString("cameo")
	f.PLOVER, _ = fl.GetString("plover")
	f.Quad, _ = fl.GetInt("quad")
	if f.Quad < 0 || f.Quad > 4 {
		return f, usagef("--quad must be 1, 2, 3 or 4")
	}
	f.Modality, _ = fl.GetString("modality")
	switch f.Modality {
	case "", "asserted", "future", "hypothetical", "negated":
	default:
		return f, usagef("--modality must be asserted, future, hypothetical or negated")
	}
	var err error
	if f.Since, err = dateFlag(c, "since"); err != nil {
		return f, err
	}
	if f.Until, err = dateFlag(c, "until"); err != nil {
		return f, err
	}
	f.DocID, _ = fl.GetString("doc")
	f.Limit, _ = fl.GetInt("limit")
	f.After, _ = fl.GetInt64("after")
	if len(args) > 0 {
		f.Search = args[0]
	}
	return f, nil
}

func writeEvents(w io.Writer, format string, rows []store.EventRow) error {
	switch format {
	case "json":
		return writeJSONLines(w, rows)
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write([]string{"seq", "doc_id", "event_id", "date", "cameo", "plover", "quad", "goldstein", "source_code", "source_country", "source_text",
			"target_code", "target_country", "target_text", "modality", "trigger", "sentence", "rule", "confidence"})
		for _, r := range rows {
			e := r.Event
			cw.Write([]string{strconv.FormatInt(r.Seq, 10), r.DocID, e.ID, doc.Val(e.Date), e.CAMEO, e.PLOVER, strconv.Itoa(e.Quad),
				strconv.FormatFloat(e.Goldstein, 'f', 1, 64), actorField(e.Source, 0), actorField(e.Source, 1), actorField(e.Source, 2),
				actorField(e.Target, 0), actorField(e.Target, 1), actorField(e.Target, 2), e.Modality, e.Text, r.Sentence, e.Rule,
				strconv.FormatFloat(e.Confidence, 'f', 2, 64)})
		}
		cw.Flush()
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tCAMEO\tPLOVER\tSOURCE\tTARGET\tMODALITY\tTRIGGER\tDOC")
	for _, r := range rows {
		e := r.Event
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", dash(doc.Val(e.Date)), e.CAMEO, e.PLOVER, actorLabel(e.Source), actorLabel(e.Target), e.Modality, e.Text, r.DocID)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(rows) == 0 {
		fmt.Fprintln(os.Stderr, "no events match")
	}
	return nil
}

func actorField(a *doc.Actor, i int) string {
	if a == nil {
		return ""
	}
	switch i {
	case 0:
		return doc.Val(a.Code)
	case 1:
		return doc.Val(a.Country)
	}
	return a.Text
}

func actorLabel(a *doc.Actor) string {
	if a == nil {
		return "-"
	}
	if a.Code != nil {
		return *a.Code
	}
	if a.Country != nil {
		return *a.Country
	}
	return a.Text
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
