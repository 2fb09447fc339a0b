package store_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

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
