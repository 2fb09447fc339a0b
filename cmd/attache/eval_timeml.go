package main

import (
	"fmt"

	"github.com/attache-project/attache/internal/eval"
	"github.com/spf13/cobra"
)

var evalTimeMLErrors int

var evalTimeMLCmd = &cobra.Command{
	Use:   "timeml DIR",
	Short: "Score time expressions against TimeML (.tml) gold files",
	Long: `Run the text and timex stages over the <TEXT> of every .tml file under DIR,
anchored at each file's document creation time (DCT), and print TempEval-3
measures per corpus (sub-directory) and in total: strict and relaxed span
precision/recall/F1, type and value accuracy over relaxed matches, and type
and value F1 (relaxed F1 x accuracy).`,
	Example: "  attache eval timeml ../shared/data/timeml",
	Args:    cobra.ExactArgs(1),
	RunE: func(cmd *cobra.Command, args []string) error {
		scores, err := eval.EvalTimeMLDir(cmd.Context(), args[0])
		if err != nil {
			return err
		}
		eval.WriteTimexReport(cmd.OutOrStdout(), scores)
		if evalTimeMLErrors != 0 {
			n := 0
			for _, e := range scores[""].Errors {
				if evalTimeMLErrors > 0 && n >= evalTimeMLErrors {
					break
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%s\t%s\t%q %s %s\t%q %s %s\t%s\n", e.Kind, e.Doc, e.GoldText, e.GoldType, e.GoldVal, e.SysText, e.SysType, e.SysVal, e.Context)
				n++
			}
		}
		return nil
	},
}

func init() {
	evalTimeMLCmd.Flags().IntVar(&evalTimeMLErrors, "errors", 0, "also list this many disagreements with the gold (-1: all)")
	evalCmd.AddCommand(evalTimeMLCmd)
}
