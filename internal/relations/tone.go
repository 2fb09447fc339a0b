package relations

import (
	"bufio"
	_ "embed"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed data/tone.tsv
var toneTSV string

// lexicon is the tone lexicon: exact words and stems (entries ending in *).
type lexicon struct {
	words, stems map[string]float64
	maxStem      int
}

var (
	toneOnce sync.Once
	toneLex  *lexicon
)

// parseLexicon reads "word<TAB>polarity" lines; # starts a comment. Bad
// lines are skipped: the embedded file is checked by a test.
func parseLexicon(src string) (*lexicon, []string) {
	lx := &lexicon{words: map[string]float64{}, stems: map[string]float64{}}
	var bad []string
	sc := bufio.NewScanner(strings.NewReader(src))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 2 {
			bad = append(bad, "line "+strconv.Itoa(n)+": want word<TAB>polarity")
			continue
		}
		p, err := strconv.ParseFloat(strings.TrimPrefix(f[1], "+"), 64)
		if err != nil {
			bad = append(bad, "line "+strconv.Itoa(n)+": polarity is not a number")
			continue
		}
		w := strings.ToLower(f[0])
		if stem, ok := strings.CutSuffix(w, "*"); ok {
			lx.stems[stem] = p
			if len(stem) > lx.maxStem {
				lx.maxStem = len(stem)
			}
		} else {
			lx.words[w] = p
		}
	}
	return lx, bad
}

func loadTone() *lexicon {
	toneOnce.Do(func() { toneLex, _ = parseLexicon(toneTSV) })
	return toneLex
}

// polarity returns the lexicon polarity of a lower-case word (0: none):
// the exact entry, else the longest stem the word starts with.
func (lx *lexicon) polarity(w string) float64 {
	if p, ok := lx.words[w]; ok {
		return p
	}
	for l := min(len(w), lx.maxStem); l >= 2; l-- {
		if p, ok := lx.stems[w[:l]]; ok {
			return p
		}
	}
	return 0
}

// negators flip the polarity of a lexicon word that follows within three
// words ("not welcome", "no progress").
var negators = map[string]bool{"not": true, "no": true, "never": true, "without": true, "nor": true, "neither": true}

// ToneScore is a document's tone: Tone = Positive - Negative, where
// Positive and Negative are the percentages of words that are positive and
// negative, so Tone lies in -100..+100 (news usually scores -10..+10), as
// GDELT's AvgTone.
type ToneScore struct {
	Tone     float64 `json:"tone"`
	Positive float64 `json:"positive"`
	Negative float64 `json:"negative"`
	Words    int     `json:"words"`
}

// Tone returns the tone of a text, -100..+100 (see ToneScore).
func Tone(text string) float64 { return Score(text).Tone }

// Score scores the tone of a text with the embedded lexicon.
func Score(text string) ToneScore {
	lx := loadTone()
	var s ToneScore
	var pos, neg float64
	lastNeg := -10 // word index of the last negator
	i := 0
	for len(text) > 0 {
		// skip to the next letter
		r, size := utf8.DecodeRuneInString(text)
		if !unicode.IsLetter(r) {
			text = text[size:]
			continue
		}
		end := 0
		for end < len(text) {
			r, size := utf8.DecodeRuneInString(text[end:])
			if !unicode.IsLetter(r) && r != '\'' && r != '-' {
				break
			}
			end += size
		}
		w := strings.ToLower(strings.TrimRight(text[:end], "'-"))
		text = text[end:]
		s.Words++
		if negators[w] || strings.HasSuffix(w, "n't") {
			lastNeg = i
			i++
			continue
		}
		if p := lx.polarity(w); p != 0 {
			if i-lastNeg <= 3 {
				p = -p
			}
			if p > 0 {
				pos += p
			} else {
				neg -= p
			}
		}
		i++
	}
	if s.Words > 0 {
		s.Positive = 100 * pos / float64(s.Words)
		s.Negative = 100 * neg / float64(s.Words)
		s.Tone = s.Positive - s.Negative
	}
	return s
}
