package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/attache-project/attache/internal/store"
)

// writeStories writes n distinct wire-style stories as JSONL.
func writeStories(t *testing.T, path string, n int) {
	t.Helper()
	var b strings.Builder
	for i := 0; i < n; i++ {
		day := 1 + i%28
		fmt.Fprintf(&b, `{"id":"story-%05d","published":"2021-03-%02d","source":"Wire","text":"MOSCOW, March %d. /TASS/. Russia said on Monday it would recall its ambassador to the United States for consultations, story %d. \"We stand for dialogue,\" the Russian Foreign Ministry said in a statement. Officials in Washington accused Moscow of interfering in the election and promised sanctions next week."}`+"\n",
			i, day, day, i)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestIngestSurvivesKill kills an ingest process in the middle of its run
// and checks that the database is consistent (every stored document has all
// its rows) and that a re-run stores exactly the rest.
func TestIngestSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	dir := t.TempDir()
	input := filepath.Join(dir, "stories.jsonl")
	db := filepath.Join(dir, "kill.db")
	const n = 1500
	writeStories(t, input, n)

	cmd := attacheCmd(t, "ingest", "--db", db, "--batch", "16", "--workers", "2", input)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until some batches are committed, then kill without warning.
	deadline := time.Now().Add(60 * time.Second)
	stored := 0
	for time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
		stored = countDocs(t, db)
		if stored >= 32 {
			break
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if stored == 0 {
		t.Fatal("ingest stored nothing before the deadline")
	}

	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Check(ctx); err != nil {
		t.Fatalf("database inconsistent after kill: %v", err)
	}
	before, _ := st.Stats(ctx)
	st.Close()
	if before.Documents >= n {
		t.Skipf("ingest finished before the kill (%d documents); machine too fast for this test", before.Documents)
	}

	_, stderr, code := runAttache(t, "", "ingest", "--db", db, input)
	if code != 0 {
		t.Fatalf("re-run exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, fmt.Sprintf("%d skipped", before.Documents)) {
		t.Errorf("re-run summary does not report the %d stored documents as skipped: %s", before.Documents, stderr)
	}
	st, err = store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Check(ctx); err != nil {
		t.Fatal(err)
	}
	after, _ := st.Stats(ctx)
	if after.Documents != n {
		t.Fatalf("after re-run: %d documents stored, want %d", after.Documents, n)
	}
	t.Logf("killed after %d documents committed (%d seen at open); re-run stored the remaining %d", before.Documents, stored, n-before.Documents)
}

func countDocs(t *testing.T, db string) int {
	if _, err := os.Stat(db); err != nil {
		return 0
	}
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		return 0
	}
	defer st.Close()
	s, err := st.Stats(ctx)
	if err != nil {
		return 0
	}
	return s.Documents
}

// TestIngestIdempotentAndWorkerIndependent ingests the same input twice and
// with different worker counts and compares the stored contents.
func TestIngestIdempotentAndWorkerIndependent(t *testing.T) {
	dir := t.TempDir()
	input := filepath.Join(dir, "stories.jsonl")
	writeStories(t, input, 40)
	dump := func(db string) string {
		ctx := context.Background()
		st, err := store.Open(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		rows, err := st.DB().QueryContext(ctx, `SELECT d.id, e.eid, e.cameo, COALESCE(e.src_code,''), COALESCE(e.tgt_code,''), e.start FROM events e JOIN documents d ON d.seq=e.doc_seq ORDER BY d.seq, e.eid`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var b strings.Builder
		for rows.Next() {
			var id, eid, cameo, s, tg string
			var start int
			rows.Scan(&id, &eid, &cameo, &s, &tg, &start)
			fmt.Fprintln(&b, id, eid, cameo, s, tg, start)
		}
		docs, _ := st.Documents(ctx, store.DocFilter{Limit: 1000})
		for _, d := range docs {
			fmt.Fprintln(&b, d.Seq, d.ID)
		}
		return b.String()
	}
	db1, db4 := filepath.Join(dir, "w1.db"), filepath.Join(dir, "w4.db")
	for _, run := range []struct {
		db      string
		workers string
	}{{db1, "1"}, {db4, "4"}} {
		if _, stderr, code := runAttache(t, "", "ingest", "--db", run.db, "--workers", run.workers, input); code != 0 {
			t.Fatalf("ingest --workers %s: exit %d: %s", run.workers, code, stderr)
		}
	}
	if a, b := dump(db1), dump(db4); a != b {
		t.Fatalf("store contents depend on --workers:\n1: %s\n4: %s", a, b)
	}
	first := dump(db1)
	_, stderr, code := runAttache(t, "", "ingest", "--db", db1, input)
	if code != 0 || !strings.Contains(stderr, "0 stored, 40 skipped") {
		t.Fatalf("second ingest: exit %d, %s", code, stderr)
	}
	if dump(db1) != first {
		t.Fatal("second ingest changed the store")
	}
}
