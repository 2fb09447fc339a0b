package text

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/attache-project/attache/internal/doc"
)

func analyse(t testing.TB, text string) *doc.Analysis {
	t.Helper()
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	a := doc.New(doc.Document{Text: text})
	if err := s.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if err := doc.CheckSpans(a); err != nil {
		t.Fatal(err)
	}
	return a
}

func sentences(a *doc.Analysis) []string {
	var out []string
	for _, s := range a.Sentences {
		out = append(out, s.Span.Of(a.Text))
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"abbreviations", "The U.S. envoy met Gen. Mark Milley and Sen. Bob Menendez in Jan. 2021. They talked.",
			[]string{"The U.S. envoy met Gen. Mark Milley and Sen. Bob Menendez in Jan. 2021.", "They talked."}},
		{"initials", "The report by J.R. Smith was published. It said little.",
			[]string{"The report by J.R. Smith was published.", "It said little."}},
		{"paragraphs bound sentences", "Russia protested\n\nThe embassy said nothing.",
			[]string{"Russia protested", "The embassy said nothing."}},
		{"crlf", "Russia protested.\r\n\r\nThe embassy said nothing.\r\n",
			[]string{"Russia protested.", "The embassy said nothing."}},
		{"quote spanning sentences", `"We are ready. We will talk," he said. Then he left.`,
			[]string{`"We are ready.`, `We will talk," he said.`, "Then he left."}},
		{"indented wire paragraphs", "Showers continued in the\nBahia zone, the review said.\n    Arrivals were late.",
			[]string{"Showers continued in the\nBahia zone, the review said.", "Arrivals were late."}},
		{"question and exclamation", "Will they meet? Nobody knows! The talks resume Monday.",
			[]string{"Will they meet?", "Nobody knows!", "The talks resume Monday."}},
		{"curly quotes", "“We stand for dialogue,” the embassy stressed. It added more.",
			[]string{"“We stand for dialogue,” the embassy stressed.", "It added more."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := sentences(analyse(t, tc.text))
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestParagraphIndex(t *testing.T) {
	a := analyse(t, "One. Two.\n\nThree.\n\n\nFour.")
	var got []int
	for _, s := range a.Sentences {
		got = append(got, s.Paragraph)
	}
	if want := []int{0, 0, 1, 2}; !equalInts(got, want) {
		t.Fatalf("paragraphs %v, want %v", got, want)
	}
}

func TestTokensAndTags(t *testing.T) {
	a := analyse(t, "Russia summoned the U.S. ambassador on Wednesday.")
	var words, tags []string
	for _, tk := range a.Tokens {
		words = append(words, tk.Text)
		tags = append(tags, tk.Tag)
	}
	if got := strings.Join(words, " "); got != "Russia summoned the U.S. ambassador on Wednesday ." {
		t.Fatalf("tokens: %s", got)
	}
	want := map[string]string{"Russia": "NNP", "summoned": "VBD", "ambassador": "NN", "Wednesday": "NNP"}
	for i, w := range words {
		if tg, ok := want[w]; ok && tags[i] != tg {
			t.Errorf("%s tagged %s, want %s", w, tags[i], tg)
		}
	}
	for i, tk := range a.Tokens {
		if tk.Sent != 0 {
			t.Errorf("token %d in sentence %d", i, tk.Sent)
		}
	}
}

func TestDatelineIsOwnSentence(t *testing.T) {
	text := "WASHINGTON, March 18. /TASS/. Russian Ambassador Anatoly Antonov will fly to Moscow."
	s, _ := New()
	a := doc.New(doc.Document{Text: text})
	a.Dateline = &doc.Dateline{Place: "WASHINGTON", Span: doc.S(0, 29), BodyStart: 30}
	if err := s.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	got := sentences(a)
	if len(got) != 2 || got[0] != "WASHINGTON, March 18. /TASS/." {
		t.Fatalf("sentences %q", got)
	}
}

func TestEmptyAndOdd(t *testing.T) {
	for _, text := range []string{"", " ", "\n\n\n", "...", "\"", "“", "a", strings.Repeat("x", 10000), "\uFFFD\uFFFD"} {
		analyse(t, text)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// reuters reads up to n story bodies from the Reuters JSONL, or skips.
func reuters(tb testing.TB, n int) []string {
	f, err := os.Open("../../../shared/data/news/reuters21578.jsonl")
	if err != nil {
		tb.Skip("../shared not present")
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() && len(out) < n {
		var r struct{ Body string }
		if json.Unmarshal(sc.Bytes(), &r) == nil && r.Body != "" {
			out = append(out, r.Body)
		}
	}
	return out
}

func BenchmarkText(b *testing.B) {
	docs := reuters(b, 2000)
	s, _ := New()
	words := 0
	for _, d := range docs {
		words += len(strings.Fields(d))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			a := doc.New(doc.Document{Text: d})
			s.Process(context.Background(), a)
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
}

func TestReutersSpans(t *testing.T) {
	for _, d := range reuters(t, 3000) {
		analyse(t, d)
	}
}
