package dateline

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/ingest"
)

// TestSeed reads the mission's seed story with the text reader and checks
// the dateline against ../shared/seed/expected.json.
func TestSeed(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "seed")
	story := filepath.Join(dir, "tass-2021-03-18-antonov.txt")
	if _, err := os.Stat(story); err != nil {
		t.Skipf("seed not available: %v", err)
	}
	var exp struct {
		Document struct {
			Published string `json:"published"`
			Dateline  struct {
				Place, Date, Agency string
			} `json:"dateline"`
		} `json:"document"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &exp); err != nil {
		t.Fatal(err)
	}
	var docs []doc.Document
	err = ingest.Read(context.Background(), []string{story}, nil, ingest.Options{}, func(it ingest.Item) error {
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		docs = append(docs, it.Doc)
		return nil
	})
	if err != nil || len(docs) != 1 {
		t.Fatalf("reading the seed: %v, %d documents", err, len(docs))
	}
	st, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := doc.New(docs[0])
	if err := st.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if err := doc.CheckSpans(a); err != nil {
		t.Fatal(err)
	}
	d := a.Dateline
	if d == nil {
		t.Fatal("no dateline in the seed")
	}
	want := exp.Document.Dateline
	if d.Place != want.Place || doc.Val(d.Date) != want.Date || doc.Val(d.Agency) != want.Agency {
		t.Errorf("dateline %q / %q / %q, want %q / %q / %q", d.Place, doc.Val(d.Date), doc.Val(d.Agency), want.Place, want.Date, want.Agency)
	}
	if a.Anchor == nil || a.Anchor.Date != exp.Document.Published || a.Anchor.From != "published" {
		t.Errorf("anchor %+v, want %s from published", a.Anchor, exp.Document.Published)
	}
	t.Logf("seed dateline %q: place %s, agency %s, date %s, body starts at %d", d.Span.Of(a.Text), d.Place, doc.Val(d.Agency), doc.Val(d.Date), d.BodyStart)
}
