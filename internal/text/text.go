// Package text adds the text layer to an analysis: paragraphs, sentences and
// tokens with Penn Treebank part-of-speech tags, all as byte offsets into the
// document text.
//
// It wraps prose v3 (tokenize, segment, tag), whose tokens and sentences keep
// the invariant text[x.Start:x.End()] == x.Text, and adds what news needs on
// top: paragraphs (blank lines, or indented lines as in old wire copy) bound
// sentences; a dateline at the head of a story is its own sentence; text with
// \r\n line ends works unchanged because nothing is rewritten. The models are
// loaded once per process and shared; a Stage is safe for concurrent use.
package text

import (
	"context"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/attache-project/attache/internal/doc"
	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tokenize"
)

// Stage is the text annotator.
type Stage struct {
	seg *segment.Segmenter
	tok *tokenize.Tokenizer
	tag *tag.Tagger
}

var (
	shared     *Stage
	sharedErr  error
	sharedOnce sync.Once
)

// New returns the shared text stage, loading prose's models on first use.
func New() (*Stage, error) {
	sharedOnce.Do(func() {
		seg, err := segment.New()
		if err != nil {
			sharedErr = err
			return
		}
		tg, err := tag.New()
		if err != nil {
			sharedErr = err
			return
		}
		shared = &Stage{seg: seg, tok: tokenize.New(), tag: tg}
	})
	return shared, sharedErr
}

// Name implements doc.Stage.
func (*Stage) Name() string { return "text" }

// Process implements doc.Stage: it fills a.Sentences and a.Tokens.
func (s *Stage) Process(ctx context.Context, a *doc.Analysis) error {
	a.Sentences = a.Sentences[:0]
	a.Tokens = a.Tokens[:0]
	head := 0
	if a.Dateline != nil && a.Dateline.BodyStart > 0 && a.Dateline.BodyStart <= len(a.Text) {
		// The dateline is a sentence of its own: punkt would otherwise glue
		// "WASHINGTON, March 18. /TASS/." to the lead or split it oddly.
		sp := trimSpan(a.Text, 0, a.Dateline.BodyStart)
		if sp.Len() > 0 {
			s.addSentence(a, sp, 0)
		}
		head = a.Dateline.BodyStart
	}
	for i, p := range Paragraphs(a.Text, head) {
		if i%64 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		for _, sp := range mergeAbbreviations(a.Text, s.seg.Segment(a.Text[p.Start():p.End()]), p.Start()) {
			for _, sub := range splitSentence(a.Text, sp.Start(), sp.End()) {
				s.addSentence(a, sub, i)
			}
		}
	}
	return nil
}

// addSentence tokenizes and tags one sentence and appends it.
func (s *Stage) addSentence(a *doc.Analysis, sp doc.Span, para int) {
	first := len(a.Tokens)
	toks := s.tok.Tokenize(a.Text[sp.Start():sp.End()])
	s.tag.TagTokens(toks)
	si := len(a.Sentences)
	for _, t := range toks {
		st := sp.Start() + t.Start
		a.Tokens = append(a.Tokens, doc.Token{Span: doc.S(st, st+len(t.Text)), Text: t.Text, Tag: fixTag(t.Text, t.Tag), Sent: si})
	}
	a.Sentences = append(a.Sentences, doc.Sentence{Span: sp, Paragraph: para, Tokens: [2]int{first, len(a.Tokens)}})
}

// titleAbbrevs never end a sentence: punkt, trained on general text,
// splits after them ("met Gen. Mark Milley").
var titleAbbrevs = map[string]bool{
	"Gen.": true, "Lt.": true, "Col.": true, "Maj.": true, "Capt.": true, "Sgt.": true, "Adm.": true, "Cmdr.": true, "Brig.": true,
	"Sen.": true, "Rep.": true, "Gov.": true, "Amb.": true, "Pres.": true, "Sec.": true, "Supt.": true, "Insp.": true,
	"Mr.": true, "Mrs.": true, "Ms.": true, "Dr.": true, "Prof.": true, "Rev.": true, "St.": true, "Mt.": true, "Ft.": true,
	"Sr.": true, "Jr.": true, "No.": true, "Nos.": true, "vs.": true, "Gens.": true, "Sens.": true, "Reps.": true, "Messrs.": true,
}

// monthAbbrevs end a sentence only when no day number follows.
var monthAbbrevs = map[string]bool{
	"Jan.": true, "Feb.": true, "Mar.": true, "Apr.": true, "Jun.": true, "Jul.": true, "Aug.": true,
	"Sep.": true, "Sept.": true, "Oct.": true, "Nov.": true, "Dec.": true,
}

// mergeAbbreviations joins punkt sentences that were split after a title,
// a month abbreviation followed by a number, or a single initial followed
// by a capitalised name. It returns absolute spans.
func mergeAbbreviations(text string, sents []segment.Sentence, base int) []doc.Span {
	out := make([]doc.Span, 0, len(sents))
	for _, se := range sents {
		sp := doc.S(base+se.Start, base+se.Start+len(se.Text))
		if n := len(out); n > 0 && joinsNext(text[out[n-1].Start():out[n-1].End()], text[sp.Start():sp.End()]) {
			out[n-1][1] = sp.End()
			continue
		}
		out = append(out, sp)
	}
	return out
}

// joinsNext reports whether sentence prev, ending in an abbreviation, runs
// on into next.
func joinsNext(prev, next string) bool {
	i := strings.LastIndexAny(prev, " \n\t(")
	last := prev[i+1:]
	if titleAbbrevs[last] {
		return true
	}
	r, _ := utf8.DecodeRuneInString(next)
	if monthAbbrevs[last] {
		return unicode.IsDigit(r)
	}
	// A single capital initial ("J." in "J. Smith"), but not a sentence
	// ending in a one-letter word like "Plan B.".
	if len(last) == 2 && last[1] == '.' && last[0] >= 'A' && last[0] <= 'Z' && i >= 0 && unicode.IsUpper(r) {
		before := strings.TrimSpace(prev[:i+1])
		b, _ := utf8.DecodeLastRuneInString(before)
		return unicode.IsUpper(b) || b == '.' || before == ""
	}
	return false
}

// fixTag corrects tags the perceptron gets wrong on news text in ways that
// matter downstream (quotes, dashes).
func fixTag(word, tg string) string {
	switch word {
	case "“", "\"", "«", "„":
		return "``"
	case "”", "»":
		return "''"
	case "—", "–", "--", "_":
		return ":"
	}
	return tg
}

// Paragraphs returns the spans of the paragraphs of text from offset from
// on, trimmed of surrounding whitespace. A paragraph ends at a blank line,
// or at a line that starts with an indentation (the convention of wire copy
// such as Reuters 1987, where every paragraph opens with spaces or a tab).
func Paragraphs(text string, from int) []doc.Span {
	var out []doc.Span
	start := from
	i := from
	for i < len(text) {
		nl := strings.IndexByte(text[i:], '\n')
		if nl < 0 {
			break
		}
		lineEnd := i + nl
		next := lineEnd + 1
		// Look at the next line: blank or indented starts a new paragraph.
		j := next
		for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
			j++
		}
		blank := j >= len(text) || text[j] == '\n'
		indented := j > next && !blank && (j-next >= 2 || text[next] == '\t')
		if blank || indented {
			if sp := trimSpan(text, start, lineEnd); sp.Len() > 0 {
				out = append(out, sp)
			}
			start = next
		}
		i = next
	}
	if sp := trimSpan(text, start, len(text)); sp.Len() > 0 {
		out = append(out, sp)
	}
	return out
}

// splitSentence splits a segmented sentence further where punkt leaves
// joins that news text does not have: a line that is a headline (no final
// punctuation) followed by a new line. It returns trimmed spans.
func splitSentence(text string, start, end int) []doc.Span {
	var out []doc.Span
	s := start
	for i := start; i < end; i++ {
		if text[i] != '\n' {
			continue
		}
		// A line break after a line with no closing punctuation and before a
		// capitalised line marks a headline or caption boundary only when
		// the previous line is short.
		prev := strings.TrimRight(text[s:i], " \t\r")
		if prev == "" || len(prev) > 100 {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(prev)
		if strings.ContainsRune(".!?:;,\"'”’)-", last) || unicode.IsLower(last) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(text[i+1:end], " \t\r"))
		if !unicode.IsUpper(r) {
			continue
		}
		if sp := trimSpan(text, s, i); sp.Len() > 0 {
			out = append(out, sp)
		}
		s = i + 1
	}
	if sp := trimSpan(text, s, end); sp.Len() > 0 {
		out = append(out, sp)
	}
	return out
}

// trimSpan returns [start,end) without leading and trailing white space.
func trimSpan(text string, start, end int) doc.Span {
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return doc.S(start, end)
}
