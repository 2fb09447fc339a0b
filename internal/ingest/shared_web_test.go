package ingest

import (
	"context"
	"io/fs"
	"path/filepath"
	"testing"
)

// TestSharedFeedsAndArchives reads every feed and archive under
// ../shared/data/feeds and ../shared/data/warc (when present): none may
// crash, and each gives documents, failures or notices that say what
// happened. The per-file counts are logged (go test -v) for the report.
func TestSharedFeedsAndArchives(t *testing.T) {
	root := filepath.Join("..", "..", "..", "shared", "data")
	var files []string
	for _, sub := range []string{"feeds", "warc"} {
		filepath.WalkDir(filepath.Join(root, sub), func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				switch f := formatOf(p); {
				case f == InputFeed, f == inputMaybeFeed && sub == "feeds", f == InputWARC, filepath.Ext(p) == ".bad":
					files = append(files, p)
				}
			}
			return nil
		})
	}
	if len(files) == 0 {
		t.Skipf("%s not available", root)
	}
	totalDocs := 0
	t.Logf("%-90s %5s %6s %8s", "file", "docs", "failed", "notices")
	for _, f := range files {
		var docs, failed, notices int
		err := Read(context.Background(), []string{f}, nil, Options{}, func(it Item) error {
			switch {
			case it.IsNotice():
				notices++
				t.Logf("    notice: %s", it.Warning)
			case it.Err != nil:
				failed++
				if it.Err.Error() == "" || it.Doc.Name == "" {
					t.Errorf("%s: error item without a name or message", f)
				}
			default:
				docs++
				if it.Doc.Text == "" {
					t.Errorf("%s: empty document", it.Doc.Name)
				}
			}
			return nil
		})
		if err != nil {
			t.Errorf("%s: %v", f, err)
		}
		rel, _ := filepath.Rel(root, f)
		t.Logf("%-90s %5d %6d %8d", rel, docs, failed, notices)
		if docs+failed+notices == 0 {
			t.Errorf("%s: nothing read and nothing said", f)
		}
		totalDocs += docs
	}
	if totalDocs < 1000 {
		t.Errorf("only %d documents from %d files", totalDocs, len(files))
	}
}
