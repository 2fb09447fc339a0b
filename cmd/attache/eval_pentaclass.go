package main

import (
	"context"
	"fmt"

	"github.com/attache-project/attache"
	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/eval"
	"github.com/spf13/cobra"
)

var (
	evalPentaErrors int
	evalPentaRoles  string
)

var evalPentaCmd = &cobra.Command{
	Use:   "pentaclass FILE",
	Short: "Score event coding against CAMEO PentaClass sentences",
	Long: `Read "sentence<TAB>class" lines (0 statement, 1 verbal cooperation, 2 material
cooperation, 3 verbal conflict, 4 material conflict), analyse each sentence with
the full pipeline, take the class of its strongest event (largest |Goldstein|;
no event counts as 0, statement) and print accuracy, macro F1, per-class
scores and the confusion matrix. With --roles NERFILE, also print the share
of gold source (S) and target (T) spans that overlap the mention of an event's
source or target in the sentence.`,
	Example: "  attache eval pentaclass ../shared/data/conflibert/cameo_class_train.tsv",
	Args:    cobra.ExactArgs(1),
	RunE: func(cmd *cobra.Command, args []string) error {
		dict, _ := cmd.Flags().GetString("dict")
		an, err := attache.New(attache.Options{DictDir: dict})
		if err != nil {
			return err
		}
		analyze := func(ctx context.Context, s string) (*doc.Analysis, error) {
			return an.Analyze(ctx, attache.Document{Text: s})
		}
		score, errs, err := eval.EvalPentaClassFile(cmd.Context(), args[0], analyze)
		if err != nil {
			return err
		}
		eval.WritePentaReport(cmd.OutOrStdout(), score)
		if evalPentaRoles != "" {
			rs, err := eval.EvalRolesFile(cmd.Context(), evalPentaRoles, analyze)
			if err != nil {
				return err
			}
			eval.WriteRoleReport(cmd.OutOrStdout(), rs)
		}
		for i, e := range errs {
			if evalPentaErrors >= 0 && i >= evalPentaErrors {
				break
			}
			fmt.Fprintf(cmd.OutOrStdout(), "gold %d\tsystem %d\t%s\t%s\n", e.Gold, e.System, e.Rule, e.Text)
		}
		return nil
	},
}

func init() {
	evalPentaCmd.Flags().IntVar(&evalPentaErrors, "errors", 0, "also list this many misclassified sentences (-1: all)")
	evalPentaCmd.Flags().StringVar(&evalPentaRoles, "roles", "", "also score event sources and targets against a ConfliBERT CAMEO NER file (token TAG lines, S/T spans)")
	evalCmd.AddCommand(evalPentaCmd)
}
