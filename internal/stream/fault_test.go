package stream_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"sync/atomic"
	"testing"
	"time"

	"github.com/attache-project/attache"
	"github.com/attache-project/attache/internal/batch"
	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/run"
	"github.com/attache-project/attache/internal/store"
	"github.com/attache-project/attache/internal/store/storetest"
	"github.com/attache-project/attache/internal/stream"
)

// wireStories are short wire-style stories written for this test, varied
// by place, actors and date.
func wireStories() []doc.Document {
	type pair struct{ city, src, tgt, minister string }
	pairs := []pair{
		{"MOSCOW", "Russia", "the United States", "Foreign Minister Sergei Lavrov"},
		{"BEIJING", "China", "Japan", "Foreign Minister Wang Yi"},
		{"ANKARA", "Turkey", "Greece", "Foreign Minister Mevlut Cavusoglu"},
		{"NEW DELHI", "India", "Pakistan", "External Affairs Minister Subrahmanyam Jaishankar"},
		{"PARIS", "France", "Mali", "Foreign Minister Jean-Yves Le Drian"},
		{"TEHRAN", "Iran", "Israel", "Foreign Minister Mohammad Javad Zarif"},
	}
	bodies := []string{
		"%[2]s recalled its ambassador to %[3]s for consultations on %[5]s, the foreign ministry said.",
		"%[4]s met his counterpart from %[3]s on %[5]s and said the two countries would expand trade.",
		"%[2]s accused %[3]s of violating the ceasefire on %[5]s. \"This is a provocation,\" %[4]s told reporters.",
		"%[2]s threatened to impose sanctions on %[3]s, %[4]s said on %[5]s.",
		"Police in %[1]s arrested dozens of protesters on %[5]s after a rally outside the embassy of %[3]s.",
		"%[2]s and %[3]s signed an agreement on energy cooperation on %[5]s, %[4]s said.",
		"%[2]s expelled two diplomats of %[3]s on %[5]s, the foreign ministry said in a statement.",
		"%[4]s said on %[5]s that %[2]s was ready to hold talks with %[3]s on the border dispute.",
	}
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	var out []doc.Document
	for i, p := range pairs {
		for j, b := range bodies {
			day := days[(i+j)%len(days)]
			text := fmt.Sprintf("%s, March %d (Reuters) - ", p.city, 10+j) + fmt.Sprintf(b, p.city, p.src, p.tgt, p.minister, day)
			out = append(out, doc.Document{Text: text, Published: fmt.Sprintf("2021-03-%02d", 10+j), Source: "Reuters",
				Name: fmt.Sprintf("story-%d-%d", i, j)})
		}
	}
	for i := range out {
		out[i].ID = attache.DocumentID(out[i].Text)
	}
	return out
}

// eventKeys lists every stored event as one comparable line.
func eventKeys(t *testing.T, st store.Store) []string {
	t.Helper()
	rows, err := st.Events(context.Background(), store.EventFilter{Limit: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, r := range rows {
		e := r.Event
		var src, tgt string
		if e.Source != nil {
			src = doc.Val(e.Source.Code)
		}
		if e.Target != nil {
			tgt = doc.Val(e.Target.Code)
		}
		keys = append(keys, fmt.Sprintf("%s %s %s %s>%s %s %s", r.DocID, e.ID, e.CAMEO, src, tgt, doc.Val(e.Date), e.Text))
	}
	sort.Strings(keys)
	return keys
}

// killingStore kills its worker right after a commit: the batch is stored
// but never acknowledged.
type killingStore struct {
	store.Store
	after int
	puts  atomic.Int32
	kill  func()
}

func (k *killingStore) Put(ctx context.Context, b []*doc.Analysis) ([]bool, error) {
	ok, err := k.Store.Put(ctx, b)
	if err == nil && int(k.puts.Add(1)) == k.after {
		k.kill()
	}
	return ok, err
}

// TestFaultKilledWorkersLoseAndDuplicateNothing kills one worker in the
// middle of analysing a batch and another between a commit and its acks,
// then lets two fresh workers finish the queue: every document is stored
// exactly once and the stored events are exactly those of a
// single-process ingest of the same documents.
func TestFaultKilledWorkersLoseAndDuplicateNothing(t *testing.T) {
	stories := wireStories()
	ctx := context.Background()
	ref := storetest.OpenSQLite(t)
	an, err := attache.New(attache.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := run.Ingest(ctx, an, ref, run.Options{Docs: stories, Workers: 2, Stderr: io.Discard, BatchSize: 8})
	if err != nil || sum.Stored != len(stories) {
		t.Fatalf("reference ingest = %+v, %v", sum, err)
	}
	want := eventKeys(t, ref)
	if len(want) < len(stories)/2 {
		t.Fatalf("the reference run coded only %d events in %d stories", len(want), len(stories))
	}
	analyzer := func(int) (batch.Analyze, error) { return an.Analyze, nil }
	for _, e := range storetest.Engines() {
		t.Run(e.Name, func(t *testing.T) {
			cfg := stream.Config{URL: startNATS(t), AckWait: time.Second}
			st := e.Open(t)
			pub := connect(t, cfg)
			if _, err := pub.PublishDocs(ctx, stories, stream.PublishOptions{}); err != nil {
				t.Fatal(err)
			}
			stored := 0
			// Worker 1 dies while analysing its second batch.
			kill1, die1 := context.WithCancel(ctx)
			var n atomic.Int32
			dying := func(int) (batch.Analyze, error) {
				return func(ctx context.Context, d doc.Document) (*doc.Analysis, error) {
					if n.Add(1) == 12 {
						die1()
					}
					return an.Analyze(ctx, d)
				}, nil
			}
			w1 := &stream.Worker{Client: connect(t, cfg), Store: st, Analyzer: dying, Workers: 2, Batch: 8, Kill: kill1, Log: io.Discard}
			s1, err := w1.Run(ctx)
			if !errors.Is(err, stream.ErrKilled) || s1.Stored != 8 {
				t.Fatalf("worker 1 = %+v, %v; want killed after storing one batch of 8", s1, err)
			}
			stored += s1.Stored
			// Worker 2 dies after its second commit, before acking it.
			kill2, die2 := context.WithCancel(ctx)
			ks := &killingStore{Store: st, after: 2, kill: die2}
			w2 := &stream.Worker{Client: connect(t, cfg), Store: ks, Analyzer: analyzer, Workers: 2, Batch: 8, Kill: kill2, Log: io.Discard}
			s2, err := w2.Run(ctx)
			if !errors.Is(err, stream.ErrKilled) || s2.Stored < 8 {
				t.Fatalf("worker 2 = %+v, %v; want killed after its second commit", s2, err)
			}
			stored += s2.Stored
			mid, err := st.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			// Two fresh workers finish the queue, redeliveries included.
			stats := runWorkers(t, 2, func(int) *stream.Worker {
				return &stream.Worker{Client: connect(t, cfg), Store: st, Analyzer: analyzer, Workers: 1, Batch: 8, ExitWhenIdle: true, Log: io.Discard}
			})
			skipped := 0
			for _, s := range stats {
				stored += s.Stored
				skipped += s.Skipped
				if s.Dead != 0 {
					t.Errorf("dead letters: %+v", s)
				}
			}
			if stored != len(stories) {
				t.Errorf("workers reported %d documents stored, want %d", stored, len(stories))
			}
			if skipped == 0 {
				t.Errorf("no redelivered document was skipped: worker 2's unacknowledged batch was not redelivered")
			}
			final, err := st.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			refStats, _ := ref.Stats(ctx)
			if final != refStats {
				t.Errorf("stats = %+v, single-process run = %+v", final, refStats)
			}
			if c, ok := st.(storetest.Checker); ok {
				if err := c.Check(ctx); err != nil {
					t.Fatal(err)
				}
			}
			got := eventKeys(t, st)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("events differ from the single-process run:\n got %d: %v\nwant %d: %v", len(got), got, len(want), want)
			}
			qi, err := pub.Info(ctx)
			if err != nil || qi.Messages != 0 || qi.InFlight != 0 || qi.Dead != 0 {
				t.Fatalf("queue after the run = %+v, %v", qi, err)
			}
			t.Logf("%s: %d documents, %d events; %d stored when both workers had died; %d redelivered documents skipped as already stored; queue empty, 0 dead letters",
				e.Name, final.Documents, final.Events, mid.Documents, skipped)
		})
	}
}
