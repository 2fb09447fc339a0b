// Package watch polls a list of feeds at a fixed interval, the way GDELT
// works in 15-minute cycles: each poll fetches every feed, keeps the items
// not seen before (by GUID, else link, remembered in the store's
// watch_seen table), and hands them to be ingested. A feed that fails is
// logged and tried again at the next poll; the loop stops cleanly when its
// context is cancelled.
package watch

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/ingest"
)

// DefaultEvery is the default polling interval.
const DefaultEvery = 15 * time.Minute

// Options configures Run.
type Options struct {
	// Feeds are feed URLs (or file paths, for tests and local mirrors).
	Feeds []string
	// Every is the time between the starts of two polls (DefaultEvery
	// when 0).
	Every time.Duration
	// DB is the store's database, holding the watch_seen table.
	DB *sql.DB
	// Ingest stores new documents; called once per poll and feed with at
	// least one new item.
	Ingest func(ctx context.Context, docs []doc.Document) error
	// Fetcher fetches feeds and, with Follow, item pages.
	Fetcher *ingest.Fetcher
	// Follow fetches each new item's page and takes the article from it.
	Follow bool
	// MaxBytes limits one document (ingest.DefaultMaxBytes when 0).
	MaxBytes int
	// Log receives one line per feed and poll, and errors.
	Log io.Writer
	// Polls stops after this many polls (0: forever); for tests.
	Polls int
}

// PollStats counts one poll of one feed.
type PollStats struct {
	Feed  string
	Items int // items in the feed
	New   int // items not seen before, ingested
	Err   error
}

// ReadFeedList reads a list of feeds: one URL or path per line; blank
// lines and lines starting with # are ignored.
func ReadFeedList(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, strings.Fields(line)[0])
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no feeds listed", path)
	}
	return out, nil
}

// Run polls the feeds until ctx is cancelled (returning nil) or, with
// Polls set, after that many polls.
func Run(ctx context.Context, o Options) error {
	if o.Every <= 0 {
		o.Every = DefaultEvery
	}
	if o.Fetcher == nil {
		o.Fetcher = &ingest.Fetcher{}
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	for n := 1; ; n++ {
		start := time.Now()
		for _, f := range o.Feeds {
			if ctx.Err() != nil {
				return nil
			}
			st := pollFeed(ctx, o, f)
			if ctx.Err() != nil {
				return nil
			}
			if st.Err != nil {
				fmt.Fprintf(o.Log, "attache: watch: %s: %v (will retry at the next poll)\n", f, st.Err)
			} else {
				fmt.Fprintf(o.Log, "attache: watch: %s: %d items, %d new\n", f, st.Items, st.New)
			}
		}
		if o.Polls > 0 && n >= o.Polls {
			return nil
		}
		wait := o.Every - time.Since(start)
		if wait < 0 {
			wait = 0
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		}
	}
}

// pollFeed fetches one feed and ingests its new items.
func pollFeed(ctx context.Context, o Options, feed string) (st PollStats) {
	st.Feed = feed
	defer func() {
		if r := recover(); r != nil {
			st.Err = fmt.Errorf("internal error: %v", r)
		}
	}()
	var body []byte
	if strings.HasPrefix(feed, "http://") || strings.HasPrefix(feed, "https://") {
		resp, err := o.Fetcher.Get(ctx, feed)
		if err != nil {
			st.Err = err
			return st
		}
		body = resp.Body
	} else {
		b, err := os.ReadFile(feed)
		if err != nil {
			st.Err = err
			return st
		}
		body = b
	}
	_, items, err := ingest.ParseFeed(feed, body)
	if err != nil {
		st.Err = err
		return st
	}
	st.Items = len(items)
	var docs []doc.Document
	var keys []string
	for _, it := range items {
		seen, err := isSeen(ctx, o.DB, feed, it.Key)
		if err != nil {
			st.Err = err
			return st
		}
		if seen {
			continue
		}
		keys = append(keys, it.Key)
		if o.Follow && it.Link != "" {
			if d, err := ingest.FetchPage(ctx, o.Fetcher, it.Doc.Name, it.Link); err == nil {
				it.Doc.Text, it.Err = d.Text, nil
				it.Doc.Warnings = append(it.Doc.Warnings, d.Warnings...)
				if it.Doc.Published == "" {
					it.Doc.Published = d.Published
				}
				if d.Language != "" {
					it.Doc.Language = d.Language
				}
			} else {
				fmt.Fprintf(o.Log, "attache: watch: warning: %s: --follow: %v\n", it.Doc.Name, err)
			}
		}
		if it.Err != nil {
			fmt.Fprintf(o.Log, "attache: watch: %v\n", it.Err)
			continue
		}
		if it.Doc.Language == "" {
			it.Doc.Language = ingest.DetectLanguage(it.Doc.Text)
		}
		docs = append(docs, it.Doc)
	}
	if len(docs) > 0 {
		if err := o.Ingest(ctx, docs); err != nil {
			st.Err = err
			return st
		}
	}
	// Remember the items only once they are stored: a crash before
	// this point fetches them again.
	for _, k := range keys {
		if err := markSeen(ctx, o.DB, feed, k); err != nil {
			st.Err = err
			return st
		}
	}
	st.New = len(docs)
	return st
}

func isSeen(ctx context.Context, db *sql.DB, feed, key string) (bool, error) {
	var one int
	err := db.QueryRowContext(ctx, `SELECT 1 FROM watch_seen WHERE feed = ? AND item_key = ?`, feed, key).Scan(&one)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("watch: %w", err)
	}
	return true, nil
}

func markSeen(ctx context.Context, db *sql.DB, feed, key string) error {
	_, err := db.ExecContext(ctx, `INSERT OR IGNORE INTO watch_seen(feed, item_key, seen_at) VALUES (?, ?, ?)`, feed, key, time.Now().UTC().Format(time.RFC3339))
	if err != nil {
		return fmt.Errorf("watch: %w", err)
	}
	return nil
}
