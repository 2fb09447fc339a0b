package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/attache-project/attache/internal/neardup"
	"github.com/attache-project/attache/internal/render"
	"github.com/spf13/cobra"
)

func init() {
	c := &cobra.Command{
		Use:   "show ID",
		Short: "Print a stored analysis",
		Long:  "Print the stored analysis of a document, by id or by a unique prefix of at least 8 characters.",
		Example: `  attache show sha256:1f2e3d4c
  attache show --format json demo-002`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			format, _ := c.Flags().GetString("format")
			if format != "text" && format != "json" {
				return usagef("--format must be text or json, not %q", format)
			}
			st, err := openExisting(c)
			if err != nil {
				return err
			}
			defer st.Close()
			a, err := st.Get(c.Context(), args[0])
			if err != nil {
				return err
			}
			copies, err := neardup.Related(c.Context(), st.SQLDB(), a.ID)
			if err != nil {
				return err
			}
			if format == "json" {
				enc := json.NewEncoder(os.Stdout)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", "  ")
				return enc.Encode(a)
			}
			render.Text(os.Stdout, a)
			if len(copies) > 0 {
				fmt.Fprintln(os.Stdout, "\nnear-duplicates (same story):")
				for _, cp := range copies {
					fmt.Fprintf(os.Stdout, "  %s  %.2f  %s  %s\n", cp.ID, cp.Similarity, deref(cp.Source), deref(cp.Title))
				}
			}
			return nil
		},
	}
	c.Flags().String("format", "text", "output format: text or json")
	rootCmd.AddCommand(c)
}

// deref returns the string or "-" for nil.
func deref(s *string) string {
	if s == nil || *s == "" {
		return "-"
	}
	return *s
}
