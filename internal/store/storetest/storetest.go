// Package storetest is the test suite that every store.Store
// implementation must pass, so that SQLite and PostgreSQL answer the same
// queries the same way. A store package calls Run from its tests:
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) store.Store { return openEmpty(t) })
//	}
//
// open must return an empty store and close it at the end of the test.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/store"
)

// Checker is implemented by stores that can verify their own consistency
// (every document's layer rows match its counts).
type Checker interface {
	Check(ctx context.Context) error
}

// Sample builds a small analysis by hand, with one annotation of each kind
// when the text has "Russia" (entity, quote) and "recalled" (event).
func Sample(id, text, published string) *doc.Analysis {
	a := doc.New(doc.Document{ID: id, Text: text, Published: published, Source: "TASS"})
	i := strings.Index(text, "Russia")
	j := strings.Index(text, "recalled")
	a.Sentences = []doc.Sentence{{Span: doc.S(0, len(text))}}
	if i >= 0 {
		a.Entities = []doc.Entity{{ID: "E1", Name: "Russia", Type: "GPE", Country: doc.Str("RUS"), Sectors: []string{"GOV"}, Code: doc.Str("RUSGOV"),
			Mentions: []doc.Mention{{Span: doc.S(i, i+6), Text: "Russia", Kind: "name"}}}}
		a.Quotes = []doc.Quote{{Span: doc.S(i, len(text)), Text: text[i:], Kind: "indirect",
			Speaker: &doc.Speaker{Entity: doc.Str("E1"), Text: "Russia"}, Date: doc.Str(published)}}
	}
	if j >= 0 {
		a.Events = []doc.Event{{ID: "V1", Sentence: 0, Span: doc.S(j, j+8), Text: "recalled", CAMEO: "161", PLOVER: "SANCTION", Quad: 4, Goldstein: -4,
			Source: &doc.Actor{Code: doc.Str("RUSGOV"), Country: doc.Str("RUS"), Text: "Russia"},
			Target: &doc.Actor{Code: doc.Str("USAGOV"), Country: doc.Str("USA"), Text: "Washington"},
			Date:   doc.Str(published), Modality: "asserted", Rule: "161.test"}}
	}
	a.Timexes = []doc.Timex{{Span: doc.S(0, 1), Text: text[:1], Type: "DATE", Value: published}}
	return a
}

// Run runs the suite; each test gets a fresh empty store from open.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"PutIsIdempotent", testPutIsIdempotent},
		{"GetRoundTrip", testGetRoundTrip},
		{"GetAmbiguousPrefix", testGetAmbiguousPrefix},
		{"Queries", testQueries},
		{"Documents", testDocuments},
		{"Quotes", testQuotes},
		{"ByteOffsetsInMultibyteText", testMultibyte},
		{"Cursor", testCursor},
		{"ConcurrentWritersStoreOnce", testConcurrentWriters},
		{"EmptyBatch", testEmptyBatch},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, open(t)) })
	}
}

func check(t *testing.T, s store.Store) {
	t.Helper()
	if c, ok := s.(Checker); ok {
		if err := c.Check(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
}

func testPutIsIdempotent(t *testing.T, s store.Store) {
	ctx := context.Background()
	a := Sample("doc-1", "Russia recalled its ambassador from Washington.", "2021-03-17")
	b := Sample("doc-2", "Russia recalled its envoy in a diplomatic row.", "2021-03-18")
	got, err := s.Put(ctx, []*doc.Analysis{a, b, a})
	if err != nil {
		t.Fatal(err)
	}
	if want := []bool{true, true, false}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("Put = %v, want %v", got, want)
	}
	got, err = s.Put(ctx, []*doc.Analysis{b})
	if err != nil || got[0] {
		t.Fatalf("second Put of doc-2 = %v, %v; want skipped", got, err)
	}
	for id, want := range map[string]bool{"doc-1": true, "doc-2": true, "doc-3": false} {
		if has, err := s.Has(ctx, id); err != nil || has != want {
			t.Fatalf("Has(%s) = %v, %v; want %v", id, has, err, want)
		}
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st != (store.Stats{Documents: 2, Entities: 2, Mentions: 2, Timexes: 2, Quotes: 2, Events: 2}) {
		t.Fatalf("stats = %+v", st)
	}
	check(t, s)
}

func testGetRoundTrip(t *testing.T, s store.Store) {
	ctx := context.Background()
	a := Sample("sha256:abcdef0123456789", "Russia recalled its ambassador from Washington.", "2021-03-17")
	if _, err := s.Put(ctx, []*doc.Analysis{a}); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"sha256:abcdef0123456789", "sha256:abcdef"} {
		g, err := s.Get(ctx, id)
		if err != nil {
			t.Fatalf("Get(%q): %v", id, err)
		}
		if g.Text != a.Text || len(g.Events) != 1 || g.Events[0].CAMEO != "161" || doc.Val(g.Entities[0].Code) != "RUSGOV" ||
			doc.Val(g.Published) != "2021-03-17" || doc.Val(g.Source) != "TASS" || len(g.Quotes) != 1 || len(g.Timexes) != 1 {
			t.Fatalf("Get(%q) = %+v", id, g)
		}
		if err := doc.CheckSpans(g); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range []string{"sha256:ffff0000", "sha256:", "doc-x"} {
		if _, err := s.Get(ctx, id); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("Get(%q): err = %v, want ErrNotFound", id, err)
		}
	}
}

func testGetAmbiguousPrefix(t *testing.T, s store.Store) {
	ctx := context.Background()
	docs := []*doc.Analysis{
		Sample("sha256:aaaa1111", "Russia recalled its ambassador.", "2021-03-17"),
		Sample("sha256:aaaa2222", "Russia recalled its envoy.", "2021-03-17"),
	}
	if _, err := s.Put(ctx, docs); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(ctx, "sha256:aaaa"); !errors.Is(err, store.ErrAmbiguous) {
		t.Fatalf("ambiguous prefix: err = %v", err)
	}
	g, err := s.Get(ctx, "sha256:aaaa2")
	if err != nil || g.ID != "sha256:aaaa2222" {
		t.Fatalf("unique prefix: %v, %v", g, err)
	}
}

func putQueryDocs(t *testing.T, s store.Store) {
	t.Helper()
	docs := []*doc.Analysis{
		Sample("d1", "Russia recalled its ambassador from Washington.", "2021-03-17"),
		Sample("d2", "Protesters marched in Paris on Saturday.", "2021-03-20"),
		Sample("d3", "Russia recalled a diplomat, the ministry said.", "2021-04-15"),
	}
	if _, err := s.Put(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
}

func testQueries(t *testing.T, s store.Store) {
	ctx := context.Background()
	putQueryDocs(t, s)
	tests := []struct {
		name string
		f    store.EventFilter
		want []string // doc ids, in order
	}{
		{"all", store.EventFilter{}, []string{"d1", "d3"}},
		{"root", store.EventFilter{CAMEO: "16"}, []string{"d1", "d3"}},
		{"code", store.EventFilter{CAMEO: "161"}, []string{"d1", "d3"}},
		{"other root", store.EventFilter{CAMEO: "04"}, nil},
		{"dyad", store.EventFilter{Source: "RUS", Target: "USA"}, []string{"d1", "d3"}},
		{"dyad by code prefix", store.EventFilter{Source: "rusgov", Target: "USA"}, []string{"d1", "d3"}},
		{"reverse dyad", store.EventFilter{Source: "USA", Target: "RUS"}, nil},
		{"country", store.EventFilter{Country: "USA"}, []string{"d1", "d3"}},
		{"since", store.EventFilter{Since: "2021-04-01"}, []string{"d3"}},
		{"until", store.EventFilter{Until: "2021-03-31"}, []string{"d1"}},
		{"quad", store.EventFilter{Quad: 4}, []string{"d1", "d3"}},
		{"other quad", store.EventFilter{Quad: 1}, nil},
		{"plover", store.EventFilter{PLOVER: "sanction"}, []string{"d1", "d3"}},
		{"modality", store.EventFilter{Modality: "asserted"}, []string{"d1", "d3"}},
		{"search", store.EventFilter{Search: "ambassador"}, []string{"d1"}},
		{"search is case-insensitive", store.EventFilter{Search: "AMBASSADOR"}, []string{"d1"}},
		{"search needs every word", store.EventFilter{Search: "ambassador diplomat"}, nil},
		{"actor code", store.EventFilter{Actor: "RUS"}, []string{"d1", "d3"}},
		{"actor text", store.EventFilter{Actor: "washing"}, []string{"d1", "d3"}},
		{"doc", store.EventFilter{DocID: "d3"}, []string{"d3"}},
		{"cursor", store.EventFilter{After: 1}, []string{"d3"}},
		{"limit", store.EventFilter{Limit: 1}, []string{"d1"}},
		{"fts syntax is text", store.EventFilter{Search: `ambassador" OR "x`}, nil},
		{"fts operators are text", store.EventFilter{Search: `ambassador | diplomat`}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rows, err := s.Events(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range rows {
				got = append(got, r.DocID)
				if !strings.Contains(r.Sentence, r.Event.Text) {
					t.Errorf("evidence %q does not contain trigger %q", r.Sentence, r.Event.Text)
				}
				if r.Event.CAMEO != "161" || doc.Val(r.Source) != "TASS" || r.Published == nil {
					t.Errorf("row = %+v", r)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func testDocuments(t *testing.T, s store.Store) {
	ctx := context.Background()
	putQueryDocs(t, s)
	tests := []struct {
		name string
		f    store.DocFilter
		want []string
	}{
		{"all", store.DocFilter{}, []string{"d1", "d2", "d3"}},
		{"search", store.DocFilter{Search: "Paris"}, []string{"d2"}},
		{"search two words", store.DocFilter{Search: "russia diplomat"}, []string{"d3"}},
		{"source", store.DocFilter{Source: "TASS"}, []string{"d1", "d2", "d3"}},
		{"other source", store.DocFilter{Source: "Reuters"}, nil},
		{"since", store.DocFilter{Since: "2021-03-18"}, []string{"d2", "d3"}},
		{"until", store.DocFilter{Until: "2021-03-20"}, []string{"d1", "d2"}},
		{"limit", store.DocFilter{Limit: 2}, []string{"d1", "d2"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ds, err := s.Documents(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range ds {
				got = append(got, d.ID)
				if d.Snippet == "" || doc.Val(d.Source) != "TASS" {
					t.Errorf("summary = %+v", d)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
		})
	}
	ds, err := s.Documents(ctx, store.DocFilter{Search: "recalled"})
	if err != nil || len(ds) != 2 || ds[0].Events != 1 || ds[0].Quotes != 1 {
		t.Fatalf("Documents(search recalled) = %+v, %v", ds, err)
	}
}

func testQuotes(t *testing.T, s store.Store) {
	ctx := context.Background()
	putQueryDocs(t, s)
	tests := []struct {
		name string
		f    store.QuoteFilter
		want []string
	}{
		{"all", store.QuoteFilter{}, []string{"d1", "d3"}},
		{"speaker and search", store.QuoteFilter{Speaker: "russia", Search: "diplomat"}, []string{"d3"}},
		{"speaker substring", store.QuoteFilter{Speaker: "USS"}, []string{"d1", "d3"}},
		{"unknown speaker", store.QuoteFilter{Speaker: "Lavrov"}, nil},
		{"since", store.QuoteFilter{Since: "2021-04-01"}, []string{"d3"}},
		{"until", store.QuoteFilter{Until: "2021-04-01"}, []string{"d1"}},
		{"doc", store.QuoteFilter{DocID: "d1"}, []string{"d1"}},
		{"search speaker name", store.QuoteFilter{Search: "russia"}, []string{"d1", "d3"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			qs, err := s.Quotes(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, q := range qs {
				got = append(got, q.DocID)
				if doc.Val(q.SpeakerName) != "Russia" || q.Quote.Kind != "indirect" {
					t.Errorf("row = %+v", q)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
		})
	}
}

// testMultibyte checks that evidence sentences are cut by byte offsets in
// text with multi-byte characters before the event.
func testMultibyte(t *testing.T, s store.Store) {
	ctx := context.Background()
	text := "«Москва» — Сергей Лавров said. Russia recalled its ambassador from Washington."
	a := Sample("mb", text, "2021-03-17")
	k := strings.Index(text, "Russia")
	a.Sentences = []doc.Sentence{{Span: doc.S(0, k-1)}, {Span: doc.S(k, len(text))}}
	a.Events[0].Sentence = 1
	a.Timexes[0].Span, a.Timexes[0].Text = doc.S(0, len("«")), "«"
	if err := doc.CheckSpans(a); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, []*doc.Analysis{a}); err != nil {
		t.Fatal(err)
	}
	rows, err := s.Events(ctx, store.EventFilter{DocID: "mb"})
	if err != nil || len(rows) != 1 {
		t.Fatalf("Events = %v, %v", rows, err)
	}
	if want := text[k:]; rows[0].Sentence != want {
		t.Fatalf("evidence = %q, want %q", rows[0].Sentence, want)
	}
	ds, err := s.Documents(ctx, store.DocFilter{Search: "лавров"})
	if err != nil || len(ds) != 1 {
		t.Fatalf("search in Cyrillic = %v, %v", ds, err)
	}
}

func testCursor(t *testing.T, s store.Store) {
	ctx := context.Background()
	var batch []*doc.Analysis
	for i := 0; i < 25; i++ {
		batch = append(batch, Sample(fmt.Sprintf("c%02d", i), fmt.Sprintf("Russia recalled envoy number %d.", i), "2021-03-17"))
	}
	if _, err := s.Put(ctx, batch[:10]); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, batch[10:]); err != nil {
		t.Fatal(err)
	}
	var got []string
	var after int64
	for {
		rows, err := s.Events(ctx, store.EventFilter{After: after, Limit: 7})
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) == 0 {
			break
		}
		for _, r := range rows {
			if r.Seq <= after {
				t.Fatalf("seq %d after cursor %d", r.Seq, after)
			}
			after = r.Seq
			got = append(got, r.DocID)
		}
	}
	if len(got) != 25 || got[0] != "c00" || got[24] != "c24" || !sort.StringsAreSorted(got) {
		t.Fatalf("paged events = %v", got)
	}
	var docs []string
	var dafter int64
	for {
		ds, err := s.Documents(ctx, store.DocFilter{After: dafter, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		if len(ds) == 0 {
			break
		}
		for _, d := range ds {
			dafter = d.Seq
			docs = append(docs, d.ID)
		}
	}
	if len(docs) != 25 || !sort.StringsAreSorted(docs) {
		t.Fatalf("paged documents = %v", docs)
	}
}

// testConcurrentWriters has several writers store overlapping batches at
// once, as redelivered queue messages do: every document is stored exactly
// once and reported stored by exactly one writer.
func testConcurrentWriters(t *testing.T, s store.Store) {
	ctx := context.Background()
	const writers, docs = 4, 40
	var mu sync.Mutex
	storedBy := map[string]int{}
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for start := 0; start < docs; start += 8 {
				var batch []*doc.Analysis
				for i := start; i < start+8; i++ {
					k := (i + w*3) % docs // overlapping, in different orders
					batch = append(batch, Sample(fmt.Sprintf("w%02d", k), fmt.Sprintf("Russia recalled envoy %d.", k), "2021-03-17"))
				}
				ok, err := s.Put(ctx, batch)
				if err != nil {
					errs <- err
					return
				}
				mu.Lock()
				for i, a := range batch {
					if ok[i] {
						storedBy[a.ID]++
					}
				}
				mu.Unlock()
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if len(storedBy) != docs {
		t.Fatalf("%d documents reported stored, want %d", len(storedBy), docs)
	}
	for id, n := range storedBy {
		if n != 1 {
			t.Errorf("%s reported stored %d times", id, n)
		}
	}
	st, err := s.Stats(ctx)
	if err != nil || st.Documents != docs || st.Events != docs {
		t.Fatalf("stats = %+v, %v", st, err)
	}
	check(t, s)
}

func testEmptyBatch(t *testing.T, s store.Store) {
	ok, err := s.Put(context.Background(), nil)
	if err != nil || len(ok) != 0 {
		t.Fatalf("Put(nil) = %v, %v", ok, err)
	}
	st, err := s.Stats(context.Background())
	if err != nil || st != (store.Stats{}) {
		t.Fatalf("stats = %+v, %v", st, err)
	}
}
