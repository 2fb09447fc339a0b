package store

import (
	"context"
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/attache-project/attache/internal/doc"
)

// sample builds a small analysis by hand, with one annotation of each kind.
func sample(id, text, published string) *doc.Analysis {
	a := doc.New(doc.Document{ID: id, Text: text, Published: published, Source: "TASS"})
	i := strings.Index(text, "Russia")
	j := strings.Index(text, "recalled")
	a.Sentences = []doc.Sentence{{Span: doc.S(0, len(text))}}
	if i >= 0 {
		a.Entities = []doc.Entity{{ID: "E1", Name: "Russia", Type: "GPE", Country: doc.Str("RUS"), Sectors: []string{"GOV"}, Code: doc.Str("RUSGOV"),
			Mentions: []doc.Mention{{Span: doc.S(i, i+6), Text: "Russia", Kind: "name"}}}}
		a.Quotes = []doc.Quote{{Span: doc.S(i, len(text)), Text: text[i:], Kind: "indirect",
			Speaker: &doc.Speaker{Entity: doc.Str("E1"), Text: "Russia"}, Date: doc.Str(published)}}
	}
	if j >= 0 {
		a.Events = []doc.Event{{ID: "V1", Sentence: 0, Span: doc.S(j, j+8), Text: "recalled", CAMEO: "161", PLOVER: "SANCTION", Quad: 4, Goldstein: -4,
			Source: &doc.Actor{Code: doc.Str("RUSGOV"), Country: doc.Str("RUS"), Text: "Russia"},
			Target: &doc.Actor{Code: doc.Str("USAGOV"), Country: doc.Str("USA"), Text: "Washington"},
			Date:   doc.Str(published), Modality: "asserted", Rule: "161.test"}}
	}
	a.Timexes = []doc.Timex{{Span: doc.S(0, 1), Text: text[:1], Type: "DATE", Value: published}}
	return a
}

func open(t *testing.T) *SQLite {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestPutIsIdempotent(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	a := sample("doc-1", "Russia recalled its ambassador from Washington.", "2021-03-17")
	b := sample("doc-2", "Russia recalled its envoy in a diplomatic row.", "2021-03-18")
	got, err := s.Put(ctx, []*doc.Analysis{a, b, a})
	if err != nil {
		t.Fatal(err)
	}
	if want := []bool{true, true, false}; !equal(got, want) {
		t.Fatalf("Put = %v, want %v", got, want)
	}
	got, err = s.Put(ctx, []*doc.Analysis{b})
	if err != nil || got[0] {
		t.Fatalf("second Put of doc-2 = %v, %v; want skipped", got, err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st != (Stats{Documents: 2, Entities: 2, Mentions: 2, Timexes: 2, Quotes: 2, Events: 2}) {
		t.Fatalf("stats = %+v", st)
	}
	if err := s.Check(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestGetRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	a := sample("sha256:abcdef0123456789", "Russia recalled its ambassador from Washington.", "2021-03-17")
	if _, err := s.Put(ctx, []*doc.Analysis{a}); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"sha256:abcdef0123456789", "sha256:abcdef"} {
		g, err := s.Get(ctx, id)
		if err != nil {
			t.Fatalf("Get(%q): %v", id, err)
		}
		if g.Text != a.Text || len(g.Events) != 1 || g.Events[0].CAMEO != "161" || doc.Val(g.Entities[0].Code) != "RUSGOV" {
			t.Fatalf("Get(%q) = %+v", id, g)
		}
		if err := doc.CheckSpans(g); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Get(ctx, "sha256:ffff0000"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown id: err = %v", err)
	}
}

func TestQueries(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	docs := []*doc.Analysis{
		sample("d1", "Russia recalled its ambassador from Washington.", "2021-03-17"),
		sample("d2", "Protesters marched in Paris on Saturday.", "2021-03-20"),
		sample("d3", "Russia recalled a diplomat, the ministry said.", "2021-04-15"),
	}
	if _, err := s.Put(ctx, docs); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		f    EventFilter
		want int
	}{
		{"all", EventFilter{}, 2},
		{"root", EventFilter{CAMEO: "16"}, 2},
		{"other root", EventFilter{CAMEO: "04"}, 0},
		{"dyad", EventFilter{Source: "RUS", Target: "USA"}, 2},
		{"reverse dyad", EventFilter{Source: "USA", Target: "RUS"}, 0},
		{"since", EventFilter{Since: "2021-04-01"}, 1},
		{"until", EventFilter{Until: "2021-03-31"}, 1},
		{"quad", EventFilter{Quad: 4}, 2},
		{"plover", EventFilter{PLOVER: "sanction"}, 2},
		{"search", EventFilter{Search: "ambassador"}, 1},
		{"actor code", EventFilter{Actor: "RUS"}, 2},
		{"cursor", EventFilter{After: 1}, 1},
		{"limit", EventFilter{Limit: 1}, 1},
		{"fts syntax is text", EventFilter{Search: `ambassador" OR "x`}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rows, err := s.Events(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != tc.want {
				t.Fatalf("got %d rows, want %d", len(rows), tc.want)
			}
			for _, r := range rows {
				if !strings.Contains(r.Sentence, r.Event.Text) {
					t.Errorf("evidence %q does not contain trigger %q", r.Sentence, r.Event.Text)
				}
			}
		})
	}
	ds, err := s.Documents(ctx, DocFilter{Search: "Paris"})
	if err != nil || len(ds) != 1 || ds[0].ID != "d2" {
		t.Fatalf("Documents(search Paris) = %+v, %v", ds, err)
	}
	qs, err := s.Quotes(ctx, QuoteFilter{Speaker: "russia", Search: "diplomat"})
	if err != nil || len(qs) != 1 || qs[0].DocID != "d3" {
		t.Fatalf("Quotes = %+v, %v", qs, err)
	}
}

func TestMigrationsAreVersioned(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	v, err := s.SchemaVersion(ctx)
	if err != nil || v != len(migrations) {
		t.Fatalf("version = %d, %v; want %d", v, err, len(migrations))
	}
	s.Close()
	// Reopening applies nothing twice.
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.DB().ExecContext(ctx, `INSERT INTO schema_migrations(version, applied_at) VALUES(999, 'x')`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(ctx, path); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Fatalf("opening a newer schema: err = %v", err)
	}
}

func equal(a, b []bool) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func BenchmarkPut(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "b.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	text := strings.Repeat("Russia recalled its ambassador from Washington for consultations. ", 20)
	b.ResetTimer()
	for i := 0; i < b.N; i += 64 {
		batch := make([]*doc.Analysis, 0, 64)
		for j := i; j < i+64 && j < b.N; j++ {
			batch = append(batch, sample(strconv.Itoa(j), text, "2021-03-17"))
		}
		if _, err := s.Put(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
}
