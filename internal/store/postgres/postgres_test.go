package postgres_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/store"
	"github.com/attache-project/attache/internal/store/postgres"
	"github.com/attache-project/attache/internal/store/storetest"
)

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return storetest.OpenPostgres(t) })
}

// TestStoreUnorderedWrites runs the suite without the write lock, where
// concurrent writers of one document meet at the unique index and retry.
func TestStoreUnorderedWrites(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := postgres.Open(context.Background(), storetest.PostgresDSN(t)+"&"+postgres.OrderedWritesParam+"=off")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
	if _, err := postgres.Open(context.Background(), storetest.PostgresDSN(t)+"&"+postgres.OrderedWritesParam+"=maybe"); err == nil {
		t.Fatal("a bad attache_ordered_writes value was accepted")
	}
}

func TestOpenAnySelectsPostgres(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	for _, scheme := range []string{"postgres://", "postgresql://"} {
		d := scheme + strings.TrimPrefix(strings.TrimPrefix(dsn, "postgresql://"), "postgres://")
		s, err := store.OpenAny(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := s.(*postgres.Store); !ok {
			t.Fatalf("OpenAny(%s) = %T", scheme, s)
		}
		s.Close()
	}
}

func TestMigrationsAreVersioned(t *testing.T) {
	ctx := context.Background()
	dsn := storetest.PostgresDSN(t)
	s, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	v, err := s.SchemaVersion(ctx)
	if err != nil || v < 1 {
		t.Fatalf("version = %d, %v", v, err)
	}
	s.Close()
	// Reopening applies nothing twice; concurrent openers do not race.
	errs := make(chan error, 4)
	for i := 0; i < 4; i++ {
		go func() {
			s, err := postgres.Open(ctx, dsn)
			if err == nil {
				s.Close()
			}
			errs <- err
		}()
	}
	for i := 0; i < 4; i++ {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	s, err = postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	if v2, err := s.SchemaVersion(ctx); err != nil || v2 != v {
		t.Fatalf("version after reopening = %d, %v; want %d", v2, err, v)
	}
	if _, err := s.Pool().Exec(ctx, `INSERT INTO attache_schema_migrations(version, applied_at) VALUES(999, 'x')`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := postgres.Open(ctx, dsn); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Fatalf("opening a newer schema: err = %v", err)
	}
}

func TestSQLDBSharesThePool(t *testing.T) {
	ctx := context.Background()
	s := storetest.OpenPostgres(t).(*postgres.Store)
	if _, err := s.Put(ctx, []*doc.Analysis{storetest.Sample("q1", "Russia recalled its ambassador.", "2021-03-17")}); err != nil {
		t.Fatal(err)
	}
	db := s.SQLDB()
	defer db.Close()
	var n int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM events WHERE cameo = $1`, "161").Scan(&n); err != nil || n != 1 {
		t.Fatalf("count = %d, %v", n, err)
	}
	db.Close()
	if ok, err := s.Has(ctx, "q1"); err != nil || !ok {
		t.Fatalf("store after closing the sql.DB: %v, %v", ok, err)
	}
}

func BenchmarkPut(b *testing.B) {
	s := storetest.OpenPostgres(b)
	ctx := context.Background()
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
