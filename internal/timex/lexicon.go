package timex

import (
	"strconv"
	"strings"
	"time"
)

// The lexicon is English function vocabulary of the calendar (month and
// day names, units, number words); it is part of the grammar rather than a
// user dictionary, so it lives in code.

// monthNames maps lower-cased month names and abbreviations to months.
// Abbreviations that are also common words ("mar", "may", "jun") are
// accepted only where a day or year follows (see monthAt).
var monthNames = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// ambiguousMonth lists month words that are ordinary words too: as bare
// months (without day or year) they need a temporal preposition before.
var ambiguousMonth = map[string]bool{"may": true, "march": true, "mar": true, "jun": true, "june": true, "april": true, "august": true, "jan": true}

// weekdays maps lower-cased weekday names (and dotted abbreviations) to
// weekdays.
var weekdays = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday,
	"mon.": time.Monday, "tue.": time.Tuesday, "tues.": time.Tuesday, "wed.": time.Wednesday,
	"thu.": time.Thursday, "thur.": time.Thursday, "thurs.": time.Thursday, "fri.": time.Friday,
}

// unit is a calendar or clock unit.
type unit int

const (
	uNone unit = iota
	uSecond
	uMinute
	uHour
	uDay
	uWeek
	uWeekend
	uMonth
	uQuarter
	uHalf
	uYear
	uDecade
	uCentury
	uMillennium
)

// units maps singular and plural unit nouns to units.
var units = map[string]unit{
	"second": uSecond, "seconds": uSecond, "minute": uMinute, "minutes": uMinute,
	"hour": uHour, "hours": uHour, "day": uDay, "days": uDay,
	"week": uWeek, "weeks": uWeek, "weekend": uWeekend, "weekends": uWeekend,
	"month": uMonth, "months": uMonth, "quarter": uQuarter, "quarters": uQuarter,
	"year": uYear, "years": uYear, "decade": uDecade, "decades": uDecade,
	"century": uCentury, "centuries": uCentury, "millennium": uMillennium, "millennia": uMillennium,
	"fortnight": uWeek, "fortnights": uWeek, "yr": uYear, "yrs": uYear, "hrs": uHour, "mins": uMinute,
}

// plural reports whether a unit noun is plural.
func plural(w string) bool {
	return strings.HasSuffix(w, "s") || w == "centuries" || w == "millennia"
}

// numberWords maps number words to values.
var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}

// ordinals maps ordinal words to values.
var ordinals = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
	"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
	"nineteenth": 19, "twentieth": 20, "twenty-first": 21, "thirtieth": 30, "thirty-first": 31,
}

// vagueQuantity lists quantifiers that make a duration's number unknown (X).
var vagueQuantity = map[string]bool{"several": true, "few": true, "many": true, "some": true, "numerous": true}

// seasons maps season nouns to TIMEX3 season codes.
var seasons = map[string]string{"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

// partsOfDay maps part-of-day nouns to TIMEX3 codes.
var partsOfDay = map[string]string{"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

// zones lists time-zone words that may follow a clock time.
var zones = map[string]bool{
	"gmt": true, "utc": true, "est": true, "edt": true, "cst": true, "cdt": true, "mst": true,
	"mdt": true, "pst": true, "pdt": true, "bst": true, "cet": true, "cest": true, "msk": true,
	"eet": true, "eest": true, "jst": true, "ist": true, "z": true,
}

// durationQualifiers are words before a duration or date that TimeBank
// keeps inside the span ("nearly two years", "about two years ago").
var durationQualifiers = map[string]bool{
	"about": true, "around": true, "nearly": true, "almost": true, "roughly": true,
	"approximately": true, "some": true,
}

// twoWordQualifiers are two-word qualifiers kept inside the span.
var twoWordQualifiers = map[[2]string]bool{
	{"more", "than"}: true, {"less", "than"}: true, {"fewer", "than"}: true, {"at", "least"}: true,
	{"at", "most"}: true, {"up", "to"}: true, {"no", "more"}: true,
}

// frequencies maps frequency adverbs to SET values.
var frequencies = map[string]string{
	"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
	"hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W", "biannually": "P6M",
}

// parseDigits parses a token of digits (commas allowed) and returns its
// value, or false.
func parseDigits(w string) (int, bool) {
	if w == "" || len(w) > 9 {
		return 0, false
	}
	n := 0
	digits := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= '0' && c <= '9':
			n = n*10 + int(c-'0')
			digits++
		case c == ',' && i > 0 && i < len(w)-1:
		default:
			return 0, false
		}
	}
	return n, digits > 0
}

// parseOrdinal parses "20th", "1st", "third" and returns the value.
func parseOrdinal(w string) (int, bool) {
	if v, ok := ordinals[w]; ok {
		return v, true
	}
	if len(w) < 3 {
		return 0, false
	}
	suf := w[len(w)-2:]
	if suf != "st" && suf != "nd" && suf != "rd" && suf != "th" {
		return 0, false
	}
	v, err := strconv.Atoi(w[:len(w)-2])
	if err != nil || v <= 0 {
		return 0, false
	}
	return v, true
}

// wordNumber parses a number written as one word or a hyphenated compound
// ("twenty-four"), or digits.
func wordNumber(w string) (int, bool) {
	if v, ok := parseDigits(w); ok {
		return v, true
	}
	if v, ok := numberWords[w]; ok {
		return v, true
	}
	if i := strings.IndexByte(w, '-'); i > 0 {
		t, ok1 := numberWords[w[:i]]
		o, ok2 := numberWords[w[i+1:]]
		if ok1 && ok2 && t >= 20 && t%10 == 0 && o < 10 {
			return t + o, true
		}
	}
	return 0, false
}
