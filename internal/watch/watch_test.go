package watch

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/store"
)

func rss(items ...int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>`)
	for _, i := range items {
		fmt.Fprintf(&b, `<item><title>Story %d</title><guid>story-%d</guid><link>https://example.org/%d</link><description>The ministers of Norway and Finland met for round %d of talks on fishing rights, officials said.</description></item>`, i, i, i, i)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

func TestWatch(t *testing.T) {
	var polls atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		// The feed grows by one item per poll, keeping the older ones.
		n := int(polls.Add(1))
		items := []int{}
		for i := 1; i <= n+1; i++ {
			items = append(items, i)
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rss(items...))
	})
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "<rss><channel><item>") })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var mu sync.Mutex
	var got []string
	var log bytes.Buffer
	o := Options{
		Feeds: []string{srv.URL + "/broken", srv.URL + "/feed", srv.URL + "/missing"},
		Every: 10 * time.Millisecond, DB: st.DB(), Log: &log, Polls: 3,
		Ingest: func(ctx context.Context, docs []doc.Document) error {
			mu.Lock()
			defer mu.Unlock()
			for _, d := range docs {
				got = append(got, d.Title)
			}
			return nil
		},
	}
	if err := Run(ctx, o); err != nil {
		t.Fatal(err)
	}
	// Poll 1: stories 1-2; poll 2: story 3; poll 3: story 4. Each once.
	if strings.Join(got, ",") != "Story 1,Story 2,Story 3,Story 4" {
		t.Errorf("ingested %q", got)
	}
	if c := strings.Count(log.String(), "will retry"); c != 6 {
		t.Errorf("want 6 feed errors logged (2 feeds x 3 polls), got %d:\n%s", c, log.String())
	}
	// A new run over the same store remembers what it took.
	got = nil
	polls.Store(2) // the feed now holds stories 1-4
	o.Polls = 1
	Run(ctx, o)
	if len(got) != 0 {
		t.Errorf("second run re-ingested %q", got)
	}
}

func TestWatchStopsOnCancel(t *testing.T) {
	dir := t.TempDir()
	feed := filepath.Join(dir, "f.rss")
	os.WriteFile(feed, []byte(rss(1)), 0o644)
	st, err := store.Open(context.Background(), filepath.Join(dir, "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() {
		done <- Run(ctx, Options{Feeds: []string{feed}, Every: time.Hour, DB: st.DB(), Ingest: func(context.Context, []doc.Document) error { return nil }})
	}()
	time.Sleep(50 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run returned %v on cancel", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not stop on cancel")
	}
}

func TestReadFeedList(t *testing.T) {
	p := filepath.Join(t.TempDir(), "feeds.txt")
	os.WriteFile(p, []byte("# news\nhttps://a.example/rss\n\n  https://b.example/atom  comment\n"), 0o644)
	got, err := ReadFeedList(p)
	if err != nil || strings.Join(got, " ") != "https://a.example/rss https://b.example/atom" {
		t.Errorf("ReadFeedList = %q, %v", got, err)
	}
	os.WriteFile(p, []byte("# none\n"), 0o644)
	if _, err := ReadFeedList(p); err == nil {
		t.Error("empty list accepted")
	}
}
