// Package dateline finds and parses the wire dateline at the head of a news
// story ("WASHINGTON, March 18. /TASS/.", "NAIROBI, Kenya (AP) _",
// "BRUSSELS, March 2 -") and sets the document's reference date (anchor).
//
// The parser prefers misses to false positives: a dateline needs a place
// followed by the separator structure of a wire dateline (a date, an agency
// or a dash), and a bare place with a dash only counts when the place is
// written in capitals.
package dateline

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/attache-project/attache/internal/doc"
)

// Options configures the stage.
type Options struct {
	// DefaultYear is the year given to a dateline's day and month when the
	// document has no published date (0: none, the date stays null).
	DefaultYear int
}

// Stage is the dateline annotator. It is stateless apart from its options
// and safe for concurrent use.
type Stage struct {
	opts Options
}

// New returns the stage.
func New(opts Options) (*Stage, error) {
	if opts.DefaultYear < 0 || opts.DefaultYear > 9999 {
		return nil, fmt.Errorf("dateline: default year %d out of range", opts.DefaultYear)
	}
	return &Stage{opts: opts}, nil
}

// Name implements doc.Stage.
func (*Stage) Name() string { return "dateline" }

// Process implements doc.Stage: it sets a.Dateline (or leaves it nil) and
// a.Anchor, and adds a warning when a dateline date has no year.
func (s *Stage) Process(ctx context.Context, a *doc.Analysis) error {
	pub, hasPub := publishedDate(doc.Val(a.Published))
	m, ok := Find(a.Text)
	if ok {
		d := &doc.Dateline{
			Place:     m.Place,
			Region:    doc.Str(m.Region),
			Agency:    doc.Str(m.Agency),
			Span:      m.Span,
			BodyStart: m.BodyStart,
		}
		if m.Month > 0 {
			date, err := m.Resolve(pub, hasPub, s.opts.DefaultYear)
			if err != nil {
				a.Warnings = append(a.Warnings, "dateline: "+err.Error())
			} else {
				d.Date = doc.Str(date.Format(doc.DateLayout))
			}
		}
		a.Dateline = d
	}
	switch {
	case hasPub:
		a.Anchor = &doc.Anchor{Date: pub.Format(doc.DateLayout), From: "published"}
	case a.Dateline != nil && a.Dateline.Date != nil:
		a.Anchor = &doc.Anchor{Date: *a.Dateline.Date, From: "dateline"}
	default:
		a.Anchor = nil
	}
	return nil
}

// publishedDate reads the calendar date at the head of a published date
// (YYYY-MM-DD, possibly followed by a time as in RFC 3339).
func publishedDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse(doc.DateLayout, s[:10])
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}

// Match is a dateline found in a text.
type Match struct {
	Place  string // as written, e.g. "WASHINGTON", "DAR ES SALAAM"
	Region string // "/Leningrad Region/", "[India]" or the qualifiers after the place ("Kenya", "Calif."), as written
	Agency string // normalised agency name ("TASS", "Reuters", "AP"...), "" if none
	Month  int    // 1-12, 0 when the dateline has no date
	Day    int    // 1-31, 0 when the dateline has no date
	Year   int    // year written in the dateline, 0 if none
	Span   doc.Span
	// BodyStart is the offset of the first body character after the
	// dateline and the whitespace that follows it.
	BodyStart int
}

// Resolve returns the dateline's full date. The year is the one written
// in the dateline, else the year that puts the day and month closest to
// the published date (so "Dec 31" published on Jan 1 is the previous year
// and "Jan 1" published on Dec 31 the next one), else defaultYear. It
// fails when no year is available or the day does not exist.
func (m Match) Resolve(pub time.Time, hasPub bool, defaultYear int) (time.Time, error) {
	if m.Month == 0 {
		return time.Time{}, fmt.Errorf("dateline has no date")
	}
	mk := func(y int) (time.Time, bool) {
		t := time.Date(y, time.Month(m.Month), m.Day, 0, 0, 0, 0, time.UTC)
		return t, t.Day() == m.Day && int(t.Month()) == m.Month
	}
	switch {
	case m.Year > 0:
		if t, ok := mk(m.Year); ok {
			return t, nil
		}
	case hasPub:
		var best time.Time
		found := false
		for y := pub.Year() - 1; y <= pub.Year()+1; y++ {
			t, ok := mk(y)
			if !ok {
				continue
			}
			if !found || absDur(t.Sub(pub)) < absDur(best.Sub(pub)) {
				best, found = t, true
			}
		}
		if found {
			return best, nil
		}
	case defaultYear > 0:
		if t, ok := mk(defaultYear); ok {
			return t, nil
		}
	default:
		return time.Time{}, fmt.Errorf("date %s %d has no year (no published date and no default year)", time.Month(m.Month), m.Day)
	}
	return time.Time{}, fmt.Errorf("no such date: %s %d", time.Month(m.Month), m.Day)
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// Building blocks of the dateline pattern.
const (
	// reWord is one word of a place name: letters with inner dots,
	// apostrophes and hyphens ("ST.", "N.Y.", "PORT-AU-PRINCE", "O'SMACH").
	reWord  = `[\p{L}][\p{L}\p{M}'’.\-]*`
	reMonth = `(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`
	reDate  = `(?:(?P<mon1>` + reMonth + `)\s{1,3}(?P<day1>\d{1,2})|(?P<day2>\d{1,2})\s{1,3}(?P<mon2>` + reMonth + `))\b(?:,?\s{1,3}(?P<year>(?:1[89]|20)\d\d)\b)?`
	reDash  = `(?:--|-|_|—|–)`
)

// datelineRe matches a dateline at the start of a line; the Go code then
// checks what the pattern cannot (capitalisation, separators).
var datelineRe = regexp.MustCompile(`^\**` +
	`(?P<place>` + reWord + `(?:[ /]` + reWord + `){0,5})` +
	`(?:\s{0,2}[/\[](?P<region>[^/\[\]\n]{1,60})[/\]])?` +
	`(?P<quals>(?:[ \t]?,[ \t]{0,3}` + reWord + `(?: ` + reWord + `){0,3})*)` +
	`(?:[ \t]?,?[ \t]{0,3}(?P<date>` + reDate + `))?` +
	`(?:` +
	// TASS: ". /TASS/."
	`\.?[ \t]{0,3}/(?P<ag1>[\p{L}][\p{L}\- ]{0,24})/\.?` +
	// RIA: " - RIA Novosti -"
	`|[ \t]{0,3}` + reDash + `[ \t]{0,3}(?P<ag3>RIA Novosti|RIA|Sputnik|Interfax|Ukrinform|BelTA)[ \t]{0,3}(?:--|-|—|–|\.)` +
	// "(AP) _", "(Xinhua) --", "(EFE).-", "(ANI):"
	`|,?[ \t]{0,3}\((?P<ag2>[\p{L}][\p{L}\-. ]{0,24}?)[ \t]?\)(?P<sep2>[ \t]{0,3}(?:--|-|_|—|–|:|\.-|\.))?` +
	// Reuters 1987: ", Reuter -"
	`|,[ \t]{0,3}(?P<ag4>Reuters?)[ \t]{0,3}(?:--|-)` +
	// plain: " -", " _", " --"
	`|(?P<sep5>,?[ \t]{0,3}` + reDash + `)` +
	`)`)

var (
	gPlace  = datelineRe.SubexpIndex("place")
	gRegion = datelineRe.SubexpIndex("region")
	gQuals  = datelineRe.SubexpIndex("quals")
	gDate   = datelineRe.SubexpIndex("date")
	gMon1   = datelineRe.SubexpIndex("mon1")
	gDay1   = datelineRe.SubexpIndex("day1")
	gMon2   = datelineRe.SubexpIndex("mon2")
	gDay2   = datelineRe.SubexpIndex("day2")
	gYear   = datelineRe.SubexpIndex("year")
	gAg1    = datelineRe.SubexpIndex("ag1")
	gAg2    = datelineRe.SubexpIndex("ag2")
	gSep2   = datelineRe.SubexpIndex("sep2")
	gAg3    = datelineRe.SubexpIndex("ag3")
	gAg4    = datelineRe.SubexpIndex("ag4")
	gSep5   = datelineRe.SubexpIndex("sep5")
)

// maxHead is how far into a line a dateline may reach; real datelines are
// far shorter, and the limit keeps the cost independent of document size.
const maxHead = 240

// maxTitle is the longest first line taken as a title above a dateline.
const maxTitle = 200

// Find looks for a dateline at the start of text, after optional leading
// whitespace and an optional title line, and reports whether it found one.
func Find(text string) (Match, bool) {
	start := skipSpace(text, 0)
	if m, ok := findAt(text, start); ok {
		return m, true
	}
	// A title line above the dateline: a short first line, then the
	// dateline on the next non-blank line.
	nl := strings.IndexByte(text[start:], '\n')
	if nl < 0 || nl > maxTitle {
		return Match{}, false
	}
	return findAt(text, skipSpace(text, start+nl+1))
}

func skipSpace(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) && r != '\uFEFF' {
			break
		}
		i += n
	}
	return i
}

// findAt parses a dateline starting at offset start.
func findAt(text string, start int) (Match, bool) {
	head := text[start:]
	if len(head) > maxHead {
		head = head[:maxHead]
		// Do not cut a rune in two.
		for len(head) > 0 && !utf8.RuneStart(text[start+len(head)]) {
			head = head[:len(head)-1]
		}
	}
	loc := datelineRe.FindStringSubmatchIndex(head)
	if loc == nil {
		return Match{}, false
	}
	g := func(i int) string {
		if loc[2*i] < 0 {
			return ""
		}
		return head[loc[2*i]:loc[2*i+1]]
	}
	has := func(i int) bool { return loc[2*i] >= 0 }

	m := Match{Place: g(gPlace)}
	end := loc[1]
	// The separator must end the dateline: a dash glued to the next word is
	// a hyphen ("NEW YORK-based"), not a separator.
	if end < len(head) {
		last, _ := utf8.DecodeLastRuneInString(head[:end])
		next, _ := utf8.DecodeRuneInString(head[end:])
		if (last == '-' || last == '.' || last == ':') && !unicode.IsSpace(next) {
			return Match{}, false
		}
	}
	if end == len(head) && len(head) == maxHead {
		// The match reaches the cut; be safe and refuse.
		return Match{}, false
	}

	// Agency.
	known := true
	switch {
	case has(gAg1):
		m.Agency, known = normAgency(g(gAg1))
		if !known {
			return Match{}, false // "/.../" that is no agency: not a TASS dateline
		}
	case has(gAg2):
		m.Agency, known = normAgency(g(gAg2))
		if !known && (!has(gSep2) || !isAgencyLike(g(gAg2))) {
			return Match{}, false
		}
	case has(gAg3):
		m.Agency, _ = normAgency(g(gAg3))
	case has(gAg4):
		m.Agency = "Reuters"
	}
	hasAgency := m.Agency != ""

	// Date.
	if has(gDate) {
		mon, day := g(gMon1), g(gDay1)
		if mon == "" {
			mon, day = g(gMon2), g(gDay2)
		}
		m.Month = monthNumber(mon)
		m.Day = atoi(day)
		if m.Month == 0 || m.Day < 1 || m.Day > 31 {
			return Match{}, false
		}
		if has(gYear) {
			m.Year = atoi(g(gYear))
		}
	}
	hasDate := m.Month > 0
	// "(Prensa Latina) Cuba..." has no separator after the agency; without
	// a date that shape is too close to prose ("Mr. Smith (Reuters) said").
	if has(gAg2) && !has(gSep2) && (!hasDate || !bodyLooksLikeStart(text[skipSpace(text, start+end):])) {
		return Match{}, false
	}

	// Region: "/Leningrad Region/", "[India]" or ", Kenya".
	quals := strings.TrimSpace(strings.TrimPrefix(g(gQuals), ","))
	switch {
	case has(gRegion):
		m.Region = strings.TrimSpace(g(gRegion))
	case quals != "":
		m.Region = quals
	}
	if isMonthWord(lastWord(m.Region)) {
		return Match{}, false
	}

	// Capitalisation and structure.
	place := m.Place
	switch {
	case !hasDate && !hasAgency:
		// Bare "MIAMI _": only a capitalised place with capitalised
		// qualifiers counts.
		if !allCaps(place) || !capitalised(quals) || !has(gSep5) || !bodyLooksLikeStart(text[skipSpace(text, start+end):]) {
			return Match{}, false
		}
	case hasAgency && !known:
		if !allCaps(place) {
			return Match{}, false
		}
	default:
		lower := !hasUpper(place) && !hasUpper(quals)
		if !lower && !capitalised(place) {
			return Match{}, false
		}
		if !lower && !capitalised(quals) {
			return Match{}, false
		}
	}
	if isMonthWord(firstWord(place)) || (!hasDate && !hasAgency && hasSlugWord(place)) {
		return Match{}, false
	}

	placeStart := start + loc[2*gPlace]
	m.Span = doc.S(placeStart, start+end)
	m.BodyStart = skipSpace(text, start+end)
	return m, true
}

// bodyLooksLikeStart reports whether s starts like the first sentence of a
// story (capital letter, digit or quotation mark); a bare "PLACE -" needs it
// because "US, EU - talks" is a headline, not a dateline.
func bodyLooksLikeStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'“‘«<(", r)
}

// slugWords are capitalised words of headline slugs and labels
// ("BREAKING NEWS -", "UPDATE 2 -", "EXCLUSIVE -") that look like a bare
// dateline but never name a place.
var slugWords = map[string]bool{
	"BREAKING": true, "UPDATE": true, "UPDATED": true, "EXCLUSIVE": true, "URGENT": true,
	"FLASH": true, "CORRECTED": true, "CORRECTION": true, "ANALYSIS": true, "FACTBOX": true,
	"WRAPUP": true, "REFILE": true, "RPT": true, "REPEAT": true, "INSIGHT": true,
	"COLUMN": true, "OPINION": true, "EDITORIAL": true, "PHOTO": true, "VIDEO": true,
	"ALERT": true, "NOTE": true, "EDITORS": true, "ADVISORY": true,
	"INTERVIEW": true, "PREVIEW": true, "FEATURE": true, "WRAP": true, "EXPLAINER": true,
}

// hasSlugWord reports whether a would-be place contains a slug word. Only
// bare datelines are checked: with a date or an agency the structure is
// clear, and real places hold such words ("NEWPORT NEWS, Va.").
func hasSlugWord(place string) bool {
	for _, w := range strings.FieldsFunc(place, func(r rune) bool { return r == ' ' || r == '/' }) {
		if slugWords[strings.ToUpper(strings.Trim(w, ".:"))] {
			return true
		}
	}
	return false
}

// agencies maps the lower-cased forms of agency names to their normal form.
var agencies = map[string]string{
	"tass": "TASS", "itar-tass": "TASS", "itar tass": "TASS",
	"reuters": "Reuters", "reuter": "Reuters",
	"ap": "AP", "associated press": "AP",
	"afp": "AFP", "agence france-presse": "AFP",
	"xinhua":   "Xinhua",
	"interfax": "Interfax", "interfax-ukraine": "Interfax",
	"ria novosti": "RIA Novosti", "ria": "RIA Novosti",
	"upi": "UPI", "united press international": "UPI",
	"kyodo":  "Kyodo",
	"yonhap": "Yonhap",
	"aa":     "Anadolu", "anadolu": "Anadolu", "anadolu agency": "Anadolu",
	"dpa":           "DPA",
	"irna":          "IRNA",
	"ukrinform":     "Ukrinform",
	"pti":           "PTI",
	"ani":           "ANI",
	"bernama":       "Bernama",
	"efe":           "EFE",
	"ansa":          "ANSA",
	"prensa latina": "Prensa Latina", "pl": "Prensa Latina",
	"bns":        "BNS",
	"sputnik":    "Sputnik",
	"belta":      "BelTA",
	"kuna":       "KUNA",
	"wam":        "WAM",
	"spa":        "SPA",
	"mena":       "MENA",
	"antara":     "Antara",
	"pap":        "PAP",
	"ctk":        "CTK",
	"mti":        "MTI",
	"lusa":       "Lusa",
	"kazinform":  "Kazinform",
	"tanjug":     "Tanjug",
	"bloomberg":  "Bloomberg",
	"cna":        "CNA",
	"kcna":       "KCNA",
	"vna":        "VNA",
	"apa":        "APA",
	"trend":      "Trend",
	"armenpress": "Armenpress",
	"sana":       "SANA",
	"wafa":       "WAFA",
	"ina":        "INA",
	"petra":      "Petra",
	"apa-dpa":    "DPA",
}

// normAgency returns the normal form of an agency name and whether it is
// a known agency; unknown names are returned as written.
func normAgency(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if n, ok := agencies[strings.ToLower(s)]; ok {
		return n, true
	}
	return s, false
}

// isAgencyLike reports whether an unknown name in parentheses looks like
// a news agency: short, capitalised, at most three words.
func isAgencyLike(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(strings.Fields(s)) > 3 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// connectors may be written in lower case inside a capitalised place name
// ("Rio de Janeiro", "Dar es Salaam", "Stratford upon Avon").
var connectors = map[string]bool{
	"de": true, "des": true, "du": true, "da": true, "do": true, "dos": true, "das": true,
	"del": true, "della": true, "di": true, "la": true, "le": true, "les": true, "el": true,
	"al": true, "es": true, "of": true, "the": true, "upon": true, "on": true, "am": true,
	"an": true, "der": true, "den": true, "im": true, "in": true, "sur": true, "en": true,
	"y": true, "i": true, "and": true, "van": true, "von": true, "ad": true,
}

// capitalised reports whether every word of s (outside connectors) starts
// with an upper-case letter.
func capitalised(s string) bool {
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '/' || r == '\t' }) {
		r, _ := utf8.DecodeRuneInString(part)
		if unicode.IsUpper(r) {
			continue
		}
		if connectors[strings.ToLower(part)] {
			continue
		}
		return false
	}
	return true
}

// allCaps reports whether s has at least two letters and no lower-case one.
func allCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

func firstWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// isMonthWord reports whether w is a month name or abbreviation; a place
// or a region never is one, and accepting it would turn "SYDNEY, April -"
// into a place with region "April".
func isMonthWord(w string) bool { return w != "" && monthNumber(w) > 0 }

var monthPrefixes = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

var monthNames = []string{"", "january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december"}

// monthNumber returns 1-12 for a month name or abbreviation ("March",
// "Mar", "Mar.", "Sept", "SEPT."), else 0.
func monthNumber(s string) int {
	s = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(s), "."))
	if len(s) < 3 {
		return 0
	}
	n, ok := monthPrefixes[s[:3]]
	if !ok {
		return 0
	}
	full := monthNames[n]
	if s == full || s == full[:3] || (n == 9 && s == "sept") || (n == 6 && s == "june") || (n == 7 && s == "july") {
		return n
	}
	return 0
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
		if n > 100000 {
			return 0
		}
	}
	return n
}
