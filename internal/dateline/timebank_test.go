package dateline

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/attache-project/attache/internal/doc"
)

// TestTimeBankDatelines runs the stage over the datelines auto-extracted
// from TimeBank/AQUAINT (dateline_raw + text_head, published = dct) and
// compares the place with the first comma-separated part of the loc
// column. The extraction is automatic, so the figure is checked by eye in
// the log; the gate only guards against regressions.
func TestTimeBankDatelines(t *testing.T) {
	path := sharedData(t, "datelines/tbaq_te3_dateline_candidates.tsv")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	st, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	rows, ok := 0, 0
	for i, line := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		f := strings.Split(line, "\t")
		if i == 0 || len(f) < 8 {
			continue
		}
		rows++
		dct, raw, loc, head := f[1], f[2], f[3], unquoteTSV(strings.TrimRight(f[7], "\r"))
		a := doc.New(doc.Document{Text: raw + head, Published: dct})
		if err := st.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		if err := doc.CheckSpans(a); err != nil {
			t.Fatalf("%s: %v", raw, err)
		}
		want := strings.TrimSpace(strings.Split(loc, ",")[0])
		d := a.Dateline
		if d != nil && strings.EqualFold(d.Place, want) && strings.TrimSpace(d.Span.Of(a.Text)) == strings.TrimSpace(raw) {
			ok++
			t.Logf("ok   %-40q place=%q region=%q agency=%q date=%q", raw, d.Place, doc.Val(d.Region), doc.Val(d.Agency), doc.Val(d.Date))
			continue
		}
		got := "none"
		if d != nil {
			got = d.Span.Of(a.Text) + " place=" + d.Place
		}
		t.Logf("MISS %-40q got %s", raw, got)
	}
	share := float64(ok) / float64(rows)
	t.Logf("TimeBank/AQUAINT datelines: place and span exact %d/%d = %.1f%%", ok, rows, 100*share)
	if share < 0.95 {
		t.Errorf("share %.3f under the gate 0.95", share)
	}
}

// unquoteTSV undoes the CSV-style quoting of a field ("..." with "" for a
// quotation mark) that the candidates file uses when a field holds quotes.
func unquoteTSV(s string) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return strings.ReplaceAll(s[1:len(s)-1], `""`, `"`)
	}
	return s
}
