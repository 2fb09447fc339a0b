package timex

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache-project/attache/internal/doc"
)

// seedExpected is the timex part of ../shared/seed/expected.json.
type seedExpected struct {
	Timexes []struct {
		Text       string   `json:"text"`
		Type       string   `json:"type"`
		Value      string   `json:"value"`
		ValueOneOf []string `json:"value_one_of"`
		Count      int      `json:"count"`
		Optional   bool     `json:"optional"`
	} `json:"timexes"`
}

// TestSeed checks every timex item of the mission example: the TASS story
// of Thursday 2021-03-18 ("said on Wednesday" = 2021-03-17).
func TestSeed(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "seed")
	raw, err := os.ReadFile(filepath.Join(dir, "tass-2021-03-18-antonov.txt"))
	if err != nil {
		t.Skip("seed not available:", err)
	}
	exp, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Skip("expected.json not available:", err)
	}
	var want seedExpected
	if err := json.Unmarshal(exp, &want); err != nil {
		t.Fatal(err)
	}
	txt := string(raw)
	// The text starts after the " date 2021-03-18 " header.
	if i := strings.Index(txt, "WASHINGTON"); i > 0 {
		txt = txt[i:]
	}
	a := analyse(t, txt, "2021-03-18")
	for _, w := range want.Timexes {
		n := 0
		for _, x := range a.Timexes {
			if x.Text != w.Text || x.Type != w.Type {
				continue
			}
			ok := x.Value == w.Value
			for _, v := range w.ValueOneOf {
				ok = ok || x.Value == v
			}
			if ok {
				n++
			}
		}
		cnt := w.Count
		if cnt == 0 {
			cnt = 1
		}
		if n < cnt && !w.Optional {
			t.Errorf("seed: %q %s %s%v found %d times, want %d; got %+v", w.Text, w.Type, w.Value, w.ValueOneOf, n, cnt, a.Timexes)
		}
		if n < cnt && w.Optional {
			t.Logf("optional seed timex %q not found", w.Text)
		}
	}
	if err := doc.CheckSpans(a); err != nil {
		t.Fatal(err)
	}
	_ = context.Background
}
