package stream_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/attache-project/attache/internal/batch"
	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/store"
	"github.com/attache-project/attache/internal/store/storetest"
	"github.com/attache-project/attache/internal/stream"
	"github.com/nats-io/nats-server/v2/server"
)

// startNATS runs an embedded NATS server with JetStream on a random port.
func startNATS(t testing.TB) string {
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

func connect(t testing.TB, cfg stream.Config) *stream.Client {
	t.Helper()
	c, err := stream.Connect(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// fakeAnalyze stands in for the pipeline in tests of the queue mechanics:
// it annotates like storetest.Sample and fails on documents that say
// POISON.
func fakeAnalyze(ctx context.Context, d doc.Document) (*doc.Analysis, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if strings.Contains(d.Text, "POISON") {
		return nil, errors.New("event stage: cannot code this")
	}
	return storetest.Sample(d.ID, d.Text, "2021-03-17"), nil
}

func fakeAnalyzer(int) (batch.Analyze, error) { return fakeAnalyze, nil }

func docs(n int, prefix string) []doc.Document {
	var out []doc.Document
	for i := 0; i < n; i++ {
		out = append(out, doc.Document{ID: fmt.Sprintf("%s%03d", prefix, i), Name: fmt.Sprintf("test.jsonl:%d", i+1),
			Text: fmt.Sprintf("Russia recalled its ambassador number %d from Washington.", i)})
	}
	return out
}

func TestPublishDeduplicatesByDocumentID(t *testing.T) {
	ctx := context.Background()
	c := connect(t, stream.Config{URL: startNATS(t)})
	ds := docs(10, "d")
	// One document without an id gets its content id.
	ds = append(ds, doc.Document{Text: "Protesters marched in Paris.", Name: "noid.txt"})
	id := func(text string) string { return "sha256:" + fmt.Sprint(len(text)) }
	sum, err := c.PublishDocs(ctx, ds, stream.PublishOptions{ID: id})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 11 || sum.Published != 11 || sum.Duplicates != 0 || sum.Failed != 0 {
		t.Fatalf("first publish = %+v", sum)
	}
	sum, err = c.PublishDocs(ctx, ds, stream.PublishOptions{ID: id})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Published != 0 || sum.Duplicates != 11 {
		t.Fatalf("second publish = %+v, want 11 duplicates", sum)
	}
	qi, err := c.Info(ctx)
	if err != nil || qi.Messages != 11 {
		t.Fatalf("queue = %+v, %v; want 11 messages", qi, err)
	}
}

func TestPublishReportsOversizeDocuments(t *testing.T) {
	ctx := context.Background()
	c := connect(t, stream.Config{URL: startNATS(t)})
	big := doc.Document{ID: "big", Name: "big.txt", Text: strings.Repeat("Russia recalled its ambassador. ", 40000)}
	var errs strings.Builder
	sum, err := c.PublishDocs(ctx, append(docs(2, "d"), big), stream.PublishOptions{Stderr: &errs})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Published != 2 || sum.Failed != 1 || !strings.Contains(errs.String(), "big.txt") || !strings.Contains(errs.String(), "max_payload") {
		t.Fatalf("summary = %+v, stderr = %q", sum, errs.String())
	}
}

// TestWorkersStoreEveryDocumentOnce runs two workers on one queue.
func TestWorkersStoreEveryDocumentOnce(t *testing.T) {
	for _, e := range storetest.Engines() {
		t.Run(e.Name, func(t *testing.T) {
			ctx := context.Background()
			url := startNATS(t)
			st := e.Open(t)
			pub := connect(t, stream.Config{URL: url})
			const n = 120
			if _, err := pub.PublishDocs(ctx, docs(n, "w"), stream.PublishOptions{}); err != nil {
				t.Fatal(err)
			}
			var after atomic.Int64
			stats := runWorkers(t, 2, func(i int) *stream.Worker {
				return &stream.Worker{Client: connect(t, stream.Config{URL: url}), Store: st, Analyzer: fakeAnalyzer, Workers: 2, Batch: 16,
					ExitWhenIdle: true, Log: io.Discard,
					AfterPut: func(ctx context.Context, stored []*doc.Analysis) error { after.Add(int64(len(stored))); return nil }}
			})
			stored := 0
			for _, s := range stats {
				stored += s.Stored
			}
			if stored != n || after.Load() != n {
				t.Fatalf("workers stored %d, AfterPut saw %d; want %d", stored, after.Load(), n)
			}
			if s, err := st.Stats(ctx); err != nil || s.Documents != n || s.Events != n {
				t.Fatalf("store = %+v, %v", s, err)
			}
			qi, err := pub.Info(ctx)
			if err != nil || qi.Messages != 0 || qi.InFlight != 0 {
				t.Fatalf("queue after the run = %+v, %v", qi, err)
			}
		})
	}
}

func runWorkers(t *testing.T, n int, mk func(i int) *stream.Worker) []stream.WorkerStats {
	t.Helper()
	out := make([]stream.WorkerStats, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	for i := 0; i < n; i++ {
		w := mk(i)
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			out[i], errs[i] = w.Run(ctx)
		}(i)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// failingStore fails every Put of a batch holding a given document.
type failingStore struct {
	store.Store
	bad string
}

func (f failingStore) Put(ctx context.Context, b []*doc.Analysis) ([]bool, error) {
	for _, a := range b {
		if a.ID == f.bad {
			return nil, errors.New("disk full")
		}
	}
	return f.Store.Put(ctx, b)
}

func TestDeadLetters(t *testing.T) {
	ctx := context.Background()
	url := startNATS(t)
	cfg := stream.Config{URL: url, MaxDeliver: 2, AckWait: time.Second}
	st := storetest.OpenSQLite(t)
	pub := connect(t, cfg)
	ds := docs(6, "k")
	ds[2].Text = "POISON " + ds[2].Text
	if _, err := pub.PublishDocs(ctx, ds, stream.PublishOptions{}); err != nil {
		t.Fatal(err)
	}
	// Batches of one, so that the store failure hits one document only.
	var log strings.Builder
	w := &stream.Worker{Client: connect(t, cfg), Store: failingStore{st, "k004"}, Analyzer: fakeAnalyzer, Batch: 1, ExitWhenIdle: true, Log: &log}
	stats := runWorkers(t, 1, func(int) *stream.Worker { return w })[0]
	if stats.Stored != 4 || stats.Dead != 2 || stats.Retried != 1 {
		t.Fatalf("stats = %+v", stats)
	}
	dls, err := pub.DeadLetters(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(dls, func(i, j int) bool { return dls[i].ID < dls[j].ID })
	if len(dls) != 2 || dls[0].ID != "k002" || !strings.Contains(dls[0].Error, "cannot code") || dls[0].Deliveries != 1 ||
		dls[1].ID != "k004" || !strings.Contains(dls[1].Error, "disk full") || dls[1].Deliveries != 2 ||
		dls[0].Name != "test.jsonl:3" || dls[0].Document == nil || dls[0].Document.Text != ds[2].Text {
		t.Fatalf("dead letters = %+v", dls)
	}
	if !strings.Contains(log.String(), "test.jsonl:3") {
		t.Fatalf("log = %q", log.String())
	}
	if limited, err := pub.DeadLetters(ctx, 1); err != nil || len(limited) != 1 {
		t.Fatalf("DeadLetters(limit 1) = %v, %v", limited, err)
	}
}

// TestCrashingDocumentIsDeadLettered: a document whose analysis kills the
// worker every time ends in the dead letters after MaxDeliver deliveries.
func TestCrashingDocumentIsDeadLettered(t *testing.T) {
	ctx := context.Background()
	cfg := stream.Config{URL: startNATS(t), MaxDeliver: 2, AckWait: 500 * time.Millisecond}
	st := storetest.OpenSQLite(t)
	pub := connect(t, cfg)
	if _, err := pub.PublishDocs(ctx, []doc.Document{{ID: "crash", Text: "Russia recalled everyone."}}, stream.PublishOptions{}); err != nil {
		t.Fatal(err)
	}
	// Workers die while analysing it, until the delivery beyond MaxDeliver
	// moves it to the dead letters. (A delivery may also be spent on the
	// pull request of a worker that died, so count analyses, not runs.)
	analyses, dead := 0, 0
	for run := 0; run < 10 && dead == 0; run++ {
		kill, die := context.WithCancel(ctx)
		an := func(int) (batch.Analyze, error) {
			return func(ctx context.Context, d doc.Document) (*doc.Analysis, error) {
				analyses++
				die() // the process dies while analysing
				<-ctx.Done()
				return nil, ctx.Err()
			}, nil
		}
		w := &stream.Worker{Client: connect(t, cfg), Store: st, Analyzer: an, Kill: kill, ExitWhenIdle: true, Log: io.Discard}
		stats, err := w.Run(ctx)
		switch {
		case errors.Is(err, stream.ErrKilled):
		case err != nil:
			t.Fatal(err)
		default:
			dead = stats.Dead
		}
	}
	if dead != 1 || analyses == 0 || analyses > cfg.MaxDeliver {
		t.Fatalf("dead letters %d after %d analyses; want 1 after at most %d", dead, analyses, cfg.MaxDeliver)
	}
	if s, err := st.Stats(ctx); err != nil || s.Documents != 0 {
		t.Fatalf("store = %+v, %v", s, err)
	}
	dls, err := pub.DeadLetters(ctx, 0)
	if err != nil || len(dls) != 1 || dls[0].ID != "crash" || !strings.Contains(dls[0].Error, "delivered 2 times") {
		t.Fatalf("dead letters = %+v, %v", dls, err)
	}
}

// TestDrainFinishesTheBatchInHand: cancelling the context (SIGTERM) while
// a batch is being analysed lets the batch be stored and acknowledged.
func TestDrainFinishesTheBatchInHand(t *testing.T) {
	ctx := context.Background()
	cfg := stream.Config{URL: startNATS(t)}
	st := storetest.OpenSQLite(t)
	pub := connect(t, cfg)
	if _, err := pub.PublishDocs(ctx, docs(8, "t"), stream.PublishOptions{}); err != nil {
		t.Fatal(err)
	}
	run, sigterm := context.WithCancel(ctx)
	var once sync.Once
	an := func(int) (batch.Analyze, error) {
		return func(ctx context.Context, d doc.Document) (*doc.Analysis, error) {
			once.Do(sigterm)
			time.Sleep(10 * time.Millisecond)
			return fakeAnalyze(ctx, d)
		}, nil
	}
	w := &stream.Worker{Client: connect(t, cfg), Store: st, Analyzer: an, Batch: 8, Log: io.Discard}
	stats, err := w.Run(run)
	if err != nil || stats.Stored != 8 {
		t.Fatalf("drained run = %+v, %v", stats, err)
	}
	qi, err := pub.Info(ctx)
	if err != nil || qi.Messages != 0 || qi.InFlight != 0 {
		t.Fatalf("queue after drain = %+v, %v", qi, err)
	}
}
