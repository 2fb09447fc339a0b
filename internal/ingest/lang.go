package ingest

import (
	"strings"
	"unicode"

	"github.com/abadojack/whatlanggo"
)

// englishFunctionWords are frequent English words that rarely occur in
// other languages' text: a text where they make up a good share of the
// words is English whatever a character-trigram detector says (it can
// misjudge short or name-heavy wire copy).
var englishFunctionWords = map[string]bool{
	"the": true, "of": true, "and": true, "to": true, "in": true, "is": true,
	"that": true, "for": true, "on": true, "with": true, "was": true, "said": true,
	"he": true, "it": true, "as": true, "by": true, "at": true, "from": true,
	"his": true, "has": true, "have": true, "are": true, "be": true, "this": true,
	"which": true, "will": true, "were": true, "its": true, "their": true, "they": true,
	"an": true, "not": true, "but": true, "been": true, "who": true, "would": true,
}

// distinctlyEnglish are function words that other Latin-script languages
// do not share (unlike "in", "on", "an", "die").
var distinctlyEnglish = map[string]bool{
	"the": true, "and": true, "of": true, "that": true, "with": true, "said": true,
	"was": true, "were": true, "which": true, "their": true, "they": true, "have": true,
	"has": true, "this": true, "will": true, "would": true, "been": true, "who": true,
	"from": true, "its": true, "his": true, "for": true,
}

// shareOf is the share of a text's first words (up to 400) in set.
func shareOf(text string, set map[string]bool) float64 {
	n, hits := 0, 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		n++
		if set[strings.ToLower(w)] {
			hits++
		}
		if n >= 400 {
			break
		}
	}
	if n == 0 {
		return 0
	}
	return float64(hits) / float64(n)
}

// englishShare is the share of a text's first words (up to 400) that are
// English function words, and the number of words looked at.
func englishShare(text string) (float64, int) {
	n, hits := 0, 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		n++
		if englishFunctionWords[strings.ToLower(w)] {
			hits++
		}
		if n >= 400 {
			break
		}
	}
	if n == 0 {
		return 0, 0
	}
	return float64(hits) / float64(n), n
}

// englishWireWords are abbreviations of English wire copy (earnings
// tables, market reports) that carry few function words.
var englishWireWords = map[string]bool{
	"vs": true, "mln": true, "cts": true, "pct": true, "dlrs": true, "shr": true,
	"shrs": true, "net": true, "qtly": true, "div": true, "revs": true, "billion": true,
	"record": true, "pay": true, "year": true, "mths": true, "avg": true, "loss": true,
	"profit": true, "sales": true, "nil": true, "tonnes": true, "gmt": true, "today": true,
	"mt": true, "fob": true, "cif": true, "tons": true,
}

// DetectLanguage returns the ISO 639-1 code of the language of text, or ""
// when it cannot tell. It is conservative about calling a text
// non-English, since non-English documents are not coded: a text with a
// fair share of English function words is English; a Latin-script text
// is called another language only on a reliable detection over at least
// 25 words with almost no English function words or wire abbreviations;
// a text in another script (Cyrillic, Arabic, Han...) needs a reliable
// detection only.
func DetectLanguage(text string) string {
	if len(text) > 8000 {
		text = text[:8000]
	}
	share, words := englishShare(text)
	if share >= 0.12 {
		return "en"
	}
	info := whatlanggo.Detect(text)
	code := info.Lang.Iso6391()
	if code == "en" && words >= 5 {
		return "en"
	}
	if code == "" || !info.IsReliable() {
		return ""
	}
	if info.Script != nil && info.Script != unicode.Latin {
		if words >= 3 || isSpacelessScript(text) {
			return code
		}
		return ""
	}
	if words < 25 || shareOf(text, distinctlyEnglish) >= 0.04 || shareOf(text, englishWireWords) >= 0.05 {
		return ""
	}
	return code
}

// isSpacelessScript reports whether the text is mostly in a script written
// without spaces (Han, kana, Thai...), where word counts say little.
func isSpacelessScript(text string) bool {
	n, k := 0, 0
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		n++
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar) {
			k++
		}
		if n >= 200 {
			break
		}
	}
	return n > 0 && k*2 > n
}

// resolveLanguage settles a document's language from what the source
// declares (page lang attribute, feed language) and what the text shows.
// A declared language wins unless the text is clearly English or clearly
// another language (sites often leave a template's lang="en").
func resolveLanguage(declared, text string) string {
	detected := DetectLanguage(text)
	switch {
	case detected == "":
		return declared
	case declared == "":
		return detected
	case detected == "en":
		return "en"
	}
	return detected
}
