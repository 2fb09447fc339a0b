package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/attache-project/attache/internal/store"
	"github.com/attache-project/attache/internal/store/storetest"
	"github.com/nats-io/nats-server/v2/server"
)

// startNATS runs an embedded NATS server with JetStream on a random port.
func startNATS(t *testing.T) string {
	t.Helper()
	s, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: t.TempDir(), NoLog: true, NoSigs: true})
	if err != nil {
		t.Fatal(err)
	}
	go s.Start()
	if !s.ReadyForConnections(10 * time.Second) {
		t.Fatal("NATS server did not start")
	}
	t.Cleanup(s.Shutdown)
	return s.ClientURL()
}

// queueFile writes n wire stories and one with an unparseable published
// date (which cannot be analysed) as JSON Lines.
func queueFile(t *testing.T, n int) string {
	t.Helper()
	countries := []string{"Russia", "China", "France", "Turkey", "India", "Iran", "Japan", "Brazil"}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	for i := 0; i < n; i++ {
		src, tgt := countries[i%len(countries)], countries[(i+3)%len(countries)]
		enc.Encode(map[string]string{"id": fmt.Sprintf("story-%02d", i), "published": fmt.Sprintf("2021-03-%02d", 1+i%28), "source": "Reuters",
			"text": fmt.Sprintf("%s recalled its ambassador to %s on Monday after talks on trade route %d failed, the foreign ministry said.", src, tgt, i)})
	}
	enc.Encode(map[string]string{"id": "bad-date", "published": "someday", "text": "Russia recalled its ambassador to China on Monday."})
	p := filepath.Join(t.TempDir(), "queue.jsonl")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func storedDocs(t *testing.T, db string) int {
	t.Helper()
	st, err := store.OpenAny(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s.Documents
}

// TestQueueSIGKILLedWorker publishes with ingest --nats, SIGKILLs a worker
// process in the middle of the queue, restarts one, and checks that every
// document is stored once and the unanalysable one is a dead letter.
func TestQueueSIGKILLedWorker(t *testing.T) {
	dbs := []struct {
		name string
		dsn  func(t *testing.T) string
	}{
		{"sqlite", func(t *testing.T) string { return filepath.Join(t.TempDir(), "q.db") }},
		{"postgres", func(t *testing.T) string { return storetest.PostgresDSN(t) }},
	}
	for _, d := range dbs {
		t.Run(d.name, func(t *testing.T) { testSIGKILLedWorker(t, d.dsn(t)) })
	}
}

func testSIGKILLedWorker(t *testing.T, db string) {
	url := startNATS(t)
	const n = 200
	in := queueFile(t, n)
	_, stderr, code := runAttache(t, "", "ingest", "--nats", url, in)
	if code != 0 || !strings.Contains(stderr, fmt.Sprintf("%d read, %d queued", n+1, n+1)) {
		t.Fatalf("ingest --nats: exit %d: %s", code, stderr)
	}
	// Re-publishing queues nothing new.
	if _, stderr, _ := runAttache(t, "", "ingest", "--nats", url, in); !strings.Contains(stderr, fmt.Sprintf("0 queued, %d already queued", n+1)) {
		t.Fatalf("second ingest --nats: %s", stderr)
	}
	w := attacheCmd(t, "worker", "--nats", url, "--db", db, "--workers", "1", "--batch", "4", "--ack-wait", "3s")
	if err := w.Start(); err != nil {
		t.Fatal(err)
	}
	st, err := store.OpenAny(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		s, err := st.Stats(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if s.Documents >= 8 {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	w.Process.Signal(syscall.SIGKILL)
	w.Wait()
	mid := storedDocs(t, db)
	if mid < 8 || mid >= n {
		t.Fatalf("%d documents stored when the worker was killed; want some, not all", mid)
	}
	_, stderr, code = runAttache(t, "", "worker", "--nats", url, "--db", db, "--workers", "2", "--batch", "4", "--ack-wait", "3s", "--exit-when-idle")
	if code != 0 {
		t.Fatalf("second worker: exit %d: %s", code, stderr)
	}
	if got := storedDocs(t, db); got != n {
		t.Fatalf("%d documents stored, want %d", got, n)
	}
	// The workers' AfterPut hook keeps the relations on both engines: the
	// restarted worker catches up with what the killed one stored but did
	// not cluster, so every event is clustered and every document toned.
	var watermark, maxSeq, toned, clusters int64
	sdb := st.(store.SQLStore).SQLDB()
	if err := sdb.QueryRow(`SELECT (SELECT COALESCE(MAX(value), 0) FROM rel_state WHERE key = 'clustered_event_seq'),
		(SELECT COALESCE(MAX(seq), 0) FROM events), (SELECT COUNT(*) FROM rel_doc_tone), (SELECT COUNT(*) FROM rel_clusters)`).
		Scan(&watermark, &maxSeq, &toned, &clusters); err != nil {
		t.Fatal(err)
	}
	if maxSeq == 0 || watermark != maxSeq || toned != n || clusters == 0 {
		t.Fatalf("relations after the workers: clustered up to event %d of %d, %d documents toned (want %d), %d clusters", watermark, maxSeq, toned, n, clusters)
	}
	if !strings.Contains(stderr, "1 dead letters") || !strings.Contains(stderr, "queue.jsonl:201") {
		t.Fatalf("second worker's stderr: %s", stderr)
	}
	stdout, stderr, code := runAttache(t, "", "deadletters", "--nats", url)
	if code != 0 || !strings.Contains(stdout, "0 waiting, 0 in flight") || !strings.Contains(stdout, "1 dead letters") ||
		!strings.Contains(stdout, "queue.jsonl:201") || !strings.Contains(stdout, "published date") {
		t.Fatalf("deadletters: exit %d\n%s%s", code, stdout, stderr)
	}
	stdout, _, _ = runAttache(t, "", "deadletters", "--nats", url, "--format", "jsonl")
	var dl struct {
		ID       string `json:"id"`
		Document struct {
			Text string `json:"text"`
		} `json:"document"`
	}
	if err := json.Unmarshal([]byte(stdout), &dl); err != nil || dl.ID != "bad-date" || !strings.Contains(dl.Document.Text, "recalled") {
		t.Fatalf("deadletters --format jsonl = %q (%v)", stdout, err)
	}
}

// TestWorkerDrainsOnSIGTERM: a worker stopped with SIGTERM exits 0 after
// acknowledging what it stored.
func TestWorkerDrainsOnSIGTERM(t *testing.T) {
	url := startNATS(t)
	in := queueFile(t, 12)
	db := filepath.Join(t.TempDir(), "d.db")
	if _, stderr, code := runAttache(t, "", "ingest", "--nats", url, in); code != 0 {
		t.Fatalf("ingest --nats: %s", stderr)
	}
	w := attacheCmd(t, "worker", "--nats", url, "--db", db, "--workers", "1", "--batch", "2")
	var errb strings.Builder
	w.Stderr = &errb
	if err := w.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for storedDocs(t, db) < 2 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	w.Process.Signal(syscall.SIGTERM)
	if err := w.Wait(); err != nil {
		t.Fatalf("worker after SIGTERM: %v: %s", err, errb.String())
	}
	stored := storedDocs(t, db)
	stdout, _, _ := runAttache(t, "", "deadletters", "--nats", url)
	// Whatever was stored was acknowledged: the queue holds only the rest.
	var waiting, inFlight, redelivered, dead int
	if _, err := fmt.Sscanf(stdout, "queue: %d waiting, %d in flight, %d redelivered; %d dead letters", &waiting, &inFlight, &redelivered, &dead); err != nil {
		t.Fatalf("deadletters: %q: %v", stdout, err)
	}
	if !strings.Contains(errb.String(), "stored") || inFlight != 0 || stored+waiting+dead != 13 {
		t.Fatalf("after drain: %d stored; deadletters: %s; worker: %s", stored, stdout, errb.String())
	}
}
