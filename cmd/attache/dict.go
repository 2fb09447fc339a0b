package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/attache-project/attache"
	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/event"
	"github.com/spf13/cobra"
)

var dictCmd = &cobra.Command{
	Use:   "dict",
	Short: "Check and test the event dictionaries",
	Long: `Validate the event pattern dictionaries (built-in and --dict DIR) and run
dictionary test cases through the pipeline. See docs/dictionaries-event.md.`,
	Example: "  attache dict check --dict mydicts\n  attache dict test",
}

var dictCheckCmd = &cobra.Command{
	Use:   "check",
	Short: "Validate the event dictionaries (built-in and --dict DIR)",
	Long: `Load the built-in event dictionaries and the user ones from DIR/event/*.yaml
(--dict DIR), and report syntax errors, unknown CAMEO codes or synsets,
duplicate patterns, patterns defined under two codes (conflicts), weak anchors
and CAMEO roots without patterns. Exits with status 1 on problems.`,
	Example: "  attache dict check\n  attache dict check --dict mydicts",
	Args:    cobra.NoArgs,
	RunE: func(cmd *cobra.Command, args []string) error {
		dir, _ := cmd.Flags().GetString("dict")
		d, err := event.LoadDictionary(dir)
		if err != nil {
			return err
		}
		st := d.Stats()
		fmt.Fprintf(cmd.OutOrStdout(), "%d patterns, %d CAMEO codes, %d roots, %d synsets\n", st.Patterns, st.Codes, st.Roots, st.Synsets)
		probs := d.Check()
		for _, p := range probs {
			fmt.Fprintln(cmd.OutOrStdout(), p)
		}
		if len(probs) > 0 {
			return fmt.Errorf("%d problems", len(probs))
		}
		return nil
	},
}

var dictTestVerbose bool

var dictTestCmd = &cobra.Command{
	Use:   "test [DIR...]",
	Short: "Run dictionary test cases (sentence -> code, source, target)",
	Long: `Run YAML test cases through the full pipeline: each file is a list of
{sentence, code, source, target, modality}. Without arguments the built-in
cases (embedded in the binary) are run, plus DIR/event/cases of --dict DIR;
with arguments, the case files of the given directories.`,
	Example: "  attache dict test\n  attache dict test --dict mydicts\n  attache dict test mydicts/event/cases -v",
	RunE: func(cmd *cobra.Command, args []string) error {
		dir, _ := cmd.Flags().GetString("dict")
		type set struct {
			name  string
			cases []event.Case
		}
		var sets []set
		if len(args) == 0 {
			cs, err := event.BuiltinCases()
			if err != nil {
				return err
			}
			sets = append(sets, set{"builtin", cs})
			if dir != "" {
				ud := filepath.Join(dir, "event", "cases")
				if st, err := os.Stat(ud); err == nil && st.IsDir() {
					args = append(args, ud)
				}
			}
		}
		for _, d := range args {
			cs, err := event.ReadCaseDir(d)
			if err != nil {
				return err
			}
			sets = append(sets, set{d, cs})
		}
		an, err := attache.New(attache.Options{DictDir: dir})
		if err != nil {
			return err
		}
		analyze := func(ctx context.Context, s string) (*doc.Analysis, error) {
			return an.Analyze(ctx, attache.Document{Text: s})
		}
		pass, total := 0, 0
		for _, st := range sets {
			res, err := event.RunCases(cmd.Context(), st.cases, analyze)
			if err != nil {
				return err
			}
			for _, r := range res {
				total++
				if r.OK {
					pass++
					if dictTestVerbose {
						fmt.Fprintf(cmd.OutOrStdout(), "ok   %s %q\n", r.Case.Code, r.Case.Sentence)
					}
					continue
				}
				fmt.Fprintf(cmd.OutOrStdout(), "FAIL %s: %q want %s %s->%s: %s; got %s\n", r.Case.File, r.Case.Sentence, r.Case.Code, r.Case.Source, r.Case.Target, r.Reason, r.Got)
			}
		}
		fmt.Fprintf(cmd.OutOrStdout(), "%d/%d cases pass\n", pass, total)
		if pass < total {
			return fmt.Errorf("%d cases fail", total-pass)
		}
		return nil
	},
}

func init() {
	dictTestCmd.Flags().BoolVarP(&dictTestVerbose, "verbose", "v", false, "list passing cases too")
	dictCmd.AddCommand(dictCheckCmd, dictTestCmd)
	rootCmd.AddCommand(dictCmd)
}
