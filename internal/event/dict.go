package event

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/attache-project/attache/internal/lemma"
	"gopkg.in/yaml.v3"
)

//go:embed data/*.yaml data/cameo.tsv
var builtin embed.FS

// CodeInfo holds the facts about one CAMEO code.
type CodeInfo struct {
	Code      string  // CAMEO code, e.g. "161"
	Name      string  // short name, e.g. "Reduce or break diplomatic relations"
	Goldstein float64 // Goldstein conflict-cooperation value
	Quad      int     // quad class: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
	PLOVER    string  // PLOVER event type ("" for the dropped CAMEO 01 statements)
	Mode      string  // PLOVER mode, "" when none
}

// Root returns the two-digit root of the code.
func (c *CodeInfo) Root() string { return c.Code[:2] }

// Kind of a pattern: which part of speech its anchor (first word) must be.
const (
	KindVerb = "verb"
	KindNoun = "noun"
	KindStop = "stop" // idiom or guard: suppresses events it overlaps
)

// elemKind is the type of one pattern element.
type elemKind uint8

const (
	elemWord elemKind = iota // one of several word sequences
	elemGap                  // up to N arbitrary tokens
	elemSlot                 // a noun phrase naming the source or target
)

// elem is one element of a compiled pattern.
type elem struct {
	kind elemKind
	alts [][]string // elemWord: alternatives, each a sequence of lower-case words
	max  int        // elemGap: maximum tokens skipped
	role byte       // elemSlot: 'S' or 'T'
	need bool       // elemSlot: the slot must hold an actor ("$T!")
}

// Pattern is one compiled dictionary pattern.
type Pattern struct {
	ID     string // rule id: "<code>:<kind>:<pattern text>", stable across edits of other lines
	Code   string // CAMEO code
	Kind   string // verb, noun or stop
	Text   string // the pattern as written
	Origin string // file the pattern came from
	elems  []elem
	// specificity counts the literal elements of the pattern.
	specificity int
	n           int // index in Dictionary.Patterns
}

// Dictionary is the compiled set of event patterns and CAMEO facts.
type Dictionary struct {
	Codes    map[string]*CodeInfo
	Patterns []*Pattern
	Synsets  map[string][][]string
	// index maps an anchor word to the patterns that start with it.
	index map[string][]*Pattern
	// Problems found while loading that do not stop the coder
	// (reported by `attache dict check`).
	Problems []string
	pending  []pendingPattern
}

// rawCode is one CAMEO code's entry in a dictionary YAML file.
type rawCode struct {
	Verbs []string `yaml:"verbs"`
	Nouns []string `yaml:"nouns"`
	Stops []string `yaml:"stops"`
}

// LoadDictionary loads the built-in dictionaries and merges the ones in
// dir/event (when dir is not empty and the directory exists) over them.
func LoadDictionary(dir string) (*Dictionary, error) {
	d := &Dictionary{Codes: map[string]*CodeInfo{}, Synsets: map[string][][]string{}, index: map[string][]*Pattern{}}
	if err := d.loadCodes(builtin); err != nil {
		return nil, err
	}
	sub, _ := fs.Sub(builtin, "data")
	if err := d.loadFS(sub, "builtin:"); err != nil {
		return nil, err
	}
	if dir != "" {
		ud := filepath.Join(dir, "event")
		if st, err := os.Stat(ud); err == nil && st.IsDir() {
			if err := d.loadFS(os.DirFS(ud), ud+"/"); err != nil {
				return nil, err
			}
		}
	}
	if err := d.compile(); err != nil {
		return nil, err
	}
	return d, nil
}

// loadCodes reads data/cameo.tsv: code, name, goldstein, quad, plover, mode.
func (d *Dictionary) loadCodes(fsys fs.FS) error {
	f, err := fsys.Open("data/cameo.tsv")
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		p := strings.Split(line, "\t")
		if len(p) < 6 {
			return fmt.Errorf("cameo.tsv:%d: want 6 tab-separated fields, got %d", n, len(p))
		}
		g, err := strconv.ParseFloat(p[2], 64)
		if err != nil {
			return fmt.Errorf("cameo.tsv:%d: goldstein %q: %v", n, p[2], err)
		}
		q, err := strconv.Atoi(p[3])
		if err != nil {
			return fmt.Errorf("cameo.tsv:%d: quad %q: %v", n, p[3], err)
		}
		d.Codes[p[0]] = &CodeInfo{Code: p[0], Name: p[1], Goldstein: g, Quad: q, PLOVER: p[4], Mode: p[5]}
	}
	return sc.Err()
}

// pendingPattern is a pattern read but not yet compiled.
type pendingPattern struct{ code, kind, text, origin string }

// loadFS reads synsets.yaml and every other *.yaml file of fsys.
func (d *Dictionary) loadFS(fsys fs.FS, where string) error {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		origin := where + name
		if name == "synsets.yaml" {
			var syn map[string][]string
			if err := yaml.Unmarshal(b, &syn); err != nil {
				return fmt.Errorf("%s: %v", origin, err)
			}
			for k, list := range syn {
				k = strings.TrimPrefix(k, "~")
				var alts [][]string
				for _, s := range list {
					alts = append(alts, strings.Fields(strings.ToLower(s)))
				}
				d.Synsets[k] = alts // a user synset replaces the built-in one
			}
			continue
		}
		var file map[string]rawCode
		if err := yaml.Unmarshal(b, &file); err != nil {
			return fmt.Errorf("%s: %v", origin, err)
		}
		codes := make([]string, 0, len(file))
		for c := range file {
			codes = append(codes, c)
		}
		sort.Strings(codes)
		for _, c := range codes {
			rc := file[c]
			add := func(kind string, list []string) {
				for _, t := range list {
					d.pending = append(d.pending, pendingPattern{c, kind, strings.TrimSpace(t), origin})
				}
			}
			add(KindVerb, rc.Verbs)
			add(KindNoun, rc.Nouns)
			add(KindStop, rc.Stops)
		}
	}
	return nil
}

// compile turns pending patterns into Patterns, later files overriding
// earlier ones: a pattern text (per kind) seen again under another code is
// a conflict; the later definition wins and the conflict is recorded.
func (d *Dictionary) compile() error {
	type key struct{ kind, text string }
	seen := map[key]int{}
	for _, pp := range d.pending {
		if pp.code != "-" {
			if _, ok := d.Codes[pp.code]; !ok {
				return fmt.Errorf("%s: unknown CAMEO code %q (pattern %q)", pp.origin, pp.code, pp.text)
			}
		}
		p, err := d.parse(pp)
		if err != nil {
			return err
		}
		k := key{pp.kind, normText(pp.text)}
		if i, ok := seen[k]; ok {
			old := d.Patterns[i]
			if old.Code == p.Code {
				d.Problems = append(d.Problems, fmt.Sprintf("duplicate: %s pattern %q (%s) repeats %s", p.Kind, p.Text, p.Origin, old.Origin))
			} else {
				d.Problems = append(d.Problems, fmt.Sprintf("conflict: %s pattern %q is %s in %s and %s in %s; the later wins", p.Kind, p.Text, old.Code, old.Origin, p.Code, p.Origin))
			}
			d.Patterns[i] = p
			continue
		}
		seen[k] = len(d.Patterns)
		d.Patterns = append(d.Patterns, p)
	}
	d.pending = nil
	for i, p := range d.Patterns {
		p.n = i
		for _, alt := range p.elems[0].alts {
			d.index[alt[0]] = append(d.index[alt[0]], p)
		}
	}
	return nil
}

func normText(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

// parse compiles one pattern. The pattern language:
//
//	word        a literal: matches a token whose lower-case form or lemma is word
//	a|b|c       alternatives; inside an alternative "_" joins words: pull_out|withdraw
//	~name       a synonym set from synsets.yaml (each member may be several words)
//	*  *N       a gap of up to 3 (or N) tokens within the clause
//	$S  $T      a noun phrase here names the source / target ("$T!": must hold an actor)
//
// The first element must be a literal (or synset): it is the anchor, the
// word the pattern is indexed by and the trigger whose part of speech is
// checked (verb for verbs:, noun for nouns:).
func (d *Dictionary) parse(pp pendingPattern) (*Pattern, error) {
	p := &Pattern{Code: pp.code, Kind: pp.kind, Text: pp.text, Origin: pp.origin}
	p.ID = pp.code + ":" + pp.kind + ":" + normText(pp.text)
	fields := strings.Fields(strings.ToLower(pp.text))
	if len(fields) == 0 {
		return nil, fmt.Errorf("%s: empty pattern under code %s", pp.origin, pp.code)
	}
	for _, f := range fields {
		switch {
		case f == "*":
			p.elems = append(p.elems, elem{kind: elemGap, max: 3})
		case f[0] == '*':
			n, err := strconv.Atoi(f[1:])
			if err != nil || n < 1 || n > 12 {
				return nil, fmt.Errorf("%s: pattern %q: bad gap %q (want * or *1..*12)", pp.origin, pp.text, f)
			}
			p.elems = append(p.elems, elem{kind: elemGap, max: n})
		case f == "$s" || f == "$t" || f == "$s!" || f == "$t!":
			p.elems = append(p.elems, elem{kind: elemSlot, role: byte(f[1] - 'a' + 'A'), need: strings.HasSuffix(f, "!")})
		case f[0] == '$':
			return nil, fmt.Errorf("%s: pattern %q: unknown slot %q (want $S or $T)", pp.origin, pp.text, f)
		default:
			var alts [][]string
			for _, a := range strings.Split(f, "|") {
				if a == "" {
					return nil, fmt.Errorf("%s: pattern %q: empty alternative in %q", pp.origin, pp.text, f)
				}
				if a[0] == '~' {
					syn, ok := d.Synsets[a[1:]]
					if !ok {
						return nil, fmt.Errorf("%s: pattern %q: unknown synset %q", pp.origin, pp.text, a)
					}
					alts = append(alts, syn...)
					continue
				}
				alts = append(alts, strings.Split(a, "_"))
			}
			// Plural pattern words ("forces", "talks") also match the
			// singular: add the singular form as an alternative.
			n := len(alts)
			for _, alt := range alts[:n] {
				sing := make([]string, len(alt))
				diff := false
				for k, w := range alt {
					sing[k] = lemma.Noun(w)
					diff = diff || sing[k] != w
				}
				if diff {
					alts = append(alts, sing)
				}
			}
			p.elems = append(p.elems, elem{kind: elemWord, alts: alts})
			p.specificity++
		}
	}
	if p.elems[0].kind != elemWord {
		return nil, fmt.Errorf("%s: pattern %q must start with a word (the anchor)", pp.origin, pp.text)
	}
	return p, nil
}

// Info returns the facts about a CAMEO code, or nil.
func (d *Dictionary) Info(code string) *CodeInfo { return d.Codes[code] }

// Check validates the dictionary and returns human-readable problems:
// duplicates and conflicts found while loading, codes without patterns
// among the roots, and patterns whose anchor is a function word.
func (d *Dictionary) Check() []string {
	out := append([]string{}, d.Problems...)
	roots := map[string]int{}
	for _, p := range d.Patterns {
		if p.Code != "-" {
			roots[p.Code[:2]]++
		}
		for _, alt := range p.elems[0].alts {
			if stopAnchors[alt[0]] {
				out = append(out, fmt.Sprintf("weak anchor: pattern %q (%s) starts with the function word %q", p.Text, p.Origin, alt[0]))
			}
		}
	}
	for r := 1; r <= 20; r++ {
		root := fmt.Sprintf("%02d", r)
		if roots[root] == 0 {
			out = append(out, fmt.Sprintf("coverage: no pattern for CAMEO root %s", root))
		}
	}
	return out
}

var stopAnchors = map[string]bool{"the": true, "a": true, "an": true, "of": true, "to": true, "in": true, "and": true, "be": true, "have": true}

// Stats summarises the dictionary for `attache dict check`.
type Stats struct {
	Patterns, Codes, Roots, Synsets int
}

// Stats counts patterns, distinct codes and roots covered, and synsets.
func (d *Dictionary) Stats() Stats {
	codes, roots := map[string]bool{}, map[string]bool{}
	n := 0
	for _, p := range d.Patterns {
		if p.Code == "-" {
			continue
		}
		n++
		codes[p.Code] = true
		roots[p.Code[:2]] = true
	}
	return Stats{Patterns: n, Codes: len(codes), Roots: len(roots), Synsets: len(d.Synsets)}
}
