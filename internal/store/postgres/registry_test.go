package postgres_test

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"testing"

	"github.com/attache-project/attache"
	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/registry"
	"github.com/attache-project/attache/internal/store"
	"github.com/attache-project/attache/internal/store/postgres"
	"github.com/attache-project/attache/internal/store/storetest"
)

// registryStories teach the registry actors in roles.
var registryStories = []string{
	"MOSCOW, March 18 (Reuters) - Russian Foreign Ministry Spokeswoman Maria Zakharova said on Thursday that Moscow would respond to new sanctions.",
	"WASHINGTON, March 19 (Reuters) - U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Alaska on Friday.",
	"ANKARA, March 20 (Reuters) - Turkish President Tayyip Erdogan said on Saturday that Turkey would not accept the decision.",
}

func analyses(t *testing.T) []*doc.Analysis {
	t.Helper()
	an, err := attache.New(attache.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out []*doc.Analysis
	for i, s := range registryStories {
		a, err := an.Analyze(context.Background(), doc.Document{Text: s, Published: fmt.Sprintf("2021-03-%d", 18+i)})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

func listing(t *testing.T, db *sql.DB) []string {
	t.Helper()
	rows, err := registry.ListStored(context.Background(), db, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		out = append(out, fmt.Sprintf("%s|%s|%s|%s|%s..%s|%d", r.Name, r.Type, r.Country, r.Role, r.FirstSeen, r.LastSeen, r.Mentions))
	}
	return out
}

// TestRegistryRunsOnPostgres runs the actor registry's SQL unchanged on
// PostgreSQL through SQLDB and checks it stores what SQLite stores, also
// when several workers learn at once (serialised by the registry lock).
func TestRegistryRunsOnPostgres(t *testing.T) {
	ctx := context.Background()
	as := analyses(t)
	sq := storetest.OpenSQLite(t).(*store.SQLite)
	pg := storetest.OpenPostgres(t).(*postgres.Store)
	db := pg.SQLDB()
	defer db.Close()
	if err := registry.Learn(ctx, sq.DB(), as); err != nil {
		t.Fatal(err)
	}
	if err := registry.Learn(ctx, db, as); err != nil {
		t.Fatal(err)
	}
	want := listing(t, sq.DB())
	if len(want) == 0 {
		t.Fatal("the stories taught the registry nothing")
	}
	if got := listing(t, db); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("PostgreSQL registry:\n%v\nSQLite registry:\n%v", got, want)
	}
	// Four workers learn the same batch at once.
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- pg.Serialized(ctx, postgres.RegistryLock, func() error { return registry.Learn(ctx, db, as) })
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 4; i++ {
		if err := registry.Learn(ctx, sq.DB(), as); err != nil {
			t.Fatal(err)
		}
	}
	want = listing(t, sq.DB())
	if got := listing(t, db); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("after concurrent learning, PostgreSQL registry:\n%v\nSQLite registry:\n%v", got, want)
	}
	reg, err := registry.Load(ctx, db)
	if err != nil || len(reg.Entries()) != len(want) {
		t.Fatalf("Load = %d entries, %v; want %d", len(reg.Entries()), err, len(want))
	}
	t.Logf("%d registry entries, identical in SQLite and PostgreSQL: %v", len(want), want)
}
