package main

import (
	"github.com/attache-project/attache/internal/eval"
	"github.com/spf13/cobra"
)

var evalHTMLCmd = &cobra.Command{
	Use:   "html DIR",
	Short: "Score web page extraction against gold pages (readability, newspaper4k)",
	Long: `Extract the main text, title and published date of each gold page and score them:
body text as a bag of lowercased word tokens (precision, recall, F1, micro-averaged and
per-page mean), title by normalised exact match, published date by same day (only pages
whose gold has a title or a date count for those). DIR is Mozilla readability's
test/test-pages directory or newspaper4k's tests/data directory (or a parent of either).`,
	Example: `  attache eval html ../shared/data/html/readability/test/test-pages
  attache eval html --pages ../shared/data/html/newspaper4k`,
	Args: cobra.ExactArgs(1),
	RunE: func(cmd *cobra.Command, args []string) error {
		cases, err := eval.LoadHTMLCases(args[0])
		if err != nil {
			return err
		}
		perPage, _ := cmd.Flags().GetBool("pages")
		eval.WriteHTMLReport(cmd.OutOrStdout(), eval.ScoreHTML(cases), perPage)
		return nil
	},
}

func init() {
	evalHTMLCmd.Flags().Bool("pages", false, "also print one line per page")
	evalCmd.AddCommand(evalHTMLCmd)
}
