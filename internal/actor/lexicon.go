package actor

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind is what a lexicon phrase names.
type kind uint8

const (
	kCountry      kind = iota + 1 // a country's name: Russia, the United States
	kAbbrev                       // a country's abbreviation: U.S., UK (case-sensitive)
	kAdjective                    // a country adjective: Russian
	kDemonym                      // a people noun: Russians
	kMetonym                      // a seat of power: the Kremlin, the White House
	kPlace                        // a gazetteer place (capitals included)
	kOrg                          // a named organisation
	kOrgAbbrev                    // an organisation's abbreviation (case-sensitive)
	kInstitution                  // a national institution head: foreign ministry
	kRole                         // a role noun: ambassador
	kHonorific                    // Mr., Dr.
	kOrgAmb                       // an ambiguous organisation alias: needs the organisation named before
	kOrgMetonym                   // a seat standing for an organisation: Brussels -> EU
	kInstAbbrev                   // a case-sensitive institution alias (MFA, MoD)
	kRoleAbbrev                   // a case-sensitive role form (Gen., Sen.)
	kActor                        // a well-known person's full name (actors.yaml): Theresa May
	kOrgAmbAbbrev                 // an ambiguous all-caps organisation alias (INC): exact case
	kHonAbbrev                    // an all-caps honorific (HE, HRH): exact case, not in capitals text
)

// entry is one meaning of a lexicon phrase; ref indexes the dictionary list
// of its kind.
type entry struct {
	kind kind
	ref  int32
}

// node is a trie node over normalised tokens.
type node struct {
	next    map[string]*node
	entries []entry
}

// lexicon maps token sequences to their meanings.
type lexicon struct {
	root   node
	maxLen int
}

func (l *lexicon) add(phrase string, e entry) {
	toks := phraseTokens(phrase)
	if len(toks) == 0 {
		return
	}
	n := &l.root
	for _, t := range toks {
		if n.next == nil {
			n.next = map[string]*node{}
		}
		c := n.next[t]
		if c == nil {
			c = &node{}
			n.next[t] = c
		}
		n = c
	}
	for _, x := range n.entries {
		if x == e {
			return
		}
	}
	n.entries = append(n.entries, e)
	if len(toks) > l.maxLen {
		l.maxLen = len(toks)
	}
}

// norm is the lexicon key of a token: lower case, typographic apostrophes
// and dashes made plain. It allocates only when it changes something.
func norm(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= 0x80 {
			return normSlow(s)
		}
	}
	return s
}

func normSlow(s string) string {
	s = strings.ToLower(s)
	if strings.ContainsAny(s, "’‘–—") {
		s = strings.NewReplacer("’", "'", "‘", "'", "–", "-", "—", "-").Replace(s)
	}
	return s
}

// phraseTokens splits a dictionary phrase into normalised tokens the way
// the text stage tokenises running text: on white space, with commas,
// parentheses and a final possessive split off, and periods kept inside
// abbreviations (U.S., St.).
func phraseTokens(p string) []string {
	var out []string
	for _, w := range strings.Fields(p) {
		for len(w) > 0 && strings.ContainsRune("(\"“", rune(w[0])) {
			out = append(out, norm(w[:1]))
			w = w[1:]
		}
		var tail []string
		for len(w) > 0 {
			r, n := utf8.DecodeLastRuneInString(w)
			if r == ',' || r == ')' || r == '"' || r == '”' || r == ';' {
				tail = append([]string{w[len(w)-n:]}, tail...)
				w = w[:len(w)-n]
				continue
			}
			break
		}
		if len(w) > 2 && (strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")) {
			i := strings.LastIndexAny(w, "'’")
			tail = append([]string{w[i:]}, tail...)
			w = w[:i]
		}
		if w != "" {
			out = append(out, norm(w))
		}
		for _, t := range tail {
			out = append(out, norm(t))
		}
	}
	return out
}

// match is a lexicon phrase found in the text: tokens [start, end) of
// Analysis.Tokens.
type match struct {
	start, end int
	entries    []entry
}

// longest returns the longest lexicon phrase starting at token i (within
// [i, lim)) whose entries accept the surface, or ok=false.
func (l *lexicon) longest(keys []string, i, lim int, accept func(e entry, start, end int) bool) (match, bool) {
	n := &l.root
	var best match
	found := false
	for j := i; j < lim && j-i < l.maxLen; j++ {
		c := n.next[keys[j]]
		if c == nil {
			break
		}
		n = c
		if len(n.entries) > 0 {
			var ok []entry
			for _, e := range n.entries {
				if accept(e, i, j+1) {
					ok = append(ok, e)
				}
			}
			if len(ok) > 0 {
				best = match{start: i, end: j + 1, entries: ok}
				found = true
			}
		}
	}
	return best, found
}

// isCap reports whether s starts with an upper-case letter.
func isCap(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// isAllCaps reports whether s has letters and all of them are upper case.
func isAllCaps(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters = true
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return letters
}
