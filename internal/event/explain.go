package event

import (
	"github.com/attache-project/attache/internal/doc"
)

// Trace is the decision trail of the coder for one sentence, for
// `attache explain`.
type Trace struct {
	Sentence  int          `json:"sentence"`
	Tokens    []TokenTrace `json:"tokens"`
	Actors    []ActorTrace `json:"actors"`
	Matches   []MatchTrace `json:"matches"`
	Decisions []Decision   `json:"decisions"`
	Events    []doc.Event  `json:"events"`
}

// TokenTrace is one token with its tag and lemma.
type TokenTrace struct {
	Text  string `json:"text"`
	Tag   string `json:"tag"`
	Lemma string `json:"lemma"`
}

// ActorTrace is one entity mention seen in the sentence.
type ActorTrace struct {
	Text    string `json:"text"`
	Entity  string `json:"entity"`
	Code    string `json:"code"`
	Country string `json:"country"`
	Actor   bool   `json:"actor"` // usable as source/target (has a country or IGO code)
}

// MatchTrace is one pattern that matched, and why it was dropped if it was.
type MatchTrace struct {
	Rule    string `json:"rule"`
	Code    string `json:"code"`
	Text    string `json:"text"`
	Origin  string `json:"origin"`
	Dropped string `json:"dropped,omitempty"`
}

// Decision explains one coded event: the rule, how source and target were
// found, the modality and the date.
type Decision struct {
	Rule        string   `json:"rule"`
	Code        string   `json:"code"`
	Name        string   `json:"name"`
	Trigger     string   `json:"trigger"`
	Actors      []string `json:"actors"`
	Modality    string   `json:"modality"`
	ModalityWhy string   `json:"modality_why,omitempty"`
	Date        string   `json:"date"`
	DateSource  string   `json:"date_source"`
}

// Explain codes every sentence of an analysed document again and returns
// the decision trail per sentence. a must have passed through the whole
// pipeline (its Events are reported as filed).
func (s *Stage) Explain(a *doc.Analysis) []Trace {
	var out []Trace
	for si := range a.Sentences {
		tr := &Trace{Sentence: si}
		c := newCoder(s.dict, a, tr)
		// Speech dates of earlier sentences matter for dating.
		for k := 0; k < si; k++ {
			c.noteSpeech(c.prepare(k))
		}
		sen := c.prepare(si)
		for i, t := range sen.toks {
			tr.Tokens = append(tr.Tokens, TokenTrace{Text: t.Text, Tag: t.Tag, Lemma: sen.w[i].lemma})
		}
		for _, m := range sen.mentions {
			if m.ent == nil || m.m == nil {
				continue
			}
			tr.Actors = append(tr.Actors, ActorTrace{Text: m.m.Text, Entity: m.ent.ID, Code: doc.Val(m.ent.Code), Country: doc.Val(m.ent.Country), Actor: m.actor})
		}
		c.codeSentence(si) // fills the trace
		// The events as Process filed them (after the document-level
		// headline de-duplication).
		for _, e := range a.Events {
			if e.Sentence == si {
				tr.Events = append(tr.Events, e)
			}
		}
		out = append(out, *tr)
	}
	return out
}
