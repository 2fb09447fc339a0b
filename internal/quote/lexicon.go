package quote

import (
	"embed"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"regexp/syntax"
	"strings"

	"gopkg.in/yaml.v3"
)

//go:embed data/cues.yaml data/media.yaml
var dataFS embed.FS

// Cue classes of the lexicon.
const (
	// ClassSpeech marks verbs and phrases of saying.
	ClassSpeech = "speech"
	// ClassBelief marks verbs of stated belief, intention or perception,
	// which attribution corpora such as PolNeAR annotate too.
	ClassBelief = "belief"
)

// CueEntry is one entry of the cue lexicon (data/cues.yaml).
type CueEntry struct {
	Lemma   string   `yaml:"lemma"`
	Forms   []string `yaml:"forms"`
	Regular *bool    `yaml:"regular"`
	Class   string   `yaml:"class"`
	Pos     string   `yaml:"pos"`
	Object  bool     `yaml:"object"`
	// Clause marks verbs that are cues only before "that", a colon, a
	// comma or quoted words, or after what was said.
	Clause bool `yaml:"clause"`
	// NP marks cues whose content may be a noun phrase rather than a
	// clause ("criticized the plan", "talked about the economy"): an
	// attributed evaluation or topic, which attribution corpora such as
	// PolNeAR annotate. Used only when the stage reports beliefs.
	NP bool `yaml:"np"`
	// Raising marks cues whose subject is part of the content and which
	// have no speaker: "Clinton appeared to gain", "the report is
	// expected to show". The content is the subject and the infinitive.
	// Used only when the stage reports beliefs.
	Raising bool `yaml:"raising"`
}

// MediumEntry is one entry of the medium and occasion lexicon
// (data/media.yaml).
type MediumEntry struct {
	Pattern  string `yaml:"pattern"`
	Medium   string `yaml:"medium"`
	Occasion string `yaml:"occasion"`
	re       *regexp.Regexp
	// keys are lower-case strings one of which every match contains,
	// found in the pattern; a text without any is not searched (most are
	// not). Empty: always searched.
	keys []string
	// caseKeys: the pattern is case-sensitive and so are its keys.
	caseKeys bool
}

type cueFile struct {
	Cues []CueEntry `yaml:"cues"`
}

type mediaFile struct {
	Media []MediumEntry `yaml:"media"`
}

// cueForm is one surface form of a cue, as lower-case words.
type cueForm struct {
	words []string
	entry *CueEntry
}

// Lexicon holds the cues (indexed by their first word) and the medium
// patterns.
type Lexicon struct {
	entries []*CueEntry
	byFirst map[string][]cueForm
	media   []MediumEntry
}

// Size returns the number of cue entries (lemmas) in the lexicon.
func (l *Lexicon) Size() int { return len(l.entries) }

// loadLexicon reads the embedded lexicon and merges user files from dir
// (quote-cues.yaml, quote-media.yaml) over it.
func loadLexicon(dir string) (*Lexicon, error) {
	var cf cueFile
	var mf mediaFile
	b, err := dataFS.ReadFile("data/cues.yaml")
	if err != nil {
		return nil, err
	}
	if err := yaml.Unmarshal(b, &cf); err != nil {
		return nil, fmt.Errorf("data/cues.yaml: %w", err)
	}
	b, err = dataFS.ReadFile("data/media.yaml")
	if err != nil {
		return nil, err
	}
	if err := yaml.Unmarshal(b, &mf); err != nil {
		return nil, fmt.Errorf("data/media.yaml: %w", err)
	}
	if dir != "" {
		for _, f := range []struct {
			name string
			into any
		}{{"quote-cues.yaml", &cf}, {"quote-media.yaml", &mf}} {
			p := filepath.Join(dir, f.name)
			b, err := os.ReadFile(p)
			if os.IsNotExist(err) {
				continue
			}
			if err != nil {
				return nil, err
			}
			// Decoding into the same struct appends user entries to the
			// built-in lists; a user entry for an existing lemma replaces it.
			switch into := f.into.(type) {
			case *cueFile:
				var u cueFile
				if err := yaml.Unmarshal(b, &u); err != nil {
					return nil, fmt.Errorf("%s: %w", p, err)
				}
				into.Cues = append(into.Cues, u.Cues...)
			case *mediaFile:
				var u mediaFile
				if err := yaml.Unmarshal(b, &u); err != nil {
					return nil, fmt.Errorf("%s: %w", p, err)
				}
				into.Media = append(u.Media, into.Media...)
			}
		}
	}
	return buildLexicon(cf.Cues, mf.Media)
}

// buildLexicon indexes cue entries and compiles medium patterns.
func buildLexicon(cues []CueEntry, media []MediumEntry) (*Lexicon, error) {
	l := &Lexicon{byFirst: map[string][]cueForm{}}
	byLemma := map[string]int{}
	for i := range cues {
		e := cues[i]
		e.Lemma = strings.ToLower(strings.TrimSpace(e.Lemma))
		if e.Lemma == "" {
			return nil, fmt.Errorf("cue entry %d has no lemma", i+1)
		}
		if e.Class == "" {
			e.Class = ClassSpeech
		}
		if e.Class != ClassSpeech && e.Class != ClassBelief {
			return nil, fmt.Errorf("cue %q: unknown class %q (want speech or belief)", e.Lemma, e.Class)
		}
		if e.Pos == "" {
			e.Pos = "verb"
		}
		// A lemma may be a verb and a noun ("claim"): the key is both.
		key := e.Lemma + "/" + e.Pos
		if j, ok := byLemma[key]; ok {
			l.entries[j] = &e
			continue
		}
		byLemma[key] = len(l.entries)
		l.entries = append(l.entries, &e)
	}
	for _, e := range l.entries {
		forms := map[string]bool{e.Lemma: true}
		for _, f := range e.Forms {
			forms[strings.ToLower(strings.TrimSpace(f))] = true
		}
		if e.Pos == "verb" && (e.Regular == nil || *e.Regular) {
			for _, f := range inflect(e.Lemma) {
				forms[f] = true
			}
		}
		for f := range forms {
			w := strings.Fields(f)
			if len(w) == 0 {
				continue
			}
			l.byFirst[w[0]] = append(l.byFirst[w[0]], cueForm{words: w, entry: e})
		}
	}
	// Longest forms first so that "call for" wins over "call".
	for k, fs := range l.byFirst {
		for i := 1; i < len(fs); i++ {
			for j := i; j > 0 && len(fs[j].words) > len(fs[j-1].words); j-- {
				fs[j], fs[j-1] = fs[j-1], fs[j]
			}
		}
		l.byFirst[k] = fs
	}
	for _, m := range media {
		p := m.Pattern
		if !strings.HasPrefix(p, "(?-i)") {
			p = "(?i)" + p
		}
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, fmt.Errorf("medium pattern %q: %w", m.Pattern, err)
		}
		if m.Medium == "" && m.Occasion == "" {
			return nil, fmt.Errorf("medium pattern %q has neither medium nor occasion", m.Pattern)
		}
		m.re = re
		m.caseKeys = strings.HasPrefix(m.Pattern, "(?-i)")
		m.keys = requiredLiterals(m.Pattern)
		l.media = append(l.media, m)
	}
	return l, nil
}

// inflect returns the regular inflections of a verb or of the first word
// of a verb phrase: -s, -ed, -ing.
func inflect(lemma string) []string {
	w := strings.Fields(lemma)
	head, rest := w[0], strings.Join(w[1:], " ")
	var out []string
	add := func(f string) {
		if rest != "" {
			f += " " + rest
		}
		out = append(out, f)
	}
	n := len(head)
	switch {
	case strings.HasSuffix(head, "e"):
		add(head + "s")
		add(head + "d")
		add(head[:n-1] + "ing")
	case n > 1 && head[n-1] == 'y' && !strings.ContainsRune("aeiou", rune(head[n-2])):
		add(head[:n-1] + "ies")
		add(head[:n-1] + "ied")
		add(head + "ing")
	case strings.HasSuffix(head, "s") || strings.HasSuffix(head, "sh") || strings.HasSuffix(head, "ch") || strings.HasSuffix(head, "x") || strings.HasSuffix(head, "z"):
		add(head + "es")
		add(head + "ed")
		add(head + "ing")
	default:
		add(head + "s")
		add(head + "ed")
		add(head + "ing")
	}
	return out
}

// requiredLiterals returns lower-case strings one of which every match
// of the pattern contains, or nil when it finds none.
func requiredLiterals(pattern string) []string {
	cs := strings.HasPrefix(pattern, "(?-i)")
	re, err := syntax.Parse(strings.TrimPrefix(pattern, "(?-i)"), syntax.Perl)
	if err != nil {
		return nil
	}
	return literalKeys(re.Simplify(), cs)
}

// literalKeys returns a set of literals one of which every match of re
// contains: the best set of a concatenation's parts, the union over the
// branches of an alternation.
func literalKeys(re *syntax.Regexp, caseSensitive bool) []string {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) < 2 {
			return nil
		}
		if caseSensitive {
			return []string{string(re.Rune)}
		}
		return []string{strings.ToLower(string(re.Rune))}
	case syntax.OpCapture:
		return literalKeys(re.Sub[0], caseSensitive)
	case syntax.OpConcat:
		// The later parts of a pattern are the rarer words ("on" +
		// "television"): on equal length the later set wins.
		var best []string
		bestScore := 0
		for _, sub := range re.Sub {
			ks := literalKeys(sub, caseSensitive)
			if len(ks) == 0 {
				continue
			}
			score := 1 << 10
			for _, k := range ks {
				l := len(strings.TrimSpace(k))
				if k != strings.ToLower(k) {
					l += 3 // capitals make a key rare
				}
				score = min(score, l)
			}
			if score >= bestScore {
				best, bestScore = ks, score
			}
		}
		return best
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			ks := literalKeys(sub, caseSensitive)
			if len(ks) == 0 {
				return nil
			}
			out = append(out, ks...)
		}
		return out
	}
	return nil
}
