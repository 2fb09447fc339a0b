package timex

import (
	"sort"

	"github.com/attache-project/attache/internal/doc"
)

// DayOf reduces a TIMEX3 value to the day it names, YYYY-MM-DD: a date
// ("2021-03-17") or a time on a date ("2021-03-16TNI",
// "2021-03-18T10:00"). It returns false for anything coarser or vaguer
// (weeks, months, years, durations, PAST_REF, values with X's).
func DayOf(value string) (string, bool) {
	if len(value) < 10 {
		return "", false
	}
	d := value[:10]
	for i := 0; i < 10; i++ {
		c := d[i]
		switch i {
		case 4, 7:
			if c != '-' {
				return "", false
			}
		default:
			if c < '0' || c > '9' {
				return "", false
			}
		}
	}
	if len(value) > 10 && value[10] != 'T' {
		return "", false
	}
	return d, true
}

// specific reports whether a DATE/TIME value names a calendar period that
// starts with a known year (a day, week, month, quarter, year...), as
// opposed to PRESENT_REF or XXXX-... values.
func specific(v string) bool {
	if len(v) < 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if v[i] < '0' || v[i] > '9' {
			return false
		}
	}
	return true
}

// ClauseDate returns the value of the DATE or TIME expression in the same
// clause of sentence as around (a cue verb or an event trigger) that names
// a specific calendar period (YYYY-MM-DD, or coarser such as 2021-W11 or
// 2021-03): the closest one after around is preferred ("the embassy said
// on Wednesday"), else the closest one before it ("On Wednesday, the
// embassy said"). A clause ends at ';', ':', a dash, or a quotation mark.
// Vague values (PRESENT_REF) and durations are never returned. Use DayOf
// to reduce the value to a day.
func ClauseDate(a *doc.Analysis, sentence int, around doc.Span) (value string, ok bool) {
	if a == nil || sentence < 0 || sentence >= len(a.Sentences) {
		return "", false
	}
	ss := a.Sentences[sentence].Span
	best, bestDist := "", -1
	for i := range a.Timexes {
		t := &a.Timexes[i]
		if !ss.Contains(t.Span) || (t.Type != "DATE" && t.Type != "TIME") || !specific(t.Value) {
			continue
		}
		var from, to, dist int
		if t.Span[0] >= around[1] {
			from, to = around[1], t.Span[0]
			dist = to - from
		} else if t.Span[1] <= around[0] {
			from, to = t.Span[1], around[0]
			// Before the verb counts double: "said on Wednesday" beats
			// "On Monday ... said", but a date before still wins over none.
			dist = 2*(to-from) + 1
		} else {
			continue // overlapping: not a date of the verb
		}
		if crossesClause(a, from, to) {
			continue
		}
		if bestDist < 0 || dist < bestDist {
			best, bestDist = t.Value, dist
		}
	}
	return best, bestDist >= 0
}

// crossesClause reports a clause boundary token in [from, to).
func crossesClause(a *doc.Analysis, from, to int) bool {
	i := sort.Search(len(a.Tokens), func(i int) bool { return a.Tokens[i].Span[0] >= from })
	for ; i < len(a.Tokens); i++ {
		tk := &a.Tokens[i]
		if tk.Span[0] >= to {
			break
		}
		switch tk.Text {
		case ";", ":", "--", "—", "–", "\"", "“", "”":
			return true
		}
	}
	return false
}
