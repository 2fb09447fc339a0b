package timex

import (
	"context"
	"strings"
	"testing"

	"github.com/attache-project/attache/internal/doc"
)

func TestDayOf(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"2021-03-17", "2021-03-17", true},
		{"2021-03-16TNI", "2021-03-16", true},
		{"2021-03-18T10:00", "2021-03-18", true},
		{"2021-03", "", false},
		{"2021-W11", "", false},
		{"2021-W11-WE", "", false},
		{"XXXX-03-20", "", false},
		{"PRESENT_REF", "", false},
		{"P3Y", "", false},
		{"2021-03-17X", "", false},
		{"", "", false},
	} {
		got, ok := DayOf(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("DayOf(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

// spanOf returns the span of the first occurrence of w in a's text.
func spanOf(a *doc.Analysis, w string) doc.Span {
	i := strings.Index(a.Text, w)
	return doc.S(i, i+len(w))
}

func TestClauseDate(t *testing.T) {
	for _, c := range []struct {
		text, verb, want string
		ok               bool
	}{
		{"The Russian embassy said on Wednesday that Antonov would fly to Moscow on March 20.", "said", "2021-03-17", true},
		{"Antonov will fly to Moscow on March 20, the embassy said on Wednesday.", "fly", "2021-03-20", true},
		{"Antonov will fly to Moscow on March 20, the embassy said on Wednesday.", "said", "2021-03-17", true},
		{"On Tuesday, the ministry announced new rules.", "announced", "2021-03-16", true},
		{"The ministry announced new rules.", "announced", "", false},
		{"The situation is now calm, the ministry said.", "said", "", false},
		{"Exports fell last week, the ministry said.", "fell", "2021-W10", true},
		{"\"We will meet on Monday\": the minister spoke.", "spoke", "", false},
	} {
		a := analyse(t, c.text, thu)
		si := a.SentenceAt(strings.Index(a.Text, c.verb))
		got, ok := ClauseDate(a, si, spanOf(a, c.verb))
		if got != c.want || ok != c.ok {
			t.Errorf("%q around %q = %q, %v; want %q, %v (timexes %+v)", c.text, c.verb, got, ok, c.want, c.ok, a.Timexes)
		}
	}
	if _, ok := ClauseDate(nil, 0, doc.Span{}); ok {
		t.Error("nil analysis gave a date")
	}
	a := analyse(t, "He said so.", thu)
	if _, ok := ClauseDate(a, 7, doc.Span{}); ok {
		t.Error("out-of-range sentence gave a date")
	}
}

// TestSpans checks the span invariant over a story with every family.
func TestSpans(t *testing.T) {
	var b strings.Builder
	for _, c := range cases {
		b.WriteString(c.text)
		b.WriteString(" ")
	}
	a := analyse(t, b.String(), thu)
	if len(a.Timexes) < 150 {
		t.Errorf("only %d timexes in the case story", len(a.Timexes))
	}
	last := -1
	for _, x := range a.Timexes {
		if x.Span[0] < last {
			t.Errorf("timexes overlap or are out of order at %v", x.Span)
		}
		last = x.Span[1]
		switch x.Type {
		case "DATE", "TIME", "DURATION", "SET":
		default:
			t.Errorf("bad type %q", x.Type)
		}
		if x.Value == "" {
			t.Errorf("%q has no value", x.Text)
		}
	}
}

// TestNoTokens: a stage run without the text stage adds nothing and does
// not fail.
func TestNoTokens(t *testing.T) {
	a := doc.New(doc.Document{Text: "The embassy said on Wednesday."})
	st, _ := New(Options{})
	if err := st.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if len(a.Timexes) != 0 {
		t.Errorf("timexes without tokens: %+v", a.Timexes)
	}
	// Broken token ranges are skipped, not a panic.
	a.Sentences = []doc.Sentence{{Span: doc.S(0, 5), Tokens: [2]int{3, 99}}}
	if err := st.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
}

func FuzzTimex(f *testing.F) {
	for _, c := range cases[:40] {
		f.Add(c.text, c.anchor)
	}
	f.Add("On the 31st of February 2021 at 25:99 GMT, 99/99/9999, Q9 1899 the '00s", "2021-02-29")
	f.Add("late on early mid- the end of the beginning of", "2021-03-18")
	f.Add("a a a couple of 1/2 every other each per Sundays Mon. Sept. 30, 1,000", "0001-01-01")
	f.Add("9999-12-31 tomorrow next year the following century", "9999-12-31")
	f.Fuzz(func(t *testing.T, txt, anchor string) {
		if len(txt) > 2000 {
			return
		}
		a := analyse(t, txt, "")
		if len(anchor) == 10 {
			a.Anchor = &doc.Anchor{Date: anchor}
		}
		a.Timexes = Tag(a)
		if err := doc.CheckSpans(a); err != nil {
			t.Fatal(err)
		}
	})
}

// benchText is wire copy with the density of time expressions of news.
const benchText = `WASHINGTON, March 18. /TASS/. Russian Ambassador to the United States Anatoly Antonov will fly to Moscow on March 20 for consultations concerning future bilateral relations, the Russian embassy said on Wednesday. The talks, which began last week, are expected to last three days. Officials said the two sides had met every month since 2019, and that relations had worsened in recent years. A spokeswoman said on Tuesday night that the next round would open at 10:00 GMT on Monday. Growth in the third quarter fell 2 percent from a year earlier, the ministry said, adding that exports rose for the first time in two years. Prices, which had been stable for decades, rose 5 percent a year. The delegation will return next month and meet again later this year.
`

func BenchmarkTimex(b *testing.B) {
	txt := strings.Repeat(benchText, 20)
	a := analyse(b, txt, thu)
	words := 0
	for _, tk := range a.Tokens {
		if tk.Tag != "." && tk.Tag != "," {
			words++
		}
	}
	st, _ := New(Options{})
	ctx := context.Background()
	b.SetBytes(int64(len(txt)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := st.Process(ctx, a); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
