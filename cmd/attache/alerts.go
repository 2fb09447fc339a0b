package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/attache-project/attache/internal/relations"
	"github.com/spf13/cobra"
)

func init() {
	c := &cobra.Command{
		Use:   "alerts",
		Short: "Say when relations between two countries turned",
		Long: `Detect turning points in dyad series: days on which the mean Goldstein score or the
share of conflict of the last few days' happenings moves far from the months before
(a rolling robust z-score; see docs/relations.md). Each alert lists the happenings that
drove it.`,
		Example: `  attache alerts --dyad RUS-USA
  attache alerts --since 2022-01-01 --format json`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			fl := c.Flags()
			var o relations.AlertOptions
			if d, _ := fl.GetString("dyad"); d != "" {
				s, t, ok := strings.Cut(d, "-")
				if !ok || s == "" || t == "" {
					return usagef("--dyad must look like RUS-USA, not %q", d)
				}
				o.Source, o.Target = s, t
			}
			var err error
			if o.Since, err = dateFlag(c, "since"); err != nil {
				return err
			}
			if o.Until, err = dateFlag(c, "until"); err != nil {
				return err
			}
			o.Recent, _ = fl.GetInt("recent")
			o.Baseline, _ = fl.GetInt("baseline")
			o.Z, _ = fl.GetFloat64("z")
			o.MinClusters, _ = fl.GetInt("min-clusters")
			format, _ := fl.GetString("format")
			if format != "table" && format != "json" {
				return usagef("--format must be table or json, not %q", format)
			}
			st, err := openExisting(c)
			if err != nil {
				return err
			}
			defer st.Close()
			if err := catchUp(c, st.SQLDB()); err != nil {
				return err
			}
			as, err := relations.Alerts(c.Context(), st.SQLDB(), o)
			if err != nil {
				return err
			}
			w := c.OutOrStdout()
			if format == "json" {
				enc := json.NewEncoder(w)
				enc.SetIndent("", "  ")
				if as == nil {
					as = []relations.Alert{}
				}
				return enc.Encode(map[string]any{"alerts": as})
			}
			if len(as) == 0 {
				fmt.Fprintln(w, "no alerts")
				return nil
			}
			for _, a := range as {
				fmt.Fprintf(w, "%s  %s -> %s  towards %s (%s): mean Goldstein %+.2f -> %+.2f (change %+.2f, z %+.1f), conflict share %.0f%% -> %.0f%%, %d happenings\n",
					a.Date, a.Source, a.Target, a.Direction, a.Metric, a.Before, a.After, a.Change, a.Z, 100*a.ShareBefore, 100*a.ShareAfter, a.Clusters)
				for _, d := range a.Drivers {
					sent := strings.Join(strings.Fields(d.Sentence), " ")
					if len(sent) > 110 {
						sent = sent[:107] + "..."
					}
					fmt.Fprintf(w, "    #%d %s %s %+.1f (%d articles) %s\n", d.ID, d.Date, d.CAMEO, d.Goldstein, d.Articles, sent)
				}
			}
			return nil
		},
	}
	fl := c.Flags()
	fl.String("dyad", "", "only this directed dyad, SOURCE-TARGET (e.g. RUS-USA)")
	fl.String("since", "", "first alert date YYYY-MM-DD")
	fl.String("until", "", "last alert date YYYY-MM-DD")
	fl.Int("recent", 0, "days in the tested window (default 3)")
	fl.Int("baseline", 0, "days in the baseline window before it (default 90)")
	fl.Float64("z", 0, "robust z-score threshold (default 2.5)")
	fl.Int("min-clusters", 0, "least happenings in the tested window (default 3)")
	fl.String("format", "table", "output format: table or json")
	rootCmd.AddCommand(c)
}
