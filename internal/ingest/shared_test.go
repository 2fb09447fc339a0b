package ingest

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestReadReuters reads the whole Reuters-21578 JSON Lines file (when
// ../shared is present): every non-blank line gives exactly one item, in
// order, and the only per-document errors are records without a body.
func TestReadReuters(t *testing.T) {
	p := filepath.Join("..", "..", "..", "shared", "data", "news", "reuters21578.jsonl")
	f, err := os.Open(p)
	if err != nil {
		t.Skipf("%s not available: %v", p, err)
	}
	lines := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) != "" {
			lines++
		}
	}
	f.Close()
	start := time.Now()
	var docs, failed, bytes int
	reasons := map[string]int{}
	err = Read(context.Background(), []string{p}, nil, Options{}, func(it Item) error {
		if it.Err != nil {
			failed++
			msg := it.Err.Error()
			reasons[msg[strings.LastIndex(msg, ": ")+2:]]++
			return nil
		}
		docs++
		bytes += len(it.Doc.Text)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	el := time.Since(start)
	t.Logf("%d lines -> %d documents, %d errors %v; %.1f MB in %v (%.0f docs/s)",
		lines, docs, failed, reasons, float64(bytes)/1e6, el.Round(time.Millisecond), float64(docs)/el.Seconds())
	if docs+failed != lines {
		t.Errorf("%d items for %d lines", docs+failed, lines)
	}
	for r := range reasons {
		if !strings.Contains(r, `"text"`) {
			t.Errorf("unexpected error kind %q", r)
		}
	}
}
