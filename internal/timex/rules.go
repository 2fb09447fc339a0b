package timex

import (
	"fmt"
	"strings"
	"time"
)

// This file holds the grammar: one method per family of expressions. Each
// method looks at the tokens from p on and returns the match ending where
// the expression ends (tokens [p, m.j)), resolved to its TIMEX3 value.

// ---- helpers ---------------------------------------------------------

// stripPrefix removes "mid-", "early-", "late-" from a hyphenated word.
func stripPrefix(w string) string {
	for _, p := range []string{"mid-", "early-", "late-", "pre-", "post-"} {
		if strings.HasPrefix(w, p) && len(w) > len(p) {
			if p == "pre-" || p == "post-" {
				return ""
			}
			return w[len(p):]
		}
	}
	return w
}

// monthAt reads a month name at k and returns the month, the index after
// it (a separate abbreviation dot is consumed), and whether the name may
// stand alone as a month (it is unambiguous, or a temporal word precedes).
func (s *scanner) monthAt(k int) (m time.Month, j int, bare bool, ok bool) {
	w := s.w(k)
	if w == "" {
		return 0, k, false, false
	}
	w = stripPrefix(w)
	dotted := strings.HasSuffix(w, ".")
	key := strings.TrimSuffix(w, ".")
	m, ok = monthNames[key]
	if !ok {
		return 0, k, false, false
	}
	if pre := len(s.w(k)) - len(w); pre > 0 {
		// "mid-November", "late-November": the month is capitalised
		// after the prefix.
		if raw := s.toks[k].raw; pre >= len(raw) || !(raw[pre] >= 'A' && raw[pre] <= 'Z') && !strings.HasPrefix(s.w(k), "mid-") {
			return 0, k, false, false
		}
	} else if !s.capitalised(k) {
		return 0, k, false, false
	}
	if s.toks[k].tag == "MD" {
		return 0, k, false, false
	}
	j = k + 1
	abbrev := len(key) <= 4 && key != "june" && key != "july" && key != "may"
	if !dotted && abbrev && s.w(j) == "." && s.adjacent(k) {
		if _, isNum := parseDigits(s.w(j + 1)); isNum {
			j++
			dotted = true
		}
	}
	bare = !ambiguousMonth[key] && !abbrev
	switch s.w(k - 1) {
	case "in", "since", "until", "till", "by", "from", "through", "of", "during", "before", "after",
		"early", "late", "mid", "last", "next", "this", "to", "between", "each", "every", "that",
		"and", "or", "mid-", "end", "beginning", "throughout", "for":
		bare = true
	}
	if abbrev && !dotted {
		bare = false
	}
	return m, j, bare, true
}

// dayNumber reads a day of the month at k ("20", "20th").
func (s *scanner) dayNumber(k int) (int, bool) {
	w := s.w(k)
	if v, ok := parseDigits(w); ok && len(w) <= 2 && v >= 1 && v <= 31 {
		return v, true
	}
	if v, ok := parseOrdinal(w); ok && v >= 1 && v <= 31 {
		return v, true
	}
	return 0, false
}

// yearNumber reads an explicit four-digit year at k.
func (s *scanner) yearNumber(k int) (int, bool) {
	w := s.w(k)
	if len(w) != 4 {
		return 0, false
	}
	v, ok := parseDigits(w)
	if !ok || v < 1000 || v > 2199 {
		return 0, false
	}
	return v, true
}

// validDay reports whether y-m-d exists (no Feb 30, Feb 29 only in leap
// years).
func validDay(y int, m time.Month, d int) bool {
	return d >= 1 && d <= date(y, m+1, 0).Day()
}

// pickYear chooses the year of a calendar point named without one
// ("March 20", "in December", "the fourth quarter"): the tense of the
// governing verb says whether it lies before or after the anchor, and
// with no tense the nearest one wins.
func (s *scanner) pickYear(i, j int, g gran, build func(y int) (time.Time, bool)) (time.Time, bool) {
	ay := s.anchor.Year()
	cand, ok := build(ay)
	a := startOf(s.anchor, g)
	tn := s.tenseAround(i, j)
	if tn == tensePresent {
		tn = tenseNone
	}
	y := ay
	switch {
	case !ok:
		// Feb 29 outside a leap year: the nearest leap year in the
		// direction the tense points.
		step := -1
		if tn == tenseFuture {
			step = 1
		}
		for k := 1; k <= 8; k++ {
			if c, ok2 := build(ay + step*k); ok2 {
				return c, true
			}
		}
		return time.Time{}, false
	case tn == tensePast && startOf(cand, g).Sub(a) > slack(g, true):
		y = ay - 1
	case tn == tenseFuture && a.Sub(startOf(cand, g)) > slack(g, false):
		y = ay + 1
	case tn == tenseNone:
		d := startOf(cand, g).Sub(a).Hours() / 24
		if d > 183 {
			y = ay - 1
		} else if d < -183 {
			y = ay + 1
		}
	}
	if y == ay {
		return cand, true
	}
	return build(y)
}

// slack is how far a date may lie on the wrong side of the anchor for
// its tense (after it for the past tense) before it is moved to the
// neighbouring year: tense detection errs, and "the Aug. 7 blasts" a week
// after August 7 are this year's.
func slack(g gran, past bool) time.Duration {
	switch g {
	case gDay:
		return 30 * 24 * time.Hour
	case gQuarter, gHalf:
		// Results for a quarter are reported in the next one.
		return 100 * 24 * time.Hour
	case gMonth:
		// The coming month stays ahead whatever the tense: "a cutback
		// in September" reported in August is this year's; but "will
		// resume in February" said in March is next year's.
		if past {
			return 31 * 24 * time.Hour
		}
	}
	return 0
}

// weekdayPoint resolves a weekday named without a date: the tense of the
// governing verb says whether it is the last one (up to the anchor's own
// day) or the next one (from the anchor's own day on).
func (s *scanner) weekdayPoint(wd time.Weekday, i, j int) point {
	if !s.hasAnchor {
		return point{g: gDay, xval: fmt.Sprintf("XXXX-WXX-%d", isoWeekday(wd))}
	}
	t := s.anchor
	switch s.tenseAround(i, j) {
	case tenseFuture, tensePresent:
		if s.speech.g >= gDay && s.speech.t.Before(t) && t.Sub(s.speech.t) < 7*24*time.Hour {
			// "said on Monday he would travel on Wednesday" in a
			// Thursday story: the Wednesday after the speech.
			t = s.speech.t
		}
		diff := int(wd) - int(t.Weekday())
		t = t.AddDate(0, 0, (diff+7)%7)
	default:
		diff := int(wd) - int(t.Weekday())
		t = t.AddDate(0, 0, -((-diff + 7) % 7))
	}
	return point{g: gDay, t: t}
}

func isoWeekday(wd time.Weekday) int {
	if wd == time.Sunday {
		return 7
	}
	return int(wd)
}

// withPartOfDay extends a day match with a following "morning", "night".
func (s *scanner) withPartOfDay(k int, p point) (int, point) {
	if pod, ok := partsOfDay[s.w(k)]; ok && (p.g == gDay) {
		p.g = gPartOfDay
		p.pod = pod
		if p.xval != "" {
			p.xval += "T" + pod
		}
		return k + 1, p
	}
	return k, p
}

// ---- clock times -----------------------------------------------------

// clock: "10:00 GMT", "5 p.m. EST Nov. 9", "noon Thursday", "10:35 a.m.".
func (s *scanner) clock(p int) (match, bool) {
	w := s.w(p)
	hh, mm, j := -1, 0, p+1
	switch w {
	case "noon", "midday":
		hh = 12
	case "midnight":
		hh = 24
	default:
		h, m, ok := parseClock(w)
		if !ok {
			return match{}, false
		}
		hh, mm = h, m
		colon := strings.IndexByte(w, ':') > 0
		mer := s.w(j)
		if mer == "a.m." || mer == "a.m" || mer == "am" || mer == "p.m." || mer == "p.m" || mer == "pm" {
			if hh > 12 || hh == 0 {
				return match{}, false
			}
			if mer[0] == 'p' && hh < 12 {
				hh += 12
			}
			if mer[0] == 'a' && hh == 12 {
				hh = 0
			}
			j++
			if (mer == "a.m" || mer == "p.m") && s.w(j) == "." && s.adjacent(j-1) {
				j++
			}
		} else if !colon && len(w) <= 2 && hh >= 1 && hh <= 12 && mer == "in" && s.w(j+1) == "the" && partsOfDay[s.w(j+2)] != "" && s.w(j+2) != "night" {
			// "4 in the morning", "5 in the afternoon"
			if s.w(j+2) != "morning" && hh < 12 {
				hh += 12
			}
			j += 3
			colon = true
		} else if zones[mer] || (mer == "moscow" && s.w(j+1) == "time") {
			if !colon && len(w) != 4 {
				return match{}, false
			}
		} else if colon && (s.w(p-1) == "at" || s.w(p-1) == "by" || s.w(p-1) == "until" || s.w(p-1) == "around") {
			// "at 10:00"
		} else {
			return match{}, false
		}
		if !colon && len(w) == 4 {
			// military time "1430 GMT"
			hh, mm = hh/100, hh%100
			if hh > 24 || mm > 59 {
				return match{}, false
			}
		}
	}
	if zones[s.w(j)] {
		j++
	} else if s.w(j) == "moscow" && s.w(j+1) == "time" {
		j += 2
	} else if s.w(j) == "local" && s.w(j+1) == "time" {
		j += 2
	}
	// An optional day after the time: "5 p.m. EST, Nov. 6", "noon Thursday".
	day := point{}
	k := j
	on := false
	if s.w(k) == "," {
		k++
	} else if s.w(k) == "on" {
		// "1000 GMT on Wednesday": the day gives the value, but TimeML
		// leaves "on Wednesday" to its own expression.
		k++
		on = true
	}
	if m, ok := s.weekday(k, true); ok {
		day = m.p
		if wd, isWd := weekdays[s.w(k)]; isWd && m.j == k+1 && m.p.xval == "" {
			// The verb governs the whole "4 a.m. EDT Thursday": look
			// for it from the clock time on ("will leave at 4 a.m.
			// (4 a.m. EDT Thursday)").
			day = s.weekdayPoint(wd, p, k+1)
		}
		if !on {
			j = m.j
		}
	} else if m, ok := s.monthDate(k); ok && m.p.g == gDay {
		day = m.p
		if !on {
			j = m.j
		}
	} else if m, ok := s.deictic(k); ok && m.p.g == gDay {
		day = m.p
		if !on {
			j = m.j
		}
	}
	if day.g == gNone {
		if !s.hasAnchor {
			day = point{g: gDay, xval: "XXXX-XX-XX"}
		} else if s.ref.g >= gDay && s.ref.xval == "" {
			day = point{g: gDay, t: s.ref.t}
		} else {
			day = point{g: gDay, t: s.anchor}
		}
	}
	pt := point{g: gClock, t: day.t, hh: hh, mm: mm}
	if day.xval != "" {
		pt.xval = fmt.Sprintf("%sT%02d:%02d", day.xval, hh, mm)
	}
	return dateMatch(j, pt), true
}

// parseClock reads "10", "10:35", "1430".
func parseClock(w string) (int, int, bool) {
	if i := strings.IndexByte(w, ':'); i > 0 {
		h, ok1 := parseDigits(w[:i])
		m, ok2 := parseDigits(w[i+1:])
		if !ok1 || !ok2 || len(w[i+1:]) != 2 || h > 24 || m > 59 {
			return 0, 0, false
		}
		return h, m, true
	}
	h, ok := parseDigits(w)
	if !ok || strings.IndexByte(w, ',') >= 0 || (len(w) > 2 && len(w) != 4) {
		return 0, 0, false
	}
	return h, 0, true
}

// ---- days ------------------------------------------------------------

// weekday: "Wednesday", "Thursday, April 6", "Friday morning".
func (s *scanner) weekday(p int, noPod bool) (match, bool) {
	wd, ok := weekdays[s.w(p)]
	if !ok || !s.capitalised(p) {
		return match{}, false
	}
	j := p + 1
	// "Thursday, April 6" and "Thursday, April 6, 2000": the date rules.
	k := j
	if s.w(k) == "," {
		k++
	}
	if m, ok := s.monthDate(k); ok && m.p.g == gDay {
		return m, true
	}
	pt := s.weekdayPoint(wd, p, j)
	if !noPod {
		j, pt = s.withPartOfDay(j, pt)
	}
	return dateMatch(j, pt), true
}

// deictic: "today", "yesterday", "tomorrow", "tonight", with an optional
// part of the day ("yesterday morning").
func (s *scanner) deictic(p int) (match, bool) {
	w := s.w(p)
	off := 0
	switch w {
	case "today":
		if s.w(p+1) == "'s" && genericNow[s.w(p+2)] || s.w(p+1) == "'s" && genericNow[s.w(p+3)] {
			return match{}, false // "today's youth": nowadays, not a day
		}
	case "yesterday":
		off = -1
	case "tomorrow":
		off = 1
	case "tonight":
		pt := point{g: gPartOfDay, t: s.anchor, pod: "NI"}
		if !s.hasAnchor {
			pt.xval = "XXXX-XX-XXTNI"
		}
		return dateMatch(p+1, pt), true
	default:
		return match{}, false
	}
	pt := point{g: gDay, t: s.anchor.AddDate(0, 0, off)}
	if !s.hasAnchor {
		pt = unknown(gDay)
	}
	j, pt := s.withPartOfDay(p+1, pt)
	return dateMatch(j, pt), true
}

// genericNow are nouns after "today's" that make it mean "nowadays":
// "today's world", "today's young people", "today's personal computers".
var genericNow = map[string]bool{
	"world": true, "youth": true, "society": true, "generation": true, "young": true,
	"children": true, "kids": true, "standards": true, "technology": true, "computers": true,
	"economy": true, "people": true, "culture": true, "politics": true, "workplace": true,
}

// monthDate: "March 20", "Sept. 30, 1989", "March 2021", "March of 2021",
// "March" (when it can stand alone).
func (s *scanner) monthDate(p int) (match, bool) {
	m, j, bare, ok := s.monthAt(p)
	if !ok {
		return match{}, false
	}
	if d, ok := s.dayNumber(j); ok && !(s.w(j+1) == "," && s.isNumberThen(j+2)) {
		j++
		y, hasYear := 0, false
		k := j
		if s.w(k) == "," {
			k++
		}
		if v, ok := s.yearNumber(k); ok {
			y, hasYear, j = v, true, k+1
		}
		if hasYear {
			if !validDay(y, m, d) {
				return match{}, false
			}
			return dateMatch(j, point{g: gDay, t: date(y, m, d)}), true
		}
		if !s.hasAnchor {
			return dateMatch(j, point{g: gDay, xval: fmt.Sprintf("XXXX-%02d-%02d", m, d)}), true
		}
		t, ok := s.pickYear(p, j, gDay, func(y int) (time.Time, bool) { return date(y, m, d), validDay(y, m, d) })
		if !ok {
			return match{}, false
		}
		return dateMatch(j, point{g: gDay, t: t}), true
	}
	k := j
	if s.w(k) == "of" || s.w(k) == "," {
		k++
	}
	if y, ok := s.yearNumber(k); ok {
		return dateMatch(k+1, point{g: gMonth, t: date(y, m, 1)}), true
	}
	if y, k2, ok := s.spokenYear(k); ok {
		return dateMatch(k2, point{g: gMonth, t: date(y, m, 1)}), true
	}
	// "June last year", "April next year", "February this year".
	if x := s.w(j); (x == "last" || x == "next" || x == "this") && s.w(j+1) == "year" {
		if !s.hasAnchor {
			return dateMatch(j+2, point{g: gMonth, xval: fmt.Sprintf("XXXX-%02d", m)}), true
		}
		y := s.anchor.Year() + map[string]int{"last": -1, "next": 1, "this": 0}[x]
		return dateMatch(j+2, point{g: gMonth, t: date(y, m, 1)}), true
	}
	if !bare {
		return match{}, false
	}
	if !s.hasAnchor {
		return dateMatch(j, point{g: gMonth, xval: fmt.Sprintf("XXXX-%02d", m)}), true
	}
	t, _ := s.pickYear(p, j, gMonth, func(y int) (time.Time, bool) { return date(y, m, 1), true })
	return dateMatch(j, point{g: gMonth, t: t}), true
}

// isNumberThen reports a number at k: "March 20, 1,000 people" is not a
// year.
func (s *scanner) isNumberThen(k int) bool {
	_, ok := parseDigits(s.w(k))
	_, isYear := s.yearNumber(k)
	return ok && !isYear
}

// dayMonth: "20 March 2021", "the 20th of March", "the 20th" (after "on").
func (s *scanner) dayMonth(p int) (match, bool) {
	k := p
	if s.w(k) == "the" {
		k++
	}
	d, ok := s.dayNumber(k)
	if !ok {
		return match{}, false
	}
	k++
	of := false
	if s.w(k) == "of" {
		k++
		of = true
	}
	if m, j, _, ok := s.monthAt(k); ok {
		if y, ok := s.yearNumber(j); ok {
			if !validDay(y, m, d) {
				return match{}, false
			}
			return dateMatch(j+1, point{g: gDay, t: date(y, m, d)}), true
		}
		if !s.hasAnchor {
			return dateMatch(j, point{g: gDay, xval: fmt.Sprintf("XXXX-%02d-%02d", m, d)}), true
		}
		t, ok := s.pickYear(p, j, gDay, func(y int) (time.Time, bool) { return date(y, m, d), validDay(y, m, d) })
		if !ok {
			return match{}, false
		}
		return dateMatch(j, point{g: gDay, t: t}), true
	}
	// "on the 20th": a day of the anchor's month, or the month before or
	// after by tense.
	if of || s.w(p) != "the" || s.w(p-1) != "on" {
		return match{}, false
	}
	if _, isOrd := parseOrdinal(s.w(p + 1)); !isOrd {
		return match{}, false
	}
	j := p + 2
	if !s.hasAnchor {
		return dateMatch(j, point{g: gDay, xval: fmt.Sprintf("XXXX-XX-%02d", d)}), true
	}
	ay, am, ad := s.anchor.Date()
	mon := am
	switch s.tenseAround(p, j) {
	case tensePast:
		if d > ad {
			mon--
		}
	case tenseFuture:
		if d < ad {
			mon++
		}
	}
	t := date(ay, mon, 1)
	if !validDay(t.Year(), t.Month(), d) {
		return match{}, false
	}
	return dateMatch(j, point{g: gDay, t: date(t.Year(), t.Month(), d)}), true
}

// isoDate: "2021-03-20", "2021-03", "20.03.2021", "3/20/2021".
func (s *scanner) isoDate(p int) (match, bool) {
	w := s.w(p)
	if len(w) < 7 || len(w) > 10 || w[0] < '0' || w[0] > '9' {
		return match{}, false
	}
	var y, m, d int
	var n int
	switch {
	case len(w) == 10 && w[4] == '-' && w[7] == '-':
		n, _ = fmt.Sscanf(w, "%4d-%2d-%2d", &y, &m, &d)
	case len(w) == 7 && w[4] == '-':
		n, _ = fmt.Sscanf(w, "%4d-%2d", &y, &m)
		if n == 2 && m >= 1 && m <= 12 {
			return dateMatch(p+1, point{g: gMonth, t: date(y, time.Month(m), 1)}), true
		}
		return match{}, false
	case len(w) == 10 && w[2] == '.' && w[5] == '.':
		n, _ = fmt.Sscanf(w, "%2d.%2d.%4d", &d, &m, &y)
	case strings.Count(w, "/") == 2:
		n, _ = fmt.Sscanf(w, "%d/%d/%d", &m, &d, &y)
		if n == 3 && y < 100 {
			y += 1900
			if y < 1950 {
				y += 100
			}
		}
	default:
		return match{}, false
	}
	if n != 3 || m < 1 || m > 12 || y < 1000 || !validDay(y, time.Month(m), d) {
		return match{}, false
	}
	return dateMatch(p+1, point{g: gDay, t: date(y, time.Month(m), d)}), true
}

// ---- years, decades, centuries -----------------------------------------

// notYearAfter lists words after a four-digit number that make it a
// quantity, not a year.
var notYearAfter = map[string]bool{
	"%": true, "percent": true, "million": true, "billion": true, "trillion": true, "thousand": true,
	"points": true, "shares": true, "people": true, "dollars": true, "tons": true, "troops": true,
	"feet": true, "meters": true, "miles": true, "kilometers": true, "yen": true, "pounds": true,
	"barrels": true, "cars": true, "units": true, "votes": true, "members": true, "employees": true,
	"jobs": true, "workers": true, "soldiers": true, "acres": true, "cents": true, "euros": true,
	"rubles": true, "hours": true, "minutes": true, "days": true, "km": true, "kg": true,
	"to": false,
}

// yearExpr: "1987", "fiscal 1988", "the 1990s", "the '80s", "the 20th
// century", "mid-1990s".
func (s *scanner) yearExpr(p int) (match, bool) {
	k := p
	fiscal := false
	if s.w(k) == "fiscal" {
		k++
		fiscal = true
		if s.w(k) == "year" {
			k++
		}
	}
	if y, k2, ok := s.spokenYear(k); ok {
		return dateMatch(k2, point{g: gYear, t: date(y, 1, 1)}), true
	}
	if !fiscal && s.w(k) == "the" && s.w(k+1) == "year" {
		// "the year 2000", "the year two thousand" (transcripts).
		if y, ok := s.yearNumber(k + 2); ok {
			return dateMatch(k+3, point{g: gYear, t: date(y, 1, 1)}), true
		}
		if y, k2, ok := s.spokenYear(k + 2); ok {
			return dateMatch(k2, point{g: gYear, t: date(y, 1, 1)}), true
		}
		if s.w(k+2) == "two" && s.w(k+3) == "thousand" {
			j, y := k+4, 2000
			if s.w(j) == "and" {
				j++
			}
			if v, ok := numberWords[s.w(j)]; ok && v < 20 {
				y, j = 2000+v, j+1
			} else if s.w(j-1) == "and" {
				j--
			}
			return dateMatch(j, point{g: gYear, t: date(y, 1, 1)}), true
		}
	}
	if w := s.w(k); len(w) > 5 && w != stripPrefix(w) {
		// "mid-1996", "early-2020"
		if v, ok := parseDigits(stripPrefix(w)); ok && len(stripPrefix(w)) == 4 && v >= 1000 && v <= 2199 {
			return dateMatch(k+1, point{g: gYear, t: date(v, 1, 1)}), true
		}
	}
	if y, ok := s.yearNumber(k); ok {
		prev := s.w(p - 1)
		if prev == "$" || prev == "#" || prev == "no." || prev == "number" || prev == "flight" || prev == "route" {
			return match{}, false
		}
		if notYearAfter[s.w(k+1)] {
			return match{}, false
		}
		if !fiscal && s.toks[k].tag != "CD" && s.toks[k].tag != "JJ" && s.toks[k].tag != "NNP" && s.toks[k].tag != "NN" {
			return match{}, false
		}
		// "fiscal 1989" is the fiscal year named 1989.
		return dateMatch(k+1, point{g: gYear, t: date(y, 1, 1)}), true
	}
	if fiscal {
		return match{}, false
	}
	if s.w(k) == "the" {
		k++
	}
	w := stripPrefix(s.w(k))
	// Decades: "1990s", "1990's" (one token or two), "'80s", "80s".
	if len(w) >= 4 && strings.HasSuffix(w, "s") {
		num := strings.TrimSuffix(strings.TrimSuffix(w, "s"), "'")
		num = strings.TrimPrefix(num, "'")
		if v, ok := parseDigits(num); ok && v%10 == 0 && strings.IndexByte(num, ',') < 0 {
			switch len(num) {
			case 4:
				if v >= 1000 && v <= 2190 {
					return dateMatch(k+1, point{g: gDecade, t: date(v, 1, 1)}), true
				}
			case 2:
				if strings.HasPrefix(w, "'") || (k > p) {
					c := 1900
					if s.hasAnchor && 2000+v <= s.anchor.Year() {
						c = 2000
					}
					return dateMatch(k+1, point{g: gDecade, t: date(c+v, 1, 1)}), true
				}
			}
		}
	}
	// Centuries: "the 20th century", "the twenty-first century", "an
	// 11th century temple".
	if n, ok := parseOrdinal(w); ok && n >= 1 && n <= 30 && (s.w(k+1) == "century") {
		return dateMatch(k+2, point{g: gCentury, t: date((n-1)*100, 1, 1)}), true
	}
	// "the nineties"
	if k > p {
		if v, ok := decadeWords[w]; ok {
			return dateMatch(k+1, point{g: gDecade, t: date(1900+v, 1, 1)}), true
		}
	}
	return match{}, false
}

// decadeWords are the decades of the 1900s spelled out.
var decadeWords = map[string]int{"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90}

// spokenYear reads a year said in words, as broadcast transcripts write
// it: "nineteen ninety-six", "nineteen seventy nine".
func (s *scanner) spokenYear(k int) (int, int, bool) {
	if s.w(k) != "nineteen" {
		return 0, k, false
	}
	v, ok := wordNumber(s.w(k + 1))
	if !ok || v < 10 || v > 99 || s.toks[k+1].tag == "CD" && len(s.w(k+1)) == 2 && s.w(k + 1)[0] >= '0' && s.w(k + 1)[0] <= '9' {
		return 0, k, false
	}
	j := k + 2
	if v >= 20 && v%10 == 0 {
		if o, ok := numberWords[s.w(j)]; ok && o < 10 {
			v += o
			j++
		}
	}
	return 1900 + v, j, true
}

// ---- relative expressions ---------------------------------------------

// relative: "this week", "last month", "next year", "last Wednesday",
// "next January", "this summer", "this morning", "last night", "the
// weekend", "the next day", "the following week", "that day".
func (s *scanner) relative(p int) (match, bool) {
	k := p
	the := false
	if s.w(k) == "the" {
		the = true
		k++
	}
	det := s.w(k)
	switch det {
	case "this", "last", "next", "past", "coming", "previous", "following", "current", "same",
		"that", "day", "weekend", "preceding", "ensuing":
	case "month", "year", "week", "full", "fiscal":
		if the {
			return s.theYear(p, k)
		}
		return match{}, false
	default:
		return match{}, false
	}
	if the && (det == "this" || det == "that") {
		return match{}, false
	}
	if !the && (det == "same" || det == "following" || det == "preceding" || det == "ensuing") {
		return match{}, false
	}
	if det == "last" && !the && k > 0 && (s.toks[k-1].tag == "MD" || s.toks[k-1].tag == "TO") {
		return match{}, false // "will last weeks": the verb
	}
	// "the weekend", "the day before yesterday".
	if the && det == "weekend" {
		return s.weekendPoint(p, k+1, 0, true), true
	}
	if the && det == "day" {
		switch {
		case s.w(k+1) == "before" && s.w(k+2) == "yesterday":
			return s.anchorDay(k+3, -2), true
		case s.w(k+1) == "after" && s.w(k+2) == "tomorrow":
			return s.anchorDay(k+3, 2), true
		case (s.w(k+1) == "before" || s.w(k+1) == "after") && endOfPhrase(s.w(k+2)):
			n := -1
			if s.w(k+1) == "after" {
				n = 1
			}
			return s.refShift(k+2, uDay, n, gDay), true
		}
		return match{}, false
	}
	if det == "day" {
		return match{}, false
	}
	k++
	if the && (det == "month" || det == "year" || det == "week") {
		return match{}, false
	}
	if s.w(k) == "fiscal" && (s.w(k+1) == "year" || s.w(k+1) == "quarter") {
		k++ // "the current fiscal year", "next fiscal year"
	}
	x := s.w(k)
	j := k + 1
	// Units.
	if u, ok := units[x]; ok && !plural(x) {
		if the && (det == "past" || det == "last") && u != uWeekend {
			// "the past year" is a stretch of time, not a date.
			return match{j: j, typ: "DURATION", val: durationValue(1, u, false)}, true
		}
		switch det {
		case "this", "current":
			if u == uWeekend {
				return s.weekendPoint(p, j, 0, false), true
			}
			return s.anchorPeriod(j, u, 0), true
		case "last", "past", "previous", "preceding":
			if the && (det == "previous" || det == "preceding") {
				return s.refShift(j, u, -1, unitGran(u)), true
			}
			if u == uWeekend {
				return s.weekendPoint(p, j, -1, false), true
			}
			return s.anchorPeriod(j, u, -1), true
		case "next", "coming":
			if the && det == "next" && (u == uDay) {
				return s.refShift(j, u, 1, gDay), true
			}
			if u == uWeekend {
				return s.weekendPoint(p, j, 1, false), true
			}
			return s.anchorPeriod(j, u, 1), true
		case "following", "ensuing":
			return s.refShift(j, u, 1, unitGran(u)), true
		case "same", "that":
			return s.refShift(j, u, 0, unitGran(u)), true
		}
		return match{}, false
	}
	// "the coming weeks", "the past few weeks" are handled by quantity.
	if u, ok := units[x]; ok && plural(x) && (det == "coming" || det == "next" || det == "past" || det == "last") && u != uWeekend {
		return match{j: j, typ: "DURATION", val: durationValue(-1, u, false)}, true
	}
	// Parts of the day: "this morning", "last night", "the next morning".
	if pod, ok := partsOfDay[x]; ok {
		off := 0
		switch det {
		case "this":
		case "last":
			if x != "night" && x != "evening" {
				return match{}, false
			}
			off = -1
		case "next", "following":
			if !the && det == "next" {
				off = 1
			} else {
				m := s.refShift(j, uDay, 1, gDay)
				m.p.g, m.p.pod = gPartOfDay, pod
				if m.p.xval != "" {
					m.p.xval += "T" + pod
				}
				m.typ, m.val = "TIME", m.p.value()
				return m, true
			}
		case "same", "that":
		default:
			return match{}, false
		}
		pt := point{g: gPartOfDay, t: s.anchor.AddDate(0, 0, off), pod: pod}
		if !s.hasAnchor {
			pt.xval = "XXXX-XX-XXT" + pod
		}
		return dateMatch(j, pt), true
	}
	if the {
		if wd, ok := weekdays[x]; ok && s.capitalised(k) {
			return s.refWeekday(j, wd, det)
		}
		return match{}, false
	}
	// Weekdays: "last Wednesday", "next Monday", "this Friday".
	if wd, ok := weekdays[x]; ok && s.capitalised(k) {
		if !s.hasAnchor {
			return dateMatch(j, point{g: gDay, xval: fmt.Sprintf("XXXX-WXX-%d", isoWeekday(wd))}), true
		}
		diff := int(wd) - int(s.anchor.Weekday())
		var t time.Time
		switch det {
		case "last", "past", "previous":
			back := (-diff + 7) % 7
			if back == 0 {
				back = 7
			}
			t = s.anchor.AddDate(0, 0, -back)
		case "next", "coming":
			fwd := (diff + 7) % 7
			if fwd == 0 {
				fwd = 7
			}
			t = s.anchor.AddDate(0, 0, fwd)
		case "this":
			t = s.weekdayPoint(wd, p, j).t
		default:
			return match{}, false
		}
		j, pt := s.withPartOfDay(j, point{g: gDay, t: t})
		return dateMatch(j, pt), true
	}
	// Months: "last June", "next January", "this September".
	if m, mj, _, ok := s.monthAt(k); ok {
		if !s.hasAnchor {
			return dateMatch(mj, point{g: gMonth, xval: fmt.Sprintf("XXXX-%02d", m)}), true
		}
		ay, am := s.anchor.Year(), s.anchor.Month()
		if d, ok := s.dayNumber(mj); ok && (det == "last" || det == "next" || det == "this") {
			// "last Oct. 23": the last such day before the anchor.
			return s.relativeMonthDay(mj+1, m, d, det)
		}
		y := ay
		switch det {
		case "last", "past", "previous":
			if m >= am {
				y--
			}
		case "next", "coming":
			if m <= am {
				y++
			}
		case "this":
		default:
			return match{}, false
		}
		return dateMatch(mj, point{g: gMonth, t: date(y, m, 1)}), true
	}
	// Seasons: "last summer", "this fall", "next spring".
	if code, ok := seasons[x]; ok {
		return s.seasonPoint(p, j, code, det, 0, false), true
	}
	return match{}, false
}

// relativeMonthDay: "last Oct. 23" is the last October 23 before the
// anchor, "next March 3" the first after it, "this May 1" the one in the
// anchor's year.
func (s *scanner) relativeMonthDay(j int, m time.Month, d int, det string) (match, bool) {
	ay := s.anchor.Year()
	for k := 0; k < 8; k++ {
		y := ay
		switch det {
		case "last":
			y = ay - k
		case "next":
			y = ay + k
		default:
			if k > 0 {
				return match{}, false
			}
		}
		if !validDay(y, m, d) {
			continue // Feb 29 outside a leap year
		}
		t := date(y, m, d)
		if det == "last" && !t.Before(s.anchor) || det == "next" && !t.After(s.anchor) {
			continue
		}
		return dateMatch(j, point{g: gDay, t: t}), true
	}
	return match{}, false
}

// refWeekday: "the previous Friday", "the following Monday" count from
// the reference time (the day the narrative is at), strictly before or
// after it.
func (s *scanner) refWeekday(j int, wd time.Weekday, det string) (match, bool) {
	dir := 0
	switch det {
	case "previous", "preceding":
		dir = -1
	case "following", "next", "ensuing":
		dir = 1
	default:
		return match{}, false
	}
	if !s.hasAnchor || s.ref.xval != "" {
		return dateMatch(j, point{g: gDay, xval: fmt.Sprintf("XXXX-WXX-%d", isoWeekday(wd))}), true
	}
	ref := s.anchor
	if s.ref.g >= gDay {
		ref = s.ref.t
	}
	diff := int(wd) - int(ref.Weekday())
	var t time.Time
	if dir < 0 {
		back := (-diff + 7) % 7
		if back == 0 {
			back = 7
		}
		t = ref.AddDate(0, 0, -back)
	} else {
		fwd := (diff + 7) % 7
		if fwd == 0 {
			fwd = 7
		}
		t = ref.AddDate(0, 0, fwd)
	}
	j, pt := s.withPartOfDay(j, point{g: gDay, t: t})
	return dateMatch(j, pt), true
}

// theYear: "the year ended June 30" is a stretch of a year; "the full
// year", "the fiscal year" and "the end of the month" name the anchor's
// period.
func (s *scanner) theYear(p, k int) (match, bool) {
	x := s.w(k)
	j := k + 1
	if x == "full" || x == "fiscal" {
		if s.w(j) != "year" {
			return match{}, false
		}
		j++
		x = "year"
	}
	u := units[x]
	if a := s.w(j); a == "ended" || a == "ending" || a == "to" {
		return match{j: j, typ: "DURATION", val: durationValue(1, u, false)}, true
	}
	of := s.w(p - 1)
	if j == k+1 && !(of == "of" && (s.w(p-2) == "end" || s.w(p-2) == "beginning" || s.w(p-2) == "start" || s.w(p-2) == "middle" || s.w(p-2) == "rest")) {
		return match{}, false // a bare "the year" is too vague to tag
	}
	if !s.hasAnchor {
		return dateMatch(j, unknown(unitGran(u))), true
	}
	return dateMatch(j, point{g: unitGran(u), t: startOf(s.anchor, unitGran(u))}), true
}

// endOfPhrase reports whether w ends a phrase (punctuation or nothing).
func endOfPhrase(w string) bool {
	switch w {
	case "", ".", ",", ";", ":", "--", ")", "\"", "”", "'", "and", "or", "but":
		return true
	}
	return false
}

// anchorDay is the anchor shifted by off days.
func (s *scanner) anchorDay(j, off int) match {
	if !s.hasAnchor {
		return dateMatch(j, unknown(gDay))
	}
	return dateMatch(j, point{g: gDay, t: s.anchor.AddDate(0, 0, off)})
}

// anchorPeriod is the anchor's week, month, quarter, year... shifted by n.
func (s *scanner) anchorPeriod(j int, u unit, n int) match {
	g := unitGran(u)
	if g == gNone || g == gDay {
		if g == gDay {
			return s.anchorDay(j, n)
		}
		return match{}
	}
	if !s.hasAnchor {
		return dateMatch(j, unknown(g))
	}
	t := shift(startOf(s.anchor, g), u, n)
	return dateMatch(j, point{g: g, t: t})
}

// refShift is the reference time shifted by n units, at granularity g.
// Anaphoric expressions ("the following week", "a day later") use it.
func (s *scanner) refShift(j int, u unit, n int, g gran) match {
	if !s.hasAnchor || s.ref.xval != "" || s.ref.g == gNone {
		return dateMatch(j, unknown(g))
	}
	ref := s.ref
	if ref.g < g && g >= gDay {
		// "the next day" after "in March": no day to count from; use
		// the anchor.
		ref = point{g: gDay, t: s.anchor}
	}
	t := shift(ref.t, u, n)
	if g == gQuarter || g == gMonth || g == gYear || g == gWeek || g == gHalf {
		t = shift(startOf(ref.t, g), u, n)
	}
	return dateMatch(j, point{g: g, t: t})
}

// weekendPoint is the weekend of the anchor's week shifted by n weeks;
// "the weekend" alone (bare) is the last one in past tense, else the
// coming one.
func (s *scanner) weekendPoint(p, j, n int, bare bool) match {
	if !s.hasAnchor {
		return dateMatch(j, unknown(gWeekend))
	}
	if bare {
		wd := s.anchor.Weekday()
		if s.tenseAround(p, j) == tensePast && wd != time.Saturday && wd != time.Sunday {
			n = -1
		}
	}
	t := startOf(s.anchor, gWeek).AddDate(0, 0, 7*n)
	return dateMatch(j, point{g: gWeekend, t: t})
}

var seasonStart = map[string]time.Month{"SP": 3, "SU": 6, "FA": 9, "WI": 12}

// seasonPoint resolves a season relative to the anchor ("last summer")
// or, with year > 0, in that year.
func (s *scanner) seasonPoint(p, j int, code, det string, year int, hasYear bool) match {
	if hasYear {
		return dateMatch(j, point{g: gSeason, t: date(year, 1, 1), season: code})
	}
	if !s.hasAnchor {
		return dateMatch(j, point{g: gSeason, xval: "XXXX-" + code})
	}
	ay, am := s.anchor.Year(), s.anchor.Month()
	start := seasonStart[code]
	y := ay
	switch det {
	case "last", "past", "previous":
		if am < start+3 {
			y--
		}
	case "next", "coming":
		if am >= start {
			y++
		}
	case "this":
	default:
		tn := s.tenseAround(p, j)
		if tn == tensePast && am < start {
			y--
		}
		if tn == tenseFuture && am >= start+3 {
			y++
		}
	}
	return dateMatch(j, point{g: gSeason, t: date(y, 1, 1), season: code})
}

// season: "the summer of 2020", "summer 2020", "in the spring".
func (s *scanner) season(p int) (match, bool) {
	k := p
	the := s.w(k) == "the"
	if the {
		k++
		if x := s.w(k); x == "early" || x == "late" || x == "mid" {
			k++ // "the early summer"
		}
	}
	code, ok := seasons[s.w(k)]
	if !ok {
		return match{}, false
	}
	j := k + 1
	y := k + 1
	if s.w(y) == "of" {
		y++
	}
	if v, ok := s.yearNumber(y); ok {
		return s.seasonPoint(p, y+1, code, "", v, true), true
	}
	if !the {
		return match{}, false
	}
	switch s.w(p - 1) {
	case "in", "during", "by", "until", "since", "over", "through", "this", "early", "late", "mid", "for", "before", "after",
		"into", "of", "throughout", "from", "till", "around":
	default:
		return match{}, false
	}
	return s.seasonPoint(p, j, code, "", 0, false), true
}

// ---- numbers and units -------------------------------------------------

// quantityAt reads a quantity at k: digits, number words, "a", "a couple
// of", "a few", "several", "2 1/2". n < 0 means an unknown number.
func (s *scanner) quantityAt(k int) (n int, half bool, j int, ok bool) {
	w := s.w(k)
	switch w {
	case "a", "an":
		switch s.w(k + 1) {
		case "few":
			return -1, false, k + 2, true
		case "couple":
			if s.w(k+2) == "of" {
				return 2, false, k + 3, true
			}
			return 2, false, k + 2, true
		case "half":
			return 0, true, k + 2, true
		case "dozen":
			return 12, false, k + 2, true
		}
		return 1, false, k + 1, true
	case "several", "few", "many", "numerous":
		return -1, false, k + 1, true
	case "couple":
		if s.w(k+1) == "of" {
			return 2, false, k + 2, true
		}
	}
	if v, ok := wordNumber(w); ok {
		j = k + 1
		// "twenty four", "one hundred"
		if v >= 20 && v%10 == 0 && v < 100 {
			if o, ok := numberWords[s.w(j)]; ok && o < 10 {
				v += o
				j++
			}
		}
		if s.w(j) == "hundred" && v < 100 {
			v *= 100
			j++
		}
		if s.w(j) == "1/2" || (s.w(j) == "and" && s.w(j+1) == "a" && s.w(j+2) == "half") {
			if s.w(j) == "1/2" {
				j++
			} else {
				j += 3
			}
			return v, true, j, true
		}
		return v, false, j, true
	}
	return 0, false, k, false
}

// fillers may stand between a number and its unit ("three straight
// days", "eight trading days", "two more weeks").
var fillers = map[string]bool{
	"full": true, "straight": true, "consecutive": true, "successive": true, "trading": true,
	"business": true, "working": true, "more": true, "additional": true, "calendar": true,
	"long": true, "short": true, "whole": true, "entire": true, "fiscal": true, "extra": true,
}

// durationDets start duration phrases: "the past two years", "the first
// nine months", "the next few days".
var durationDets = map[string]bool{
	"past": true, "last": true, "next": true, "coming": true, "previous": true, "first": true,
	"final": true, "latest": true, "following": true, "remaining": true, "ensuing": true,
	"preceding": true, "same": true, "initial": true, "other": true,
}

// quantity: "three years", "90 days", "a few days", "two years ago",
// "the past two years", "a day later", "2 1/2 years".
func (s *scanner) quantity(p int) (match, bool) {
	k := p
	the := false
	if s.w(k) == "the" {
		the = true
		k++
	}
	det := ""
	lastVerb := !the && s.w(k) == "last" && (isVerb(s.toks[k].tag) || k > 0 && (s.toks[k-1].tag == "MD" || s.toks[k-1].tag == "TO" || s.toks[k-1].tag == "NNS" || s.w(k-1) == "not"))
	if durationDets[s.w(k)] && !lastVerb {
		// ("will last three days": "last" is the verb, not a determiner)
		det = s.w(k)
		k++
	}
	n, half, k2, ok := s.quantityAt(k)
	if the && det == "" && (!ok || n < 1 || s.w(k) == "a" || s.w(k) == "an") {
		return match{}, false // "the nine months" yes, "the few" no
	}
	if !ok {
		return match{}, false
	}
	if det == "" && k2 > k && (s.w(k) == "a" || s.w(k) == "an") && s.w(k2) == "second" {
		return match{}, false // "a second time"
	}
	if _, isYear := s.yearNumber(k); isYear && k2 == k+1 {
		return match{}, false // "the 1988 second quarter"
	}
	k = k2
	if fillers[s.w(k)] {
		k++
	}
	x := s.w(k)
	u, ok := units[x]
	if !ok {
		// "the past few weeks" leaves quantity empty-handed on "past".
		return match{}, false
	}
	j := k + 1
	if n == 0 && !half {
		return match{}, false
	}
	if !half && n > 0 && s.w(j) == "and" && s.w(j+1) == "a" && s.w(j+2) == "half" {
		half, j = true, j+3 // "a minute and a half"
	}
	if n == 1 && plural(x) && s.w(k-1) != "1" {
		// "one years" is not English; "a days" neither.
		if w := s.w(p); w == "a" || w == "an" {
			return match{}, false
		}
	}
	after := s.w(j)
	if det == "" && !half {
		switch after {
		case "ago":
			return s.ago(j+1, u, n), true
		case "earlier", "later", "before", "after", "previously", "hence":
			if (after == "before" || after == "after") && !endOfPhrase(s.w(j+1)) {
				break
			}
			if n < 0 {
				if after == "later" || after == "hence" {
					return match{j: j + 1, typ: "DATE", val: "FUTURE_REF"}, true
				}
				return match{j: j + 1, typ: "DATE", val: "PAST_REF"}, true
			}
			sign := 1
			if after == "earlier" || after == "before" || after == "previously" {
				sign = -1
			}
			m := s.relShift(j+1, u, sign*n)
			return m, true
		}
		// "$5 a year", "twice a week": a frequency.
		if w := s.w(p); (w == "a" || w == "per") && n == 1 && s.rateContext(p-1) {
			return match{j: j, typ: "SET", val: durationValue(1, u, false)}, true
		}
	}
	if after == "old" || (after == "-" && s.w(j+1) == "old") {
		return match{}, false // ages are not time expressions in TimeBank
	}
	if after == "long" {
		j++
	}
	if u == uWeekend {
		return match{}, false
	}
	if half && n == 0 {
		n = 0
		return match{j: j, typ: "DURATION", val: halfUnit(u)}, true
	}
	return match{j: j, typ: "DURATION", val: durationValue(n, u, half)}, true
}

// halfUnit writes "half a year", "a half hour".
func halfUnit(u unit) string {
	switch u {
	case uYear:
		return "P6M"
	case uMonth:
		return "P15D"
	case uDay:
		return "PT12H"
	case uHour:
		return "PT30M"
	case uMinute:
		return "PT30S"
	case uWeek:
		return "P3.5D"
	}
	return durationValue(-1, u, false)
}

// rateContext reports whether the token at k makes "a year" a rate
// ("$5 a year", "5 percent a year", "twice a week").
func (s *scanner) rateContext(k int) bool {
	if k < 0 {
		return false
	}
	switch s.w(k) {
	case "%", "percent", "times", "twice", "once", "cents", "dollars", "euros", "rubles", "each":
		return true
	}
	t := s.toks[k].tag
	return t == "CD" || t == "NNS"
}

// ago: "three years ago" counts back from the anchor. "a year ago" in a
// story about a quarter means that quarter a year before (TimeBank).
func (s *scanner) ago(j int, u unit, n int) match {
	if n < 0 {
		return match{j: j, typ: "DATE", val: "PAST_REF"}
	}
	g := unitGran(u)
	if u == uHour || u == uMinute || u == uSecond {
		g = gDay
		n = 0
	}
	if u == uDecade || u == uCentury {
		// "a decade ago" is a year: 2011 in 2021.
		g, n, u = gYear, n*map[unit]int{uDecade: 10, uCentury: 100}[u], uYear
	}
	if !s.hasAnchor {
		return match{j: j, typ: "DATE", val: unknownValue(g)}
	}
	if u == uYear && s.focus.g != gNone && !s.monthsSpan {
		m := dateMatch(j, point{g: s.focus.g, t: shift(s.focus.t, uYear, -n)})
		m.anchored = false
		return m
	}
	t := shift(startOf(s.anchor, g), u, -n)
	if g == gDay {
		t = shift(s.anchor, u, -n)
	}
	m := dateMatch(j, point{g: g, t: t})
	m.anchored = false
	return m
}

// relShift: "two days later", "a year earlier" count from the reference
// time; a year before a quarter is that quarter a year before.
func (s *scanner) relShift(j int, u unit, n int) match {
	g := unitGran(u)
	if u == uHour || u == uMinute || u == uSecond {
		g = gDay
		n = 0
	}
	if u == uYear && s.focus.g != gNone && n < 0 && !s.monthsSpan {
		m := dateMatch(j, point{g: s.focus.g, t: shift(s.focus.t, uYear, n)})
		m.anchored = false
		return m
	}
	if u == uYear && (s.ref.g == gQuarter || s.ref.g == gHalf || s.ref.g == gMonth) && !s.monthsSpan {
		g = s.ref.g
	}
	m := s.refShift(j, u, n, g)
	m.anchored = u == uDay
	return m
}

// hyphenated: "two-year", "30-day", "8-month-old", "decades-long",
// "year-earlier", "year-ago".
func (s *scanner) hyphenated(p int) (match, bool) {
	w := s.w(p)
	if strings.IndexByte(w, '-') <= 0 {
		return match{}, false
	}
	parts := strings.Split(w, "-")
	if parts[len(parts)-1] == "old" {
		return match{}, false // "6-year-old": an age
	}
	if last := parts[len(parts)-1]; last == "long" {
		parts = parts[:len(parts)-1]
	}
	if len(parts) == 0 {
		return match{}, false
	}
	if len(parts) == 2 && parts[0] == "year" && (parts[1] == "earlier" || parts[1] == "ago") {
		return s.yearEarlier(p)
	}
	ustr := parts[len(parts)-1]
	u, ok := units[ustr]
	if !ok {
		return match{}, false
	}
	num := strings.Join(parts[:len(parts)-1], "-")
	if num == "" {
		if len(parts) == 1 && (strings.HasSuffix(w, "-long")) {
			n := 1
			if plural(ustr) {
				n = -1
			}
			return match{j: p + 1, typ: "DURATION", val: durationValue(n, u, false)}, true
		}
		return match{}, false
	}
	if _, isOrd := parseOrdinal(num); isOrd && (u == uQuarter) {
		return match{}, false // "third-quarter" is a date
	}
	v, ok := wordNumber(num)
	if !ok {
		if num == "several" || num == "multi" || num == "many" {
			return match{j: p + 1, typ: "DURATION", val: durationValue(-1, u, false)}, true
		}
		if num == "half" {
			return match{j: p + 1, typ: "DURATION", val: halfUnit(u)}, true
		}
		return match{}, false
	}
	if v <= 0 || u == uWeekend || u == uQuarter {
		return match{}, false
	}
	return match{j: p + 1, typ: "DURATION", val: durationValue(v, u, false)}, true
}

// yearEarlier: "year-earlier", "the year-ago quarter", "the year-earlier
// period": the reference period a year before.
func (s *scanner) yearEarlier(p int) (match, bool) {
	j := p + 1
	switch s.w(j) {
	case "quarter", "period", "month", "year", "levels", "level":
		j++
	}
	m := s.relShift(j, uYear, -1)
	m.anchored = false
	return m, true
}

// ---- quarters and halves -----------------------------------------------

// quarterExpr: "the third quarter", "third-quarter", "the fourth quarter
// of 1989", "the first half", "the quarter", "the year-ago quarter",
// "Q3 2021".
func (s *scanner) quarterExpr(p int) (match, bool) {
	k := p
	the := false
	if s.w(k) == "the" || s.w(k) == "its" || s.w(k) == "their" {
		the = true
		k++
	}
	if x := s.w(k); the && (x == "comparable" || x == "corresponding" || x == "same") {
		if y := s.w(k + 1); y == "year-earlier" || y == "year-ago" {
			k++ // "the comparable year-ago quarter"
		} else if y == "period" || y == "quarter" {
			// "the corresponding period last year", "the same quarter a
			// year ago": the period in focus a year before.
			j := k + 2
			switch {
			case s.w(j) == "last" && s.w(j+1) == "year":
				j += 2
			case s.w(j) == "of" && s.w(j+1) == "last" && s.w(j+2) == "year":
				j += 3
			case (s.w(j) == "a" || s.w(j) == "one") && s.w(j+1) == "year" && (s.w(j+2) == "ago" || s.w(j+2) == "earlier"):
				j += 3
			default:
				return match{}, false
			}
			m := s.relShift(j, uYear, -1)
			m.anchored = false
			return m, true
		}
	}
	if s.w(k) == "year-earlier" || s.w(k) == "year-ago" {
		// "the year-ago third quarter"
		if o, ok := parseOrdinal(s.w(k + 1)); ok && o >= 1 && o <= 4 && s.w(k+2) == "quarter" && s.hasAnchor {
			y := s.anchor.Year()
			if s.focus.g != gNone {
				y = s.focus.t.Year()
			}
			return dateMatch(k+3, point{g: gQuarter, t: date(y-1, time.Month(3*(o-1)+1), 1)}), true
		}
		if n, _, k2, ok := s.quantityAt(k + 1); ok && n > 1 {
			if u, ok := units[s.w(k2)]; ok && plural(s.w(k2)) && u != uWeekend {
				// "the year-earlier nine months": the stretch itself.
				return match{j: k2 + 1, typ: "DURATION", val: durationValue(n, u, false)}, true
			}
		}
		if s.w(k+1) == "quarter" || s.w(k+1) == "period" {
			m := s.relShift(k+2, uYear, -1)
			m.anchored = false
			return m, true
		}
		return match{}, false
	}
	// "the 1988 third quarter", "this year's third quarter", "the 1989
	// period".
	year, hasYear := 0, false
	if v, ok := s.yearNumber(k); ok && the {
		year, hasYear = v, true
		k++
	} else if x := s.w(k); (x == "this" || x == "last" || x == "next") && s.w(k+1) == "year" && s.w(k+2) == "'s" && s.hasAnchor {
		year, hasYear = s.anchor.Year()+map[string]int{"this": 0, "last": -1, "next": 1}[x], true
		k += 3
	}
	if hasYear {
		if x := s.w(k); x == "quarter" || x == "period" {
			g, t := gYear, date(year, 1, 1)
			if s.focus.g == gQuarter || s.focus.g == gHalf {
				g, t = s.focus.g, date(year, s.focus.t.Month(), 1)
			} else if x == "period" {
				return match{}, false
			}
			return dateMatch(k+1, point{g: g, t: t}), true
		}
	}
	det := ""
	switch s.w(k) {
	case "latest", "current", "same", "recent", "last", "this", "next", "previous", "fiscal", "most", "latter":
		det = s.w(k)
		k++
		if det == "most" && s.w(k) == "recent" {
			k++
		}
		if s.w(k) == "fiscal" {
			k++
		}
	}
	w := s.w(k)
	if strings.HasPrefix(w, "fiscal-") {
		w = w[len("fiscal-"):] // "the fiscal-first quarter"
	}
	ord, u, j := 0, uNone, k+1
	if len(w) == 2 && w[0] == 'q' && w[1] >= '1' && w[1] <= '4' {
		ord, u = int(w[1]-'0'), uQuarter
	} else if i := strings.IndexByte(w, '-'); i > 0 {
		// "third-quarter" is a modifier: "the" belongs to its noun.
		if the && det == "" {
			return match{}, false
		}
		o, ok := parseOrdinal(w[:i])
		switch w[i+1:] {
		case "quarter":
			u = uQuarter
		case "half":
			u = uHalf
		}
		if !ok || u == uNone {
			return match{}, false
		}
		ord = o
	} else if o, ok := parseOrdinal(w); ok {
		switch s.w(k + 1) {
		case "quarter":
			u = uQuarter
		case "half":
			u = uHalf
		default:
			return match{}, false
		}
		ord, j = o, k+2
		if s.w(k+1+1) == "quarter" || s.w(k+1+1) == "half" {
			return match{}, false
		}
	} else if w == "half" && the && (det == "last" || det == "latter") {
		// "the last half of 1989", "the latter half": the second half
		// of a year (not "the last half of the '80s").
		if _, isYear := s.yearNumber(k + 2); s.w(k+1) == "of" && !isYear {
			return match{}, false
		}
		ord, u = 2, uHalf
	} else if w == "quarter" && (the || det != "") {
		if m, ok := s.quarterEnded(j); ok && s.focus.g != gQuarter {
			return m, true
		}
		return s.bareQuarter(p, j, det), true
	} else if w == "period" && (det == "latest" || det == "same" || det == "current") && s.focus.g != gNone {
		if det == "latest" && s.hasAnchor {
			return dateMatch(j, s.latestQuarter()), true
		}
		return dateMatch(j, s.focus), true
	} else {
		return match{}, false
	}
	if u == uQuarter && (ord < 1 || ord > 4) || u == uHalf && (ord < 1 || ord > 2) {
		return match{}, false
	}
	g := gQuarter
	month := time.Month(3*(ord-1) + 1)
	if u == uHalf {
		g = gHalf
		month = time.Month(6*(ord-1) + 1)
	}
	if hasYear {
		return dateMatch(j, point{g: g, t: date(year, month, 1)}), true
	}
	// An explicit year: "of 1989", ", 1989", "1989" (Q3 2021), "of
	// this year", "of next year".
	y := j
	if s.w(y) == "of" || s.w(y) == "," {
		y++
	}
	if s.w(y) == "fiscal" {
		y++
	}
	if v, ok := s.yearNumber(y); ok {
		return dateMatch(y+1, point{g: g, t: date(v, month, 1)}), true
	}
	if s.w(y) == "this" || s.w(y) == "last" || s.w(y) == "next" {
		if s.w(y+1) == "year" && s.hasAnchor {
			off := map[string]int{"this": 0, "last": -1, "next": 1}[s.w(y)]
			return dateMatch(y+2, point{g: g, t: date(s.anchor.Year()+off, month, 1)}), true
		}
	}
	if s.w(y) == "the" && s.w(y+1) == "year" && s.ref.xval == "" && s.hasAnchor {
		return dateMatch(y+2, point{g: g, t: date(s.ref.t.Year(), month, 1)}), true
	}
	if !s.hasAnchor {
		return dateMatch(j, point{g: g, xval: fmt.Sprintf("XXXX-%s%d", map[gran]string{gQuarter: "Q", gHalf: "H"}[g], ord)}), true
	}
	// The year of the reference time when the story is about another
	// year ("in 1987 ... the third quarter"), else the anchor's by tense.
	if det == "last" || det == "previous" {
		t, _ := s.pickYearDir(g, month, -1)
		return dateMatch(j, point{g: g, t: t}), true
	}
	if det == "next" {
		t, _ := s.pickYearDir(g, month, 1)
		return dateMatch(j, point{g: g, t: t}), true
	}
	t, _ := s.pickYear(p, j, g, func(y int) (time.Time, bool) { return date(y, month, 1), true })
	return dateMatch(j, point{g: g, t: t}), true
}

// pickYearDir: "last third quarter" is the last one strictly before the
// anchor's period.
func (s *scanner) pickYearDir(g gran, month time.Month, dir int) (time.Time, bool) {
	a := startOf(s.anchor, g)
	t := date(s.anchor.Year(), month, 1)
	if dir < 0 && !t.Before(a) {
		t = t.AddDate(-1, 0, 0)
	}
	if dir > 0 && !t.After(a) {
		t = t.AddDate(1, 0, 0)
	}
	return t, true
}

// bareQuarter: "the quarter", "the latest quarter", "this quarter", "last
// quarter": a quarter in focus (the reference time's), else the last
// complete one for past tense (results are reported after the quarter).
func (s *scanner) bareQuarter(p, j int, det string) match {
	if !s.hasAnchor {
		return dateMatch(j, unknown(gQuarter))
	}
	a := startOf(s.anchor, gQuarter)
	switch det {
	case "this", "current":
		return dateMatch(j, point{g: gQuarter, t: a})
	case "last", "previous":
		return dateMatch(j, point{g: gQuarter, t: a.AddDate(0, -3, 0)})
	case "next":
		return dateMatch(j, point{g: gQuarter, t: a.AddDate(0, 3, 0)})
	}
	if det == "latest" || det == "recent" || det == "most" {
		return dateMatch(j, s.latestQuarter())
	}
	if s.ref.g == gQuarter && s.ref.xval == "" {
		return dateMatch(j, s.ref)
	}
	if s.tenseAround(p, j) == tensePast {
		return dateMatch(j, point{g: gQuarter, t: a.AddDate(0, -3, 0)})
	}
	return dateMatch(j, point{g: gQuarter, t: a})
}

// latestQuarter is "the latest quarter": the quarter in focus when it has
// ended by the anchor (results are reported after the quarter closes),
// else the last complete quarter before the anchor's. A forecast for the
// current quarter ("expects fourth-quarter profit") is not the latest.
func (s *scanner) latestQuarter() point {
	a := startOf(s.anchor, gQuarter)
	if s.focus.g == gQuarter && s.focus.xval == "" && !s.focus.t.After(a) {
		return s.focus
	}
	return point{g: gQuarter, t: a.AddDate(0, -3, 0)}
}

// quarterEnded reads "ended Sept. 30" after "the quarter" (tokens from
// j): the calendar quarter holding most of the three months that end on
// that day, i.e. the one holding the day 45 days before it ("the quarter
// ended July 31" is May-July, mostly the second quarter).
func (s *scanner) quarterEnded(j int) (match, bool) {
	switch s.w(j) {
	case "ended", "ending", "that", "which":
	default:
		return match{}, false
	}
	k := j + 1
	if s.w(j) == "that" || s.w(j) == "which" {
		if s.w(k) != "ended" && s.w(k) != "ends" {
			return match{}, false
		}
		k++
	}
	m, ok := s.monthDate(k)
	if !ok || m.p.g != gDay || m.p.xval != "" {
		return match{}, false
	}
	t := startOf(m.p.t.AddDate(0, 0, -45), gQuarter)
	return dateMatch(j, point{g: gQuarter, t: t}), true
}

// ---- sets ---------------------------------------------------------------

// set: "every week", "each year", "every two weeks", "each Thursday",
// "every July", "daily", "weekly", "annually", "on Mondays".
func (s *scanner) set(p int) (match, bool) {
	w := s.w(p)
	if v, ok := frequencies[w]; ok {
		return match{j: p + 1, typ: "SET", val: v}, true
	}
	if strings.HasSuffix(w, "s") && len(w) > 6 {
		if wd, ok := weekdays[w[:len(w)-1]]; ok && s.capitalised(p) {
			return match{j: p + 1, typ: "SET", val: fmt.Sprintf("XXXX-WXX-%d", isoWeekday(wd))}, true
		}
	}
	if w != "every" && w != "each" && w != "per" {
		return match{}, false
	}
	k := p + 1
	if s.w(k) == "other" {
		if u, ok := units[s.w(k+1)]; ok && !plural(s.w(k+1)) {
			return match{j: k + 2, typ: "SET", val: durationValue(2, u, false)}, true
		}
		return match{}, false
	}
	if u, ok := units[s.w(k)]; ok && !plural(s.w(k)) {
		if u == uWeekend {
			return match{j: k + 1, typ: "SET", val: "XXXX-WXX-WE"}, true
		}
		return match{j: k + 1, typ: "SET", val: durationValue(1, u, false)}, true
	}
	if n, _, k2, ok := s.quantityAt(k); ok && n > 1 {
		if u, ok := units[s.w(k2)]; ok && plural(s.w(k2)) {
			return match{j: k2 + 1, typ: "SET", val: durationValue(n, u, false)}, true
		}
	}
	if wd, ok := weekdays[s.w(k)]; ok {
		v := fmt.Sprintf("XXXX-WXX-%d", isoWeekday(wd))
		j := k + 1
		if pod, ok := partsOfDay[s.w(j)]; ok {
			v += "T" + pod
			j++
		}
		return match{j: j, typ: "SET", val: v}, true
	}
	if m, ok := monthNames[s.w(k)]; ok && len(s.w(k)) > 3 {
		return match{j: k + 1, typ: "SET", val: fmt.Sprintf("XXXX-%02d", m)}, true
	}
	if pod, ok := partsOfDay[s.w(k)]; ok {
		return match{j: k + 1, typ: "SET", val: "XXXX-XX-XXT" + pod}, true
	}
	if code, ok := seasons[s.w(k)]; ok {
		return match{j: k + 1, typ: "SET", val: "XXXX-" + code}, true
	}
	return match{}, false
}

// ---- vague references -------------------------------------------------

// vague: "now", "currently", "recently", "in recent years", "the future",
// "the past", "these days", "nowadays".
func (s *scanner) vague(p int) (match, bool) {
	w := s.w(p)
	ref := func(j int, v string) (match, bool) { return match{j: j, typ: "DATE", val: v}, true }
	switch w {
	case "now":
		if s.w(p-1) == "right" || s.w(p-1) == "just" {
			return match{}, false
		}
		if s.w(p+1) == "that" { // "now that ..." is a conjunction
			return match{}, false
		}
		return ref(p+1, "PRESENT_REF")
	case "right":
		if s.w(p+1) == "now" {
			return ref(p+2, "PRESENT_REF")
		}
	case "currently", "nowadays", "presently":
		return ref(p+1, "PRESENT_REF")
	case "recently", "lately":
		return ref(p+1, "PAST_REF")
	case "these":
		if s.w(p+1) == "days" {
			return ref(p+2, "PRESENT_REF")
		}
	case "the", "recent", "in":
		k := p
		if w == "the" {
			k++
		}
		if w == "in" {
			if s.w(p+1) == "future" {
				return ref(p+2, "FUTURE_REF")
			}
			return match{}, false
		}
		switch s.w(k) {
		case "recent", "more", "most":
			if s.w(k) != "recent" {
				if s.w(k+1) != "recent" {
					return match{}, false
				}
				k++
			}
			if u, ok := units[s.w(k+1)]; ok && plural(s.w(k+1)) && u >= uDay {
				if u == uYear || u == uDecade || u == uCentury {
					return ref(k+2, "PAST_REF") // "in recent years"
				}
				// "in recent weeks": TimeBank's unknown stretch, PXW.
				return match{j: k + 2, typ: "DURATION", val: durationValue(-1, u, false)}, true
			}
			if s.w(k+1) == "past" && w == "the" {
				return ref(k+2, "PAST_REF")
			}
		case "past":
			if w == "the" {
				return ref(k+1, "PAST_REF")
			}
		case "future":
			if w == "the" {
				return ref(k+1, "FUTURE_REF")
			}
		case "near", "foreseeable", "distant", "immediate":
			if w == "the" && s.w(k+1) == "future" {
				return ref(k+2, "FUTURE_REF")
			}
			if w == "the" && s.w(k+1) == "term" && s.w(k) == "near" {
				return ref(k+2, "FUTURE_REF")
			}
		case "coming":
			if u, ok := units[s.w(k+1)]; ok && plural(s.w(k+1)) && u >= uDay && w == "the" {
				return match{j: k + 2, typ: "DURATION", val: durationValue(-1, u, false)}, true
			}
		}
	}
	return match{}, false
}

// ---- bare plural units -------------------------------------------------

// holiday: "Christmas", "Christmas Eve", "New Year's Day", "Thanksgiving",
// "Easter", resolved in the anchor's year by tense.
func (s *scanner) holiday(p int) (match, bool) {
	w := s.w(p)
	j := p + 1
	var build func(y int) time.Time
	switch {
	case w == "christmas" && s.capitalised(p):
		d := 25
		if s.w(j) == "eve" {
			d, j = 24, j+1
		} else if s.w(j) == "day" {
			j++
		}
		build = func(y int) time.Time { return date(y, 12, d) }
	case w == "new" && s.capitalised(p) && (s.w(j) == "year" || s.w(j) == "year's") && s.capitalised(j):
		j++
		if s.w(j) == "'s" {
			j++
		}
		switch s.w(j) {
		case "day":
			j++
			build = func(y int) time.Time { return date(y, 1, 1) }
		case "eve":
			j++
			build = func(y int) time.Time { return date(y, 12, 31) }
		default:
			return match{}, false
		}
	case w == "thanksgiving" && s.capitalised(p):
		if s.w(j) == "day" {
			j++
		}
		build = func(y int) time.Time {
			t := date(y, 11, 1)
			off := (int(time.Thursday) - int(t.Weekday()) + 7) % 7
			return t.AddDate(0, 0, off+21)
		}
	case w == "easter" && s.capitalised(p):
		if s.w(j) == "sunday" || s.w(j) == "day" {
			j++
		}
		build = easter
	case w == "good" && s.capitalised(p) && s.w(j) == "friday" && s.capitalised(j):
		j++
		build = func(y int) time.Time { return easter(y).AddDate(0, 0, -2) }
	case w == "halloween" && s.capitalised(p):
		build = func(y int) time.Time { return date(y, 10, 31) }
	case (w == "valentine's" || w == "valentine" && s.w(j) == "'s") && s.capitalised(p):
		if s.w(j) == "'s" {
			j++
		}
		if s.w(j) != "day" {
			return match{}, false
		}
		j++
		build = func(y int) time.Time { return date(y, 2, 14) }
	case (w == "election" || w == "labor" || w == "labour" || w == "memorial") && s.capitalised(p) && s.w(j) == "day" && s.capitalised(j):
		j++
		switch w {
		case "election":
			// US: the Tuesday after the first Monday of November.
			build = func(y int) time.Time { return nthWeekday(y, 11, time.Monday, 1).AddDate(0, 0, 1) }
		case "memorial":
			// US: the last Monday of May.
			build = func(y int) time.Time { return nthWeekday(y, 6, time.Monday, 1).AddDate(0, 0, -7) }
		default:
			// US: the first Monday of September.
			build = func(y int) time.Time { return nthWeekday(y, 9, time.Monday, 1) }
		}
	default:
		return match{}, false
	}
	if !s.hasAnchor {
		return dateMatch(j, unknown(gDay)), true
	}
	t, _ := s.pickYear(p, j, gDay, func(y int) (time.Time, bool) { return build(y), true })
	return dateMatch(j, point{g: gDay, t: t}), true
}

// partOfDay: "in the morning", "by mid-afternoon", "late afternoon
// Tuesday", "mid-afternoon yesterday": a part of the reference day (the
// day the narrative is at), or of the day named right after it.
func (s *scanner) partOfDay(p int) (match, bool) {
	k := p
	the := s.w(k) == "the"
	if the {
		k++
	}
	w := s.w(k)
	bare := stripPrefix(w)
	pod, ok := partsOfDay[bare]
	if !ok {
		return match{}, false
	}
	switch {
	case bare != w: // "mid-afternoon"
	case !the && (s.w(p-1) == "mid" || s.w(p-1) == "late" || s.w(p-1) == "early"):
	case the:
		switch s.w(p - 1) {
		case "in", "during", "by", "until", "through", "throughout":
		default:
			return match{}, false
		}
	default:
		return match{}, false
	}
	j := k + 1
	day := point{g: gDay, t: s.anchor}
	if !s.hasAnchor {
		day = unknown(gDay)
	} else if s.ref.g >= gDay && s.ref.xval == "" {
		day = point{g: gDay, t: s.ref.t}
	}
	if m, ok := s.deictic(j); ok && m.p.g == gDay {
		day, j = m.p, m.j
	} else if m, ok := s.weekday(j, true); ok && m.p.g == gDay {
		day, j = m.p, m.j
	}
	pt := point{g: gPartOfDay, t: day.t, pod: pod}
	if day.xval != "" {
		pt.xval = day.xval + "T" + pod
	}
	return dateMatch(j, pt), true
}

// yearEnd: "by year-end", "since year end", "by year's end": the last
// day of the anchor's year, or of the year before when the tense says
// it has passed ("since year-end" in an October story is last
// December 31).
func (s *scanner) yearEnd(p int) (match, bool) {
	j := p + 1
	switch s.w(p) {
	case "year-end":
	case "year":
		if s.w(j) == "'s" {
			j++
		}
		if s.w(j) != "end" || s.w(j+1) == "of" {
			return match{}, false
		}
		j++
	default:
		return match{}, false
	}
	switch s.w(p - 1) {
	case "by", "at", "since", "before", "until", "till", "around", "through", "near", "after", "from", "to":
	default:
		return match{}, false
	}
	if !s.hasAnchor {
		return dateMatch(j, point{g: gDay, xval: "XXXX-12-31"}), true
	}
	t, _ := s.pickYear(p, j, gDay, func(y int) (time.Time, bool) { return date(y, 12, 31), true })
	return dateMatch(j, point{g: gDay, t: t}), true
}

// nthWeekday is the n-th (1-based) weekday wd of month m of year y.
func nthWeekday(y int, m time.Month, wd time.Weekday, n int) time.Time {
	t := date(y, m, 1)
	off := (int(wd) - int(t.Weekday()) + 7) % 7
	return t.AddDate(0, 0, off+7*(n-1))
}

// easter computes Western Easter Sunday (anonymous Gregorian algorithm).
func easter(y int) time.Time {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return date(y, time.Month(month), day)
}

// barePlural: "for decades", "in years", "over months": a stretch of
// unknown length (PXDE, PXY, PXM).
func (s *scanner) barePlural(p int) (match, bool) {
	x := s.w(p)
	u, ok := units[x]
	if !ok || !plural(x) || u == uWeekend {
		return match{}, false
	}
	switch s.w(p - 1) {
	case "for", "in", "over", "within", "after", "took", "take", "takes", "lasted", "last":
	default:
		return match{}, false
	}
	return match{j: p + 1, typ: "DURATION", val: durationValue(-1, u, false)}, true
}
