package actor

import (
	"sort"
	"strings"

	"github.com/attache-project/attache/internal/doc"
)

// Mention kinds (doc.Mention.Kind).
const (
	KindName      = "name"
	KindAlias     = "alias"
	KindTitle     = "title"
	KindNominal   = "nominal"
	KindPronoun   = "pronoun"
	KindAdjective = "adjective"
	KindMetonym   = "metonym"
)

// ent is an entity being built for one document.
type ent struct {
	key     string
	name    string
	typ     string
	country string
	sectors []string
	role    string
	code    string // own code (IGOs, organisations with a code)
	gender  string // m, f or ""
	inst    string // institution canonical name, lower case (nominal coref)
	surname string // last name token of a person
	plural  bool
	ments   []*ment
}

// ment is one mention being built.
type ment struct {
	start, end int // bytes
	t0, t1     int // tokens
	kind       string
	e          *ent
	subject    bool
	quoted     bool
}

// unit classes of the per-sentence unit sequence.
type ucls uint8

const (
	uOther ucls = iota
	uName       // one capitalised token not in the lexicon
	uThe        // the article
	uComma
	uPoss // 's or '
	uPrep // a preposition (to, in, of, at, ...)
	uLex  // a lexicon phrase
)

// unit is a token or a lexicon phrase of a sentence.
type unit struct {
	t0, t1 int
	cls    ucls
	e      entry
	// demoted marks a place or country turned into a name token by its
	// neighbours ("Manchester United", "Chad Johnson").
	demoted bool
}

// proc holds the state of one document's analysis.
type proc struct {
	s      *Stage
	r      *resources
	a      *doc.Analysis
	keys   []string
	quoted []bool
	// nl marks tokens preceded by a line break: names do not run across
	// lines (headlines, bylines, tables).
	nl []bool
	// leftovers are token ranges of name runs no pattern explained.
	leftovers [][2]int
	// sports is set for sports stories, where place names in results and
	// fixtures are teams (organisations), not places or governments.
	sports bool
	// cricket is set for cricket stories, whose tables list players.
	cricket bool
	// orgCue holds the lower-case unexplained names seen in a company
	// context ("Zenith said", "shares of Berlex"): every mention of them
	// in the document is an organisation.
	orgCue map[string]bool
	ents   []*ent
	byKey  map[string]*ent
	ments  []*ment
	body   int // first token of the body (after the dateline sentence)
}

func newProc(s *Stage, a *doc.Analysis) *proc {
	p := &proc{s: s, r: s.res, a: a, byKey: map[string]*ent{}}
	p.keys = make([]string, len(a.Tokens))
	for i := range a.Tokens {
		p.keys[i] = norm(a.Tokens[i].Text)
	}
	p.quoted = quotedTokens(a)
	hits := map[string]bool{}
	n := 0
	for _, k := range p.keys {
		if sportsWords[k] {
			hits[k] = true
			n++
		}
	}
	p.sports = len(hits) >= 2 && n >= 3
	for _, k := range p.keys {
		if cricketWords[k] {
			p.cricket = true
			break
		}
	}
	p.nl = make([]bool, len(a.Tokens))
	for i := 1; i < len(a.Tokens); i++ {
		if gap := a.Text[a.Tokens[i-1].Span.End():a.Tokens[i].Span.Start()]; strings.IndexByte(gap, '\n') >= 0 {
			p.nl[i] = true
		}
	}
	return p
}

// run analyses every body sentence, then resolves pronouns.
func (p *proc) run() {
	first := 0
	if d := p.a.Dateline; d != nil && d.BodyStart > 0 && len(p.a.Sentences) > 0 && p.a.Sentences[0].Span.End() <= d.BodyStart {
		first = 1 // the dateline sentence names a place, not an actor
	}
	for si := first; si < len(p.a.Sentences); si++ {
		r := p.a.Sentences[si].Tokens
		if r[1] > r[0] {
			p.sentence(r[0], r[1])
		}
	}
	p.spreadTeams()
	p.resolveLeftovers()
	p.resolvePronouns()
}

// accept applies the case rules of a lexicon entry to the surface
// tokens [start, end).
func (p *proc) accept(e entry, start, end int) bool {
	toks := p.a.Tokens
	switch e.kind {
	case kAbbrev, kOrgAbbrev, kInstAbbrev, kRoleAbbrev, kOrgAmbAbbrev, kHonAbbrev:
		if e.kind == kHonAbbrev && (end >= len(toks) || isAllCaps(toks[end].Text)) {
			return false // "GLAD HE STAYED": a headline in capitals
		}
		form := p.r.abbrevs[e.ref].form
		var sb strings.Builder
		for i := start; i < end; i++ {
			if i > start {
				sb.WriteByte(' ')
			}
			sb.WriteString(toks[i].Text)
		}
		return sb.String() == form || strings.ReplaceAll(sb.String(), " ", "") == strings.ReplaceAll(form, " ", "")
	case kCountry, kPlace, kOrg, kMetonym, kAdjective, kDemonym, kOrgAmb, kOrgMetonym:
		s0, e1 := start, end-1
		if p.keys[s0] == "the" && end-start > 1 {
			s0++
		}
		if e1 > s0 && (p.keys[e1] == "'s" || p.keys[e1] == "'") {
			e1-- // "Lloyd 's", "Moody 's"
		}
		if e1 > s0 && p.keys[e1] == "." {
			if toks[e1].Span.Start() != toks[e1-1].Span.End() {
				return false
			}
			e1-- // "Calif" "." split by the tokenizer
		}
		if !isCap(toks[s0].Text) || !isCap(toks[e1].Text) {
			return false
		}
		// A gazetteer place that is one short word must be a proper noun.
		if e.kind == kPlace && end-start == 1 && !strings.HasPrefix(toks[start].Tag, "NNP") && !isAllCaps(toks[start].Text) {
			return false
		}
		return true
	case kHonorific:
		return isCap(toks[start].Text)
	case kActor:
		return isCap(toks[start].Text) && isCap(toks[end-1].Text)
	}
	return true
}

// units splits tokens [t0, t1) into units, longest lexicon phrase first.
func (p *proc) units(t0, t1 int) []unit {
	toks := p.a.Tokens
	var us []unit
	for i := t0; i < t1; {
		lim := i + 1
		for lim < t1 && !p.nl[lim] {
			lim++
		}
		if m, ok := p.r.lex.longest(p.keys, i, lim, p.accept); ok {
			e := pick(p.r, m.entries)
			// "Saudi officials", "Argentine beef": a country name that is
			// also an adjective, before a lower-case word, is the adjective.
			if e.kind == kCountry && m.end < t1 && !isCap(toks[m.end].Text) && strings.HasPrefix(toks[m.end].Tag, "NN") &&
				!strings.EqualFold(p.r.d.Countries[e.ref].Name, p.tokText(m.start, m.end)) {
				for _, x := range m.entries {
					if x.kind == kAdjective {
						e = x
					}
				}
			}
			switch e.kind {
			case kInstAbbrev:
				e = entry{kind: kInstitution, ref: p.r.abbrevs[e.ref].target}
			case kRoleAbbrev:
				e = entry{kind: kRole, ref: p.r.abbrevs[e.ref].target}
			case kOrgAmbAbbrev:
				e = entry{kind: kOrgAmb, ref: p.r.abbrevs[e.ref].target}
			case kHonAbbrev:
				e = entry{kind: kHonorific, ref: p.r.abbrevs[e.ref].target}
			}
			us = append(us, unit{t0: m.start, t1: m.end, cls: uLex, e: e})
			i = m.end
			continue
		}
		c := uOther
		k := p.keys[i]
		switch {
		case k == "the":
			c = uThe
		case k == ",":
			c = uComma
		case k == "'s" || k == "'":
			c = uPoss
		case prepositions[k]:
			c = uPrep
		case isNameToken(toks, i, t0):
			c = uName
		case i == t0 && isCap(toks[i].Text) && !nameStop[k] && (p.knownName(k) ||
			p.isFirstName(i) && i+1 < t1 && !p.nl[i+1] && isCap(toks[i+1].Text) && !nameStop[p.keys[i+1]] && !isAllCaps(toks[i+1].Text)):
			// "Xhelili said ...": a sentence-initial word the tagger took
			// for a common noun, but the story has named it already.
			c = uName
		}
		us = append(us, unit{t0: i, t1: i + 1, cls: c})
		i++
	}
	return us
}

// pick chooses the meaning of an ambiguous lexicon phrase: organisations
// and countries before seats of power, places, institutions and roles.
func pick(r *resources, es []entry) entry {
	rank := func(e entry) int {
		switch e.kind {
		case kOrgAbbrev, kAbbrev:
			return 0
		case kOrg, kActor:
			return 1
		case kCountry:
			return 2
		case kMetonym, kOrgMetonym:
			return 3
		case kOrgAmb, kOrgAmbAbbrev:
			return 4
		case kInstitution, kInstAbbrev:
			return 4
		case kRole, kRoleAbbrev:
			return 5
		case kPlace:
			return 6
		case kAdjective:
			return 7
		case kDemonym:
			return 8
		}
		return 9
	}
	best := es[0]
	for _, e := range es[1:] {
		if rank(e) < rank(best) || (e.kind == kPlace && best.kind == kPlace && placeScore(r, e.ref) > placeScore(r, best.ref)) {
			best = e
		}
	}
	return best
}

// bestPlace picks among places of one name the one a reader means without
// more context: a capital, else the most populous ("London" is the British
// capital, not the Canadian city).
func bestPlace(r *resources, ps []int32) int32 {
	best := ps[0]
	for _, i := range ps[1:] {
		if placeScore(r, i) > placeScore(r, best) {
			best = i
		}
	}
	return best
}

func placeScore(r *resources, i int32) int {
	s := r.d.Places[i].Population
	if _, ok := r.capitalOf[i]; ok {
		s += 1 << 40
	}
	return s
}

var prepositions = map[string]bool{"to": true, "in": true, "of": true, "at": true, "from": true, "for": true, "near": true, "into": true, "on": true, "with": true, "by": true}

// locatives precede a place used as a location rather than an actor.
var locatives = map[string]bool{"in": true, "to": true, "from": true, "at": true, "near": true, "into": true, "outside": true, "across": true,
	"via": true, "toward": true, "towards": true, "around": true, "visit": true, "visited": true, "visiting": true, "visits": true,
	"arrived": true, "reached": true, "inside": true, "throughout": true, "of": true, "between": false, "flew": true, "left": true, "leaving": true, "downtown": true, "north": true, "south": true, "east": true, "west": true, "central": true, "northern": true, "southern": true, "eastern": true, "western": true}

// nameStop are capitalised words that never start or continue a name.
var nameStop = map[string]bool{
	"i": true, "monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true, "august": true,
	"september": true, "october": true, "november": true, "december": true, "jan": true, "feb": true, "mar": true, "apr": true,
	"jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"mr": true, "mrs": true, "ms": true, "we": true, "he": true, "she": true, "it": true, "they": true, "the": true, "a": true, "an": true,
	"this": true, "that": true, "these": true, "those": true, "but": true, "and": true, "or": true, "if": true, "in": true, "on": true,
	"at": true, "as": true, "for": true, "of": true, "to": true, "by": true, "with": true, "after": true, "before": true, "when": true,
	"while": true, "there": true, "here": true, "his": true, "her": true, "its": true, "their": true, "our": true, "my": true, "your": true,
	"according": true, "however": true, "meanwhile": true, "also": true, "some": true, "all": true, "no": true, "not": true, "one": true,
	"two": true, "three": true, "first": true, "last": true, "new": false, "said": true, "says": true, "us": false, "what": true, "who": true,
	"why": true, "how": true, "where": true, "which": true, "during": true, "under": true, "over": true, "since": true, "until": true,
	"both": true, "each": true, "other": true, "another": true, "many": true, "most": true, "more": true, "such": true, "than": true,
	"then": true, "now": true, "former": true, "ex": true, "so": true, "you": true, "his.": true, "let": true, "please": true, "pct": true, "ltd": false,
}

// isNameToken reports whether token i can be part of a proper name: it is
// capitalised, not a stop word, and a proper noun or not the first word
// of its sentence.
func isNameToken(toks []doc.Token, i, sentStart int) bool {
	t := toks[i].Text
	// "al-Kabariti", "el-Sisi": an Arabic article joined to a name.
	if len(t) > 4 && t[2] == '-' && (t[:2] == "al" || t[:2] == "el") && isCap(t[3:]) && i > sentStart {
		return true
	}
	if !isCap(t) || len(t) == 0 || strings.ContainsAny(t, "<>") {
		return false
	}
	if nameStop[norm(strings.TrimSuffix(t, "."))] {
		return false
	}
	// "Serb-held", "Paris-based", "U.S.-led": a modifier, not a name.
	if i := strings.LastIndexByte(t, '-'); i > 0 && modifierSuffixes[strings.ToLower(t[i+1:])] {
		return false
	}
	if strings.HasPrefix(toks[i].Tag, "NNP") {
		return true
	}
	if i == sentStart {
		return false
	}
	switch toks[i].Tag {
	case "NN", "NNS", "JJ", "FW", "VBN", "VBG", "VB", "VBD", "VBZ", "VBP", "CD", "RB":
		return true
	}
	return false
}

// quotedTokens marks the tokens inside quotation marks. Straight quotes
// toggle; a paragraph end closes any open quote.
func quotedTokens(a *doc.Analysis) []bool {
	q := make([]bool, len(a.Tokens))
	in := false
	para := -1
	for _, s := range a.Sentences {
		if s.Paragraph != para {
			para = s.Paragraph
			in = false
		}
		for i := s.Tokens[0]; i < s.Tokens[1]; i++ {
			switch a.Tokens[i].Text {
			case "“", "«", "„":
				in = true
				q[i] = true
				continue
			case "”", "»":
				q[i] = true
				in = false
				continue
			case "\"":
				q[i] = true
				in = !in
				continue
			}
			q[i] = in
		}
	}
	return q
}

// entity returns the document entity with key, creating it with make.
func (p *proc) entity(key string, make func() *ent) *ent {
	if e := p.byKey[key]; e != nil {
		return e
	}
	e := make()
	e.key = key
	p.byKey[key] = e
	p.ents = append(p.ents, e)
	return e
}

// mention adds a mention of e over tokens [t0, t1).
func (p *proc) mention(e *ent, t0, t1 int, kind string) *ment {
	toks := p.a.Tokens
	m := &ment{start: toks[t0].Span.Start(), end: toks[t1-1].Span.End(), t0: t0, t1: t1, kind: kind, e: e, quoted: p.quoted[t0]}
	m.subject = p.isSubject(t0, t1)
	e.ments = append(e.ments, m)
	p.ments = append(p.ments, m)
	return m
}

// isSubject approximates subject position: the mention opens its
// sentence (after an article or a quote) or a verb follows it.
func (p *proc) isSubject(t0, t1 int) bool {
	toks := p.a.Tokens
	s := toks[t0].Sent
	st := p.a.Sentences[s].Tokens[0]
	j := st
	for j < t0 && (p.keys[j] == "the" || toks[j].Tag == "``" || toks[j].Tag == "''") {
		j++
	}
	if j == t0 {
		return true
	}
	end := p.a.Sentences[s].Tokens[1]
	k := t1
	if k < end && (p.keys[k] == "'s" || p.keys[k] == "'") {
		return false
	}
	for k < end && toks[k].Tag == "RB" {
		k++
	}
	return k < end && (strings.HasPrefix(toks[k].Tag, "VB") && toks[k].Tag != "VBG" || toks[k].Tag == "MD")
}

// theBefore returns t0 extended over a preceding article.
func (p *proc) theBefore(t0, floor int) int {
	if t0 > floor && p.keys[t0-1] == "the" {
		return t0 - 1
	}
	return t0
}

// entities converts the document's entities to the contract form, in
// order of first mention, with ids e1, e2, ...
func (p *proc) entities() []doc.Entity {
	var list []*ent
	for _, e := range p.ents {
		if len(e.ments) > 0 {
			sort.Slice(e.ments, func(i, j int) bool { return e.ments[i].start < e.ments[j].start })
			list = append(list, e)
		}
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].ments[0].start < list[j].ments[0].start })
	out := make([]doc.Entity, 0, len(list))
	for i, e := range list {
		de := doc.Entity{
			ID:      "e" + itoa(i+1),
			Name:    e.name,
			Type:    e.typ,
			Country: doc.Str(e.country),
			Sectors: append([]string{}, e.sectors...),
			Code:    doc.Str(actorCode(e)),
			Role:    doc.Str(e.role),
		}
		seen := map[[2]int]bool{}
		for _, m := range e.ments {
			k := [2]int{m.start, m.end}
			if seen[k] {
				continue
			}
			seen[k] = true
			de.Mentions = append(de.Mentions, doc.Mention{Span: doc.S(m.start, m.end), Text: p.a.Text[m.start:m.end], Kind: m.kind})
		}
		out = append(out, de)
	}
	return out
}

// actorCode composes the CAMEO-style code: an organisation's own code, or
// the country followed by up to two sectors, primary first (RUSGOV,
// RUSGOVMIL), "---" standing for an unknown country.
func actorCode(e *ent) string {
	if e.code != "" {
		return e.code
	}
	// Up to two sectors, primary first: RUSGOV, RUSGOVMIL.
	sec := strings.Join(e.sectors[:min(2, len(e.sectors))], "")
	switch {
	case e.country != "" && (e.typ == "GPE" || e.typ == "LOC"):
		return e.country
	case e.country != "":
		return e.country + sec
	case sec != "":
		return "---" + sec
	}
	return ""
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// addSectors appends the sectors not yet in e.
func (e *ent) addSectors(ss ...string) {
	for _, s := range ss {
		if s == "" {
			continue
		}
		dup := false
		for _, x := range e.sectors {
			if x == s {
				dup = true
				break
			}
		}
		if !dup {
			e.sectors = append(e.sectors, s)
		}
	}
}

// sportsWords mark a sports story.
var sportsWords = map[string]bool{"soccer": true, "football": true, "cricket": true, "tennis": true, "golf": true, "baseball": true,
	"rugby": true, "basketball": true, "hockey": true, "league": true, "cup": true, "championship": true, "innings": true,
	"goals": true, "halftime": true, "half-time": true, "attendance": true, "standings": true, "division": true, "wickets": true,
	"batting": true, "bowling": true, "scorers": true, "striker": true, "midfielder": true, "goalkeeper": true, "seeded": true,
	"semifinal": true, "semi-final": true, "quarter-final": true, "quarterfinal": true, "tournament": true, "olympic": true,
	"coach": true, "season": true, "playoff": true, "playoffs": true, "nba": true, "nfl": true, "nhl": true, "fifa": true, "uefa": true,
	"match": true, "matches": true, "race": true, "lap": true, "grand": false, "prix": true, "title": false, "points": true, "champion": true}

// knownName reports whether the lower-case word k is the surname of a
// person or the one-word name of an organisation the document has named.
func (p *proc) knownName(k string) bool {
	if p.bySurname(k) != nil {
		return true
	}
	return p.byKey["org:"+k] != nil || p.byKey["team:"+k] != nil
}

// modifierSuffixes end hyphenated adjectives built on a name.
var modifierSuffixes = map[string]bool{"held": true, "based": true, "led": true, "owned": true, "run": true, "controlled": true,
	"born": true, "backed": true, "dominated": true, "speaking": true, "made": true, "listed": true, "registered": true,
	"sponsored": true, "funded": true, "style": true, "linked": true, "allied": true, "occupied": true, "bound": true}
