package demo

import (
	"strings"
	"testing"
	"time"
)

func TestCorpus(t *testing.T) {
	docs, err := Documents()
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 40 {
		t.Fatalf("demo corpus has %d stories, want at least 40", len(docs))
	}
	seen := map[string]bool{}
	sources := map[string]bool{}
	prev := ""
	for _, d := range docs {
		if d.ID == "" || seen[d.ID] {
			t.Errorf("story id %q missing or repeated", d.ID)
		}
		seen[d.ID] = true
		if _, err := time.Parse("2006-01-02", d.Published); err != nil {
			t.Errorf("%s: published %q: %v", d.ID, d.Published, err)
		}
		if d.Published < prev {
			t.Errorf("%s: not in date order", d.ID)
		}
		prev = d.Published
		if d.Source == "" || strings.TrimSpace(d.Text) == "" {
			t.Errorf("%s: no source or text", d.ID)
		}
		sources[d.Source] = true
	}
	if len(sources) < 6 {
		t.Errorf("only %d agencies in the demo corpus", len(sources))
	}
}
