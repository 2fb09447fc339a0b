package eval

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestWordTokens(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"The U.S. minister's visit, 2024!", []string{"the", "u", "s", "minister", "s", "visit", "2024"}},
		{"北京 talks", []string{"北", "京", "talks"}},
		{"", nil},
	}
	for _, c := range cases {
		if got := WordTokens(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("WordTokens(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTitleMatch(t *testing.T) {
	cases := []struct {
		sys, gold string
		want      bool
	}{
		{"Obama admits US gun laws are his 'biggest frustration'", "Obama admits US gun laws are his “biggest frustration”", true},
		{"How to Build a Terrarium", "How to Build a Terrarium | eHow", true},
		{"Hermitian matrix - Wikipedia", "Hermitian matrix", true},
		{"Lorem", "Remove aria-hidden elements test", false},
		{"", "Title", false},
	}
	for _, c := range cases {
		if got := TitleMatch(c.sys, c.gold); got != c.want {
			t.Errorf("TitleMatch(%q, %q) = %v", c.sys, c.gold, got)
		}
	}
}

func TestPRF(t *testing.T) {
	gold := WordTokens("a b c d")
	sys := WordTokens("a b x")
	p, r, f := prf(bagOverlap(gold, sys), len(sys), len(gold))
	if p != 2.0/3 || r != 0.5 || f < 0.571 || f > 0.572 {
		t.Errorf("prf = %v %v %v", p, r, f)
	}
}

// TestHTMLGate extracts the gold pages of ../shared (when present) and
// fails when quality drops below the level reached (see docs/input.md).
func TestHTMLGate(t *testing.T) {
	root := filepath.Join("..", "..", "..", "shared", "data", "html")
	gates := []struct {
		dir             string
		f1, title, date float64
	}{
		{filepath.Join(root, "readability", "test", "test-pages"), 0.94, 0.93, 0.95},
		{filepath.Join(root, "newspaper4k"), 0.93, 0.70, 0.90},
	}
	for _, g := range gates {
		if _, err := os.Stat(g.dir); err != nil {
			t.Skipf("%s not available", g.dir)
		}
		cases, err := LoadHTMLCases(g.dir)
		if err != nil {
			t.Fatal(err)
		}
		s := ScoreHTML(cases)
		t.Logf("%s: %d pages, body F1 %.3f (mean %.3f), title %.3f, date %.3f", g.dir, len(cases), s.MicroF1, s.MeanF1, s.TitleAccuracy(), s.DateAccuracy())
		if s.MicroF1 < g.f1 || s.TitleAccuracy() < g.title || s.DateAccuracy() < g.date {
			t.Errorf("%s: below the gate (F1 %.2f, title %.2f, date %.2f)", g.dir, g.f1, g.title, g.date)
		}
	}
}
