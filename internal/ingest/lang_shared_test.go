package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestLanguageReuters reads Reuters-21578 (English wire copy, with many
// terse earnings tables) from ../shared when present: no document may be
// called non-English, since that would keep it from being coded.
func TestLanguageReuters(t *testing.T) {
	p := filepath.Join("..", "..", "..", "shared", "data", "news", "reuters21578.jsonl")
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s not available", p)
	}
	langs := map[string]int{}
	err := Read(context.Background(), []string{p}, nil, Options{}, func(it Item) error {
		if it.Err == nil {
			langs[it.Doc.Language]++
			if l := it.Doc.Language; l != "" && l != "en" {
				t.Errorf("%s: language %q: %.100q", it.Doc.Name, l, it.Doc.Text)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("languages: %v", langs)
	if langs["en"] < 15000 {
		t.Errorf("only %d documents recognised as English", langs["en"])
	}
}
