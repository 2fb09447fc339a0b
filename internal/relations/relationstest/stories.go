// Package relationstest holds hand-written wire stories with hand-coded
// events for the tests of relations and export: one happening reported by
// four agencies, and other happenings between the same dyad.
package relationstest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/attache-project/attache/internal/doc"
)

// Ev describes one hand-coded event of a test story: the words of the
// story's sentence it covers, and its coding.
type Ev struct {
	Words           string
	CAMEO           string
	Src, SrcCode    string
	Tgt, TgtCode    string
	Date            string // "" = no date (the document's anchor is used)
	Modality        string // "" = asserted
	Loc, LocCountry string
	Quad            int
	Goldstein       float64
}

// Story is a hand-written wire story with its coded events; each event's
// words must occur in the text.
type Story struct {
	ID, Source, Published, Text string
	Events                      []Ev
}

// Analysis builds the stored form of a story: one sentence per line, the
// events spanning their words.
func (s Story) Analysis(t testing.TB) *doc.Analysis {
	a := doc.New(doc.Document{ID: s.ID, Text: s.Text, Published: s.Published, Source: s.Source, URL: "https://example.test/" + s.ID})
	a.Anchor = &doc.Anchor{Date: s.Published, From: "published"}
	off := 0
	for _, line := range strings.SplitAfter(s.Text, "\n") {
		a.Sentences = append(a.Sentences, doc.Sentence{Span: doc.S(off, off+len(strings.TrimRight(line, "\n")))})
		off += len(line)
	}
	for i, e := range s.Events {
		at := strings.Index(s.Text, e.Words)
		if at < 0 {
			t.Fatalf("story %s: %q not in text", s.ID, e.Words)
		}
		mod := e.Modality
		if mod == "" {
			mod = "asserted"
		}
		x := doc.Event{ID: fmt.Sprintf("e%d", i+1), Sentence: a.SentenceAt(at), Span: doc.S(at, at+len(e.Words)), Text: e.Words,
			CAMEO: e.CAMEO, PLOVER: "X", Quad: e.Quad, Goldstein: e.Goldstein, Date: doc.Str(e.Date), Modality: mod,
			Confidence: 0.8, Rule: "test"}
		if e.Src != "" || e.SrcCode != "" {
			x.Source = &doc.Actor{Code: doc.Str(e.SrcCode), Country: doc.Str(e.Src), Text: e.Src}
		}
		if e.Tgt != "" || e.TgtCode != "" {
			x.Target = &doc.Actor{Code: doc.Str(e.TgtCode), Country: doc.Str(e.Tgt), Text: e.Tgt}
		}
		if e.Loc != "" {
			x.Location = &doc.Location{Name: e.Loc, Country: doc.Str(e.LocCountry)}
		}
		a.Events = append(a.Events, x)
	}
	if err := doc.CheckSpans(a); err != nil {
		t.Fatal(err)
	}
	return a
}

// Recall is one happening — Russia recalling its ambassador from
// Washington on 17 March 2021 — as four agencies wrote it, plus two other
// happenings between the same dyad on the same day.
var Recall = []Story{
	{ID: "tass-1", Source: "TASS", Published: "2021-03-17",
		Text: "MOSCOW, March 17. /TASS/.\nRussia has recalled its ambassador to the United States for consultations, the Foreign Ministry said on Wednesday.\nThe ambassador was recalled to analyse what to do in the context of relations with Washington.",
		Events: []Ev{
			{Words: "Russia has recalled its ambassador to the United States", CAMEO: "161", Src: "RUS", SrcCode: "RUSGOV", Tgt: "USA", TgtCode: "USA", Date: "2021-03-17", Quad: 4, Goldstein: -4},
			{Words: "The ambassador was recalled", CAMEO: "161", Src: "RUS", SrcCode: "RUS", Tgt: "USA", Date: "2021-03-17", Quad: 4, Goldstein: -4},
		}},
	{ID: "reuters-1", Source: "Reuters", Published: "2021-03-17",
		Text: "MOSCOW (Reuters) -\nMoscow summoned its envoy in Washington home on Wednesday after U.S. President Joe Biden called Vladimir Putin a killer.\nSeparately, Russia's foreign ministry accused Washington of meddling in Russian affairs.",
		Events: []Ev{
			{Words: "Moscow summoned its envoy in Washington home", CAMEO: "160", Src: "RUS", SrcCode: "RUS", Tgt: "USA", TgtCode: "USAGOV", Date: "2021-03-17", Quad: 4, Goldstein: -4},
			{Words: "Russia's foreign ministry accused Washington of meddling", CAMEO: "112", Src: "RUS", SrcCode: "RUSGOV", Tgt: "USA", TgtCode: "USAGOV", Date: "2021-03-17", Quad: 3, Goldstein: -2},
		}},
	{ID: "ap-1", Source: "AP", Published: "2021-03-18",
		Text: "MOSCOW (AP) —\nRussia's ambassador to the U.S. was called back to Moscow on Wednesday for talks on relations, a move that follows Biden's remarks.\nThe U.S. State Department imposed new sanctions on Russian entities on the same day.",
		Events: []Ev{
			{Words: "Russia's ambassador to the U.S. was called back to Moscow", CAMEO: "161", Src: "RUS", SrcCode: "RUSGOV", Tgt: "USA", TgtCode: "USA", Date: "2021-03-17", Quad: 4, Goldstein: -4},
			{Words: "The U.S. State Department imposed new sanctions on Russian entities", CAMEO: "163", Src: "USA", SrcCode: "USAGOV", Tgt: "RUS", TgtCode: "RUS", Date: "2021-03-17", Quad: 4, Goldstein: -8},
		}},
	{ID: "afp-1", Source: "AFP", Published: "2021-03-18",
		Text: "MOSCOW, March 18, 2021 (AFP) -\nThe Kremlin has pulled its top diplomat out of Washington, an unusual step in a crisis with the Biden administration.",
		Events: []Ev{
			{Words: "The Kremlin has pulled its top diplomat out of Washington", CAMEO: "161", Src: "RUS", SrcCode: "RUSGOV", Tgt: "USA", Quad: 4, Goldstein: -4},
		}},
}

// SameDayOther is a second RUS->USA happening of the same root (16) on the
// same day: a sanctions step, not the recall.
var SameDayOther = Story{ID: "interfax-1", Source: "Interfax", Published: "2021-03-17",
	Text:   "MOSCOW, March 17 (Interfax) -\nRussia imposed an embargo on imports of U.S. poultry on Wednesday, officials said.",
	Events: []Ev{{Words: "Russia imposed an embargo on imports of U.S. poultry", CAMEO: "163", Src: "RUS", SrcCode: "RUS", Tgt: "USA", TgtCode: "USA", Date: "2021-03-17", Quad: 4, Goldstein: -8, Loc: "Moscow", LocCountry: "RUS"}}}
