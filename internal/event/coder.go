package event

import (
	"sort"
	"strings"
	"time"

	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/lemma"
)

// word is a token with the forms patterns match against.
type word struct {
	lower, lemma, vlemma, nlemma string
	vlemmaE                      string // vlemma + "e" (extradited -> extradite)
	tag                          string
}

// mention is an entity mention mapped onto the tokens of a sentence.
type mention struct {
	start, end int // token range within the sentence, half-open
	ent        *doc.Entity
	m          *doc.Mention
	actor      bool // can be a source or target: any entity but a plain location
	// text and span describe a noun-phrase actor that no entity covers
	// (ent == nil): "Protesters", "18 people".
	text  string
	span  doc.Span
	place bool // GPE or LOC
}

// match is one pattern matched in a sentence.
type match struct {
	p           *Pattern
	start, end  int // token range covered, half-open
	anchor      int // token index of the trigger
	anchorEnd   int
	slots       map[byte][2]int
	posFallback bool // the anchor's tag did not fit and a fallback rule accepted it
	gapped      int  // tokens skipped by gaps: fewer means a tighter match
	lit         int  // tokens matched by literal words: more means more specific
	dropped     string
	folded      string // code after folding in a governed act ("" none)
	deniedBy    *match // a denial whose content this act is ("denied that it had supplied")
	foldedFrom  *match // the governed match

	complementEnd int
}

// coder codes the sentences of one analysis.
type coder struct {
	d        *Dictionary
	a        *doc.Analysis
	trace    *Trace
	speechOf map[string]string // entity id -> last date it was reported speaking
	anchorT  time.Time
	hasT     bool
	// seen[p.n] == gen marks patterns already tried at the current token.
	seen []uint32
	gen  uint32
}

func newCoder(d *Dictionary, a *doc.Analysis, tr *Trace) *coder {
	c := &coder{d: d, a: a, trace: tr, speechOf: map[string]string{}}
	c.anchorT, c.hasT = a.AnchorTime()
	return c
}

// sentence is the working state for one sentence.
type sentence struct {
	si       int
	toks     []doc.Token
	w        []word
	mentions []mention
	// nested are mentions inside a longer one ("Lithuania" in "the
	// Chinese ambassador to Lithuania"): not actors of their own, but the
	// counterpart of an international act can be named there.
	nested   []mention
	quote    []int  // per token: index into a.Quotes of the quote holding it, or -1
	timex    []bool // per token: inside a time expression
	headline bool
}

func (c *coder) prepare(si int) *sentence {
	a := c.a
	toks := a.SentenceTokens(si)
	s := &sentence{si: si, toks: toks, w: make([]word, len(toks)), quote: make([]int, len(toks))}
	for i, t := range toks {
		lw := strings.ToLower(t.Text)
		lw = strings.ReplaceAll(lw, "’", "'")
		w := word{lower: lw, tag: t.Tag, vlemma: lemma.Verb(lw), nlemma: lemma.Noun(lw)}
		w.lemma = lemma.Word(lw, t.Tag)
		w.vlemmaE = w.vlemma + "e"
		s.w[i] = w
		s.quote[i] = -1
	}
	if len(toks) == 0 {
		return s
	}
	sp := a.Sentences[si].Span
	for _, t := range a.Timexes {
		if !t.Span.Overlaps(sp) {
			continue
		}
		if s.timex == nil {
			s.timex = make([]bool, len(toks))
		}
		for i, tk := range toks {
			if t.Span.Overlaps(tk.Span) {
				s.timex[i] = true
			}
		}
	}
	for qi := range a.Quotes {
		q := &a.Quotes[qi]
		if !q.Span.Overlaps(sp) {
			continue
		}
		for i, t := range toks {
			if q.Span.Contains(t.Span) {
				s.quote[i] = qi
			}
		}
	}
	for ei := range a.Entities {
		e := &a.Entities[ei]
		for mi := range e.Mentions {
			m := &e.Mentions[mi]
			if !sp.Overlaps(m.Span) {
				continue
			}
			st, en := -1, -1
			for i, t := range toks {
				if t.Span.Overlaps(m.Span) {
					if st < 0 {
						st = i
					}
					en = i + 1
				}
			}
			if st < 0 {
				continue
			}
			// A past-tense verb glued to the end of a name ("Russia accused",
			// read as "the accused") is the clause's verb, not the name.
			for en-st > 1 && (toks[en-1].Tag == "VBD" || toks[en-1].Tag == "VBZ") && strings.ToLower(toks[en-1].Text) == toks[en-1].Text {
				en--
			}
			s.mentions = append(s.mentions, mention{start: st, end: en, ent: e, m: m,
				actor: e.Type != "LOC",
				place: e.Type == "GPE" || e.Type == "LOC"})
		}
	}
	sort.Slice(s.mentions, func(i, j int) bool {
		if s.mentions[i].start != s.mentions[j].start {
			return s.mentions[i].start < s.mentions[j].start
		}
		return s.mentions[i].end > s.mentions[j].end
	})
	// A mention inside a longer one ("Russian" in "the Russian embassy")
	// is not an actor of its own: the longer mention is.
	kept := s.mentions[:0]
	for _, m := range s.mentions {
		if n := len(kept); n > 0 && m.start >= kept[n-1].start && m.end <= kept[n-1].end {
			s.nested = append(s.nested, m)
			continue
		}
		kept = append(kept, m)
	}
	s.mentions = kept
	last := toks[len(toks)-1].Text
	s.headline = !strings.ContainsAny(last, ".!?\"”'’»)")
	return s
}

// codeSentence returns the events of sentence si.
func (c *coder) codeSentence(si int) []doc.Event {
	s := c.prepare(si)
	if len(s.toks) == 0 {
		return nil
	}
	c.noteSpeech(s)
	ms := c.findMatches(s)
	ms = c.resolve(s, ms)
	var out []doc.Event
	for _, m := range ms {
		if m.dropped != "" {
			continue
		}
		out = append(out, c.build(s, m)...)
	}
	return out
}

// findMatches tries the patterns indexed by each token's forms.
func (c *coder) findMatches(s *sentence) []*match {
	var out []*match
	var keys [10]string
	if c.seen == nil {
		c.seen = make([]uint32, len(c.d.Patterns))
	}
	for i := range s.w {
		w := &s.w[i]
		c.gen++
		for _, key := range anchorKeys(w, keys[:0]) {
			for _, p := range c.d.index[key] {
				// A pattern found under two of the token's keys is tried once.
				if c.seen[p.n] == c.gen {
					continue
				}
				c.seen[p.n] = c.gen
				if m := c.matchAt(s, p, i); m != nil {
					out = append(out, m)
				}
			}
		}
	}
	return out
}

func isVerbTag(t string) bool { return strings.HasPrefix(t, "VB") }
func isNounTag(t string) bool { return strings.HasPrefix(t, "NN") }

// tokenIs reports whether token i matches the pattern word pw.
func (s *sentence) tokenIs(i int, pw string) bool {
	w := &s.w[i]
	if pw == w.lower || pw == w.lemma || pw == w.vlemma || pw == w.nlemma {
		return true
	}
	if inflects(w.lower, pw) {
		return true
	}
	// The suffix rules cannot always tell a silent e (extradited ->
	// extradite) from none (visited -> visit): accept either for -ed/-ing.
	return pw == w.vlemmaE && w.vlemma != w.lower
}

// seqAt returns the end of the word sequence seq matched at i, or -1.
func (s *sentence) seqAt(i int, seq []string) int {
	if i+len(seq) > len(s.w) {
		return -1
	}
	for k, pw := range seq {
		if !s.tokenIs(i+k, pw) {
			return -1
		}
	}
	return i + len(seq)
}

// barrier reports whether token i ends a clause for gaps and searches.
func (s *sentence) barrier(i int) bool {
	switch s.w[i].lower {
	case ";", ".", "!", "?", "``", "''", "\"", "“", "”", "(", ")", "--", "—", ":":
		return true
	}
	return s.w[i].tag == "``" || s.w[i].tag == "''"
}

// matchAt matches p with its anchor at token i.
func (c *coder) matchAt(s *sentence, p *Pattern, i int) *match {
	var best *match
	for _, alt := range p.elems[0].alts {
		e := s.seqAt(i, alt)
		if e < 0 {
			continue
		}
		fallback, ok := anchorFits(s, p.Kind, i)
		if !ok {
			continue
		}
		if len(p.elems) == 1 {
			// A one-word pattern needs no search.
			if best == nil || e > best.end {
				best = &match{p: p, start: i, anchor: i, anchorEnd: e, end: e, posFallback: fallback, lit: len(alt)}
			}
			continue
		}
		m := &match{p: p, start: i, anchor: i, anchorEnd: e, posFallback: fallback, lit: len(alt)}
		if end, ok := c.rest(s, p.elems[1:], e, m); ok {
			m.end = end
			if best == nil || m.end > best.end {
				best = m
			}
		}
	}
	return best
}

// anchorFits checks the part of speech of the trigger. Verb patterns want
// a verb tag; the tagger sometimes tags "Russia calls for" or "Moscow
// slams" as nouns, so an inflected lower-case word right after a proper
// noun or pronoun is accepted as a verb too (flagged as a fallback).
func anchorFits(s *sentence, kind string, i int) (fallback, ok bool) {
	w := &s.w[i]
	if kind != KindStop && s.inMention(i) {
		return false, false // "United States" is a name, not the verb "state"
	}
	switch kind {
	case KindStop:
		return false, true
	case KindVerb:
		if isVerbTag(w.tag) {
			return false, true
		}
		// Predicative adjectives of intent: "is ready to", "are willing to".
		if strings.HasPrefix(w.tag, "JJ") && i > 0 && isVerbTag(s.w[i-1].tag) && s.w[i-1].vlemma == "be" {
			return false, true
		}
		if (isNounTag(w.tag) || strings.HasPrefix(w.tag, "JJ")) && i > 0 && w.tag != "NNP" {
			pt := s.w[i-1].tag
			subj := pt == "NNP" || pt == "NNPS" || pt == "PRP" || s.inActor(i-1)
			// Inflected ("Russia calls for"), or a base form between a
			// subject and a determiner ("France and Germany share the").
			obj := i+1 < len(s.w) && (s.w[i+1].tag == "DT" || s.w[i+1].tag == "PRP$" || s.w[i+1].tag == "IN" && (pt == "NNP" || pt == "NNPS"))
			if subj && (w.vlemma != w.lower || obj) {
				return true, true
			}
			// "Russian missiles and artillery struck/NN military
			// facilities": an inflected verb form (not -ing, not a
			// plural noun) after a noun or adjective, before the object's
			// determiner or modifier.
			if isNounTag(w.tag) && w.vlemma != w.lower && w.nlemma == w.lower && !strings.HasSuffix(w.lower, "ing") && (pt == "NNS" || pt == "NNPS" || pt == "JJ" || pt == "NN") && i+1 < len(s.w) {
				if nt := s.w[i+1].tag; nt == "DT" || nt == "PRP$" || strings.HasPrefix(nt, "JJ") || nt == "NNS" {
					return true, true
				}
			}
		}
		return false, false
	case KindNoun:
		if isNounTag(w.tag) {
			return false, true
		}
		if i > 0 && (s.w[i-1].tag == "DT" || s.w[i-1].tag == "JJ" || s.w[i-1].tag == "PRP$" || s.w[i-1].tag == "POS") {
			return true, true
		}
		return false, false
	}
	return false, false
}

func (s *sentence) inMention(i int) bool {
	for _, m := range s.mentions {
		if i >= m.start && i < m.end && m.m != nil && m.m.Kind != "nominal" && m.m.Kind != "pronoun" {
			return true
		}
	}
	return false
}

func (s *sentence) inActor(i int) bool {
	for _, m := range s.mentions {
		if m.actor && i >= m.start && i < m.end {
			return true
		}
	}
	return false
}

// rest matches the remaining elements from token i, with backtracking
// over gaps. It returns the end of the match.
func (c *coder) rest(s *sentence, els []elem, i int, m *match) (int, bool) {
	if len(els) == 0 {
		return i, true
	}
	e := els[0]
	switch e.kind {
	case elemWord:
		for _, alt := range e.alts {
			if j := s.seqAt(i, alt); j >= 0 {
				if end, ok := c.rest(s, els[1:], j, m); ok {
					m.lit += len(alt)
					return end, true
				}
			}
		}
		return 0, false
	case elemGap:
		for k := 0; k <= e.max && i+k <= len(s.w); k++ {
			if k > 0 && s.barrier(i+k-1) {
				break
			}
			if end, ok := c.rest(s, els[1:], i+k, m); ok {
				m.gapped += k
				return end, true
			}
		}
		return 0, false
	case elemSlot:
		// Try the longest noun phrase first, then shorter ones, so that
		// "between $S and $T" can split "Russia and Ukraine".
		for _, j := range s.nounPhraseEnds(i) {
			if e.need && !s.hasActor(i, j) {
				continue
			}
			end, ok := c.rest(s, els[1:], j, m)
			if !ok {
				continue
			}
			if m.slots == nil {
				m.slots = map[byte][2]int{}
			}
			m.slots[e.role] = [2]int{i, j}
			return end, true
		}
		return 0, false
	}
	return 0, false
}

func (s *sentence) hasActor(i, j int) bool {
	for _, m := range s.mentions {
		if m.actor && m.start < j && m.end > i {
			return true
		}
	}
	return false
}

// nounPhraseEnds returns the possible ends of the noun phrase starting at
// i, longest first: every point after a noun or an actor mention.
func (s *sentence) nounPhraseEnds(i int) []int {
	var ends []int
	_ = s.nounPhraseWalk(i, func(j int) { ends = append(ends, j) })
	for a, b := 0, len(ends)-1; a < b; a, b = a+1, b-1 {
		ends[a], ends[b] = ends[b], ends[a]
	}
	return ends
}

// nounPhrase returns the end of the noun phrase starting at i (i itself
// when there is none): determiners, possessives, adjectives, numbers and
// nouns, with "and"/"," joining conjuncts and actor mentions taken whole.
func (s *sentence) nounPhrase(i int) int { return s.nounPhraseWalk(i, nil) }

func (s *sentence) nounPhraseWalk(i int, end func(int)) int {
	j := i
	nouny := false
	for j < len(s.w) && j-i < 14 {
		if m := s.actorAt(j); m != nil {
			j = m.end
			nouny = true
			if end != nil {
				end(j)
			}
			continue
		}
		t := s.w[j].tag
		switch {
		case t == "DT" || t == "PDT" || t == "PRP$" || t == "POS" || strings.HasPrefix(t, "JJ") || t == "CD" || t == "VBN" && j > i && j+1 < len(s.w) && isNounTag(s.w[j+1].tag) || t == "HYPH":
			j++
		case isNounTag(t) || t == "PRP":
			j++
			nouny = true
			if end != nil && (j >= len(s.w) || !isNounTag(s.w[j].tag) && s.w[j].tag != "POS") {
				end(j)
			}
		case s.w[j].lower == "and" && nouny && j+1 < len(s.w) && (isNounTag(s.w[j+1].tag) || s.w[j+1].tag == "DT" || s.actorAt(j+1) != nil),
			s.w[j].lower == "," && nouny && j+1 < len(s.w) && s.actorAt(j+1) != nil && !s.speechAfter(s.actorAt(j+1)):
			j++
		default:
			if nouny {
				return j
			}
			return i
		}
	}
	if nouny {
		return j
	}
	return i
}

func (s *sentence) actorAt(i int) *mention {
	for k := range s.mentions {
		if s.mentions[k].actor && s.mentions[k].start == i {
			return &s.mentions[k]
		}
	}
	return nil
}

// resolve removes overlapping codings of one clause (keeping the most
// specific), applies stop phrases and guards, and drops events governed
// by a complement-taking event ("refused to meet", "threatened to impose").
func (c *coder) resolve(s *sentence, ms []*match) []*match {
	// Stops (idioms, metaphors) suppress everything they overlap.
	for _, st := range ms {
		if st.p.Kind != KindStop {
			continue
		}
		st.dropped = "stop phrase"
		for _, m := range ms {
			if m.p.Kind != KindStop && m.start < st.end && st.start < m.end {
				m.dropped = "inside stop phrase " + st.p.ID
			}
		}
	}
	if sportsSentence(s) {
		for _, m := range ms {
			if m.dropped == "" && sportsSensitive(m.p.Code) {
				m.dropped = "sports guard"
			}
		}
	}
	order := make([]*match, 0, len(ms))
	for _, m := range ms {
		if m.dropped == "" {
			order = append(order, m)
		}
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if a.lit != b.lit {
			return a.lit > b.lit
		}
		if a.gapped != b.gapped {
			return a.gapped < b.gapped
		}
		if a.posFallback != b.posFallback {
			return !a.posFallback
		}
		if len(a.p.Code) != len(b.p.Code) {
			return len(a.p.Code) > len(b.p.Code)
		}
		if la, lb := a.end-a.start, b.end-b.start; la != lb {
			return la > lb
		}
		return a.start < b.start
	})
	var kept []*match
	for _, m := range order {
		clash := false
		for ki, k := range kept {
			if m.start < k.end && k.start < m.end {
				// A verb whose object is the noun of a nominal pattern
				// governs it: "lifted sanctions on Iran" is the lifting
				// (085), not the sanctions (163).
				if m.p.Kind == KindVerb && k.p.Kind == KindNoun && m.anchor < k.anchor && m.lit >= k.lit-1 && !s.overlapsOther(kept, ki, m) {
					k.dropped = "governed by verb " + m.p.ID
					kept[ki] = m
					clash = true
					break
				}
				m.dropped = "overlaps more specific " + k.p.ID
				clash = true
				break
			}
		}
		if !clash {
			kept = append(kept, m)
		}
	}
	// An event in the complement of a refusal, threat, promise or appeal is
	// not a fact of its own: the governing verb carries the code.
	for _, k := range kept {
		g := governs(k)
		for _, m := range kept {
			if m == k || m.dropped != "" || k.dropped != "" || m.start < k.end || s.barrierBetween(k.end, m.start) {
				continue
			}
			// "warning that the allies would pay a heavy price": one
			// threat; the one worded as paying names the target.
			if strings.HasPrefix(k.p.Code, "13") && payThreat(s, m) && m.start <= k.end+1 {
				k.dropped = "threat worded by " + m.p.ID
				continue
			}
			// "will pay a price for the attack": what is punished is the
			// reason of the threat, neither threatened nor a fact.
			if payThreat(s, k) {
				if m.start <= k.end+4 && strings.Contains(" "+s.textOf(k.end, m.start)+" ", " for ") {
					m.dropped = "reason of threat " + k.p.ID
				}
				continue
			}
			// "demanded the release of", "refused to meet", "called for a
			// ceasefire": the governed act picks the governor's subcode.
			if m.start <= k.end+4 {
				if code := fold(k.p.Code, m.p.Code); code != "" {
					k.folded = code
					k.foldedFrom = m
					k.end = max(k.end, m.end)
					m.dropped = "folded into " + k.p.ID + " as " + code
					continue
				}
			}
			if g && m.start <= k.end+3 {
				m.dropped = "complement of " + k.p.ID
				continue
			}
			// "urged Iran to release", "called on NATO to send": an
			// infinitive after an appeal, intent, demand, refusal or threat
			// is what is asked for, promised or refused, not a fact.
			if takesInfinitive(k.p.Code) && m.anchor > 0 && s.w[m.anchor-1].lower == "to" && m.anchor-1-k.end <= 6 {
				m.dropped = "infinitive complement of " + k.p.ID
			}
			// "accused X of attacking Y", "blamed X for shelling": the
			// alleged act is the accusation's content, not a fact.
			if strings.HasPrefix(k.p.Code, "11") && m.anchor > 0 && m.start <= k.end+6 && s.w[m.anchor].tag == "VBG" && (s.w[m.anchor-1].lower == "of" || s.w[m.anchor-1].lower == "for") {
				m.dropped = "alleged in " + k.p.ID
				continue
			}
			// "Iran denied that it had supplied drones": what is denied is
			// coded, but as negated.
			if k.p.Code == "016" && m.p.Code != "016" && m.start <= k.end+10 {
				m.deniedBy = k
				continue
			}
			// "is considering sending aid": the option weighed is not done.
			if k.p.Code == "014" && m.anchor == k.end && s.w[m.anchor].tag == "VBG" {
				m.dropped = "option considered by " + k.p.ID
			}
		}
	}
	// Plain statements (010) only when nothing more specific was coded.
	other := false
	for _, k := range kept {
		if k.dropped == "" && k.p.Code != "010" {
			other = true
		}
	}
	if other {
		for _, k := range kept {
			if k.p.Code == "010" {
				k.dropped = "statement superseded by a coded event"
			}
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].start < kept[j].start })
	if c.trace != nil {
		for _, m := range ms {
			c.trace.Matches = append(c.trace.Matches, MatchTrace{Rule: m.p.ID, Code: m.p.Code, Text: s.textOf(m.start, m.end), Dropped: m.dropped, Origin: m.p.Origin})
		}
	}
	return kept
}

func (s *sentence) barrierBetween(i, j int) bool {
	for k := i; k < j && k < len(s.w); k++ {
		if s.barrier(k) || s.w[k].lower == "," {
			return true
		}
	}
	return false
}

// takesInfinitive: appeals, intents, demands, refusals and threats
// govern a following "to"-infinitive.
func takesInfinitive(code string) bool {
	switch code[:2] {
	case "02", "03", "10", "12", "13":
		return true
	}
	return code == "014"
}

// governs reports whether a match takes a verbal complement: its pattern
// ends in "to", "for" or "on" (refuse to, threaten to, call for, urge X to).
func governs(m *match) bool {
	els := m.p.elems
	last := els[len(els)-1]
	if last.kind != elemWord {
		return false
	}
	for _, alt := range last.alts {
		switch alt[len(alt)-1] {
		case "to", "for", "on":
			return true
		}
	}
	return false
}

func (s *sentence) textOf(i, j int) string {
	if i >= j || j > len(s.toks) {
		return ""
	}
	return spanText(s, i, j)
}

func spanText(s *sentence, i, j int) string {
	// Text between the first and last token, as in the document.
	return joinTokens(s.toks[i:j])
}

func joinTokens(t []doc.Token) string {
	var b strings.Builder
	for k, x := range t {
		if k > 0 && x.Span.Start() > t[k-1].Span.End() {
			b.WriteByte(' ')
		}
		b.WriteString(x.Text)
	}
	return b.String()
}

// sportsWords mark a sentence about a game: violent verbs there describe
// scores ("Russia beat the US 3-1"), not force. Strong words are enough on
// their own; weak ones (also common in politics: "the final city", "the
// goal of the talks") count only in pairs.
var sportsWords = map[string]int{
	"league": 2, "championship": 2, "tournament": 2, "olympic": 2, "olympics": 2, "semifinal": 2,
	"quarterfinal": 2, "playoff": 2, "playoffs": 2, "striker": 2, "fifa": 2, "uefa": 2, "innings": 2,
	"wicket": 2, "nba": 2, "nfl": 2, "halftime": 2, "midfielder": 2, "goalkeeper": 2,
	"match": 1, "game": 1, "cup": 1, "goal": 1, "goals": 1, "final": 1, "coach": 1, "score": 1,
	"scored": 1, "medal": 1, "squad": 1, "team": 1, "stadium": 1, "season": 1, "hockey": 2,
	"football": 2, "soccer": 2, "tennis": 2, "basketball": 2, "cricket": 2, "rugby": 2,
}

func sportsSentence(s *sentence) bool {
	cues := 0
	for i, w := range s.w {
		cues += sportsWords[w.lower]
		if cues >= 2 {
			return true
		}
		// A score such as 3-1 or 2–0.
		if w.tag == "CD" && len(w.lower) >= 3 && strings.ContainsAny(w.lower, "-–") && w.lower[0] >= '0' && w.lower[0] <= '9' && len(w.lower) <= 5 {
			return true
		}
		if w.tag == "CD" && i+2 < len(s.w) && (s.w[i+1].lower == "-" || s.w[i+1].lower == "–") && s.w[i+2].tag == "CD" && len(w.lower) <= 2 {
			return true
		}
	}
	return false
}

// sportsSensitive lists the codes a sports sentence cannot carry:
// force, assault, fighting, coercion and threats of force.
func sportsSensitive(code string) bool {
	switch code[:2] {
	case "15", "17", "18", "19", "20":
		return true
	}
	return strings.HasPrefix(code, "138")
}

func (s *sentence) overlapsOther(kept []*match, skip int, m *match) bool {
	for i, k := range kept {
		if i != skip && m.start < k.end && k.start < m.end {
			return true
		}
	}
	return false
}

// foldTable gives, for a governed act (by code prefix), the subcode of a
// generic appeal (02), intent (03), demand (10), rejection (12) or threat
// (13) that governs it. Longer prefixes are tried first.
var foldTable = map[string][5]string{
	//        02      03      10      12      13
	"04":   {"026", "036", "106", "125", "134"},
	"045":  {"028", "039", "108", "126", "135"},
	"084":  {"0253", "0353", "1053", "1243", ""},
	"085":  {"0254", "0354", "1054", "1244", ""},
	"086":  {"0255", "0355", "1055", "1245", ""},
	"087":  {"0256", "0356", "1056", "1246", ""},
	"0831": {"0241", "0341", "1041", "1231", ""},
	"083":  {"024", "034", "104", "123", ""},
	"07":   {"023", "033", "103", "122", "1311"},
	"06":   {"021", "031", "101", "121", ""},
	// Calling for sanctions, protest or force against someone rallies
	// opposition against them (113); promising it is a threat (13x).
	"14":  {"113", "133", "", "", "133"},
	"163": {"113", "1312", "", "", "1312"},
	"161": {"113", "1313", "", "", "1313"},
	"16":  {"113", "131", "", "", "131"},
	"172": {"113", "132", "", "", "132"},
	"17":  {"113", "138", "", "", "138"},
	"18":  {"113", "1383", "", "", "1383"},
	"19":  {"113", "138", "", "", "138"},
	"20":  {"113", "1385", "", "", "1385"},
}

// fold returns the code of governor g with its governed act c folded in,
// or "" when g is not a generic appeal/intent/demand/rejection/threat or
// the table has no entry.
func fold(g, c string) string {
	var col int
	switch g {
	case "020":
		col = 0
	case "030", "031", "032":
		col = 1
	case "100":
		col = 2
	case "120":
		col = 3
	case "130", "131":
		col = 4
	default:
		return ""
	}
	for n := len(c); n >= 2; n-- {
		if row, ok := foldTable[c[:n]]; ok {
			return row[col]
		}
	}
	return ""
}

// anchorKeys are the index keys tried for a token: its forms and lemmas,
// plus the raw stems left by removing -s, -es, -ed, -d and -ing (so that
// "boycotted" finds "boycott" when the suffix rules undouble the t).
func anchorKeys(w *word, keys []string) []string {
	keys = append(keys, w.lower)
	for _, k := range [...]string{w.lemma, w.vlemma, w.nlemma, w.vlemmaE} {
		if k != w.lower {
			keys = append(keys, k)
		}
	}
	l := w.lower
	for _, suf := range [...]string{"s", "es", "ed", "d", "ing"} {
		if len(l) > len(suf)+2 && strings.HasSuffix(l, suf) {
			keys = append(keys, l[:len(l)-len(suf)])
		}
	}
	return keys
}

// inflects reports whether form is a regular inflection of the base pw:
// -s/-es, -ed/-d, -ing (with silent e dropped or final consonant doubled),
// -ied/-ies.
func inflects(form, pw string) bool {
	if len(form) <= len(pw) || !strings.HasPrefix(form, pw[:len(pw)-1]) {
		return false
	}
	rest := form[len(pw):]
	if strings.HasPrefix(form, pw) {
		switch rest {
		case "s", "es", "ed", "d", "ing":
			return true
		}
		last := pw[len(pw)-1:]
		if rest == last+"ed" || rest == last+"ing" {
			return true
		}
	}
	stem := pw[:len(pw)-1]
	switch pw[len(pw)-1] {
	case 'e':
		return form == stem+"ing"
	case 'y':
		return form == stem+"ied" || form == stem+"ies"
	}
	return false
}
