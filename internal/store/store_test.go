package store

import (
	"context"
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
