package attache_test

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/attache-project/attache"
	"github.com/attache-project/attache/internal/doc"
)

// seedQuote is one item of the quotes section of the seed's expected.json.
type seedQuote struct {
	Kind         string   `json:"kind"`
	Starts       string   `json:"starts"`
	Contains     string   `json:"contains"`
	Speaker      string   `json:"speaker"`
	SpeakerOneOf []string `json:"speaker_one_of"`
	CueLemma     string   `json:"cue_lemma"`
	CueText      string   `json:"cue_text"`
	Medium       string   `json:"medium"`
}

// TestSeedQuotes runs the whole pipeline on the mission example and checks
// every quote item of ../shared/seed/expected.json: kind, content, cue,
// medium, and a speaker resolved to the expected entity.
func TestSeedQuotes(t *testing.T) {
	story, err := os.ReadFile("../shared/seed/tass-2021-03-18-antonov.txt")
	if err != nil {
		t.Skip("seed not available:", err)
	}
	raw, err := os.ReadFile("../shared/seed/expected.json")
	if err != nil {
		t.Skip("seed expectations not available:", err)
	}
	var exp struct {
		Quotes []seedQuote `json:"quotes"`
	}
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatal(err)
	}
	an, err := attache.New(attache.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a, err := an.Analyze(context.Background(), attache.Document{Text: string(story), Published: "2021-03-18"})
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.CheckSpans(a); err != nil {
		t.Fatal(err)
	}
	for _, w := range exp.Quotes {
		name := w.Starts + w.Contains
		t.Run(name, func(t *testing.T) {
			var q *doc.Quote
			for i := range a.Quotes {
				c := &a.Quotes[i]
				if c.Kind != w.Kind {
					continue
				}
				if w.Starts != "" && strings.HasPrefix(c.Text, w.Starts) || w.Contains != "" && strings.Contains(c.Text, w.Contains) {
					q = c
					break
				}
			}
			if q == nil {
				t.Fatalf("no %s quote with %q; quotes: %+v", w.Kind, name, a.Quotes)
			}
			if w.CueLemma != "" && (q.Cue == nil || q.Cue.Lemma != w.CueLemma) {
				t.Errorf("cue = %+v, want lemma %q", q.Cue, w.CueLemma)
			}
			if w.CueText != "" && (q.Cue == nil || q.Cue.Text != w.CueText) {
				t.Errorf("cue = %+v, want text %q", q.Cue, w.CueText)
			}
			if w.Medium != "" && doc.Val(q.Medium) != w.Medium {
				t.Errorf("medium = %q, want %q", doc.Val(q.Medium), w.Medium)
			}
			want := w.SpeakerOneOf
			if w.Speaker != "" {
				want = append(want, w.Speaker)
			}
			if len(want) == 0 {
				return
			}
			if q.Speaker == nil || q.Speaker.Entity == nil {
				t.Fatalf("speaker %+v is not resolved, want one of %q", q.Speaker, want)
			}
			e := a.EntityByID(*q.Speaker.Entity)
			if e == nil {
				t.Fatalf("speaker entity %q is not in the entities layer", *q.Speaker.Entity)
			}
			ok := false
			for _, n := range want {
				ok = ok || strings.EqualFold(e.Name, n) // names compare as text, not by case
			}
			if !ok {
				t.Errorf("speaker %q resolves to %q, want one of %q", q.Speaker.Text, e.Name, want)
			}
			if q.Date == nil {
				t.Errorf("quote has no date")
			}
		})
	}
}
