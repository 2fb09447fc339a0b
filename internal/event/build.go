package event

import (
	"math"
	"strings"
	"time"

	"github.com/attache-project/attache/internal/doc"
)

// speechVerbs introduce reported speech; a date right after them ("said
// on Wednesday") dates the speech act, not the reported event.
var speechVerbs = map[string]bool{
	"say": true, "tell": true, "write": true, "note": true, "stress": true, "add": true, "state": true,
	"announce": true, "report": true, "claim": true, "declare": true, "explain": true, "insist": true,
	"emphasize": true, "emphasise": true, "underline": true, "comment": true, "remark": true, "confirm": true,
	"tweet": true, "post": true, "argue": true, "suggest": true, "indicate": true, "point": true,
}

// prepositions that put a mention inside a prepositional phrase (not a subject).
var preps = map[string]bool{
	"in": true, "at": true, "to": true, "from": true, "of": true, "for": true, "with": true, "against": true,
	"by": true, "on": true, "between": true, "among": true, "over": true, "toward": true, "towards": true,
	"into": true, "about": true, "than": true, "like": true, "near": true, "across": true, "under": true,
	"within": true, "without": true, "via": true, "after": true, "before": true, "during": true, "despite": true,
}

// conjPreps are prepositions that also introduce clauses: a mention after
// them followed by a verb is that clause's subject ("after Moscow expelled").
var conjPreps = map[string]bool{"after": true, "before": true, "since": true, "until": true, "as": true, "while": true, "because": true, "if": true, "when": true, "once": true, "though": true, "although": true, "unless": true, "whereas": true}

// reciprocalRoots are the codes where X and Y acting together means each
// acted toward the other: consult, cooperate, sign, fight.
func reciprocal(code string) bool {
	switch code[:2] {
	case "04", "06", "19":
		return true
	}
	return code == "057" || code == "036" || code == "046"
}

// symmetric codes describe one act of two parties: meet, consult,
// negotiate, cooperate, sign. An intent to meet (036) is not: "Putin said
// he was ready to continue the discussion with Biden" is Putin's alone. (Fighting is filed both ways only when
// both sides are named alike: "fighting between X and Y", "X and Y clashed".)
func symmetric(code string) bool {
	switch code {
	case "040", "044", "046", "057":
		return true
	}
	return strings.HasPrefix(code, "06")
}

// noteSpeech records, for each actor that is the subject of a speech verb
// with a date next to it, the date it spoke: later quotes by the same
// speaker without a date of their own are dated by it.
func (c *coder) noteSpeech(s *sentence) {
	for i, w := range s.w {
		if !isVerbTag(w.tag) || !speechVerbs[w.vlemma] {
			continue
		}
		d := c.timexNear(s, i, 5, true)
		if d == "" {
			continue
		}
		if m := c.subjectOf(s, i); m != nil {
			c.speechOf[m.ent.ID] = d
		}
	}
}

// timexNear returns the value of the first full DATE timex in the
// sentence within window tokens after token i (after=true), or "".
func (c *coder) timexNear(s *sentence, i, window int, after bool) string {
	if i >= len(s.toks) {
		return ""
	}
	lo, hi := s.toks[i].Span.End(), s.toks[min(i+window, len(s.toks)-1)].Span.End()
	for _, t := range c.a.Timexes {
		if t.Type == "DATE" && t.Span.Start() >= lo && t.Span.Start() < hi && isDate(t.Value) {
			return t.Value
		}
	}
	return ""
}

// isDate accepts calendar dates at day, month or year precision
// (ISO 8601 reduced precision: 2021-03-17, 2021-03, 2021).
func isDate(v string) bool {
	_, ok := dateEnd(v)
	return ok
}

// dateEnd returns the last day a (possibly reduced-precision) date covers.
func dateEnd(v string) (time.Time, bool) {
	switch len(v) {
	case 10:
		t, err := time.Parse(doc.DateLayout, v)
		return t, err == nil
	case 7:
		t, err := time.Parse("2006-01", v)
		return t.AddDate(0, 1, -1), err == nil
	case 4:
		t, err := time.Parse("2006", v)
		return t.AddDate(1, 0, -1), err == nil
	}
	return time.Time{}, false
}

// subjectOf returns the actor mention that is the subject of the verb at
// token i: the nearest actor left of it in the clause that is not inside a
// prepositional phrase; failing that, the nearest actor after an inverted
// speech verb (", the embassy said").
func (c *coder) subjectOf(s *sentence, i int) *mention {
	if m := s.leftActor(i); m != nil {
		return m
	}
	if speechVerbs[s.w[i].vlemma] && i > 0 && (s.w[i-1].lower == "," || s.w[i-1].tag == "''" || s.w[i-1].lower == "\"" || s.w[i-1].lower == "”") {
		// Inversion: "..., said the Foreign Ministry" (not "Biden said
		// Russia would": there Russia begins the reported clause).
		for k := range s.mentions {
			m := &s.mentions[k]
			if m.actor && m.start > i && m.start <= i+4 {
				return m
			}
		}
	}
	return nil
}

// timeNouns are nouns of time that are never actors ("early today").
var timeNouns = map[string]bool{"today": true, "yesterday": true, "tomorrow": true, "week": true, "month": true,
	"year": true, "day": true, "night": true, "morning": true, "evening": true, "afternoon": true, "weekend": true,
	"time": true, "hour": true, "minute": true, "decade": true, "century": true, "tonight": true}

// placeNouns head noun phrases that name where, not who ("at the border").
var placeNouns = map[string]bool{"border": true, "area": true, "region": true, "city": true, "town": true,
	"village": true, "capital": true, "sea": true, "zone": true, "province": true, "district": true,
	"street": true, "square": true, "site": true, "line": true, "frontline": true, "front": true, "coast": true}

// inTimex reports whether token k lies inside a time expression.
func (s *sentence) inTimex(k int) bool { return s.timex != nil && s.timex[k] }

// leftActor scans left from token i for the subject actor. For the
// second of two conjoined verbs ("Russia accused Germany ... and threatened
// to"), the subject is the first verb's.
func (s *sentence) leftActor(i int) *mention {
	if i > 1 && (s.w[i-1].lower == "and" || s.w[i-1].lower == "but") && isVerbTag(s.w[i].tag) && s.w[i].tag != "VBG" {
		for k := i - 2; k >= 0; k-- {
			if s.barrier(k) {
				break
			}
			if t := s.w[k].tag; (t == "VBD" || t == "VBZ" || t == "VBP") && !s.inMention(k) {
				return s.leftActor(k)
			}
		}
	}
	if i > 0 && s.w[i-1].tag == "PRP" && !s.inMention(i-1) && !s.inActor(i-1) {
		return nil // "they added": the subject is a pronoun no entity resolves
	}
	var best *mention
	for k := len(s.mentions) - 1; k >= 0; k-- {
		m := &s.mentions[k]
		if !m.actor || m.end > i {
			continue
		}
		if s.barrierBetween2(m.end, i) {
			break
		}
		// A mention right before a verb is a subject even after a word
		// that is usually a preposition ("after Moscow expelled ...").
		subj := s.verbFollows(m.end) && m.start > 0 && conjPreps[s.w[m.start-1].lower]
		if !subj && m.start > 0 && preps[s.w[m.start-1].lower] {
			continue
		}
		if !subj && m.start > 1 && preps[s.w[m.start-2].lower] && (s.w[m.start-1].tag == "DT" || s.w[m.start-1].tag == "PRP$") {
			continue
		}
		if !subj && s.deepInPP(m) {
			continue // "on the Ukrainian capital Kyiv"
		}
		if !subj && s.conjoinedAfterPrep(m) {
			continue
		}
		best = m
		break
	}
	return best
}

// barrierBetween2 is a clause barrier for subject search: a semicolon,
// quote mark or a "that"/"which" complementiser separates clauses.
func (s *sentence) barrierBetween2(i, j int) bool {
	for k := i; k < j && k < len(s.w); k++ {
		if s.barrier(k) {
			return true
		}
	}
	return false
}

// conjoinedAfterPrep: "between Russia and the United States" — the second
// conjunct is inside the same prepositional phrase.
func (s *sentence) conjoinedAfterPrep(m *mention) bool {
	if s.speechAfter(m) {
		return false // ", Egypt said": the subject of its own clause
	}
	j := m.start - 1
	if j >= 0 && s.w[j].tag == "DT" {
		j--
	}
	if j < 0 || (s.w[j].lower != "and" && s.w[j].lower != "or" && s.w[j].lower != ",") {
		return false
	}
	for k := len(s.mentions) - 1; k >= 0; k-- {
		o := &s.mentions[k]
		if o.end <= j && o.end >= j-1 && o.actor {
			if o.start > 0 && preps[s.w[o.start-1].lower] {
				return true
			}
			if o.start > 1 && preps[s.w[o.start-2].lower] && s.w[o.start-1].tag == "DT" {
				return true
			}
			return s.conjoinedAfterPrep(o)
		}
	}
	return false
}

// conjuncts expands a mention into the actors conjoined with it:
// "Russia and China", "Russia, China and Iran".
func (s *sentence) conjuncts(m *mention) []*mention {
	out := []*mention{m}
	// Leftward.
	cur := m
	for {
		j := s.titledStart(cur) - 1
		if j >= 0 && s.w[j].tag == "DT" {
			j--
		}
		if j < 0 || (s.w[j].lower != "and" && s.w[j].lower != ",") {
			break
		}
		prev := s.actorEndingAt(j)
		if prev == nil {
			break
		}
		out = append([]*mention{prev}, out...)
		cur = prev
	}
	cur = m
	for {
		j := cur.end
		if j >= len(s.w) || (s.w[j].lower != "and" && s.w[j].lower != ",") {
			break
		}
		j++
		if j < len(s.w) && s.w[j].lower == "and" {
			j++
		}
		next := s.actorAt(j)
		if next == nil && j < len(s.w) && s.w[j].tag == "DT" {
			next = s.actorAt(j + 1) // a mention that leaves out its article
		}
		if next == nil {
			break
		}
		if s.w[cur.end].lower == "," && s.w[cur.end+1].lower == "and" && (s.verbFollows(next.end) || s.speechAfter(next)) {
			break // ", and the ICC prosecutor said": a new clause
		}
		if p := s.titledPerson(next); p != nil {
			next = p // "and Russian President Vladimir Putin": the person
		}
		out = append(out, next)
		cur = next
	}
	return out
}

func (s *sentence) actorEndingAt(j int) *mention {
	for k := range s.mentions {
		m := &s.mentions[k]
		if m.actor && (m.end == j || m.end == j-1 && s.w[j-1].tag == "POS") {
			return m
		}
	}
	return nil
}

// actorsIn returns the actor mentions inside tokens [i, j), first-level
// conjuncts only ("Russia and China" -> both).
func (s *sentence) actorsIn(i, j int) []*mention {
	var out []*mention
	for k := range s.mentions {
		m := &s.mentions[k]
		if m.actor && m.start >= i && m.end <= j {
			out = append(out, m)
		}
	}
	if len(out) <= 1 {
		return out
	}
	// Keep the head actor(s): the first one and those conjoined with it;
	// "the Croatian government's request" keeps Croatian government only.
	return s.conjuncts(out[0])
}

// objectAfter returns the first actor after token i in the clause, within
// 12 tokens, skipping actors that start a new clause's subject.
func (s *sentence) objectAfter(i, patEnd int, not *mention, hostile bool) *mention {
	for k := range s.mentions {
		m := &s.mentions[k]
		if !m.actor || m.start < i || m == not {
			continue
		}
		if m.start-i > 12 || s.barrierBetween2(i, m.start) || s.newClauseBetween(i, m.start) || s.verbBetween(max(i, patEnd), m.start) {
			return nil
		}
		e := m.end
		if s.takesClause(i) {
			// "Xi said China and the United States should": the clause
			// subject may be conjoined.
			cs := s.conjuncts(m)
			e = cs[len(cs)-1].end
		}
		if s.verbFollows(e) && (m.start > i || s.takesClause(i)) {
			// The subject of the next clause ("..., and Germany did not";
			// "Peskov said the Kremlin would comment").
			return nil
		}
		if hostile && m.start > 0 && s.w[m.start-1].lower == "for" {
			continue // "fought for Ukraine": on its side, not against it
		}
		if m.start == i && i > 0 && s.w[i-1].vlemma == "discuss" {
			continue // "discussed Ukraine": the topic, not the counterpart
		}
		if cs := s.conjuncts(m); s.speechAfter(cs[len(cs)-1]) {
			// ", the embassy said", ", the White House and the Kremlin
			// said" — the reporters, not the object.
			continue
		}
		if m.start > i && s.locative(m.start, hostile) {
			// "hold meetings at the foreign ministry": where, not whom.
			continue
		}
		return m
	}
	return nil
}

// speechAfter: the mention is directly followed by a speech verb.
func (s *sentence) speechAfter(m *mention) bool {
	j := m.end
	if j < len(s.w) && isVerbTag(s.w[j].tag) && speechVerbs[s.w[j].vlemma] {
		return true
	}
	return false
}

// passive reports whether the trigger is a passive participle: VBN after
// a form of "be" or "get" within three tokens.
func (s *sentence) passive(i int) bool {
	if s.w[i].tag != "VBN" {
		return false
	}
	// Reduced relative: "a ceasefire brokered by Egypt".
	if i > 0 && isNounTag(s.w[i-1].tag) && i+1 < len(s.w) && s.w[i+1].lower == "by" {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		t := s.w[k].tag
		switch {
		case isVerbTag(t) && (s.w[k].vlemma == "be" || s.w[k].vlemma == "get"):
			return true
		case t == "RB" || isVerbTag(t):
			continue // "has recently been", "had been"
		}
		return false
	}
	return false
}

// agent returns the actor of a "by X" phrase after token i.
func (s *sentence) agent(i int) *mention {
	for k := i; k < len(s.w) && k <= i+8; k++ {
		if s.barrier(k) {
			return nil
		}
		if s.w[k].lower == "by" {
			for n := k + 1; n <= k+4 && n < len(s.w); n++ {
				if m := s.actorAt(n); m != nil {
					return m
				}
			}
			return nil
		}
	}
	return nil
}

// reporter returns the speaker for an event at token i: the quote's
// speaker when the token is inside a quote, the actor of "according to X",
// or the subject of the sentence's speech verb (", the embassy said").
func (c *coder) reporter(s *sentence, i int) (ent *doc.Entity, quote int) {
	if qi := s.quote[i]; qi >= 0 {
		q := &c.a.Quotes[qi]
		if q.Speaker != nil && q.Speaker.Entity != nil {
			if e := c.a.EntityByID(*q.Speaker.Entity); e != nil {
				return e, qi
			}
		}
		return nil, qi
	}
	for k := 0; k+1 < len(s.w); k++ {
		if s.w[k].lower == "according" && s.w[k+1].lower == "to" {
			for n := k + 2; n < len(s.w) && n <= k+5; n++ {
				if m := s.actorAt(n); m != nil {
					return m.ent, -1
				}
			}
		}
	}
	for k, w := range s.w {
		if k != i && isVerbTag(w.tag) && speechVerbs[w.vlemma] {
			if m := c.subjectOf(s, k); m != nil && (m.start > i || k < i) {
				return m.ent, -1
			}
		}
	}
	return nil, -1
}

// build turns a match into events (several for compound or reciprocal
// actors).
func (c *coder) build(s *sentence, m *match) []doc.Event {
	code := m.p.Code
	if m.folded != "" {
		code = m.folded
	}
	info := c.d.Info(code)
	if info == nil {
		return nil
	}
	var srcs, tgts []*mention
	var how []string
	judged := false
	passive := m.p.Kind == KindVerb && s.passive(m.anchor)
	if sl, ok := m.slots['S']; ok {
		srcs = s.actorsIn(sl[0], sl[1])
		how = append(how, "source from $S slot")
	}
	if sl, ok := m.slots['T']; ok {
		tgts = s.actorsIn(sl[0], sl[1])
		how = append(how, "target from $T slot")
	}
	if f := m.foldedFrom; f != nil && len(tgts) == 0 {
		// "called for a ceasefire between X and Y": the governed act's
		// participants are the targets of the appeal.
		for _, r := range []byte{'T', 'S'} {
			if sl, ok := f.slots[r]; ok {
				tgts = append(tgts, s.actorsIn(sl[0], sl[1])...)
			}
		}
		if len(tgts) > 0 {
			how = append(how, "target from the governed act's slots")
		}
	}
	subj := s.leftActor(m.start)
	if m.p.Kind == KindNoun && subj != nil && subj.end == m.start-1 && s.w[subj.end].tag == "POS" {
		// "Russia's recall of its ambassador": the possessor acts.
		how = append(how, "source: possessor of the nominal")
	} else if a := s.possessorPronoun(m); a != nil {
		// "sanctions against Russia for its invasion of Ukraine": "its"
		// is the nearest actor before it, the invader.
		subj = a
		how = append(how, "source: antecedent of the possessive pronoun")
	} else if m.p.Kind == KindNoun && subj != nil && s.judgedBetween(subj.end, m.start) {
		// "The US condemned the attack", "Kuleba called the attack a war
		// of aggression": the subject judges the act, it did not do it.
		how = append(how, "subject judges the nominal, not its agent: no source")
		subj = nil
		judged = true
	}
	if passive {
		if len(srcs) == 0 {
			if ag := s.agent(m.anchor); ag != nil {
				srcs = s.conjuncts(ag)
				how = append(how, "passive: source from by-agent")
			}
		}
		if len(tgts) == 0 && subj != nil {
			tgts = s.conjuncts(subj)
			how = append(how, "passive: target is the subject")
		}
	} else if len(srcs) == 0 && subj != nil && !payThreat(s, m) {
		srcs = s.conjuncts(subj)
		how = append(how, "source is the subject")
	}
	// "Putin will pay a price", Biden said: the one who will pay is
	// threatened by the one who says so.
	threatened := false
	if payThreat(s, m) {
		if t := s.payer(m.anchor); t != nil {
			tgts = s.conjuncts(t)
		} else if np := c.subjectNP(s, m.start); np != nil {
			tgts = []*mention{np}
		}
		if e, _ := c.reporter(s, m.anchor); e != nil {
			srcs = []*mention{{ent: e, m: firstMention(e), actor: true}}
			how = append(how, "threat to make pay: source is the speaker, target the one who will pay")
			threatened = true
		} else {
			// Nobody says so: "consumers will pay a high price" is a
			// prediction, not a threat.
			return nil
		}
	}
	recalled := false
	// "Antonov has been recalled to Moscow for consultations": a diplomat
	// is called home by his own state, so with no by-agent the recalling
	// state is the diplomat's and the counterpart is the foreign state he
	// is posted in (found below among the sentence's foreign actors).
	if passive && len(srcs) == 0 && len(tgts) > 0 && tgts[0].ent != nil && tgts[0].ent.Country != nil && recallLike(s, m) {
		srcs, tgts = tgts[:1], nil
		how = append(how, "passive recall: source is the recalled diplomat's state")
		recalled = true
		if f := s.foreignActor(srcs[0].ent, m.anchor, strings.HasPrefix(info.Code, "16")); f != nil {
			tgts = []*mention{f}
			how = append(how, "target: the foreign counterpart in the sentence")
		}
	}
	// "U.S. and Chinese officials rebuked each other": each side acted
	// towards the other.
	mutual := len(tgts) == 0 && len(srcs) >= 2 && s.eachOther(m.anchorEnd)
	if mutual {
		how = append(how, "\"each other\": reciprocal between the conjoined sources")
	}
	bareSpeech := m.p.Kind == KindVerb && m.end == m.anchorEnd && s.takesClause(m.end) && s.w[m.anchor].vlemma != "tell"
	if len(tgts) == 0 && !passive && !mutual && !bareSpeech {
		// (A bare speech verb has no object: "Biden said the measures
		// would cut off Russia's largest banks" says nothing to Russia.)
		var not *mention
		if len(srcs) > 0 {
			not = srcs[0]
		}
		if o := s.objectAfter(m.anchorEnd, m.end, not, info.Quad >= 3); o != nil {
			if reciprocal(info.Code) && !strings.HasPrefix(info.Code, "19") && len(srcs) >= 2 && !s.withBefore(o) {
				// "Russian and Ukrainian delegations held talks since the
				// start of the Russian military operation": the parties
				// are the conjoined subjects, not a later actor.
				mutual = true
				how = append(how, "reciprocal between the conjoined sources (object not introduced by with)")
			} else {
				tgts = s.conjuncts(o)
				how = append(how, "target is the object")
			}
		}
	}
	if len(srcs) == 0 && !(passive && violent(info.Code)) && !judged {
		// (Not for violence in the passive without agent, "our cities
		// are being bombed," he wrote: the reporter is its victim, not
		// its agent.)
		if e, qi := c.reporter(s, m.anchor); e != nil && (e.Country != nil || e.Code != nil) {
			srcs = []*mention{{ent: e, m: firstMention(e), actor: true}}
			if qi >= 0 {
				how = append(how, "source is the quote's speaker")
			} else {
				how = append(how, "source is the reporter (according to / said)")
			}
		}
	}
	// No actor: the plain noun phrases in subject and object position.
	if len(srcs) == 0 && !passive && m.p.Kind == KindVerb {
		if np := c.subjectNP(s, m.start); np != nil {
			srcs = []*mention{np}
			how = append(how, "source is the subject noun phrase (no entity)")
		}
	}
	if len(tgts) == 0 && !recalled && !mutual && !(reciprocal(info.Code) && len(srcs) >= 2) {
		var np *mention
		if passive {
			np = c.subjectNP(s, m.start)
		} else if m.p.Kind == KindVerb && len(m.slots) == 0 && !bareSpeech {
			// "Merkel said the explanations were implausible": what
			// follows a bare speech verb is the reported clause, not an
			// object ("told reporters" names whom it was told).
			np = c.objectNP(s, m.end, info.Quad >= 3)
		}
		if np != nil {
			tgts = []*mention{np}
			how = append(how, "target is the object noun phrase (no entity)")
		}
	}
	// International codes: a target of the source's own country is the
	// destination, not the counterpart ("Russia's ambassador to the US flew
	// to Moscow"); look for a foreign actor in the sentence instead.
	if len(srcs) > 0 && len(tgts) > 0 && srcs[0].ent != nil && international(info.Code) && sameCountry(srcs[0].ent, tgts[0].ent) {
		if f := s.foreignActor(srcs[0].ent, m.anchor, strings.HasPrefix(info.Code, "16")); f != nil {
			tgts = []*mention{f}
			how = append(how, "target: the foreign counterpart in the sentence")
		}
	}
	if len(srcs) > 0 && len(tgts) == 0 && srcs[0].ent != nil && international(info.Code) {
		if f := s.foreignActor(srcs[0].ent, m.anchor, strings.HasPrefix(info.Code, "16")); f != nil {
			tgts = []*mention{f}
			how = append(how, "target: the foreign counterpart in the sentence")
		}
	}
	// Still the source's own country ("the ambassador would fly to
	// Moscow" with no foreign state named): a trip home is not an act
	// towards one's own state; the counterpart is unknown.
	if len(srcs) > 0 && len(tgts) > 0 && international(info.Code) && sameCountry(srcs[0].ent, tgts[0].ent) {
		tgts = nil
		how = append(how, "target dropped: the source's own country is the destination, not a counterpart")
	}
	// A hostile act of an actor against an actor of the very same code
	// ("Putin ... conducted a military operation in response to requests
	// from the leaders": RUSGOV -> RUSGOV) is an attachment error, not a
	// government attacking itself: the target is unknown.
	if info.Quad >= 3 && len(srcs) == 1 && len(tgts) == 1 && srcs[0].ent != nil && tgts[0].ent != nil && srcs[0].ent != tgts[0].ent &&
		srcs[0].ent.Code != nil && tgts[0].ent.Code != nil && *srcs[0].ent.Code == *tgts[0].ent.Code {
		tgts = nil
		how = append(how, "target dropped: same actor code as the source in a hostile act")
	}
	// Reciprocal: X and Y meet -> X->Y and Y->X.
	type pair struct{ s, t *mention }
	var pairs []pair
	switch {
	case (mutual || reciprocal(info.Code)) && len(tgts) == 0 && len(srcs) >= 2 && !s.foughtFor(m):
		for _, a := range srcs {
			for _, b := range srcs {
				if a != b {
					pairs = append(pairs, pair{a, b})
				}
			}
		}
		how = append(how, "reciprocal between conjoined actors")
	case reciprocal(info.Code) && len(srcs) == 0 && len(tgts) >= 2:
		for _, a := range tgts {
			for _, b := range tgts {
				if a != b {
					pairs = append(pairs, pair{a, b})
				}
			}
		}
		how = append(how, "reciprocal between conjoined actors")
	default:
		if len(srcs) == 0 {
			srcs = []*mention{nil}
		}
		if len(tgts) == 0 {
			tgts = []*mention{nil}
		}
		for _, a := range srcs {
			for _, b := range tgts {
				if a != nil && b != nil && a.ent != nil && a.ent == b.ent {
					b = nil
				}
				pairs = append(pairs, pair{a, b})
			}
		}
	}
	// "talks between X and Y", "X met Y": a symmetric act is filed in both
	// directions.
	_, bothS := m.slots['S']
	_, bothT := m.slots['T']
	if symmetric(info.Code) || bothS && bothT && reciprocal(info.Code) {
		{
			n := len(pairs)
			for _, p := range pairs[:n] {
				// Both sides must be actors we know; "discuss ways" is not
				// something ways do back.
				if p.s != nil && p.t != nil && p.s.ent != nil && p.t.ent != nil {
					pairs = append(pairs, pair{p.t, p.s})
				}
			}
			if len(pairs) > n {
				how = append(how, "reciprocal: both directions")
			}
		}
	}
	uniq := pairs[:0]
	seenPair := map[[2]*mention]bool{}
	for _, p := range pairs {
		k := [2]*mention{p.s, p.t}
		if p.s != nil && p.t != nil && p.s.ent != nil && p.s.ent == p.t.ent {
			continue
		}
		if !seenPair[k] {
			seenPair[k] = true
			uniq = append(uniq, p)
		}
	}
	pairs = uniq
	mod, modWhy := modality(s, m)
	if m.deniedBy != nil && mod != "negated" {
		mod, modWhy = "negated", "denied by "+m.deniedBy.p.ID
	}
	if threatened && mod != "negated" {
		// "Russia will pay for it": the future is the threatened outcome;
		// the threat itself is made now.
		mod, modWhy = "asserted", "threat: "+mod+" outcome ("+modWhy+") is what is threatened"
	}
	if mod == "deontic" {
		// "Turkey must mediate", "X must withdraw its troops": the speaker
		// demands the act of the one who must do it; "we must cooperate"
		// expresses intent.
		gov, col := "100", "demand"
		if subj != nil && subj.m != nil && subj.m.Kind == "pronoun" && isFirstPerson(subj.m.Text) || firstPersonBefore(s, m.anchor) {
			gov, col = "030", "intent"
		}
		code := fold(gov, info.Code)
		if code == "" {
			code = gov
		}
		if ni := c.d.Info(code); ni != nil {
			how = append(how, "obligation ("+modWhy+") read as "+col+": "+info.Code+" -> "+ni.Code)
			info = ni
			if gov == "100" {
				if e, _ := c.reporter(s, m.anchor); e != nil {
					tgts = srcs
					srcs = []*mention{{ent: e, m: firstMention(e), actor: true}}
					pairs = nil
					for _, a := range srcs {
						for _, b := range tgts {
							pairs = append(pairs, pair{a, b})
						}
					}
					if len(tgts) == 0 {
						pairs = append(pairs, pair{srcs[0], nil})
					}
				}
			}
		}
		mod, modWhy = "asserted", modWhy+" (the demand is asserted)"
	}
	date, dsrc := c.date(s, m)
	sp := doc.S(s.toks[m.start].Span.Start(), s.toks[m.end-1].Span.End())
	ev := doc.Event{
		Sentence:   s.si,
		Span:       sp,
		Text:       c.a.Text[sp.Start():sp.End()],
		CAMEO:      info.Code,
		PLOVER:     info.PLOVER,
		Mode:       doc.Str(info.Mode),
		Quad:       info.Quad,
		Goldstein:  info.Goldstein,
		Modality:   mod,
		Date:       doc.Str(date),
		DateSource: dsrc,
		Location:   c.location(s, m),
		Rule:       m.p.ID,
	}
	if m.foldedFrom != nil {
		ev.Rule = m.p.ID + " + " + m.foldedFrom.p.ID
	}
	ev.Historical = c.historical(date)
	var out []doc.Event
	seenEv := map[string]bool{}
	for _, p := range pairs {
		k := actorKey(p.s) + ">" + actorKey(p.t)
		if seenEv[k] {
			continue
		}
		seenEv[k] = true
		e := ev
		e.Source = actorOf(p.s)
		e.Target = actorOf(p.t)
		e.Confidence = confidence(m, actorWeight(p.s), actorWeight(p.t), mod)
		out = append(out, e)
	}
	if c.trace != nil {
		if m.foldedFrom != nil {
			how = append(how, "code "+m.p.Code+" refined to "+info.Code+" by the governed act "+m.foldedFrom.p.ID)
		}
		c.trace.Decisions = append(c.trace.Decisions, Decision{Rule: m.p.ID, Code: info.Code, Name: info.Name,
			Trigger: ev.Text, Actors: how, Modality: mod, ModalityWhy: modWhy, Date: date, DateSource: dsrc})
	}
	return out
}

func firstMention(e *doc.Entity) *doc.Mention {
	if len(e.Mentions) > 0 {
		return &e.Mentions[0]
	}
	return nil
}

// international codes are acts between states: recall and expulsion of
// diplomats, visits, reduction of relations.
func international(code string) bool {
	return strings.HasPrefix(code, "16") || code == "042" || code == "043" || code == "044"
}

func sameCountry(a, b *doc.Entity) bool {
	return a != nil && b != nil && a.Country != nil && b.Country != nil && *a.Country == *b.Country
}

// foreignActor returns the actor nearest to token i whose country differs
// from e's, looking right first.
func (s *sentence) foreignActor(e *doc.Entity, i int, titled bool) *mention {
	var best *mention
	bd := 1 << 30
	all := make([]*mention, 0, len(s.mentions)+len(s.nested))
	for k := range s.mentions {
		all = append(all, &s.mentions[k])
	}
	// "The Chinese ambassador to Lithuania": the post is named inside
	// the diplomat's title (for a recall or expulsion, whose counterpart
	// is the post; "the Russian Embassy in Washington wrote that the
	// ambassador would fly to Moscow" is no visit to Washington).
	if titled {
		for k := range s.nested {
			all = append(all, &s.nested[k])
		}
	}
	for _, m := range all {
		if !m.actor || m.ent.Country == nil || e.Country == nil || *m.ent.Country == *e.Country || !stateActor(m.ent) {
			continue
		}
		d := m.start - i
		if d < 0 {
			d = -d + 20 // prefer the right side
		}
		if d < bd {
			best, bd = m, d
		}
	}
	return best
}

// stateActor: a place or a government body, the kind of counterpart an
// international act (recall, visit) has; not a company or a medium.
func stateActor(e *doc.Entity) bool {
	if e.Type == "GPE" {
		return true
	}
	c := doc.Val(e.Code)
	for _, sec := range []string{"GOV", "MIL", "IGO", "LEG", "JUD", "ELI", "SPY", "COP"} {
		if strings.Contains(c, sec) {
			return true
		}
	}
	return false
}

func actorOf(m *mention) *doc.Actor {
	if m == nil {
		return nil
	}
	if m.ent == nil {
		if m.text == "" {
			return nil
		}
		sp := m.span
		return &doc.Actor{Text: m.text, Span: &sp}
	}
	e := m.ent
	text := e.Name
	var sp *doc.Span
	if m.m != nil && m.start < m.end {
		text = m.m.Text
		x := m.m.Span
		sp = &x
	}
	code := e.Code
	if code == nil {
		code = e.Country
	}
	id := e.ID
	return &doc.Actor{Entity: &id, Code: code, Country: e.Country, Text: text, Span: sp}
}

// npActor makes an actor of the noun phrase in tokens [i, j) when no
// entity covers it ("Protesters", "18 people").
func (c *coder) npActor(s *sentence, i, j int) *mention {
	if i < 0 || j <= i || j > len(s.toks) {
		return nil
	}
	// Leading determiners are not part of what is named.
	for i < j && (s.w[i].tag == "DT" || s.w[i].tag == "PDT") {
		i++
	}
	if i >= j {
		return nil
	}
	hasNoun := false
	for k := i; k < j; k++ {
		if isNounTag(s.w[k].tag) && !timeNouns[s.w[k].nlemma] && !s.inTimex(k) {
			hasNoun = true
		}
	}
	if !hasNoun || placeNouns[s.w[j-1].nlemma] {
		return nil
	}
	sp := doc.S(s.toks[i].Span.Start(), s.toks[j-1].Span.End())
	return &mention{start: i, end: j, actor: true, text: c.a.Text[sp.Start():sp.End()], span: sp}
}

// objectNP is the noun phrase right after token i, as an actor. A noun
// phrase followed by a verb is the subject of the next clause, not an
// object.
func (c *coder) objectNP(s *sentence, i int, hostile bool) *mention {
	if i >= len(s.w) {
		return nil
	}
	if hostile && i+1 < len(s.w) {
		switch s.w[i].lower {
		case "at", "on", "against", "into", "toward", "towards":
			i++ // "fired tear gas at protesters"
		}
	}
	switch t := s.w[i].tag; {
	case t == "DT" || t == "CD" || t == "PRP$" || strings.HasPrefix(t, "JJ") || isNounTag(t):
	default:
		return nil
	}
	j := s.nounPhrase(i)
	for k := i + 1; k < j; k++ {
		if s.w[k].tag == "PRP" {
			j = k // "resign show he": a pronoun starts a new phrase
			break
		}
	}
	if j < len(s.w) && (s.w[j].tag == "MD" || s.w[j].tag == "VBD" || s.w[j].tag == "VBZ" || s.w[j].tag == "VBP") {
		return nil
	}
	// Stop before a possessive object's head noun: keep "18 people",
	// "several suspects", "prisoners".
	return c.npActor(s, i, j)
}

// subjectNP is the noun phrase that ends right before the verb group of
// the trigger at i (skipping auxiliaries, modals and adverbs).
func (c *coder) subjectNP(s *sentence, i int) *mention {
	k := i - 1
	for k >= 0 {
		t := s.w[k].tag
		if t == "MD" || t == "RB" || (isVerbTag(t) && (s.w[k].vlemma == "be" || s.w[k].vlemma == "have" || s.w[k].vlemma == "do")) {
			k--
			continue
		}
		break
	}
	end := k + 1
	for k >= 0 {
		t := s.w[k].tag
		if t == "DT" || t == "PDT" || t == "CD" || t == "POS" || t == "PRP$" || strings.HasPrefix(t, "JJ") || isNounTag(t) || t == "PRP" && k == end-1 {
			k--
			continue
		}
		break
	}
	start := k + 1
	if end-start > 8 || start >= end {
		return nil
	}
	// "a car bomb in Kiev killed": step over a prepositional phrase to
	// the head noun phrase.
	for start > 1 && preps[s.w[start-1].lower] && (isNounTag(s.w[start-2].tag) || s.w[start-2].tag == "PRP") {
		k := start - 2
		for k >= 0 {
			t := s.w[k].tag
			if t == "DT" || t == "PDT" || t == "CD" || t == "POS" || t == "PRP$" || strings.HasPrefix(t, "JJ") || isNounTag(t) {
				k--
				continue
			}
			break
		}
		start, end = k+1, start-1
	}
	if start > 0 && preps[s.w[start-1].lower] {
		return nil
	}
	return c.npActor(s, start, end)
}

// modality reads the words before the trigger (up to six tokens, within
// the clause): negation, modal and future markers. "deontic" (must, has
// to, ought to) is not a contract modality: build turns such an event into
// the demand (or, in the first person, the intent) that it expresses.
// "decided to" is not a future marker: a decision is an act.
func modality(s *sentence, m *match) (string, string) {
	neg, fut, hyp, must := "", "", "", ""
	for k := m.anchor - 1; k >= 0 && k >= m.anchor-6; k-- {
		w := s.w[k]
		if s.barrier(k) || w.lower == "," && k < m.anchor-1 {
			break
		}
		switch w.lower {
		case "not", "n't", "never", "no", "neither", "nor", "without":
			neg = w.lower
		case "will", "'ll", "shall":
			fut = w.lower
		case "could", "might", "may", "should", "can", "if", "unless", "whether", "possible", "potential", "possibly":
			hyp = w.lower
		case "would":
			hyp = w.lower
		case "must", "ought":
			must = w.lower
		case "to":
			if k > 0 && (s.w[k-1].lower == "has" || s.w[k-1].lower == "have") && k+1 == m.anchor {
				must = s.w[k-1].lower + " to"
			}
			if k > 0 {
				switch s.w[k-1].vlemma {
				case "plan", "intend", "expect", "schedule", "set", "aim", "prepare", "due", "go", "hope", "seek", "want", "wish", "vow", "pledge", "promise", "be":
					if s.w[k-1].lower != "been" {
						fut = s.w[k-1].lower + " to"
					}
				}
			}
		case "planned", "proposed", "upcoming", "forthcoming", "scheduled", "expected", "future", "next":
			if m.p.Kind == KindNoun {
				fut = w.lower
			}
		}
		if (w.vlemma == "fail" || w.vlemma == "deny") && k == m.anchor-2 && s.w[k+1].lower == "to" {
			neg = w.lower + " to"
		}
	}
	switch {
	case neg != "":
		return "negated", "negation: " + neg
	case must != "":
		return "deontic", "obligation: " + must
	case hyp == "would" && reportedContext(s, m.anchor):
		return "future", "future in reported speech: would"
	case hyp != "":
		return "hypothetical", "modal or condition: " + hyp
	case fut != "":
		return "future", "future marker: " + fut
	}
	return "asserted", ""
}

// reportedContext: a speech verb before token i ("said it would").
func reportedContext(s *sentence, i int) bool {
	for k := 0; k < i; k++ {
		if isVerbTag(s.w[k].tag) && speechVerbs[s.w[k].vlemma] {
			return true
		}
	}
	return false
}

// date picks the event's date: the DATE timex nearest the trigger in its
// clause (not one attached to a speech verb), else the date of the speech
// reporting it, else the anchor.
func (c *coder) date(s *sentence, m *match) (string, string) {
	sp := c.a.Sentences[s.si].Span
	trig := s.toks[m.anchor].Span.Start()
	best, bd := "", 1<<30
	for _, t := range c.a.Timexes {
		if t.Type != "DATE" || !sp.Contains(t.Span) || !isDate(t.Value) {
			continue
		}
		if c.speechTimex(s, t.Span) && !speechVerbs[s.w[m.anchor].vlemma] {
			continue
		}
		// "The diplomat noted that the administration had taken office
		// two months ago": a date inside the reported clause dates what
		// is reported, not the speech act ("said on Wednesday" does).
		if speechVerbs[s.w[m.anchor].vlemma] && t.Span.Start() > trig && !c.speechTimex(s, t.Span) {
			continue
		}
		if c.acrossBarrier(s, trig, t.Span.Start()) {
			continue
		}
		d := t.Span.Start() - trig
		if d < 0 {
			d = -d
		}
		if d < bd {
			best, bd = t.Value, d
		}
	}
	if best != "" {
		return best, "timex"
	}
	ent, qi := c.reporter(s, m.anchor)
	if qi >= 0 && c.a.Quotes[qi].Date != nil && isDate(*c.a.Quotes[qi].Date) {
		qd := *c.a.Quotes[qi].Date
		// A quote dated only by the anchor is better dated by the day its
		// speaker was last reported speaking ("the embassy said on Wednesday").
		if d, ok := c.speechOf[entID(ent)]; ok && c.a.Anchor != nil && qd == c.a.Anchor.Date {
			return d, "speech"
		}
		return qd, "speech"
	}
	// A speech verb in this sentence with its own date.
	for k, w := range s.w {
		if isVerbTag(w.tag) && speechVerbs[w.vlemma] && k != m.anchor {
			if d := c.timexNear(s, k, 5, true); d != "" {
				return d, "speech"
			}
		}
	}
	if ent != nil {
		if d, ok := c.speechOf[entID(ent)]; ok {
			return d, "speech"
		}
	}
	if c.a.Anchor != nil && c.a.Anchor.Date != "" && c.a.Anchor.From != "none" {
		src := c.a.Anchor.From
		if src != "dateline" {
			src = "published"
		}
		return c.a.Anchor.Date, src
	}
	return "", "none"
}

// speechTimex: the timex follows a speech verb closely ("said on Wednesday").
func (c *coder) speechTimex(s *sentence, ts doc.Span) bool {
	for k, w := range s.w {
		if !isVerbTag(w.tag) || !speechVerbs[w.vlemma] {
			continue
		}
		end := s.toks[k].Span.End()
		lim := s.toks[min(k+5, len(s.toks)-1)].Span.End()
		if ts.Start() >= end && ts.Start() <= lim {
			return true
		}
	}
	return false
}

func (c *coder) acrossBarrier(s *sentence, a, b int) bool {
	if a > b {
		a, b = b, a
	}
	for k, t := range s.toks {
		if t.Span.Start() > a && t.Span.Start() < b && (s.barrier(k) && s.w[k].lower != "(" && s.w[k].lower != ")") {
			return true
		}
	}
	return false
}

// historical: the event is dated more than a year before the anchor.
func (c *coder) historical(date string) bool {
	if !c.hasT || date == "" {
		return false
	}
	t, ok := dateEnd(date)
	if !ok {
		return false
	}
	return c.anchorT.Sub(t) > 366*24*time.Hour
}

// location: "in/at X" in the event's clause where X is a place mention.
func (c *coder) location(s *sentence, m *match) *doc.Location {
	var best *mention
	bd := 1 << 30
	for k := range s.mentions {
		pm := &s.mentions[k]
		if !pm.place {
			continue
		}
		j := pm.start - 1
		if j >= 0 && s.w[j].tag == "DT" {
			j--
		}
		if j < 0 || (s.w[j].lower != "in" && s.w[j].lower != "at") {
			continue
		}
		if pm.start >= m.anchor && s.barrierBetween(m.end, j) || pm.end <= m.anchor && s.barrierBetween(pm.end, m.anchor) {
			continue
		}
		d := pm.start - m.anchor
		if d < 0 {
			d = -d
		}
		if d < bd {
			best, bd = pm, d
		}
	}
	if best == nil || bd > 15 {
		return nil
	}
	return &doc.Location{Name: best.m.Text, Country: best.ent.Country}
}

// actorWeight is 1 for an actor with a country or actor code, 0.5 for one
// without (an unknown group, a noun phrase), 0 for none.
func actorWeight(m *mention) float64 {
	switch {
	case m == nil:
		return 0
	case m.ent != nil && (m.ent.Country != nil || m.ent.Code != nil):
		return 1
	}
	return 0.5
}

// confidence is a documented heuristic in [0,1] (see docs/events.md):
// 0.5 for a pattern match, +0.2 with a coded source actor (+0.1 uncoded),
// +0.1 with a coded target (+0.05 uncoded), +0.05 per literal element of the
// pattern beyond the trigger (up to +0.15), -0.15 when the trigger's POS tag
// did not fit, -0.05 for non-asserted modality (the reading of modal words
// is less certain than the code).
func confidence(m *match, src, tgt float64, mod string) float64 {
	c := 0.5 + 0.2*src + 0.1*tgt
	c += math.Min(0.15, 0.05*float64(m.p.specificity-1))
	if m.posFallback {
		c -= 0.15
	}
	if mod != "asserted" {
		c -= 0.05
	}
	return math.Round(math.Max(0.05, math.Min(0.99, c))*100) / 100
}

// dedupeHeadlines removes events of a headline or caption (a sentence
// without final punctuation) that the body codes again with the same
// code, source and target: the story is one event, told twice.
func dedupeHeadlines(a *doc.Analysis, evs []doc.Event) []doc.Event {
	key := func(e *doc.Event) string {
		k := e.CAMEO + "|"
		if e.Source != nil {
			k += doc.Val(e.Source.Code)
		}
		k += "|"
		if e.Target != nil {
			k += doc.Val(e.Target.Code)
		}
		return k
	}
	body := map[string]bool{}
	head := func(e *doc.Event) bool {
		sp := a.Sentences[e.Sentence].Span
		t := strings.TrimSpace(a.Text[sp.Start():sp.End()])
		return t != "" && !strings.ContainsAny(t[len(t)-1:], ".!?\"'”’»)")
	}
	for i := range evs {
		if !head(&evs[i]) {
			body[key(&evs[i])] = true
		}
	}
	out := evs[:0]
	bodyCode := map[string]bool{}
	for i := range evs {
		if !head(&evs[i]) {
			bodyCode[evs[i].CAMEO] = true
		}
	}
	for i := range evs {
		e := &evs[i]
		if head(e) && (body[key(e)] || e.Source == nil && e.Target == nil && bodyCode[e.CAMEO]) {
			continue
		}
		out = append(out, evs[i])
	}
	return out
}

func entID(e *doc.Entity) string {
	if e == nil {
		return ""
	}
	return e.ID
}

// verbFollows: token j starts a verb group (optionally after a modal,
// auxiliary or adverb): the mention before it is a subject.
func (s *sentence) verbFollows(j int) bool {
	for k := j; k < len(s.w) && k <= j+2; k++ {
		t := s.w[k].tag
		switch {
		case t == "VBD" || t == "VBZ" || t == "VBP" || t == "MD":
			return true
		case t == "RB":
			continue
		default:
			return false
		}
	}
	return false
}

// newClauseBetween: ", and" / ", but" between i and j starts a new clause.
func (s *sentence) newClauseBetween(i, j int) bool {
	for k := i; k+1 < j && k+1 < len(s.w); k++ {
		if s.w[k].lower == "," && (s.w[k+1].lower == "and" || s.w[k+1].lower == "but" || s.w[k+1].lower == "while") {
			return true
		}
	}
	return false
}

// actorKey identifies the actor a mention stands for (entity and text).
func actorKey(m *mention) string {
	if m == nil {
		return "-"
	}
	if m.ent == nil {
		return "np/" + m.text
	}
	t := ""
	if m.m != nil {
		t = m.m.Text
	}
	return m.ent.ID + "/" + t
}

// locative: the mention starting at token j is the object of a time
// preposition ("after the summit"), or of "at" before a common-noun place
// ("at the foreign ministry") in a non-hostile act. Measured on the
// ConfliBERT role spans, treating "in X" as a location loses targets.
func (s *sentence) locative(j int, hostile bool) bool {
	k := j - 1
	if k >= 0 && (s.w[k].tag == "DT" || s.w[k].tag == "PRP$") {
		k--
	}
	if k < 0 {
		return false
	}
	switch s.w[k].lower {
	case "during", "since", "before", "after", "throughout", "until":
		return true
	case "at", "inside":
		// "hold meetings at the foreign ministry" is where, not with whom;
		// "fired rockets at Israel" aims at a target.
		return !hostile && s.w[j].tag != "NNP"
	}
	return false
}

// verbBetween: a finite verb between i and j starts another clause, a
// gerund after a comma a participial clause ("held a video conference,
// discussing Ukraine"; not "including", "according"), and a gerund after a
// preposition a complement, whose objects are not the
// trigger's ("discuss ways of correcting the ties"). Infinitives are not
// barriers: in "called X to discuss Y" annotators take Y as well.
func (s *sentence) verbBetween(i, j int) bool {
	for k := i; k < j && k < len(s.w); k++ {
		switch t := s.w[k].tag; {
		case t == "VBD" || t == "VBZ" || t == "VBP",
			t == "VBG" && k > 0 && (preps[s.w[k-1].lower] || s.w[k-1].lower == "," && s.w[k].lower != "including" && s.w[k].lower != "according"),
			t == "VBN" && k+1 < len(s.w) && s.w[k+1].lower == "by":
			if !s.inMention(k) {
				return true
			}
		}
	}
	return false
}

func isFirstPerson(t string) bool {
	switch strings.ToLower(t) {
	case "we", "i", "us":
		return true
	}
	return false
}

// firstPersonBefore: "we"/"I" is the subject right before the verb group.
func firstPersonBefore(s *sentence, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if isFirstPerson(s.w[k].lower) {
			return true
		}
		if s.w[k].tag != "MD" && s.w[k].tag != "RB" && !isVerbTag(s.w[k].tag) && s.w[k].lower != "to" {
			return false
		}
	}
	return false
}

// recallLike: the trigger calls a diplomat home ("recalled", "summoned to
// Moscow for consultations", "invited to Moscow for consultations"), an
// act of the diplomat's own state.
func recallLike(s *sentence, m *match) bool {
	if !strings.HasPrefix(m.p.Code, "161") {
		return false
	}
	if s.w[m.anchor].vlemma == "recall" {
		return true
	}
	for k := m.anchorEnd; k < m.end; k++ {
		if s.w[k].nlemma == "consultation" || s.w[k].lower == "home" {
			return true
		}
	}
	return false
}

// takesClause: the word before token i is a speech verb: what follows is
// a reported clause, whose subject is not the object of the speech act
// ("Peskov said the Kremlin would comment").
func (s *sentence) takesClause(i int) bool {
	if i <= 0 || i > len(s.w) {
		return false
	}
	p := &s.w[i-1]
	return isVerbTag(p.tag) && speechVerbs[p.vlemma]
}

// payThreat: a threat worded as what the other side will suffer ("will
// pay a price", "will pay for it"): the payer is the target and the
// speaker the source.
func payThreat(s *sentence, m *match) bool {
	return strings.HasPrefix(m.p.Code, "13") && s.w[m.anchor].vlemma == "pay"
}

// payer is the actor that is the subject of the verb group ending at the
// trigger i, across modals, auxiliaries, adverbs and quote marks
// (Putin would "pay a price").
func (s *sentence) payer(i int) *mention {
	k := i - 1
	for k >= 0 {
		w := &s.w[k]
		switch {
		case w.tag == "MD" || w.tag == "RB" || w.tag == "TO" || w.tag == "``" || w.tag == "''",
			w.lower == "\"" || w.lower == "“" || w.lower == "”",
			isVerbTag(w.tag) && (w.vlemma == "be" || w.vlemma == "have" || w.vlemma == "do"):
			k--
			continue
		}
		break
	}
	if k < 0 {
		return nil
	}
	return s.actorEndingAt(k + 1)
}

// eachOther: the words from token i are "each other" or "one another"
// (possibly possessive, "each other's policies"), within two tokens.
func (s *sentence) eachOther(i int) bool {
	for k := i; k < len(s.w)-1 && k <= i+2; k++ {
		a, b := s.w[k].lower, s.w[k+1].lower
		if a == "each" && b == "other" || a == "one" && b == "another" {
			return true
		}
	}
	return false
}

// titleWord: a capitalised title word between a country adjective and a
// name ("Russian President Vladimir Putin", "U.S. Secretary of State").
func (s *sentence) titleWord(k int) bool {
	w := &s.w[k]
	return (w.tag == "NNP" || w.tag == "NNPS" || w.lower == "of") && !s.inActor(k)
}

// titledStart is where a titled name begins: "Russian President Vladimir
// Putin" is one actor for conjunction even when the actor stage marks
// "Russian" and "Vladimir Putin" apart.
func (s *sentence) titledStart(m *mention) int {
	k := m.start - 1
	for n := 0; k >= 0 && n < 4 && s.titleWord(k); n++ {
		k--
	}
	if k == m.start-1 || k < 0 {
		return m.start
	}
	if p := s.actorEndingAt(k + 1); p != nil && p.ent != nil && m.ent != nil && sameCountry(p.ent, m.ent) {
		return p.start
	}
	return m.start
}

// titledPerson: for a country adjective followed by title words and a
// name of the same country, the named actor ("Russian President Vladimir
// Putin" -> Vladimir Putin); else nil.
func (s *sentence) titledPerson(m *mention) *mention {
	k := m.end
	for n := 0; k < len(s.w) && n < 4 && s.titleWord(k); n++ {
		k++
	}
	if k == m.end {
		return nil
	}
	if p := s.actorAt(k); p != nil && p.ent != nil && m.ent != nil && sameCountry(p.ent, m.ent) {
		return p
	}
	return nil
}

// judgingVerbs judge, report or react to an act named by their object
// noun; their subject is not the act's agent ("condemned the attack").
var judgingVerbs = map[string]bool{
	"condemn": true, "criticize": true, "criticise": true, "denounce": true, "call": true, "describe": true,
	"reject": true, "deny": true, "welcome": true, "praise": true, "blame": true, "accuse": true,
	"report": true, "fear": true, "investigate": true, "protest": true, "mourn": true, "commemorate": true,
	"mark": true, "cite": true, "dismiss": true, "term": true, "brand": true, "label": true, "decry": true,
	"slam": true, "survive": true, "witness": true, "regret": true, "deplore": true, "remember": true,
	"hail": true, "applaud": true, "lament": true, "document": true, "follow": true,
	"respond": true, "condone": true, "justify": true, "defend": true, "support": true, "oppose": true,
}

// judgedBetween: a finite verb of judging between tokens i and j.
func (s *sentence) judgedBetween(i, j int) bool {
	for k := i; k < j && k < len(s.w); k++ {
		if t := s.w[k].tag; (t == "VBD" || t == "VBZ" || t == "VBP") && judgingVerbs[s.w[k].vlemma] {
			return true
		}
	}
	return false
}

// violent codes: coercion, assault, fighting, mass violence (roots 17-20).
func violent(code string) bool {
	switch code[:2] {
	case "17", "18", "19", "20":
		return true
	}
	return false
}

// deepInPP: the mention ends a noun phrase that a preposition opens a few
// words before it ("strikes on the Ukrainian capital Kyiv").
func (s *sentence) deepInPP(m *mention) bool {
	if m.start > 0 && s.inActor(m.start-1) {
		return false // "Ambassador to the United States Anatoly Antonov": a title ends here
	}
	k := m.start - 1
	det := false
	for n := 0; k >= 0 && n < 5; n++ {
		t := s.w[k].tag
		if t == "DT" || t == "CD" || t == "PRP$" || t == "POS" || strings.HasPrefix(t, "JJ") || isNounTag(t) || s.inActor(k) {
			det = det || t == "DT"
			k--
			continue
		}
		break
	}
	// Not "of": "Secretary of State Antony Blinken" is a title.
	return det && k >= 0 && k < m.start-1 && preps[s.w[k].lower] && !conjPreps[s.w[k].lower] && s.w[k].lower != "of"
}

// withBefore: the mention is introduced by "with" (or "between"), the
// counterpart of a meeting or an agreement.
func (s *sentence) withBefore(m *mention) bool {
	k := m.start - 1
	if k >= 0 && (s.w[k].tag == "DT" || s.w[k].tag == "PRP$") {
		k--
	}
	return k >= 0 && (s.w[k].lower == "with" || s.w[k].lower == "between")
}

// foughtFor: "fought for Ukraine" — on a side, not against one another.
func (s *sentence) foughtFor(m *match) bool {
	return strings.HasPrefix(m.p.Code, "19") && m.anchorEnd < len(s.w) && s.w[m.anchorEnd].lower == "for"
}

// possessorPronoun: for a nominal event after "its"/"their" (adjectives
// between allowed: "its full-scale invasion"), the nearest actor before
// the pronoun in the clause, its likely antecedent; else nil.
func (s *sentence) possessorPronoun(m *match) *mention {
	if m.p.Kind != KindNoun {
		return nil
	}
	k := m.start - 1
	for k >= 0 && (strings.HasPrefix(s.w[k].tag, "JJ") || s.w[k].tag == "HYPH") {
		k--
	}
	if k < 0 || (s.w[k].lower != "its" && s.w[k].lower != "their") {
		return nil
	}
	for n := len(s.mentions) - 1; n >= 0; n-- {
		a := &s.mentions[n]
		if !a.actor || a.end > k {
			continue
		}
		if s.barrierBetween2(a.end, k) {
			return nil
		}
		return a
	}
	return nil
}
