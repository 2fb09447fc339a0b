package main

import (
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/attache-project/attache/internal/actor"
	"github.com/attache-project/attache/internal/registry"
	"github.com/spf13/cobra"
)

func init() {
	c := &cobra.Command{
		Use:   "actors [SEARCH]",
		Short: "List the actors attache has learned, or add corrections from a file",
		Long: `List the actor registry: people and organisations learned across documents, each in a
role over the dates it was seen, with the evidence that taught it. SEARCH matches name,
alias, role, country or code. With --import FILE, user entries (YAML) are stored as
overrides that win over what was learned.`,
		Example: `  attache actors
  attache actors Zakharova --evidence
  attache actors --import my-actors.yaml
  attache actors RUS --format json`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			format, _ := c.Flags().GetString("format")
			if format != "table" && format != "json" {
				return usagef("--format must be table or json, not %q", format)
			}
			st, err := openExisting(c)
			if err != nil {
				return err
			}
			defer st.Close()
			if file, _ := c.Flags().GetString("import"); file != "" {
				f, err := os.Open(file)
				if err != nil {
					return err
				}
				defer f.Close()
				entries, err := actor.LoadActorsFile(f)
				if err != nil {
					return fmt.Errorf("%s: %w", file, err)
				}
				if err := registry.Override(c.Context(), st.SQLDB(), entries); err != nil {
					return err
				}
				fmt.Fprintf(c.OutOrStdout(), "stored %d user entries from %s\n", len(entries), file)
				return nil
			}
			search := ""
			if len(args) > 0 {
				search = args[0]
			}
			limit, _ := c.Flags().GetInt("limit")
			rows, err := registry.ListStored(c.Context(), st.SQLDB(), search, limit)
			if err != nil {
				return err
			}
			if format == "json" {
				return writeJSONLines(os.Stdout, rows)
			}
			evidence, _ := c.Flags().GetBool("evidence")
			tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "NAME\tTYPE\tCOUNTRY\tSECTORS\tROLE\tSEEN\tMENTIONS")
			for _, r := range rows {
				name := r.Name
				if r.Override {
					name += " (user)"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s..%s\t%d\n", name, r.Type, dash(r.Country), dash(strings.Join(r.Sectors, ",")), dash(r.Role),
					r.FirstSeen, r.LastSeen, r.Mentions)
				if evidence {
					for _, ev := range r.Evidence {
						fmt.Fprintf(tw, "  %s sentence %d: %q\t\t\t\t\t\t\n", ev.Doc, ev.Sentence, ev.Text)
					}
				}
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			if len(rows) == 0 {
				fmt.Fprintln(os.Stderr, "no actors match")
			}
			return nil
		},
	}
	c.Flags().String("import", "", "store the user entries of this YAML file as overrides")
	c.Flags().Bool("evidence", false, "show where each entry was learned")
	c.Flags().Int("limit", 100, "largest number of actors printed")
	c.Flags().String("format", "table", "output format: table or json")
	rootCmd.AddCommand(c)
}
