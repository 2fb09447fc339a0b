package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/attache-project/attache/internal/ingest"
)

// HTMLCase is one gold web page: its HTML, the expected main text, and the
// expected title and published date (empty when the gold has none).
type HTMLCase struct {
	Name   string
	Source string // path of the HTML page
	Text   string // expected main text
	Title  string
	Date   string // YYYY-MM-DD
}

// LoadHTMLCases reads a directory of gold pages in one of two layouts:
//
//   - Mozilla readability's test pages: one directory per page holding
//     source.html, expected.html (the expected main text as HTML) and
//     expected-metadata.json (title, publishedTime);
//   - newspaper4k's test data: html/NAME.html, txt/NAME.txt (expected
//     text) and metadata/NAME.json (title, publish_date), found under DIR,
//     DIR/data or DIR/tests/data.
//
// Cases are sorted by name.
func LoadHTMLCases(dir string) ([]HTMLCase, error) {
	for _, d := range []string{dir, filepath.Join(dir, "data"), filepath.Join(dir, "tests", "data")} {
		if st, err := os.Stat(filepath.Join(d, "html")); err == nil && st.IsDir() {
			if _, err := os.Stat(filepath.Join(d, "txt")); err == nil {
				return loadNewspaperCases(d)
			}
		}
	}
	for _, d := range []string{dir, filepath.Join(dir, "test", "test-pages")} {
		if cs, err := loadReadabilityCases(d); err == nil && len(cs) > 0 {
			return cs, nil
		}
	}
	return nil, fmt.Errorf("%s: no gold pages found (want readability test-pages or newspaper4k tests/data)", dir)
}

func loadReadabilityCases(dir string) ([]HTMLCase, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []HTMLCase
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		d := filepath.Join(dir, e.Name())
		exp, err := os.ReadFile(filepath.Join(d, "expected.html"))
		if err != nil {
			continue
		}
		if _, err := os.Stat(filepath.Join(d, "source.html")); err != nil {
			continue
		}
		c := HTMLCase{Name: e.Name(), Source: filepath.Join(d, "source.html"), Text: ingest.HTMLToText(string(exp))}
		if b, err := os.ReadFile(filepath.Join(d, "expected-metadata.json")); err == nil {
			var m struct {
				Title         *string `json:"title"`
				PublishedTime *string `json:"publishedTime"`
			}
			if json.Unmarshal(b, &m) == nil {
				if m.Title != nil {
					c.Title = *m.Title
				}
				if m.PublishedTime != nil {
					c.Date = goldDay(*m.PublishedTime)
				}
			}
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func loadNewspaperCases(dir string) ([]HTMLCase, error) {
	pages, err := filepath.Glob(filepath.Join(dir, "html", "*.html"))
	if err != nil {
		return nil, err
	}
	var out []HTMLCase
	for _, p := range pages {
		name := strings.TrimSuffix(filepath.Base(p), ".html")
		txt, err := os.ReadFile(filepath.Join(dir, "txt", name+".txt"))
		if err != nil {
			continue // a page without expected text is not a text case
		}
		c := HTMLCase{Name: name, Source: p, Text: string(txt)}
		if b, err := os.ReadFile(filepath.Join(dir, "metadata", name+".json")); err == nil {
			var m struct {
				Title       *string `json:"title"`
				PublishDate *string `json:"publish_date"`
			}
			if json.Unmarshal(b, &m) == nil {
				if m.Title != nil {
					c.Title = *m.Title
				}
				if m.PublishDate != nil && *m.PublishDate != "None" {
					c.Date = goldDay(*m.PublishDate)
				}
			}
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// goldDay reads the calendar day of a gold timestamp as written (in its
// own time zone): "2018-06-19T05:50:00+09:00" -> "2018-06-19".
func goldDay(s string) string {
	s = strings.TrimSpace(s)
	if len(s) < 10 {
		return ""
	}
	if _, err := time.Parse("2006-01-02", s[:10]); err != nil {
		return ""
	}
	return s[:10]
}

// HTMLPageScore is the score of one page.
type HTMLPageScore struct {
	Name               string
	Gold, Sys, Overlap int // word tokens in the gold text, the extracted text, and both (bag)
	P, R, F1           float64
	Title, GoldTitle   string
	TitleOK            *bool // nil when the gold has no title
	Date, GoldDate     string
	DateOK             *bool // nil when the gold has no date
	Err                error
	ExtractionNanoTime int64
}

// HTMLScore sums up an HTML extraction run.
type HTMLScore struct {
	Pages           []HTMLPageScore
	MicroP, MicroR  float64
	MicroF1, MeanF1 float64
	TitleOK, TitleN int
	TitleStrict     int // titles equal without ignoring a site name
	DateOK, DateN   int
	Failed          int
	Elapsed         time.Duration // extraction time only
}

// TitleAccuracy is the share of pages with a gold title whose title was
// found (normalised exact match).
func (s HTMLScore) TitleAccuracy() float64 { return ratio(s.TitleOK, s.TitleN) }

// DateAccuracy is the share of pages with a gold date whose published date
// was found on the same day.
func (s HTMLScore) DateAccuracy() float64 { return ratio(s.DateOK, s.DateN) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// ScoreHTML extracts every case's page with ingest.ExtractPage and scores
// the body text (bag of lowercased word tokens: precision, recall, F1,
// micro-averaged over all tokens and averaged per page), the title
// (normalised exact match) and the published date (same day).
func ScoreHTML(cases []HTMLCase) HTMLScore {
	var s HTMLScore
	var gold, sys, both int
	var sumF1 float64
	for _, c := range cases {
		ps := HTMLPageScore{Name: c.Name, GoldTitle: c.Title, GoldDate: c.Date}
		raw, err := os.ReadFile(c.Source)
		var page ingest.Page
		if err == nil {
			start := time.Now()
			page, err = ingest.ExtractPage(raw, "", "")
			d := time.Since(start)
			s.Elapsed += d
			ps.ExtractionNanoTime = d.Nanoseconds()
		}
		if err != nil {
			ps.Err = err
			s.Failed++
		}
		g, y := WordTokens(c.Text), WordTokens(page.Text)
		ps.Gold, ps.Sys, ps.Overlap = len(g), len(y), bagOverlap(g, y)
		ps.P, ps.R, ps.F1 = prf(ps.Overlap, ps.Sys, ps.Gold)
		gold, sys, both = gold+ps.Gold, sys+ps.Sys, both+ps.Overlap
		sumF1 += ps.F1
		ps.Title = page.Title
		if strings.TrimSpace(c.Title) != "" {
			ok := TitleMatch(page.Title, c.Title)
			ps.TitleOK = &ok
			s.TitleN++
			if ok {
				s.TitleOK++
			}
			if NormTitle(page.Title) == NormTitle(c.Title) {
				s.TitleStrict++
			}
		}
		if !page.Published.IsZero() {
			ps.Date = page.Published.Format("2006-01-02")
		}
		if c.Date != "" {
			ok := ps.Date == c.Date
			ps.DateOK = &ok
			s.DateN++
			if ok {
				s.DateOK++
			}
		}
		s.Pages = append(s.Pages, ps)
	}
	s.MicroP, s.MicroR, s.MicroF1 = prf(both, sys, gold)
	if len(cases) > 0 {
		s.MeanF1 = sumF1 / float64(len(cases))
	}
	return s
}

// prf computes precision, recall and F1 from overlap, system and gold
// counts. An empty system output and an empty gold agree perfectly.
func prf(overlap, sys, gold int) (p, r, f float64) {
	if sys == 0 && gold == 0 {
		return 1, 1, 1
	}
	p, r = ratio(overlap, sys), ratio(overlap, gold)
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// bagOverlap counts the tokens two bags share (with multiplicity).
func bagOverlap(a, b []string) int {
	n := map[string]int{}
	for _, t := range a {
		n[t]++
	}
	k := 0
	for _, t := range b {
		if n[t] > 0 {
			n[t]--
			k++
		}
	}
	return k
}

// WordTokens splits text into lowercased word tokens: runs of letters and
// digits; in scripts written without spaces (Han, kana, Thai, Lao, Khmer,
// Myanmar) each character is a token.
func WordTokens(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = cur[:0]
		}
	}
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar):
			flush()
			out = append(out, string(r))
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			cur = append(cur, r)
		default:
			flush()
		}
	}
	flush()
	return out
}

// NormTitle normalises a title for comparison: lowercased word tokens
// joined by single spaces (punctuation, quotes and spacing do not count).
func NormTitle(s string) string { return strings.Join(WordTokens(s), " ") }

// titleSuffixSeps separate a headline from a trailing site or section
// name in page titles.
var titleSuffixSeps = []string{" | ", " - ", " -- ", " – ", " — ", " · ", " :: ", " _ "}

// withoutSuffix removes the part of a title after its last separator.
func withoutSuffix(t string) string {
	last := -1
	for _, s := range titleSuffixSeps {
		if i := strings.LastIndex(t, s); i > last {
			last = i
		}
	}
	if last <= 0 {
		return t
	}
	return t[:last]
}

// TitleMatch compares an extracted title with a gold one: normalised
// exact match (NormTitle), where a trailing site name after a separator
// ("Headline | Site", "Headline - Site") on either side is ignored, since
// gold sets disagree on whether it belongs to the title.
func TitleMatch(sys, gold string) bool {
	a, b := NormTitle(sys), NormTitle(gold)
	if a == b {
		return true
	}
	as, bs := NormTitle(withoutSuffix(sys)), NormTitle(withoutSuffix(gold))
	return a != "" && (as == b || a == bs || as == bs && as != "")
}

// WriteHTMLReport prints the scores, and with perPage one line per page.
func WriteHTMLReport(w io.Writer, s HTMLScore, perPage bool) {
	if perPage {
		fmt.Fprintf(w, "%-48s %6s %6s %6s  %-5s %-5s %s\n", "page", "P", "R", "F1", "title", "date", "problem")
		for _, p := range s.Pages {
			prob := ""
			if p.Err != nil {
				prob = p.Err.Error()
			} else if p.TitleOK != nil && !*p.TitleOK {
				prob = fmt.Sprintf("title %q, want %q", p.Title, p.GoldTitle)
			}
			if p.DateOK != nil && !*p.DateOK {
				prob = strings.TrimSpace(prob + fmt.Sprintf(" date %q, want %q", p.Date, p.GoldDate))
			}
			fmt.Fprintf(w, "%-48s %6.3f %6.3f %6.3f  %-5s %-5s %s\n", trunc(p.Name, 48), p.P, p.R, p.F1, okMark(p.TitleOK), okMark(p.DateOK), prob)
		}
		fmt.Fprintln(w)
	}
	n := len(s.Pages)
	rate := 0.0
	if s.Elapsed > 0 {
		rate = float64(n) / s.Elapsed.Seconds()
	}
	fmt.Fprintf(w, "pages: %d (%d failed), extraction %.1f pages/s\n", n, s.Failed, rate)
	fmt.Fprintf(w, "body tokens micro: P %.3f R %.3f F1 %.3f; per-page mean F1 %.3f\n", s.MicroP, s.MicroR, s.MicroF1, s.MeanF1)
	fmt.Fprintf(w, "title: %d/%d = %.3f (site name after a separator ignored; strict %d/%d = %.3f)\n", s.TitleOK, s.TitleN, s.TitleAccuracy(), s.TitleStrict, s.TitleN, ratio(s.TitleStrict, s.TitleN))
	fmt.Fprintf(w, "date:  %d/%d = %.3f\n", s.DateOK, s.DateN, s.DateAccuracy())
}

func okMark(b *bool) string {
	switch {
	case b == nil:
		return "-"
	case *b:
		return "ok"
	}
	return "WRONG"
}

func trunc(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
