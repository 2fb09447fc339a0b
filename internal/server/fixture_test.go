package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/attache-project/attache"
	"github.com/attache-project/attache/internal/demo"
	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/registry"
	"github.com/attache-project/attache/internal/run"
	"github.com/attache-project/attache/internal/store"
	"github.com/attache-project/attache/internal/store/storetest"
)

// xssText is a wire story whose text carries markup that must never reach
// a page unescaped.
const xssText = `OSLO, March 20. /NTB/. Norwegian Foreign Minister Ine Eriksen Soreide said on Saturday that <script>alert(1)</script> talks with Sweden would continue.
"We are ready for dialogue"><img src=x onerror=alert(1)>," Soreide told reporters in Oslo.
Sweden criticized Norway on Saturday.`

const xssID = "xss-story"

var (
	fixtureOnce sync.Once
	fixtureDir  string
	fixtureAn   *attache.Analyzer
	fixtureErr  error
)

// fixtureDB returns the path of a database holding the demo corpus and the
// hostile story, built once per test binary and copied for each caller
// that writes.
func fixtureDB(t testing.TB) string {
	t.Helper()
	fixtureOnce.Do(func() {
		fixtureDir, fixtureErr = os.MkdirTemp("", "attache-server-test-")
		if fixtureErr != nil {
			return
		}
		ctx := context.Background()
		docs, err := demo.Documents()
		if err != nil {
			fixtureErr = err
			return
		}
		docs = append(docs, doc.Document{ID: xssID, Text: xssText, Published: "2021-03-20", Source: "NTB", Title: `Soreide <script>alert(1)</script> "><img src=x onerror=alert(1)>`})
		fixtureAn, err = attache.New(attache.Options{})
		if err != nil {
			fixtureErr = err
			return
		}
		st, err := store.Open(ctx, filepath.Join(fixtureDir, "demo.db"))
		if err != nil {
			fixtureErr = err
			return
		}
		defer st.Close()
		// Learn the registry after each batch, as attache ingest does.
		learn := func(ctx context.Context, stored []*doc.Analysis) error { return registry.Learn(ctx, st.DB(), stored) }
		if _, err := run.Ingest(ctx, fixtureAn, st, run.Options{Docs: docs, Workers: 2, Stderr: io.Discard, AfterPut: learn}); err != nil {
			fixtureErr = err
			return
		}
		// Checkpoint so that a copy of the main file holds everything.
		if _, err := st.DB().ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
			fixtureErr = err
		}
	})
	if fixtureErr != nil {
		t.Fatalf("building the test database: %v", fixtureErr)
	}
	return filepath.Join(fixtureDir, "demo.db")
}

// copyFixture copies the fixture database into a test's own directory.
func copyFixture(t testing.TB) string {
	t.Helper()
	src := fixtureDB(t)
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "demo.db")
	if err := os.WriteFile(dst, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return dst
}

// newTestServer starts a server over a copy of the fixture.
func newTestServer(t testing.TB, opts Options) (*Server, *httptest.Server) {
	t.Helper()
	opts.Store = openTestStore(t)
	if opts.Analyzer == nil {
		opts.Analyzer = fixtureAn
	}
	s, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	s.refreshRelations(context.Background(), true)
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return s, ts
}

// testEngine is the store the tests run on: "sqlite", or "postgres" in
// TestOnPostgres.
var testEngine = "sqlite"

// openTestStore opens a copy of the fixture in the engine under test.
func openTestStore(t testing.TB) store.SQLStore {
	t.Helper()
	if testEngine == "postgres" {
		return postgresFixture(t)
	}
	st, err := store.Open(context.Background(), copyFixture(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

var (
	fixtureDocsOnce sync.Once
	fixtureDocs     []*doc.Analysis
	fixtureDocsErr  error
)

// postgresFixture returns an empty PostgreSQL store (see
// storetest.OpenPostgres) holding the fixture's analyses, stored in the
// fixture's order, with the actor registry learned from them as ingest
// does.
func postgresFixture(t testing.TB) store.SQLStore {
	t.Helper()
	ctx := context.Background()
	fixtureDocsOnce.Do(func() {
		src, err := store.Open(ctx, copyFixture(t))
		if err != nil {
			fixtureDocsErr = err
			return
		}
		defer src.Close()
		var after int64
		for {
			ds, err := src.Documents(ctx, store.DocFilter{After: after, Limit: 100})
			if err != nil {
				fixtureDocsErr = err
				return
			}
			if len(ds) == 0 {
				return
			}
			for _, d := range ds {
				a, err := src.Get(ctx, d.ID)
				if err != nil {
					fixtureDocsErr = err
					return
				}
				fixtureDocs = append(fixtureDocs, a)
				after = d.Seq
			}
		}
	})
	if fixtureDocsErr != nil || len(fixtureDocs) == 0 {
		t.Fatalf("reading the fixture: %v (%d documents)", fixtureDocsErr, len(fixtureDocs))
	}
	st := storetest.OpenPostgres(t).(store.SQLStore)
	if _, err := st.Put(ctx, fixtureDocs); err != nil {
		t.Fatal(err)
	}
	if err := registry.Learn(ctx, st.SQLDB(), fixtureDocs); err != nil {
		t.Fatal(err)
	}
	return st
}

// get fetches a URL and returns status, headers and body.
func get(t testing.TB, url string) (int, http.Header, []byte) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, b
}

// getJSON fetches a URL that must answer 200 and decodes its body.
func getJSON(t testing.TB, url string, v any) {
	t.Helper()
	code, _, b := get(t, url)
	if code != http.StatusOK {
		t.Fatalf("GET %s: %d %s", url, code, b)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("GET %s: %v in %s", url, err, b)
	}
}

func post(t testing.TB, url, ctype, token, body string) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest("POST", url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", ctype)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	io.Copy(&buf, resp.Body)
	return resp.StatusCode, buf.Bytes()
}

// TestOnPostgres runs the API tests against PostgreSQL when
// $ATTACHE_TEST_POSTGRES is set.
func TestOnPostgres(t *testing.T) {
	if os.Getenv(storetest.PostgresEnv) == "" {
		t.Skip(storetest.PostgresEnv + " is not set: skipping PostgreSQL test")
	}
	testEngine = "postgres"
	defer func() { testEngine = "sqlite" }()
	for _, c := range []struct {
		name string
		fn   func(*testing.T)
	}{
		{"OpenAPIMatchesRoutes", TestOpenAPIMatchesRoutes},
		{"ResponsesMatchOpenAPI", TestResponsesMatchOpenAPI},
		{"FiltersLikeCLI", TestFiltersLikeCLI},
		{"Pagination", TestPagination},
		{"DocumentAndRelations", TestDocumentAndRelations},
		{"Writes", TestWrites},
		{"HostileTextIsNeverReflected", TestHostileTextIsNeverReflected},
		{"SecurityHeaders", TestSecurityHeaders},
		{"NoRelationsTables", TestNoRelationsTables},
	} {
		t.Run(c.name, c.fn)
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	if fixtureDir != "" {
		os.RemoveAll(fixtureDir)
	}
	os.Exit(code)
}
