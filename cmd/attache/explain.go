package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/attache-project/attache"
	"github.com/attache-project/attache/internal/event"
	"github.com/spf13/cobra"
)

var (
	explainJSON      bool
	explainPublished string
)

var explainCmd = &cobra.Command{
	Use:   "explain \"sentence\"",
	Short: "Show why a sentence gets its event codes",
	Long: `Analyse the text with the full pipeline and print, per sentence, the tokens
with POS tags and lemmas, the actors seen, every pattern that matched (and why
it was dropped), and for each coded event the rule, how source and target were
found, the modality and the date.`,
	Example: `  attache explain "Russia recalled its ambassador from Washington for consultations."`,
	Args:    cobra.MinimumNArgs(1),
	RunE: func(cmd *cobra.Command, args []string) error {
		dir, _ := cmd.Flags().GetString("dict")
		an, err := attache.New(attache.Options{DictDir: dir})
		if err != nil {
			return err
		}
		a, err := an.Analyze(cmd.Context(), attache.Document{Text: strings.Join(args, " "), Published: explainPublished})
		if err != nil {
			return err
		}
		var st *event.Stage
		for _, s := range an.Stages() {
			if e, ok := s.(*event.Stage); ok {
				st = e
			}
		}
		if st == nil {
			return fmt.Errorf("the pipeline has no event stage")
		}
		traces := st.Explain(a)
		w := cmd.OutOrStdout()
		if explainJSON {
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			return enc.Encode(traces)
		}
		for _, tr := range traces {
			fmt.Fprintf(w, "sentence %d\n  tokens:", tr.Sentence)
			for _, t := range tr.Tokens {
				fmt.Fprintf(w, " %s/%s", t.Text, t.Tag)
				if t.Lemma != strings.ToLower(t.Text) {
					fmt.Fprintf(w, "(%s)", t.Lemma)
				}
			}
			fmt.Fprintln(w)
			for _, ac := range tr.Actors {
				fmt.Fprintf(w, "  mention: %q entity %s code %s country %s actor=%v\n", ac.Text, ac.Entity, ac.Code, ac.Country, ac.Actor)
			}
			for _, m := range tr.Matches {
				state := "kept"
				if m.Dropped != "" {
					state = "dropped: " + m.Dropped
				}
				fmt.Fprintf(w, "  match: %-40s %q (%s) %s\n", m.Rule, m.Text, m.Origin, state)
			}
			for _, d := range tr.Decisions {
				fmt.Fprintf(w, "  event: %s %s via %s, trigger %q\n", d.Code, d.Name, d.Rule, d.Trigger)
				fmt.Fprintf(w, "    actors: %s\n", strings.Join(d.Actors, "; "))
				fmt.Fprintf(w, "    modality: %s %s\n    date: %s (%s)\n", d.Modality, d.ModalityWhy, d.Date, d.DateSource)
			}
			for _, e := range tr.Events {
				src, tgt := "-", "-"
				if e.Source != nil {
					src = e.Source.Text
				}
				if e.Target != nil {
					tgt = e.Target.Text
				}
				fmt.Fprintf(w, "  => %s %s (%s) %s -> %s, %s, confidence %.2f\n", e.CAMEO, e.PLOVER, e.Rule, src, tgt, e.Modality, e.Confidence)
			}
		}
		return nil
	},
}

func init() {
	explainCmd.Flags().BoolVar(&explainJSON, "json", false, "print the trace as JSON")
	explainCmd.Flags().StringVar(&explainPublished, "published", "", "publication date (YYYY-MM-DD) that anchors relative dates")
	rootCmd.AddCommand(explainCmd)
}
