package neardup

import (
	"context"
	"strings"
	"testing"

	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/store"
	"github.com/attache-project/attache/internal/store/storetest"
)

// One story, written for this test, as three outlets would carry it.
const story = `The foreign ministers of Norway and Finland met in Oslo on Tuesday to discuss fishing rights in the Barents Sea, officials said.
Norwegian Foreign Minister Anne Berg told reporters that the talks had been constructive and that a new agreement could be signed before the end of the year.
Finland's delegation said it would present a draft proposal at the next round of talks, scheduled for March in Helsinki.
The two countries have disputed quotas for cod and haddock since the previous agreement expired in 2022, and fishermen in northern Norway have called for a quick settlement.
Berg said both sides wanted to protect the stocks while keeping coastal communities alive.`

var copies = []struct{ name, text string }{
	{"wire", "OSLO, March 12 (Northern Wire) - " + story + "\n(Reporting by Kari Lund; Editing by Ola Dahl)"},
	{"portal", "Home | World | Business\n" + story + "\nRead more: Nordic fishing news. Sign up for our newsletter. © 2024 Nordic Portal"},
	{"rewrite", strings.NewReplacer(
		"met in Oslo on Tuesday", "held talks in Oslo on Tuesday",
		"told reporters", "told journalists",
		"could be signed before the end of the year", "might be signed by the end of the year",
	).Replace(story) + "\nThis article has been updated."},
}

// Two different stories on the same topic.
var others = []struct{ name, text string }{
	{"same topic 1", `Fishermen in northern Norway protested in Tromso on Wednesday against cuts to cod quotas in the Barents Sea, blocking the harbour with dozens of boats.
The protesters said the cuts agreed with Russia last year threatened hundreds of jobs in coastal villages, and called on the government to compensate them.
The fisheries ministry said it would meet union leaders next week.`},
	{"same topic 2", `Finland and Norway agreed on Friday to fund a joint research programme on fish stocks in the Barents Sea, the two governments said in a statement.
Scientists from both countries will survey cod and haddock populations for three years, starting in the spring.
The programme costs 12 million euros, shared equally.`},
}

func TestFingerprintSimilarity(t *testing.T) {
	sig := func(s string) Signature {
		x, ok := Fingerprint(s)
		if !ok {
			t.Fatal("no words")
		}
		return x
	}
	base := sig(copies[0].text)
	for _, c := range copies[1:] {
		if s := Similarity(base, sig(c.text)); s < Threshold {
			t.Errorf("%s: similarity %.2f to the wire copy, want >= %.2f", c.name, s, Threshold)
		}
	}
	for _, o := range others {
		if s := Similarity(base, sig(o.text)); s >= Threshold/2 {
			t.Errorf("%s: similarity %.2f to the story, want < %.2f", o.name, s, Threshold/2)
		}
	}
	if _, ok := Fingerprint(" ,.; "); ok {
		t.Error("a text without words has a fingerprint")
	}
}

// TestIndexLinksCopies runs on SQLite, and on PostgreSQL when
// $ATTACHE_TEST_POSTGRES is set.
func TestIndexLinksCopies(t *testing.T) {
	for _, e := range storetest.Engines() {
		t.Run(e.Name, func(t *testing.T) { testIndexLinksCopies(t, e.Open(t).(store.SQLStore)) })
	}
}

func testIndexLinksCopies(t *testing.T, st store.SQLStore) {
	ctx := context.Background()
	var batch []*doc.Analysis
	for i, c := range append(append([]struct{ name, text string }{}, copies...), others...) {
		a := doc.New(doc.Document{ID: c.name, Text: c.text, Source: c.name, Title: c.name})
		_ = i
		batch = append(batch, a)
	}
	if _, err := st.Put(ctx, batch); err != nil {
		t.Fatal(err)
	}
	ms, err := AddAnalyses(ctx, st.SQLDB(), batch)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 5 {
		t.Fatalf("%d matches, want 5", len(ms))
	}
	first := ms[0].Seq
	want := []int64{0, first, first, 0, 0}
	for i, m := range ms {
		if m.DuplicateOf != want[i] {
			t.Errorf("%s: duplicate_of %d (similarity %.2f), want %d", batch[i].ID, m.DuplicateOf, m.Similarity, want[i])
		}
		got, err := DuplicateOf(ctx, st.SQLDB(), m.Seq)
		if err != nil || got != want[i] {
			t.Errorf("DuplicateOf(%d) = %d, %v", m.Seq, got, err)
		}
	}
	var seqs []int64
	for _, m := range ms {
		seqs = append(seqs, m.Seq)
	}
	dups, err := Duplicates(ctx, st.SQLDB(), seqs)
	if err != nil || len(dups) != 2 || dups[ms[1].Seq] != first || dups[ms[2].Seq] != first {
		t.Errorf("Duplicates = %v, %v", dups, err)
	}
	// Adding again is idempotent.
	again, err := AddAnalyses(ctx, st.SQLDB(), batch[1:2])
	if err != nil || again[0].DuplicateOf != first {
		t.Errorf("re-add: %+v %v", again, err)
	}
	rel, err := Related(ctx, st.SQLDB(), "wire")
	if err != nil || len(rel) != 2 || rel[0].ID != "portal" || rel[1].ID != "rewrite" {
		t.Errorf("Related(wire) = %+v, %v", rel, err)
	}
	rel, err = Related(ctx, st.SQLDB(), "rewrite")
	if err != nil || len(rel) != 2 || rel[0].ID != "wire" {
		t.Errorf("Related(rewrite) = %+v, %v", rel, err)
	}
	if rel, _ := Related(ctx, st.SQLDB(), "same topic 1"); len(rel) != 0 {
		t.Errorf("Related(same topic 1) = %+v, want none", rel)
	}
}

func BenchmarkFingerprint(b *testing.B) {
	text := strings.Repeat(story+"\n", 4)
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		Fingerprint(text)
	}
}
