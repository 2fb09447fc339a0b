// Package timex adds the time-expression layer to an analysis: TimeML
// TIMEX3 expressions of type DATE, TIME, DURATION and SET with their
// normalised values ("said on Wednesday" in a story of Thursday 2021-03-18
// is DATE 2021-03-17; "three years" is DURATION P3Y; "every week" is SET
// P1W).
//
// Recognition works on the token stream of the text stage (words and Penn
// Treebank tags), not on regular expressions over the text, so it costs a
// few map look-ups per token. Values are resolved against the document's
// anchor date (a.AnchorTime: published date, else dateline date): deictic
// expressions ("yesterday", "last week", "on Wednesday") count from the
// anchor, with the tense of the governing verb deciding the direction
// ("said on Wednesday" is the Wednesday before, "will meet on Monday" the
// Monday after); anaphoric expressions ("a day later", "the following
// week", "a year earlier") count from a reference time that moves with the
// narrative: the last date mentioned. Without an anchor, relative
// expressions get TimeML's unknown values ("XXXX-XX-XX").
//
// ClauseDate and DayOf help later stages date quotes and events.
package timex

import (
	"context"
	"strings"
	"time"

	"github.com/attache-project/attache/internal/doc"
)

// Options configures the stage. The zero value is ready to use.
type Options struct{}

// Stage is the timex annotator. It holds no state and is safe for
// concurrent use.
type Stage struct{}

// New returns the stage.
func New(opts Options) (*Stage, error) { return &Stage{}, nil }

// Name implements doc.Stage.
func (*Stage) Name() string { return "timex" }

// Process implements doc.Stage: it fills a.Timexes from a.Tokens, which
// the text stage must have produced.
func (*Stage) Process(ctx context.Context, a *doc.Analysis) error {
	a.Timexes = Tag(a)
	return nil
}

// Tag returns the time expressions of a, in text order.
func Tag(a *doc.Analysis) []doc.Timex {
	s := &scanner{a: a, out: []doc.Timex{}}
	s.anchor, s.hasAnchor = a.AnchorTime()
	if s.hasAnchor {
		s.ref = point{g: gDay, t: s.anchor}
	}
	for si := range a.Sentences {
		r := a.Sentences[si].Tokens
		if r[0] < 0 || r[1] > len(a.Tokens) || r[0] >= r[1] {
			continue
		}
		s.load(a.Tokens[r[0]:r[1]])
		s.sentence()
	}
	return s.out
}

// tok is a token as the grammar sees it.
type tok struct {
	w     string // lower-cased text
	raw   string
	tag   string
	start int
	end   int
}

// scanner holds the state of one document's tagging.
type scanner struct {
	a         *doc.Analysis
	anchor    time.Time
	hasAnchor bool
	// ref is the reference time of anaphoric expressions: the last
	// resolved date, initially the anchor.
	ref point
	// focus is the last quarter or half-year mentioned: financial news
	// compares it with "a year ago" (TimeBank: 1988-Q3, not 1988).
	focus point
	// speech is the first day named in the current sentence, before
	// the expression being resolved: in "said on Monday that he would
	// travel on Wednesday", the speech time that the Wednesday counts
	// from (TimeML anchors reported future on the speech act).
	speech point
	// monthsSpan is set once the current sentence has named a stretch
	// of several months ("in the first nine months, profit rose,
	// compared with a year earlier"): "a year earlier" then compares
	// that stretch, not the quarter in focus, and is the year before.
	monthsSpan bool
	toks       []tok
	out        []doc.Timex
}

func (s *scanner) load(ts []doc.Token) {
	s.toks = s.toks[:0]
	for x, t := range ts {
		raw, start, end := t.Text, t.Span[0], t.Span[1]
		if start+len(raw) != end {
			s.toks = append(s.toks, tok{w: lower(raw), raw: raw, tag: t.Tag, start: start, end: end})
			continue
		}
		// An opening quote glued to its word ("``Today, I'm here"):
		// the quote is a token of its own, a clause boundary.
		if q := gluedQuote(raw); q > 0 {
			s.toks = append(s.toks, tok{w: raw[:q], raw: raw[:q], tag: "``", start: start, end: start + q})
			raw, start = raw[q:], start+q
		}
		// A full stop glued to the last word before a closing quote
		// ("to Election Day.''"): the stop is a token of its own.
		if (x == len(ts)-1 || closingQuote(ts[x+1].Text)) && trailingDot(lower(raw)) {
			s.toks = append(s.toks, tok{w: lower(raw[:len(raw)-1]), raw: raw[:len(raw)-1], tag: t.Tag, start: start, end: end - 1})
			s.toks = append(s.toks, tok{w: ".", raw: ".", tag: ".", start: end - 1, end: end})
			continue
		}
		s.toks = append(s.toks, tok{w: lower(raw), raw: raw, tag: t.Tag, start: start, end: end})
	}
}

// gluedQuote returns the length of an opening quotation mark at the
// start of a longer word, or 0.
func gluedQuote(w string) int {
	if w == "" || w[0] != '`' && w[0] != '"' && w[0] != 0xE2 {
		return 0 // the common case: no quotation mark
	}
	for _, q := range []string{"``", "“", "\""} {
		if len(w) > len(q) && strings.HasPrefix(w, q) {
			c := w[len(q)]
			if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
				return len(q)
			}
		}
	}
	return 0
}

// closingQuote reports a token that closes a quotation.
func closingQuote(w string) bool {
	switch w {
	case "'", "''", "\"", "”", ")":
		return true
	}
	return false
}

// lower lower-cases ASCII without allocating when there is nothing to do.
func lower(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(w)
		}
	}
	return w
}

// match is one recognised expression: tokens [i, j) of the sentence.
type match struct {
	j   int
	typ string
	val string
	p   point // the resolved point of a DATE or TIME, for the reference time
	// anchored is set for DATE/TIME points that may become the reference
	// time.
	anchored bool
}

func (s *scanner) sentence() {
	n := len(s.toks)
	s.speech = point{}
	s.monthsSpan = false
	for i := 0; i < n; {
		m, ok := s.at(i)
		if !ok || m.j <= i {
			i++
			continue
		}
		start, end := s.toks[i].start, s.toks[m.j-1].end
		if trailingDot(s.toks[m.j-1].w) {
			end-- // "in early May." at the end of a sentence
		}
		if start < end && end <= len(s.a.Text) {
			s.out = append(s.out, doc.Timex{Span: doc.S(start, end), Text: s.a.Text[start:end], Type: m.typ, Value: m.val})
			if m.typ == "DURATION" && len(m.val) >= 3 && m.val[len(m.val)-1] == 'M' && m.val[1] != 'T' && m.val != "P1M" {
				s.monthsSpan = true
			}
			if m.anchored && m.p.xval == "" && m.p.g != gNone {
				s.ref = m.p
				if m.p.g >= gDay && s.speech.g == gNone {
					s.speech = m.p
				}
				if (m.p.g == gQuarter || m.p.g == gHalf) && !s.forecast(i, m) {
					s.focus = m.p
				}
			}
		}
		i = m.j
	}
}

// trailingDot reports a sentence-final period glued to a word that is
// not an abbreviation ("May.", but not "Sept." or "p.m.").
func trailingDot(w string) bool {
	if len(w) < 3 || w[len(w)-1] != '.' {
		return false
	}
	stem := w[:len(w)-1]
	if strings.IndexByte(stem, '.') >= 0 {
		return false // "a.m.", "U.S."
	}
	if _, ok := weekdays[w]; ok {
		return false
	}
	if _, ok := monthNames[stem]; ok && len(stem) <= 4 && stem != "may" && stem != "june" && stem != "july" {
		return false
	}
	return true
}

// w returns the lower-cased word at k, or "" outside the sentence.
func (s *scanner) w(k int) string {
	if k < 0 || k >= len(s.toks) {
		return ""
	}
	return s.toks[k].w
}

// adjacent reports whether token k+1 follows token k without a space.
func (s *scanner) adjacent(k int) bool {
	return k+1 < len(s.toks) && s.toks[k].end == s.toks[k+1].start
}

// capitalised reports whether the token at k starts with an upper-case
// letter.
func (s *scanner) capitalised(k int) bool {
	if k < 0 || k >= len(s.toks) || s.toks[k].raw == "" {
		return false
	}
	c := s.toks[k].raw[0]
	return c >= 'A' && c <= 'Z'
}

// at tries every rule at token i and returns the longest match.
func (s *scanner) at(i int) (match, bool) {
	w := s.toks[i].w
	best := match{j: i}
	try := func(m match, ok bool) {
		if ok && m.j > best.j {
			best = m
		}
	}
	// Cheap gate: most tokens start no expression.
	if !s.mayStart(w) {
		return best, false
	}
	start := i
	// Qualifiers and modifiers inside the span: "about two years ago",
	// "late November", "the end of 1990", "earlier this month".
	p := i
	lateOn := ""
	for steps := 0; steps < 3 && p < len(s.toks); steps++ {
		x := s.w(p)
		if durationQualifiers[x] {
			p++
			continue
		}
		if twoWordQualifiers[[2]string{x, s.w(p + 1)}] {
			p += 2
			if s.w(p) == "than" {
				p++
			}
			continue
		}
		switch x {
		case "early", "late", "mid", "mid-", "earlier", "later", "latter":
			if x == "late" || x == "early" {
				lateOn = x
			}
			p++
			if s.w(p) == "-" {
				p++
			}
			continue
		case "the", "this":
			if y := s.w(p + 1); y == "end" || y == "beginning" || y == "start" || y == "middle" || y == "turn" {
				if s.w(p+2) == "of" {
					p += 3
					continue
				}
			}
		case "end", "beginning", "start", "middle":
			if s.w(p+1) == "of" {
				p += 2
				continue
			}
		}
		break
	}
	if p > i {
		if lateOn != "" && s.w(p) == "on" {
			if m, ok := s.weekday(p+1, true); ok {
				m2 := s.lateOnDay(m, lateOn)
				return m2, true
			}
		}
		if m, ok := s.core(p); ok {
			if s.keepsModifier(i, p, m) {
				return m, true
			}
		}
	}
	try(s.core(start))
	return best, best.j > i
}

// lateOnDay turns "late on Tuesday" into the night of that day and
// "early on Tuesday" into its morning.
func (s *scanner) lateOnDay(m match, mod string) match {
	if m.p.g != gDay {
		return m
	}
	m.p.g = gPartOfDay
	m.p.pod = "NI"
	if mod == "early" {
		m.p.pod = "MO"
	}
	m.typ = "TIME"
	if m.p.xval != "" {
		m.p.xval += "T" + m.p.pod
	}
	m.val = m.p.value()
	return m
}

// keepsModifier decides whether qualifiers before an expression belong to
// it: "earlier" and "later" only before "this/next/last ..." and "today"
// ("earlier on Wednesday" keeps just "Wednesday").
func (s *scanner) keepsModifier(i, p int, m match) bool {
	for k := i; k < p; k++ {
		switch s.w(k) {
		case "earlier", "later", "latter":
			switch s.w(p) {
			case "this", "next", "last", "today", "tonight", "in", "that":
			default:
				return false
			}
		}
	}
	if durationQualifiers[s.w(i)] && m.typ != "DURATION" && !strings.HasSuffix(s.w(m.j-1), "ago") && m.typ != "TIME" {
		// "about" before a date is a preposition-like hedge TimeBank
		// rarely keeps, except with "ago" and clock times.
		return false
	}
	return true
}

// starters are words that can begin an expression besides numbers and
// the lexicon's names.
var starters = map[string]bool{
	"the": true, "this": true, "last": true, "next": true, "past": true, "coming": true,
	"previous": true, "following": true, "today": true, "yesterday": true, "tomorrow": true,
	"tonight": true, "now": true, "currently": true, "current": true, "recently": true,
	"recent": true, "lately": true, "soon": true, "future": true, "previously": true,
	"formerly": true, "nowadays": true, "these": true, "every": true, "each": true, "per": true,
	"a": true, "an": true, "several": true, "few": true, "many": true, "fiscal": true,
	"noon": true, "midnight": true, "midday": true, "early": true, "late": true, "mid": true,
	"earlier": true, "later": true, "end": true, "beginning": true, "start": true, "middle": true,
	"right": true, "that": true, "same": true, "christmas": true, "thanksgiving": true, "halloween": true, "valentine's": true, "valentine": true,
	"election": true, "labor": true, "labour": true, "memorial": true, "good": true,
	"easter": true, "new": true, "overnight": true, "once": true, "half": true, "decades": true,
	"years": true, "months": true, "weeks": true, "days": true, "hours": true, "minutes": true,
	"centuries": true, "year-earlier": true, "year-ago": true, "couple": true, "some": true,
	"nearly": true, "almost": true, "about": true, "around": true, "roughly": true,
	"approximately": true, "more": true, "less": true, "fewer": true, "at": true, "up": true,
	"no": true, "only": true, "just": true, "twice": true, "latter": true, "year": true,
}

func (s *scanner) mayStart(w string) bool {
	if w == "" {
		return false
	}
	c := w[0]
	if c >= '0' && c <= '9' || c == '\'' {
		return true
	}
	if starters[w] {
		return true
	}
	if _, ok := monthNames[strings.TrimSuffix(w, ".")]; ok {
		return true
	}
	if _, ok := weekdays[w]; ok {
		return true
	}
	if _, ok := weekdays[strings.TrimSuffix(w, "s")]; ok {
		return true // "on Sundays"
	}
	if len(w) == 2 && c == 'q' {
		return true // "Q4 2020"
	}
	if _, ok := numberWords[w]; ok {
		return true
	}
	if _, ok := ordinals[w]; ok {
		return true
	}
	if _, ok := frequencies[w]; ok {
		return true
	}
	if _, ok := seasons[w]; ok {
		return true
	}
	if strings.IndexByte(w, '-') > 0 {
		return true
	}
	return false
}

// core tries the expression rules at token p (after any modifiers) and
// returns the longest match.
func (s *scanner) core(p int) (match, bool) {
	best := match{j: p}
	try := func(m match, ok bool) {
		if ok && m.j > best.j {
			best = m
		}
	}
	try(s.clock(p))
	try(s.weekday(p, false))
	try(s.deictic(p))
	try(s.monthDate(p))
	try(s.dayMonth(p))
	try(s.yearExpr(p))
	try(s.relative(p))
	try(s.quantity(p))
	try(s.hyphenated(p))
	try(s.quarterExpr(p))
	try(s.season(p))
	try(s.set(p))
	try(s.vague(p))
	try(s.holiday(p))
	try(s.isoDate(p))
	try(s.barePlural(p))
	try(s.yearEnd(p))
	try(s.partOfDay(p))
	return best, best.j > p
}

// dateMatch builds the match of a DATE or TIME point ending before j.
func dateMatch(j int, p point) match {
	typ := "DATE"
	if p.g == gPartOfDay || p.g == gClock {
		typ = "TIME"
	}
	return match{j: j, typ: typ, val: p.value(), p: p, anchored: true}
}

// unknown returns the point of granularity g that cannot be resolved.
func unknown(g gran) point { return point{g: g, xval: unknownValue(g)} }

// forecast reports a quarter or half that has not ended before the
// anchor's quarter and is not talked about in the past tense ("will
// result in a fourth-quarter charge", "expect the trend to continue into
// the fourth quarter"): a forecast does not change the period that the
// story's results are about; "reported fourth-quarter earnings" (a fiscal
// quarter) does.
func (s *scanner) forecast(i int, m match) bool {
	if !s.hasAnchor || m.p.t.Before(startOf(s.anchor, gQuarter)) {
		return false
	}
	return s.tenseAround(i, m.j) != tensePast
}
