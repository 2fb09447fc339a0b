package quote

import (
	"context"
	"testing"

	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/text"
)

// analyseWith runs the text stage and the quote stage with opts on s.
func analyseWith(t testing.TB, s string, opts Options) *doc.Analysis {
	t.Helper()
	a := doc.New(doc.Document{Text: s})
	tx, err := text.New()
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	st, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if err := doc.CheckSpans(a); err != nil {
		t.Fatalf("span invariant: %v", err)
	}
	return a
}

// attributionCases are sentences with the attributions that the stage
// finds in attribution mode (Options.Beliefs), as attribution corpora
// such as PolNeAR annotate them: beliefs, intentions, evaluations and
// topics besides statements.
var attributionCases = []struct {
	name string
	text string
	want []wantQuote
}{
	// The complementizer is part of the content, as PolNeAR annotates it.
	{"that in the content", `The minister said that the talks had failed.`,
		[]wantQuote{{"indirect", "that the talks had failed", "The minister", "say", "", ""}}},
	{"relative that stays out", `He said the part of the plan that was leaked is accurate.`,
		[]wantQuote{{"indirect", "the part of the plan that was leaked is accurate", "He", "say", "", ""}}},
	{"reflexive object reports nothing", `The officials found themselves in a difficult position.`, nil},
	// Raising verbs: the subject is part of the content, there is no speaker.
	{"raising with infinitive", `The senator appeared to soften his stance on trade.`,
		[]wantQuote{{"indirect", "The senator appeared to soften his stance on trade", "", "appear", "", ""}}},
	{"raising with adjective", `The delegates seemed unmoved by the appeal.`,
		[]wantQuote{{"indirect", "The delegates seemed unmoved by the appeal", "", "seem", "", ""}}},
	{"be expected", `The central bank is expected to raise rates.`,
		[]wantQuote{{"indirect", "The central bank is expected to raise rates", "", "be expected", "", ""}}},
	{"continues to is no attribution", `The senator continues to campaign in Iowa.`, nil},
	// Noun-phrase contents of evaluations and topics.
	{"criticize a noun phrase", `The governor criticized the new budget.`,
		[]wantQuote{{"indirect", "the new budget", "The governor", "criticize", "", ""}}},
	{"time adjunct left out", `The senator endorsed Smith last week.`,
		[]wantQuote{{"indirect", "Smith", "The senator", "endorse", "", ""}}},
	{"phrase ends before a second verb", `The mayor praised the police and said the city was safe.`,
		[]wantQuote{{"indirect", "the police", "The mayor", "praise", "", ""}, {"indirect", "the city was safe", "The mayor", "say", "", ""}}},
	{"phrasal cue with preposition", `The minister talked about the economy.`,
		[]wantQuote{{"indirect", "the economy", "The minister", "talk about", "", ""}}},
	{"relative clause ends the phrase", `The union opposed the plan that the board adopted.`,
		[]wantQuote{{"indirect", "the plan", "The union", "oppose", "", ""}}},
	{"new polls released Sunday", `New polls released Sunday showed Clinton taking a lead.`,
		[]wantQuote{{"indirect", "Clinton taking a lead", "New polls", "show", "", ""}}},
	{"base form after a plural subject", `About three-quarters support a ban on imports.`,
		[]wantQuote{{"indirect", "a ban on imports", "three-quarters", "support", "", ""}}},
	// Intentions.
	{"plans tagged as a noun", `The candidate plans to return to Iowa.`,
		[]wantQuote{{"indirect", "to return to Iowa", "The candidate", "plan", "", ""}}},
	{"agreed to", `The company agreed to pay a fine.`,
		[]wantQuote{{"indirect", "to pay a fine", "The company", "agree", "", ""}}},
	// Nominal cues.
	{"possessor and preposition", `His criticism of the treaty angered the allies.`,
		[]wantQuote{{"indirect", "the treaty", "His", "criticism of", "", ""}}},
	{"noun with that clause", `There was his warning that the border would close.`,
		[]wantQuote{{"indirect", "that the border would close", "his", "warning", "", ""}}},
	{"noun with infinitive", `It followed the party's decision to boycott the vote.`,
		[]wantQuote{{"indirect", "to boycott the vote", "the party", "decision", "", ""}}},
	{"nominal cue without possessor", `The criticism of the treaty grew.`, nil},
	// Unlisted verbs before a that clause.
	{"unlisted verb before that", `The governor anticipated that the bill would pass.`,
		[]wantQuote{{"indirect", "that the bill would pass", "The governor", "anticipated", "", ""}}},
	{"be before that is no cue", `The problem was that the bill would fail.`, nil},
	// Sources introduced by "In".
	{"in a poll", `In a Reuters poll released Monday, the ruling party held a lead of ten points.`,
		[]wantQuote{{"indirect", "the ruling party held a lead of ten points", "a Reuters poll released Monday", "in", "", ""}}},
	{"in his view", `In his view, the deal is dead.`,
		[]wantQuote{{"indirect", "the deal is dead", "his view", "in", "", ""}}},
	{"in a city is no source", `In Moscow, the talks resumed on Monday.`, nil},
	// Questions.
	{"asked opener", `Asked whether talks would resume, the minister shrugged.`,
		[]wantQuote{{"indirect", "whether talks would resume", "", "ask", "", ""}}},
	// A clause and the long quote it ends with are one content.
	{"clause and quote merged", `The minister said the offer was "a serious step toward a lasting settlement" of the conflict.`,
		[]wantQuote{{"mixed", `the offer was "a serious step toward a lasting settlement" of the conflict`, "The minister", "say", "", ""}}},
}

func TestAttributionMode(t *testing.T) {
	for _, tc := range attributionCases {
		t.Run(tc.name, func(t *testing.T) {
			a := analyseWith(t, tc.text, Options{Beliefs: true})
			var g []wantQuote
			for _, q := range a.Quotes {
				g = append(g, got(q))
			}
			if len(g) != len(tc.want) {
				t.Fatalf("%q:\n got %d quotes %+v\nwant %d %+v", tc.text, len(g), g, len(tc.want), tc.want)
			}
			for i := range g {
				if g[i] != tc.want[i] {
					t.Errorf("%q quote %d:\n got %+v\nwant %+v", tc.text, i, g[i], tc.want[i])
				}
			}
		})
	}
}

// TestAttributionModeOff checks that the attribution-only rules stay off
// for the quotes layer: evaluations, raising verbs and nominal cues are not
// statements.
func TestAttributionModeOff(t *testing.T) {
	for _, s := range []string{
		`The senator appeared to soften his stance on trade.`,
		`The governor criticized the new budget.`,
		`His criticism of the treaty angered the allies.`,
		`In a Reuters poll released Monday, the ruling party held a lead of ten points.`,
		`Asked whether talks would resume, the minister shrugged.`,
		`The governor anticipated that the bill would pass.`,
	} {
		if a := analyseWith(t, s, Options{}); len(a.Quotes) != 0 {
			t.Errorf("%q: got %d quotes without attribution mode, want none", s, len(a.Quotes))
		}
	}
}
