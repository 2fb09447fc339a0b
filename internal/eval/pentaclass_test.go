package eval

import (
	"context"
	"strings"
	"testing"

	"github.com/attache-project/attache/internal/doc"
)

func TestReadPentaClass(t *testing.T) {
	in := "Russia condemned Ukraine.\t3\n\"He said \"\"no\"\" to it.\"\t0\n\n"
	items, err := ReadPentaClass(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 || items[0].Class != 3 || items[1].Text != `He said "no" to it.` {
		t.Fatalf("items %+v", items)
	}
	if _, err := ReadPentaClass(strings.NewReader("no tab here\n")); err == nil {
		t.Error("want an error for a line without a class")
	}
	if _, err := ReadPentaClass(strings.NewReader("x\t7\n")); err == nil {
		t.Error("want an error for class 7")
	}
}

func TestRootClassAndModality(t *testing.T) {
	cases := []struct {
		code, mod string
		want      int
	}{
		{"010", "asserted", 0}, {"0256", "asserted", 0}, {"036", "asserted", 1}, {"057", "asserted", 1},
		{"0841", "asserted", 2}, {"0841", "future", 1}, {"0841", "negated", 3}, {"112", "asserted", 3},
		{"163", "asserted", 3}, {"190", "asserted", 4}, {"190", "future", 3}, {"145", "asserted", 4},
	}
	for _, c := range cases {
		a := &doc.Analysis{Events: []doc.Event{{CAMEO: c.code, Modality: c.mod}}}
		if got := PentaClassOf(a); got != c.want {
			t.Errorf("%s %s: class %d, want %d", c.code, c.mod, got, c.want)
		}
	}
	if got := PentaClassOf(&doc.Analysis{}); got != 0 {
		t.Errorf("no event: class %d, want 0", got)
	}
}

func TestScorePentaClass(t *testing.T) {
	items := []PentaItem{{"a", 3}, {"b", 4}, {"c", 0}}
	codes := map[string]string{"a": "111", "b": "111", "c": ""}
	analyze := func(_ context.Context, s string) (*doc.Analysis, error) {
		a := &doc.Analysis{}
		if c := codes[s]; c != "" {
			a.Events = []doc.Event{{CAMEO: c, Modality: "asserted"}}
		}
		return a, nil
	}
	s, errs, err := ScorePentaClass(context.Background(), items, analyze)
	if err != nil {
		t.Fatal(err)
	}
	if s.N != 3 || s.Correct != 2 || len(errs) != 1 || s.Confused[4][3] != 1 {
		t.Fatalf("score %+v errs %+v", s, errs)
	}
	if p, r, _ := s.PRF(3); p != 0.5 || r != 1 {
		t.Errorf("class 3 P=%v R=%v", p, r)
	}
}

func TestReadRoleSentences(t *testing.T) {
	in := "Russia B-S\ncondemned O\nthe B-T\nUkrainian I-T\ngovernment I-T\n. O\n\nNext O\n"
	got, err := ReadRoleSentences(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("%d sentences", len(got))
	}
	s := got[0]
	if s.Text != "Russia condemned the Ukrainian government ." || len(s.Source) != 1 || s.Source[0].Of(s.Text) != "Russia" || s.Target[0].Of(s.Text) != "the Ukrainian government" {
		t.Fatalf("%+v", s)
	}
}
