package main

import (
	"fmt"

	"github.com/attache-project/attache/internal/actor"
	"github.com/attache-project/attache/internal/eval"
	"github.com/spf13/cobra"
)

var (
	evalCoNLLErrors  int
	evalCoNLLDictDir string
)

var evalCoNLLCmd = &cobra.Command{
	Use:   "conll FILE",
	Short: "Score entity recognition against a CoNLL-2003 file",
	Long: `Rebuild the text of every document of a CoNLL-2003 file from its tokens (tokens
joined by spaces, sentences by newlines), run the text and actor stages, map the
entity mentions that name something (not pronouns, nominals or adjectives) to
PER (PERSON), ORG (ORG) and LOC (GPE, LOC), and print exact-span precision,
recall and F1 per label and overall. MISC is not scored. As in CoNLL, a
leading "the" and a country adjective or possessive before an institution
("French Interior Ministry", "Japan 's Agriculture Ministry") are not part of
the organisation's span.`,
	Example: "  attache eval conll ../shared/data/conll2003/eng.testa",
	Args:    cobra.ExactArgs(1),
	RunE: func(cmd *cobra.Command, args []string) error {
		score, errs, err := eval.EvalCoNLL(cmd.Context(), args[0], actor.Options{DictDir: evalCoNLLDictDir}, evalCoNLLErrors)
		if err != nil {
			return err
		}
		eval.WriteNERReport(cmd.OutOrStdout(), score)
		for _, e := range errs {
			fmt.Fprintf(cmd.OutOrStdout(), "%s\t%s\t%q\t%s\n", e.Kind, e.Label, e.Text, e.Context)
		}
		return nil
	},
}

func init() {
	evalCoNLLCmd.Flags().IntVar(&evalCoNLLErrors, "errors", 0, "also list this many disagreements with the gold (-1: all)")
	evalCoNLLCmd.Flags().StringVar(&evalCoNLLDictDir, "dict-dir", "", "directory of user dictionaries merged over the built-in ones")
	evalCmd.AddCommand(evalCoNLLCmd)
}
