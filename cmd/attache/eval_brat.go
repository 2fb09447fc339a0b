package main

import (
	"github.com/attache-project/attache/internal/actor"
	"github.com/attache-project/attache/internal/eval"
	"github.com/spf13/cobra"
)

var evalBratCmd = &cobra.Command{
	Use:   "brat DIR",
	Short: "Score quotes against brat attribution gold (PolNeAR)",
	Long: `Run the text, actor and quote stages over every text of a brat attribution
corpus (DIR/text/*.txt with DIR/attributions/*.ann as in PolNeAR, or *.txt next
to *.ann) and print, for all quotes, direct, indirect and statements only:
content precision/recall/F1 at overlap >= 0.3 and >= 0.8 (overlap = shared
bytes / the longer of the two), the share of matched quotes with the exact gold
cue, and speaker accuracy over matched quotes (the speaker overlaps the gold
source, or resolves to an entity with a mention that does). With --misses it
also writes, to stderr, one line per unmatched gold attribution (MISS), false
prediction (FALSE), match under the strict overlap (LOOSE) and wrong speaker
(SPEAKER), for error analysis.`,
	Example: "  attache eval brat ../shared/data/polnear/dev",
	Args:    cobra.ExactArgs(1),
	RunE: func(cmd *cobra.Command, args []string) error {
		fl := cmd.Flags()
		dict, _ := fl.GetString("dict")
		noActor, _ := fl.GetBool("no-actor")
		speech, _ := fl.GetBool("speech-only")
		opts := eval.BratOptions{DictDir: dict, Speech: speech}
		if misses, _ := fl.GetBool("misses"); misses {
			opts.Misses = cmd.ErrOrStderr()
		}
		if !noActor {
			ac, err := actor.New(actor.Options{DictDir: dict})
			if err != nil {
				return err
			}
			opts.Actor = ac
		}
		s, err := eval.RunBrat(cmd.Context(), args[0], opts)
		if err != nil {
			return err
		}
		eval.WriteBratScore(cmd.OutOrStdout(), s)
		return nil
	},
}

func init() {
	evalBratCmd.Flags().Bool("no-actor", false, "skip the actor stage: judge speakers by their spans only")
	evalBratCmd.Flags().Bool("speech-only", false, "report statements only, not attributed beliefs (PolNeAR annotates both)")
	evalBratCmd.Flags().Bool("misses", false, "write unmatched gold (MISS) and predictions (FALSE) to stderr, one per line")
	evalCmd.AddCommand(evalBratCmd)
}
