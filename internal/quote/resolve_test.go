package quote

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/text"
)

// mention builds a mention of the n-th occurrence (from 0) of s in text.
func mention(t *testing.T, text, s string, n int, kind string) doc.Mention {
	t.Helper()
	off := -1
	for i := 0; i <= n; i++ {
		j := strings.Index(text[off+1:], s)
		if j < 0 {
			t.Fatalf("%q not found %d times", s, n+1)
		}
		off += 1 + j
	}
	return doc.Mention{Span: doc.S(off, off+len(s)), Text: s, Kind: kind}
}

func TestSpeakerResolution(t *testing.T) {
	const story = "The Russian embassy said on Wednesday the envoy would fly home. \"Relations are in crisis,\" the embassy wrote. \"We stand for dialogue,\" it stressed. Russia's spokesman said the talks had failed. \"Nobody called us,\" a senior official said."
	cases := []struct {
		name    string
		content string
		speaker string
		entity  string // "" for null
	}{
		{"name mention", "the envoy would fly home", "The Russian embassy", "E1"},
		{"nominal mention", "Relations are in crisis", "the embassy", "E1"},
		{"pronoun resolved by the actor layer", "We stand for dialogue", "it", "E1"},
		{"possessive speaker resolves to the head's entity", "the talks had failed", "Russia's spokesman", "E3"},
		{"unresolved nominal keeps its text", "Nobody called us", "a senior official", ""},
	}
	a := analyse(t, story, func(a *doc.Analysis) {
		a.Entities = []doc.Entity{
			{ID: "E1", Name: "Russian embassy", Type: "ORG", Mentions: []doc.Mention{
				mention(t, a.Text, "The Russian embassy", 0, "name"),
				mention(t, a.Text, "the embassy", 0, "nominal"),
				mention(t, a.Text, "it", 0, "pronoun"),
			}},
			{ID: "E2", Name: "Russia", Type: "GPE", Mentions: []doc.Mention{mention(t, a.Text, "Russia", 1, "name")}},
			{ID: "E3", Name: "spokesman", Type: "PERSON", Mentions: []doc.Mention{mention(t, a.Text, "spokesman", 0, "nominal")}},
		}
	})
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var q *doc.Quote
			for i := range a.Quotes {
				if a.Quotes[i].Text == tc.content {
					q = &a.Quotes[i]
				}
			}
			if q == nil {
				t.Fatalf("no quote %q in %+v", tc.content, a.Quotes)
			}
			if q.Speaker == nil || q.Speaker.Text != tc.speaker {
				t.Fatalf("speaker of %q = %+v, want %q", tc.content, q.Speaker, tc.speaker)
			}
			if doc.Val(q.Speaker.Entity) != tc.entity {
				t.Errorf("entity of %q = %q, want %q", tc.speaker, doc.Val(q.Speaker.Entity), tc.entity)
			}
		})
	}
}

func TestPronounFallsBackToPreviousSpeaker(t *testing.T) {
	const story = "\"The plan is ready,\" Zakharova said. \"We will publish it soon,\" she added."
	a := analyse(t, story, func(a *doc.Analysis) {
		a.Entities = []doc.Entity{{ID: "P1", Name: "Maria Zakharova", Type: "PERSON", Mentions: []doc.Mention{mention(t, a.Text, "Zakharova", 0, "name")}}}
	})
	if len(a.Quotes) != 2 {
		t.Fatalf("got %d quotes, want 2: %+v", len(a.Quotes), a.Quotes)
	}
	if got := doc.Val(a.Quotes[1].Speaker.Entity); got != "P1" {
		t.Errorf("speaker entity of %q = %q, want P1", a.Quotes[1].Speaker.Text, got)
	}
}

func TestQuoteDate(t *testing.T) {
	cases := []struct {
		name   string
		text   string
		timex  []string // text, value pairs of DATE timexes
		anchor string
		want   string
	}{
		{"timex after the cue", "The embassy said on Wednesday the envoy would leave.", []string{"Wednesday", "2021-03-17"}, "2021-03-18", "2021-03-17"},
		{"timex inside the content is not the speech date", "The embassy said the envoy would leave on March 20.", []string{"March 20", "2021-03-20"}, "2021-03-18", "2021-03-18"},
		{"no timex: anchor", "The embassy said the envoy would leave.", nil, "2021-03-18", "2021-03-18"},
		{"timex with a time of day is cut to the day", "\"We are ready,\" the minister said on Monday evening.", []string{"Monday evening", "2021-03-15TEV"}, "2021-03-18", "2021-03-15"},
		{"month-only timex is not a day", "The minister said in March the plan was ready.", []string{"March", "2021-03"}, "2021-03-18", "2021-03-18"},
		{"no anchor, no timex: null", "The minister said the plan was ready.", nil, "", ""},
		{"timex before the cue in the same sentence", "On Tuesday, the minister said the plan was ready.", []string{"Tuesday", "2021-03-16"}, "2021-03-18", "2021-03-16"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := analyse(t, tc.text, func(a *doc.Analysis) {
				if tc.anchor != "" {
					a.Anchor = &doc.Anchor{Date: tc.anchor, From: "published"}
				}
				for i := 0; i+1 < len(tc.timex); i += 2 {
					m := mention(t, a.Text, tc.timex[i], 0, "")
					a.Timexes = append(a.Timexes, doc.Timex{Span: m.Span, Text: m.Text, Type: "DATE", Value: tc.timex[i+1]})
				}
			})
			if len(a.Quotes) != 1 {
				t.Fatalf("got %d quotes, want 1: %+v", len(a.Quotes), a.Quotes)
			}
			if got := doc.Val(a.Quotes[0].Date); got != tc.want {
				t.Errorf("date = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestLexicon(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := s.Lexicon().Size(); n < 150 {
		t.Errorf("cue lexicon has %d entries, want at least 150", n)
	}
	for _, f := range []string{"say", "said", "tells", "according", "calls", "stressed", "emphasised", "insisting", "denied", "tweeted"} {
		if len(s.lex.byFirst[f]) == 0 {
			t.Errorf("form %q missing from the cue lexicon", f)
		}
	}
	infl := []struct{ lemma, want string }{
		{"stress", "stresses stressed stressing"}, {"note", "notes noted noting"},
		{"deny", "denies denied denying"}, {"call for", "calls for called for calling for"},
	}
	for _, c := range infl[:3] {
		if got := strings.Join(inflect(c.lemma), " "); got != c.want {
			t.Errorf("inflect(%q) = %q, want %q", c.lemma, got, c.want)
		}
	}
	if got := strings.Join(inflect("call for"), " "); got != infl[3].want {
		t.Errorf("inflect(call for) = %q, want %q", got, infl[3].want)
	}
}

func TestUserDictionary(t *testing.T) {
	dir := t.TempDir()
	cues := "cues:\n  - {lemma: grumble}\n"
	media := "media:\n  - {pattern: '\\bon Mastodon\\b', medium: Mastodon}\n"
	if err := os.WriteFile(filepath.Join(dir, "quote-cues.yaml"), []byte(cues), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "quote-media.yaml"), []byte(media), 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := New(Options{DictDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	a := doc.New(doc.Document{Text: "\"Nothing works here,\" the mayor grumbled on Mastodon."})
	tx, _ := text.New()
	if err := tx.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if err := st.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if len(a.Quotes) != 1 || a.Quotes[0].Cue == nil || a.Quotes[0].Cue.Lemma != "grumble" || doc.Val(a.Quotes[0].Medium) != "Mastodon" {
		t.Fatalf("user cue and medium not used: %+v", a.Quotes)
	}
}

func TestBadDictionary(t *testing.T) {
	for name, body := range map[string]string{
		"quote-cues.yaml":  "cues:\n  - {lemma: grumble, class: opinion}\n",
		"quote-media.yaml": "media:\n  - {pattern: '(unclosed', medium: X}\n",
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := loadLexicon(dir); err == nil {
			t.Errorf("%s: bad entry accepted", name)
		}
	}
}

func TestEmptyAndTextless(t *testing.T) {
	st, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"", "   ", "\"", "“", "'’‘", "said said said"} {
		a := doc.New(doc.Document{Text: s})
		if err := st.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		tx, _ := text.New()
		_ = tx.Process(context.Background(), a)
		if err := st.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		if err := doc.CheckSpans(a); err != nil {
			t.Errorf("%q: %v", s, err)
		}
	}
}

// FuzzQuotes checks that the quote stage never panics and always keeps the
// span invariant.
func FuzzQuotes(f *testing.F) {
	for _, tc := range quoteCases {
		f.Add(tc.text)
	}
	for _, tc := range attributionCases {
		f.Add(tc.text)
	}
	f.Add("\"unclosed\n\n\"still open")
	f.Add("“a” ‘b’ «c» „d“ ''e'' ``f'' \"g")
	f.Add("”backwards“ ’quote‘")
	tx, err := text.New()
	if err != nil {
		f.Fatal(err)
	}
	st, err := New(Options{Beliefs: true})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.ToValidUTF8(s, "\uFFFD")
		a := doc.New(doc.Document{Text: s})
		if err := tx.Process(context.Background(), a); err != nil {
			t.Skip()
		}
		a.Anchor = &doc.Anchor{Date: "2021-03-18", From: "published"}
		if err := st.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		if err := doc.CheckSpans(a); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		for _, q := range a.Quotes {
			if q.Span.Len() == 0 {
				t.Fatalf("%q: empty quote %+v", s, q)
			}
			if q.Kind != "direct" && q.Kind != "indirect" && q.Kind != "mixed" {
				t.Fatalf("%q: kind %q", s, q.Kind)
			}
		}
	})
}

// BenchmarkQuote measures the quote stage alone (the text layer is built
// once) and reports words per second.
func BenchmarkQuote(b *testing.B) {
	var sb strings.Builder
	for sb.Len() < 200_000 {
		for _, tc := range quoteCases {
			sb.WriteString(tc.text)
			sb.WriteString("\n\n")
		}
	}
	a := doc.New(doc.Document{Text: sb.String()})
	tx, err := text.New()
	if err != nil {
		b.Fatal(err)
	}
	if err := tx.Process(context.Background(), a); err != nil {
		b.Fatal(err)
	}
	st, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	words := len(strings.Fields(a.Text))
	b.SetBytes(int64(len(a.Text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := st.Process(context.Background(), a); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkQuotePolNeAR measures the quote stage on real news text (the
// PolNeAR dev articles, skipped when ../shared is absent).
func BenchmarkQuotePolNeAR(b *testing.B) {
	files, _ := filepath.Glob("../../../shared/data/polnear/dev/text/*.txt")
	if len(files) == 0 {
		b.Skip("PolNeAR not available")
	}
	tx, err := text.New()
	if err != nil {
		b.Fatal(err)
	}
	st, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	var docs []*doc.Analysis
	words, size := 0, 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		a := doc.New(doc.Document{Text: string(raw)})
		if err := tx.Process(context.Background(), a); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, a)
		words += len(strings.Fields(a.Text))
		size += len(a.Text)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range docs {
			if err := st.Process(context.Background(), a); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
