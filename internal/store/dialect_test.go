package store_test

import (
	"context"
	"testing"

	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/store"
	"github.com/attache-project/attache/internal/store/storetest"
)

// TestDialect checks the per-dialect SQL helpers on SQLite and, when
// $ATTACHE_TEST_POSTGRES is set, PostgreSQL: the same query gives the same
// answer on both.
func TestDialect(t *testing.T) {
	ctx := context.Background()
	for _, e := range storetest.Engines() {
		t.Run(e.Name, func(t *testing.T) {
			st, ok := e.Open(t).(store.SQLStore)
			if !ok {
				t.Fatalf("%s store is not a store.SQLStore", e.Name)
			}
			db := st.SQLDB()
			if got, want := store.IsPostgres(db), e.Name == "postgres"; got != want {
				t.Errorf("IsPostgres = %v", got)
			}
			// Multi-byte text before the cut: offsets are bytes.
			text := "Žilina, März 5. Moscow said — the talks «failed». Kyiv replied."
			a := doc.New(doc.Document{ID: "dialect-1", Text: text})
			if _, err := st.Put(ctx, []*doc.Analysis{a}); err != nil {
				t.Fatal(err)
			}
			for _, c := range []struct{ start, n int }{{0, 7}, {18, 12}, {len(text) - 13, 13}} {
				var got string
				q := `SELECT ` + store.ByteSlice(db, "text", "?", "?") + ` FROM documents WHERE id = ?`
				if err := db.QueryRowContext(ctx, q, c.start, c.n, "dialect-1").Scan(&got); err != nil {
					t.Fatal(err)
				}
				if want := text[c.start : c.start+c.n]; got != want {
					t.Errorf("ByteSlice(%d, %d) = %q, want %q", c.start, c.n, got, want)
				}
			}
			var got string
			q := `SELECT ` + store.JSONText(db, "analysis", "text") + ` FROM documents WHERE id = ?`
			if err := db.QueryRowContext(ctx, q, "dialect-1").Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != text {
				t.Errorf("JSONText(analysis, text) = %q", got)
			}
			for _, c := range []struct {
				names []string
				want  bool
			}{
				{[]string{"documents", "events"}, true},
				{[]string{"documents", "no_such_table"}, false},
				{[]string{"rel_clusters", "neardup_docs", "actors"}, true},
			} {
				if got, err := store.HasTables(ctx, db, c.names...); err != nil || got != c.want {
					t.Errorf("HasTables(%v) = %v, %v; want %v", c.names, got, err, c.want)
				}
			}
		})
	}
}
