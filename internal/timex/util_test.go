package timex

import (
	"context"
	"testing"

	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/text"
)

// analyse runs the text and timex stages over txt anchored at anchor
// ("" for none) and checks the span invariant.
func analyse(t testing.TB, txt, anchor string) *doc.Analysis {
	t.Helper()
	ts, err := text.New()
	if err != nil {
		t.Fatal(err)
	}
	a := doc.New(doc.Document{Text: txt})
	if anchor != "" {
		a.Anchor = &doc.Anchor{Date: anchor, From: "published"}
	}
	if err := ts.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	st, _ := New(Options{})
	if err := st.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if err := doc.CheckSpans(a); err != nil {
		t.Fatalf("%q: %v", txt, err)
	}
	return a
}
