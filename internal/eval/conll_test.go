package eval

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache-project/attache/internal/actor"
	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/text"
)

func TestReadCoNLL(t *testing.T) {
	in := `-DOCSTART- -X- O O

EU NNP I-NP I-ORG
rejects VBZ I-VP O
German JJ I-NP I-MISC
call NN I-NP O
. . O O

Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER
met VBD I-VP O
Anna NNP I-NP I-PER
Berlin NNP I-NP B-PER
in IN I-PP O
Brussels NNP I-NP I-LOC

-DOCSTART- -X- O O

Rome NNP I-NP B-LOC
`
	docs, err := ReadCoNLL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("got %d docs, want 2", len(docs))
	}
	want := []struct{ text, label string }{
		{"EU", "ORG"}, {"German", "MISC"}, {"Peter Blackburn", "PER"}, {"Anna", "PER"}, {"Berlin", "PER"}, {"Brussels", "LOC"},
	}
	if len(docs[0].Gold) != len(want) {
		t.Fatalf("gold %v, want %d spans", docs[0].Gold, len(want))
	}
	for i, w := range want {
		g := docs[0].Gold[i]
		if g.Span.Of(docs[0].Text) != w.text || g.Label != w.label {
			t.Errorf("gold %d = %q %s, want %q %s", i, g.Span.Of(docs[0].Text), g.Label, w.text, w.label)
		}
	}
	if docs[0].Text != "EU rejects German call .\nPeter Blackburn met Anna Berlin in Brussels" {
		t.Errorf("text = %q", docs[0].Text)
	}
	if docs[1].Text != "Rome" || docs[1].Gold[0].Label != "LOC" {
		t.Errorf("doc 2 = %q %v", docs[1].Text, docs[1].Gold)
	}
}

func TestNERScore(t *testing.T) {
	s := newNERScore()
	gold := []NERSpan{{doc.S(0, 2), "ORG"}, {doc.S(5, 9), "PER"}, {doc.S(12, 15), "LOC"}, {doc.S(20, 25), "MISC"}}
	sys := []NERSpan{{doc.S(0, 2), "ORG"}, {doc.S(5, 9), "LOC"}, {doc.S(12, 15), "LOC"}}
	s.add(gold, sys)
	p, r, f := s.PRF("")
	if p != 2.0/3 || r != 2.0/3 || f < 0.666 || f > 0.667 {
		t.Errorf("P/R/F = %v %v %v, want 2/3 each", p, r, f)
	}
	if _, _, f := s.PRF("PER"); f != 0 {
		t.Errorf("PER F1 = %v, want 0", f)
	}
}

// TestSystemNERSpans checks how entity mentions become CoNLL spans: the
// country adjective or possessive before an institution is cut off (CoNLL
// labels it separately), an abbreviation stays ("U.S. District Court"),
// "the" is dropped and a possessive company name keeps its "'s".
func TestSystemNERSpans(t *testing.T) {
	tests := []struct {
		text string
		want []string // "LABEL text"
	}{
		{"Paris said on Monday that French Interior Ministry officials met .", []string{"LOC Paris", "ORG Interior Ministry"}},
		{"Tokyo said on Friday that Japan 's Agriculture Ministry would act .", []string{"LOC Tokyo", "LOC Japan", "ORG Agriculture Ministry"}},
		{"The company said the U.S. District Court in Minneapolis ruled .", []string{"ORG U.S. District Court", "LOC Minneapolis"}},
		{"A court ordered Lloyd 's to give investors more information .", []string{"ORG Lloyd 's"}},
	}
	for _, tt := range tests {
		a := analyse(t, tt.text)
		var got []string
		for _, s := range SystemNER(a) {
			got = append(got, s.Label+" "+s.Span.Of(tt.text))
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

// analyse runs the text and actor stages over one document.
func analyse(t *testing.T, txt string) *doc.Analysis {
	t.Helper()
	ts, err := text.New()
	if err != nil {
		t.Fatal(err)
	}
	as, err := actor.New(actor.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := doc.New(doc.Document{ID: "t", Text: txt})
	if err := ts.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if err := as.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if err := doc.CheckSpans(a); err != nil {
		t.Fatal(err)
	}
	return a
}

// TestCoNLLGate is the CI regression gate on CoNLL-2003 dev (eng.testa).
func TestCoNLLGate(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "data", "conll2003", "eng.testa")
	if f := os.Getenv("CONLL_FILE"); f != "" {
		path = f // error analysis on eng.train, never on the dev set
	}
	if _, err := os.Stat(path); err != nil {
		t.Skip("CoNLL-2003 not available:", err)
	}
	if testing.Short() {
		t.Skip("short mode")
	}
	n := 0
	if os.Getenv("CONLL_ERRORS") != "" {
		n = -1
	}
	s, errs, err := EvalCoNLL(context.Background(), path, actor.Options{}, n)
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	WriteNERReport(&sb, s)
	t.Log("\n" + sb.String())
	if out := os.Getenv("CONLL_ERRORS"); out != "" {
		var eb strings.Builder
		for _, e := range errs {
			eb.WriteString(e.Kind + "\t" + e.Label + "\t" + e.Text + "\t" + e.Context + "\n")
		}
		os.WriteFile(out, []byte(eb.String()), 0o644)
	}
	// Measured 0.877 on eng.testa (PER 0.894, ORG 0.787, LOC 0.923); the
	// gate sits a little under it. It only applies to the dev set.
	gate := 0.86
	if os.Getenv("CONLL_FILE") != "" {
		gate = 0
	}
	if _, _, f := s.PRF(""); f < gate {
		t.Errorf("CoNLL dev F1 %.4f under the gate %.2f", f, gate)
	}
}
