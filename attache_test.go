package attache_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache-project/attache"
	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/ingest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// analyzer is shared by the tests: models and dictionaries load once.
func analyzer(t testing.TB) *attache.Analyzer {
	t.Helper()
	an, err := attache.New(attache.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return an
}

// readTxt reads a .txt document the way `attache analyze` does.
func readTxt(t testing.TB, path string) attache.Document {
	t.Helper()
	var d attache.Document
	n := 0
	err := ingest.Read(context.Background(), []string{path}, nil, ingest.Options{}, func(it ingest.Item) error {
		if it.Err != nil {
			return it.Err
		}
		d = it.Doc
		n++
		return nil
	})
	if err != nil || n != 1 {
		t.Fatalf("reading %s: %v (%d documents)", path, err, n)
	}
	return d
}

// TestContractFieldsNeverMissing checks that every field of the contract
// is present in the JSON, for a rich story and for a bare one.
func TestContractFieldsNeverMissing(t *testing.T) {
	an := analyzer(t)
	for _, d := range []attache.Document{
		readTxt(t, "testdata/golden/embassy-recall.txt"),
		{Text: "nothing happened"},
	} {
		a, err := an.Analyze(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		if err := doc.CheckSpans(a); err != nil {
			t.Fatal(err)
		}
		js, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		json.Unmarshal(js, &m)
		for _, k := range []string{"schema", "id", "source", "url", "title", "published", "language", "text", "dateline", "anchor",
			"sentences", "entities", "timexes", "quotes", "events", "warnings"} {
			if _, ok := m[k]; !ok {
				t.Errorf("field %q missing", k)
			}
		}
		for _, k := range []string{"sentences", "entities", "timexes", "quotes", "events", "warnings"} {
			if _, ok := m[k].([]any); !ok {
				t.Errorf("field %q is %v, want a list", k, m[k])
			}
		}
		if m["schema"] != attache.Schema {
			t.Errorf("schema = %v", m["schema"])
		}
		for _, ev := range a.Events {
			evm := map[string]any{}
			b, _ := json.Marshal(ev)
			json.Unmarshal(b, &evm)
			for _, k := range []string{"id", "sentence", "span", "text", "cameo", "plover", "mode", "quad", "goldstein", "source", "target",
				"date", "date_source", "modality", "location", "rule", "confidence"} {
				if _, ok := evm[k]; !ok {
					t.Errorf("event field %q missing", k)
				}
			}
		}
	}
}

// TestGolden compares the analysis of a story written for attache with the
// golden file. Run `go test -run TestGolden -update .` after an intended
// change and review the diff.
func TestGolden(t *testing.T) {
	an := analyzer(t)
	in := "testdata/golden/embassy-recall.txt"
	a, err := an.Analyze(context.Background(), readTxt(t, in))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(a); err != nil {
		t.Fatal(err)
	}
	golden := strings.TrimSuffix(in, ".txt") + ".json"
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestGolden -update . to create it)", err)
	}
	if !bytes.Equal(want, buf.Bytes()) {
		t.Errorf("analysis of %s differs from %s; if intended, run go test -run TestGolden -update . and review the diff", in, filepath.Base(golden))
		wl, gl := strings.Split(string(want), "\n"), strings.Split(buf.String(), "\n")
		for i := 0; i < len(wl) && i < len(gl); i++ {
			if wl[i] != gl[i] {
				t.Logf("first difference at line %d:\n want %s\n got  %s", i+1, wl[i], gl[i])
				break
			}
		}
	}
}

// TestAnalyzeErrors checks per-document errors.
func TestAnalyzeErrors(t *testing.T) {
	an, err := attache.New(attache.Options{MaxBytes: 100})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		d    attache.Document
		want string
	}{
		{"empty", attache.Document{Text: "  \n"}, "no text"},
		{"too large", attache.Document{Text: strings.Repeat("word ", 50)}, "over the limit"},
		{"bad date", attache.Document{Text: "Russia said.", Published: "yesterday"}, "published date"},
	} {
		if _, err := an.Analyze(ctx, tc.d); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
	}
	a, err := an.Analyze(ctx, attache.Document{Text: "Kyiv said \xff it would talk."})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "\uFFFD") || len(a.Warnings) == 0 {
		t.Errorf("invalid UTF-8 not repaired with a warning: %q %v", a.Text, a.Warnings)
	}
	if a.ID != attache.DocumentID(a.Text) {
		t.Errorf("id %s is not the content id", a.ID)
	}
}

// TestDocumentIDIsNFC checks that composed and decomposed forms of the same
// text get the same id.
func TestDocumentIDIsNFC(t *testing.T) {
	if attache.DocumentID("Côte d'Ivoire") != attache.DocumentID("Co\u0302te d'Ivoire") {
		t.Fatal("NFC and NFD forms get different ids")
	}
	if !strings.HasPrefix(attache.DocumentID("x"), "sha256:") {
		t.Fatal("id lacks the sha256: prefix")
	}
}
