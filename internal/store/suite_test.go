package store_test

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/store"
	"github.com/attache-project/attache/internal/store/storetest"
)

// TestStore runs the shared store suite against SQLite; the PostgreSQL
// store runs the same suite in internal/store/postgres.
func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return storetest.OpenSQLite(t) })
}

func TestOpenAny(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for _, dsn := range []string{filepath.Join(dir, "a.db"), "sqlite://" + filepath.Join(dir, "b.db")} {
		s, err := store.OpenAny(ctx, dsn)
		if err != nil {
			t.Fatalf("OpenAny(%s): %v", dsn, err)
		}
		if _, ok := s.(*store.SQLite); !ok {
			t.Fatalf("OpenAny(%s) = %T, want *store.SQLite", dsn, s)
		}
		s.Close()
	}
	if _, err := store.OpenAny(ctx, "mysql://u:secret@host/db"); err == nil || !strings.Contains(err.Error(), "mysql://u:xxxxx@host") || strings.Contains(err.Error(), "secret") {
		t.Fatalf("unknown scheme: err = %v", err)
	}
}

func BenchmarkPut(b *testing.B) {
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(b.TempDir(), "b.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	text := strings.Repeat("Russia recalled its ambassador from Washington for consultations. ", 20)
	b.ResetTimer()
	for i := 0; i < b.N; i += 64 {
		batch := make([]*doc.Analysis, 0, 64)
		for j := i; j < i+64 && j < b.N; j++ {
			batch = append(batch, storetest.Sample(strconv.Itoa(j), text, "2021-03-17"))
		}
		if _, err := s.Put(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
}
