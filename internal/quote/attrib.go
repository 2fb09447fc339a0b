package quote

import (
	"context"
	"sort"
	"strings"

	"github.com/attache-project/attache/internal/doc"
)

// minOwnQuote is the number of words from which a quoted fragment inside a
// clause is a direct quote of its own; shorter fragments make the clause
// that holds them a mixed quote.
const minOwnQuote = 6

// cueHit is one match of the cue lexicon: tokens [t0, t1) of sentence sent.
type cueHit struct {
	t0, t1 int
	sent   int
	e      *CueEntry
	used   bool
}

// tokRange is a half-open range of token indices.
type tokRange struct{ a, b int }

func (r tokRange) empty() bool { return r.b <= r.a }

// found is one quote before it is written to the analysis.
type found struct {
	s, e    int // content byte span
	kind    string
	cue     *cueHit
	spk     tokRange // speaker tokens (empty: none)
	spkFrom *found   // speaker inherited from another quote
	dir     int      // index into proc.dirs for direct quotes, else -1
	sent    int      // sentence of the cue (or of the quote)
	tail    bool     // the cue closes the sentence: "CLAUSE, X said."
	aside   bool     // "as X said": the rest of the sentence is the narrator's
}

// proc holds the state of one Process call.
type proc struct {
	s     *Stage
	a     *doc.Analysis
	text  string
	toks  []doc.Token
	low   []string
	inQ   []int32 // index of the direct quote holding each token, or -1
	dirs  []direct
	dkind []int // per direct quote: 0 undecided, 1 own quote, 2 fragment, 3 dropped
	cues  []cueHit
	out   []*found
	// thatCues holds the entries made for unlisted verbs before "that"
	// clauses (thatVerb), one per form.
	thatCues map[string]*CueEntry
}

func (p *proc) run(ctx context.Context) {
	a := p.a
	p.toks = a.Tokens
	p.low = make([]string, len(p.toks))
	for i, t := range p.toks {
		p.low[i] = lowerASCII(t.Text)
	}
	p.dirs = findDirect(p.text, paragraphs(a))
	p.dkind = make([]int, len(p.dirs))
	p.inQ = make([]int32, len(p.toks))
	di := 0
	for i, t := range p.toks {
		p.inQ[i] = -1
		for di < len(p.dirs) && p.dirs[di].close <= t.Span.Start() {
			di++
		}
		if di < len(p.dirs) && t.Span.Start() >= p.dirs[di].s && t.Span.End() <= p.dirs[di].close {
			p.inQ[i] = int32(di)
		}
	}
	for si := range a.Sentences {
		if si%256 == 0 && ctx.Err() != nil {
			return
		}
		p.matchCues(si)
	}
	p.attributeDirect()
	p.findIndirect()
	p.emit()
}

// lowerASCII lower-cases s, allocating only when it has upper-case ASCII.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// matchCues finds the cues of sentence si outside quotes.
func (p *proc) matchCues(si int) {
	r := p.a.Sentences[si].Tokens
	for i := r[0]; i < r[1]; i++ {
		if p.inQ[i] >= 0 {
			continue
		}
		forms := p.s.lex.byFirst[p.low[i]]
		if len(forms) == 0 {
			if e := p.thatVerb(i, r[1]); e != nil {
				p.cues = append(p.cues, cueHit{t0: i, t1: i + 1, sent: si, e: e})
			}
			continue
		}
		for _, f := range forms {
			n := len(f.words)
			if i+n > r[1] {
				continue
			}
			ok := true
			for k := 1; k < n; k++ {
				if p.low[i+k] != f.words[k] || p.inQ[i+k] >= 0 {
					ok = false
					break
				}
			}
			if !ok || !p.cueOK(i, f.entry, r[0]) {
				continue
			}
			p.cues = append(p.cues, cueHit{t0: i, t1: i + n, sent: si, e: f.entry})
			i += n - 1
			break
		}
	}
}

// notThatVerbs are verbs before a "that" clause that attribute nothing:
// forms of be, have and do, and verbs of consequence ("means that").
var notThatVerbs = map[string]bool{
	"is": true, "was": true, "are": true, "were": true, "be": true, "been": true, "'s": true, "’s": true,
	"has": true, "have": true, "had": true, "do": true, "does": true, "did": true, "means": true,
	"meant": true, "mean": true, "ensure": true, "ensures": true, "ensured": true, "so": true,
	"given": true, "make": true, "makes": true, "made": true, "'re": true, "’re": true, "am": true,
	"seems": true, "seemed": true, "appears": true, "appeared": true, "happens": true, "happened": true,
	"requires": true, "required": true, "require": true, "provided": true, "provides": true,
}

// thatVerb returns a cue entry for an unlisted verb at token i that takes
// a "that" clause ("anticipated that ...", "reaffirmed that ..."): in
// attribution mode, any finite verb followed by the complementizer "that"
// and a clause with a finite verb reports what its subject said or
// thinks. It returns nil otherwise.
func (p *proc) thatVerb(i, hi int) *CueEntry {
	if !p.s.beliefs || i+2 >= hi || p.low[i+1] != "that" || p.toks[i+1].Tag != "IN" || notThatVerbs[p.low[i]] {
		return nil
	}
	switch p.toks[i].Tag {
	case "VBD", "VBZ", "VBP":
	default:
		return nil
	}
	if !p.hasVerb(i+2, min(hi, i+14)) {
		return nil
	}
	if p.thatCues == nil {
		p.thatCues = map[string]*CueEntry{}
	}
	e := p.thatCues[p.low[i]]
	if e == nil {
		e = &CueEntry{Lemma: p.low[i], Class: ClassBelief, Pos: "verb"}
		p.thatCues[p.low[i]] = e
	}
	return e
}

// coreSpeech are the verbs of saying that the tagger sometimes tags as
// nouns ("says" as NNS) but that are cues in any case after a subject.
var coreSpeech = map[string]bool{"say": true, "tell": true, "add": true, "write": true}

// cueOK checks the part of speech of a candidate cue at token i.
func (p *proc) cueOK(i int, e *CueEntry, first int) bool {
	if e.Class == ClassBelief && !p.s.beliefs {
		return false
	}
	if e.Pos != "verb" {
		return true
	}
	if i > first {
		switch p.toks[i-1].Tag {
		case "DT", "PRP$":
			return false // "the report", "his claim"
		case "POS":
			if strings.HasSuffix(p.low[i-1], "s") {
				return false // "Russia's claim"
			}
		}
		if p.low[i-1] == "to" && e.Class == ClassSpeech && p.toks[i].Tag == "VB" {
			// "wants to say": the infinitive belongs to another verb.
			return false
		}
	}
	tag := p.toks[i].Tag
	if strings.HasPrefix(tag, "VB") {
		if tag == "VBN" {
			if i == first && e.Lemma == "ask" && p.s.beliefs {
				return true // "Asked if he was bullied, ..."
			}
			// A past participle is a cue in the perfect ("has said"), not
			// in the passive ("was told", "as reported by").
			j := i - 1
			for j > first && (p.toks[j].Tag == "RB" || skipAdverb[p.low[j]]) {
				j--
			}
			return j >= first && (p.low[j] == "has" || p.low[j] == "have" || p.low[j] == "had" || p.low[j] == "having")
		}
		return true
	}
	if !strings.HasPrefix(tag, "NN") {
		return false
	}
	if coreSpeech[e.Lemma] {
		return true
	}
	// "Viguerie notes.": a third-person form after a name or pronoun that
	// the tagger took for a plural noun.
	if i == first || p.low[i] != p.toks[i].Text {
		return false
	}
	last := p.a.Sentences[p.toks[i].Sent].Tokens[1]
	prev := p.toks[i-1].Tag
	if !strings.HasSuffix(p.low[i], "s") {
		return p.baseAfterPlural(i, last, prev, e)
	}
	if prev == "NNP" || prev == "PRP" {
		if i+1 >= last || p.low[i+1] == "." || p.low[i+1] == "," || p.low[i+1] == "that" || p.low[i+1] == ":" {
			return true
		}
	}
	// "The candidate plans to return": before an infinitive, after a
	// singular subject, the "-s" form is the verb.
	return (prev == "NNP" || prev == "PRP" || prev == "NN") && i+2 < last && p.low[i+1] == "to" && p.toks[i+2].Tag == "VB"
}

// baseAfterPlural reports whether the base form at token i, tagged as a
// noun, is a verb after a plural subject ("records show Pate has not
// donated", "three-quarters support a ban"): the next token opens a
// phrase or a "that" clause.
func (p *proc) baseAfterPlural(i, last int, prev string, e *CueEntry) bool {
	if prev != "NNS" && prev != "NNPS" || p.toks[i].Tag != "NN" || p.low[i] != e.Lemma || i+1 >= last {
		return false
	}
	switch p.toks[i+1].Tag {
	case "DT", "NNP", "PRP", "PRP$", "CD":
		return true
	}
	return p.low[i+1] == "that"
}

// skipAdverb are adverbs between an auxiliary and a participle.
var skipAdverb = map[string]bool{"also": true, "already": true, "repeatedly": true, "previously": true, "long": true, "since": true, "not": true, "n't": true, "never": true, "publicly": true}

// auxiliaries and adverbs that may stand between a speaker and the cue.
var skipLeft = map[string]bool{
	"has": true, "have": true, "had": true, "will": true, "would": true, "could": true,
	"should": true, "may": true, "might": true, "must": true, "also": true, "later": true,
	"earlier": true, "again": true, "then": true, "repeatedly": true, "reportedly": true,
	"previously": true, "recently": true, "further": true, "once": true, "often": true,
	"did": true, "does": true, "do": true, "is": true, "was": true, "were": true, "are": true,
	"publicly": true, "privately": true, "explicitly": true, "has-": true, "not": true,
	"n't": true, "never": true, "already": true, "too": true, "just": true, "even": true,
	"allegedly": true, "separately": true, "subsequently": true, "similarly": true,
}

// quantifiers that stand alone as speakers.
var quantifiers = map[string]bool{"many": true, "some": true, "most": true, "others": true, "several": true, "few": true, "both": true, "all": true, "each": true, "one": true, "another": true}

// joiners are prepositions that may join parts of a speaker noun phrase
// ("Ambassador to the United States", "embassy in Washington").
var joiners = map[string]bool{"of": true, "for": true, "to": true, "in": true, "at": true, "from": true, "on": true, "with": true}

func isNounTag(t string) bool {
	return strings.HasPrefix(t, "NN") || t == "PRP" || t == "CD"
}

// npTok reports whether token i can be part of a speaker noun phrase.
func (p *proc) npTok(i int) bool {
	t := p.toks[i].Tag
	switch {
	case strings.HasPrefix(t, "NN"), strings.HasPrefix(t, "JJ"):
		return true
	}
	switch t {
	case "DT", "PRP", "PRP$", "POS", "CD", "NNP", "HYPH", "PDT":
		return true
	}
	switch p.low[i] {
	case "’s", "'s", "-", "u.s.", "&":
		return true
	}
	return false
}

// collectLeft collects a noun phrase that ends at token j (inclusive),
// not going below lo. It returns the phrase's token range.
func (p *proc) collectLeft(j, lo int) tokRange {
	end := j + 1
	for j >= lo {
		w := p.low[j]
		switch {
		case p.inQ[j] >= 0:
		case w == ")" && j+1 == end:
			// "Sen. Elizabeth Warren (D-MA) said": skip the parenthesis.
			k := j - 1
			for k >= lo && k > j-6 && p.low[k] != "(" {
				k--
			}
			if k > lo && p.low[k] == "(" {
				end, j = k, k-1
				continue
			}
		case p.npTok(j) && !(p.toks[j].Tag == "DT" && (w == "that" || w == "which")):
			if p.toks[j].Tag == "PRP" && j < end-1 {
				break // a pronoun only ends a phrase: "every time he"
			}
			j--
			if p.toks[j+1].Tag == "PRP" && j >= lo && isNounTag(p.toks[j].Tag) {
				break // "every time he thinks": the pronoun stands alone
			}
			continue
		case joiners[w] && j-1 >= lo && isNounTag(p.toks[j-1].Tag) && j+1 < end:
			j--
			continue
		case w == "and" && j-1 >= lo && strings.HasPrefix(p.toks[j-1].Tag, "NNP") && j+1 < end:
			// "Russia and China said"; but not "more refugees and Trump
			// says", where the phrase before "and" ends another clause.
			j--
			continue
		}
		break
	}
	r := tokRange{j + 1, end}
	return p.trimNP(r)
}

// collectRight collects a noun phrase that starts at token i, not going
// to hi or beyond.
func (p *proc) collectRight(i, hi int) tokRange {
	j := i
	for j < hi && j-i < 16 {
		w := p.low[j]
		if p.inQ[j] >= 0 {
			break
		}
		if p.npTok(j) && !(p.toks[j].Tag == "DT" && (w == "that" || w == "which")) {
			if j > i && (p.toks[j].Tag == "DT" || p.toks[j].Tag == "PRP$" || p.toks[j].Tag == "PRP") && isNounTag(p.toks[j-1].Tag) {
				break // a determiner after a noun opens a new phrase
			}
			j++
			continue
		}
		if (joiners[w] || w == "and") && j > i && isNounTag(p.toks[j-1].Tag) && j+1 < hi && p.npTok(j+1) {
			j++
			continue
		}
		break
	}
	return p.trimNP(tokRange{i, j})
}

// trimNP drops joiners and punctuation at the edges of r and checks that
// it holds a noun or pronoun.
func (p *proc) trimNP(r tokRange) tokRange {
	for r.a < r.b && (joiners[p.low[r.a]] || p.low[r.a] == "and" || p.toks[r.a].Tag == "POS" || p.low[r.a] == "-") {
		r.a++
	}
	for r.b > r.a && (joiners[p.low[r.b-1]] || p.low[r.b-1] == "and" || p.toks[r.b-1].Tag == "DT" || p.low[r.b-1] == "-") {
		r.b--
	}
	if r.b-r.a > 16 {
		r.a = r.b - 16
	}
	allTime := true
	for i := r.a; i < r.b; i++ {
		if !timeWords[p.low[i]] && p.toks[i].Tag != "CD" && p.toks[i].Tag != "DT" {
			allTime = false
		}
	}
	if allTime {
		return tokRange{} // "said Wednesday"
	}
	for i := r.a; i < r.b; i++ {
		if isNounTag(p.toks[i].Tag) {
			return r
		}
	}
	// Quantifiers stand for people: "many said", "some say", "others".
	if r.b-r.a == 1 && quantifiers[p.low[r.a]] {
		return r
	}
	// The tagger sometimes takes a lone noun after a determiner for an
	// adjective ("the embassy/JJ").
	if r.b-r.a >= 2 && p.toks[r.a].Tag == "DT" && strings.HasPrefix(p.toks[r.b-1].Tag, "JJ") {
		return r
	}
	return tokRange{}
}

// speakerLeft finds the speaker of the cue at token c, left of it, not
// going below lo. coord reports a cue coordinated with an earlier verb
// ("calls for ... and insists that"), whose speaker is that verb's.
func (p *proc) speakerLeft(c, lo int) (r tokRange, coord bool) {
	j := c - 1
	for j >= lo && (skipLeft[p.low[j]] || p.toks[j].Tag == "RB" || p.toks[j].Tag == "MD") {
		j--
	}
	if j < lo {
		return tokRange{}, false
	}
	// "New polls released Sunday showed": a time word and a participle
	// that modify the subject stand between it and the cue.
	if t := j; timeWords[p.low[t]] && p.toks[t].Tag != "PRP" {
		for t >= lo && (timeWords[p.low[t]] || p.toks[t].Tag == "CD" || monthWord(p.low[t])) {
			t--
		}
		switch {
		case t > lo && p.toks[t].Tag == "VBN" && isNounTag(p.toks[t-1].Tag):
			j = t - 1
		case t >= lo && (p.low[t] == ")" || p.toks[t].Tag == "NNP"):
			j = t // "Feinstein (D-Calif.) last week said"
		}
	}
	switch p.low[j] {
	case "and", "but", "or":
		return tokRange{}, true
	case "who", "which":
		// Relative clause: "Barkley, who said ..., said ...".
		if j-1 >= lo && p.low[j-1] == "," {
			return p.collectLeft(j-2, lo), false
		}
		return tokRange{}, false
	case ",", "—", "--", "–":
		return p.appositiveSpeaker(j, lo), false
	}
	return p.collectLeft(j, lo), false
}

// appositiveSpeaker finds the speaker before an appositive that ends
// with the comma at token j: "Clinton, the daughter of ..., said",
// "Anderson, 21, a junior ..., said".
func (p *proc) appositiveSpeaker(j, lo int) tokRange {
	sep := p.low[j]
	isSep := func(w string) bool {
		if sep == "," {
			return w == ","
		}
		return w == "—" || w == "--" || w == "–"
	}
	var first = -1
	k := j - 1
	for tries := 0; tries < 3; tries++ {
		for k >= lo && k > j-30 && !isSep(p.low[k]) && p.inQ[k] < 0 && (p.toks[k].Tag != "." || k > lo && p.toks[k-1].Tag == "NNP") {
			k--
		}
		if k < lo || !isSep(p.low[k]) {
			break
		}
		if first < 0 {
			first = k
		}
		if k-2 >= lo && p.toks[k-1].Tag == "CD" && p.low[k-2] == "," {
			return p.collectLeft(k-3, lo) // the name is before the age
		}
		if r := p.collectLeft(k-1, lo); !r.empty() && (r.a == lo || !p.isVerbTok(r.a-1)) && !p.stateAbbrev(r) {
			return r
		}
		k--
	}
	// "One pastor supporting Mr. Cruz, Darran Whiting of Liberty Baptist
	// Church, said": the name is the appositive itself.
	if first >= 0 {
		if r := p.collectRight(first+1, j); !r.empty() && r.a == first+1 && r.b == j && p.toks[r.a].Tag == "NNP" {
			return r
		}
	}
	return tokRange{}
}

// stateAbbrev reports whether r is a party-and-state label such as
// "R-S.C." or "D-Calif.", which follows a name in apposition.
func (p *proc) stateAbbrev(r tokRange) bool {
	if r.b-r.a > 2 {
		return false
	}
	w := p.low[r.a]
	return len(w) > 2 && (w[0] == 'r' || w[0] == 'd' || w[0] == 'i') && w[1] == '-'
}

func (p *proc) isVerbTok(i int) bool {
	return strings.HasPrefix(p.toks[i].Tag, "VB") || p.toks[i].Tag == "MD"
}

// timeWords may appear between the cue and the reported clause.
var timeWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "today": true, "yesterday": true, "tonight": true,
	"earlier": true, "later": true, "last": true, "this": true, "week": true, "month": true,
	"year": true, "morning": true, "afternoon": true, "evening": true, "night": true,
}

// monthWord reports whether w (lower case) names a month.
func monthWord(w string) bool {
	switch w {
	case "january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.":
		return true
	}
	return false
}

// contentAfter returns the first token of the reported clause after the
// cue ending at token c1 in sentence range [lo, hi), and whether it was
// introduced by "that" or ":".
func (p *proc) contentAfter(h *cueHit, hi int) int {
	k := h.t1
	if h.e.Object || h.e.Lemma == "tell" {
		// The addressee is not part of what was said ("told reporters
		// that ..."), but stays with an infinitive or of-phrase ("urged
		// both sides to ...", "accused Moscow of ...").
		if np := p.collectRight(k, hi); !np.empty() && np.a == k && np.b-np.a <= 5 {
			if np.b >= hi || (p.low[np.b] != "to" && p.low[np.b] != "of" && p.low[np.b] != "for") {
				k = np.b
			}
		}
	}
	// Skip adjuncts up to "that" when one follows before any verb.
	for j := k; j < hi && j < k+14; j++ {
		w := p.low[j]
		if w == "that" && !(j+1 < hi && p.isVerbTok(j+1)) {
			// Not "a lot of the rhetoric that was heated": a relative
			// "that" before its verb.
			return j + 1
		}
		if p.inQ[j] >= 0 && p.dkind[p.inQ[j]] != 2 || p.isVerbTok(j) || w == ":" {
			break
		}
		if p.toks[j].Tag == "," && j+1 < hi && (p.isVerbTok(j+1) || p.low[j+1] == "that") {
			continue
		}
	}
	for k < hi && (p.low[k] == ":" || p.low[k] == "," || p.low[k] == "--" || p.low[k] == "—") {
		k++
	}
	// "said on Wednesday (,) the talks ...": skip a leading time adjunct.
	if k < hi && (p.low[k] == "on" || p.low[k] == "in" || p.low[k] == "at") {
		last := -1
		for j := k + 1; j < hi && j < k+6 && (timeWords[p.low[j]] || p.toks[j].Tag == "DT" || p.toks[j].Tag == "CD" || p.toks[j].Tag == "NNP" && monthWord(p.low[j])); j++ {
			if timeWords[p.low[j]] || p.toks[j].Tag == "CD" || monthWord(p.low[j]) {
				last = j
			}
		}
		if last > 0 {
			k = last + 1
		}
	} else {
		for k < hi && timeWords[p.low[k]] && p.toks[k].Tag != "VB" {
			k++
		}
	}
	for k < hi && (p.low[k] == "," || p.low[k] == "that") {
		k++
	}
	return k
}

// lastContent returns one past the last token of the sentence range that
// belongs to a clause: final punctuation is left out.
func (p *proc) lastContent(lo, hi int) int {
	for hi > lo {
		t := p.toks[hi-1].Tag
		if t == "." || t == "," || t == ":" {
			hi--
			continue
		}
		break
	}
	return hi
}

// onlyTail reports whether tokens [i, hi) hold nothing but a speaker noun
// phrase and adjuncts (no verb, no clause): the cue closes the sentence.
func (p *proc) onlyTail(i, hi int) bool {
	for j := i; j < hi; j++ {
		w := p.low[j]
		if w == "," {
			return true // "..., said Egge, director of ..., whose ...": apposition
		}
		if w == "that" || p.inQ[j] >= 0 && p.toks[j].Tag != "''" {
			return false
		}
		if p.isVerbTok(j) {
			// Participles in apposition ("..., said Smith, speaking at ...")
			// and relative clauses after a comma are tail material too.
			if p.toks[j].Tag == "VBG" || p.toks[j].Tag == "VBN" || (j > i && (p.low[j-1] == "who" || p.low[j-1] == "which")) {
				continue
			}
			return false
		}
	}
	return true
}

// attributeDirect finds the cue and speaker of each direct quote.
func (p *proc) attributeDirect() {
	var prev *found
	prevPara := -1
	for di := range p.dirs {
		d := &p.dirs[di]
		sO := p.a.SentenceAt(d.open)
		sC := p.a.SentenceAt(d.e - 1)
		if sO < 0 || sC < 0 {
			p.dkind[di] = 3
			continue
		}
		f := &found{s: d.s, e: d.e, kind: "direct", dir: di, sent: sC}
		standalone := p.standalone(d, sO)
		shared := false
		// A cue after the quote (`"...," the embassy wrote.`) unless one
		// introduces it (`Obama said "it gets me mad" every time ...`).
		if h, spk := p.trailingCue(d, sC); h != nil && !p.afterSpeechCue(d, sO) {
			f.cue, f.spk, f.sent = h, spk, h.sent
		} else if h, spk := p.leadingCue(d, sO); h != nil {
			f.cue, f.spk, f.sent = h, spk, h.sent
			// `X said that CLAUSE "QUOTE"`: the cue also introduces the
			// indirect clause before the quote.
			r := p.a.Sentences[h.sent].Tokens
			shared = p.contentAfter(h, r[1]) < p.tokenBefore(d.open, r[0])
		}
		if !standalone && words(p.text[d.s:d.e]) < minOwnQuote {
			// A short fragment inside a clause: part of that clause.
			p.dkind[di] = 2
			continue
		}
		if f.cue == nil && standalone {
			// `In a speech, he said:` closing the sentence before the quote.
			if h, spk := p.colonCue(d, sO); h != nil {
				f.cue, f.spk, f.sent = h, spk, h.sent
			}
		}
		para := p.a.Sentences[sO].Paragraph
		if f.cue == nil {
			if !standalone {
				p.dkind[di] = 2
				continue
			}
			if prev != nil && para-prevPara <= 1 {
				f.spkFrom = prev
			} else if words(p.text[d.s:d.e]) < 4 {
				p.dkind[di] = 3
				continue
			}
		}
		if f.cue != nil && !shared {
			f.cue.used = true
		}
		p.dkind[di] = 1
		p.out = append(p.out, f)
		if f.cue != nil || f.spkFrom != nil {
			prev = f
			prevPara = p.a.Sentences[sC].Paragraph
		}
	}
}

// standalone reports whether the direct quote d stands as a clause of its
// own: at the start of a sentence, after a colon or comma, after "that"
// or right after a cue.
func (p *proc) standalone(d *direct, sO int) bool {
	r := p.a.Sentences[sO].Tokens
	i := p.tokenBefore(d.open, r[0])
	if i < 0 {
		return true
	}
	w := p.low[i]
	if w == "that" {
		// `convinced that "good ties ..."` opens a quote of its own;
		// `said that "ethanol people" do ...` quotes a few words.
		return words(p.text[d.s:d.e]) >= minOwnQuote
	}
	if w == ":" || w == "," || w == "--" || w == "—" || w == "(" || p.toks[i].Tag == "." || p.inQ[i] >= 0 {
		return true
	}
	for _, h := range p.cuesOf(p.a.Sentences[sO].Tokens) {
		if h.t1 == i+1 && h.e.Class == ClassSpeech {
			return true // `said "..."`
		}
	}
	return false
}

// colonCue finds a cue that ends the sentence before the quote with a
// colon (`he said:`), when nothing but white space lies between.
func (p *proc) colonCue(d *direct, sO int) (*cueHit, tokRange) {
	if p.tokenBefore(d.open, p.a.Sentences[sO].Tokens[0]) >= 0 || sO == 0 {
		return nil, tokRange{}
	}
	r := p.a.Sentences[sO-1].Tokens
	if r[1]-r[0] < 2 || p.low[r[1]-1] != ":" || strings.TrimSpace(p.text[p.a.Sentences[sO-1].Span.End():d.open]) != "" {
		return nil, tokRange{}
	}
	cs := p.cuesOf(r)
	if len(cs) == 0 {
		return nil, tokRange{}
	}
	h := &cs[len(cs)-1]
	if h.used || h.e.Class != ClassSpeech || !p.onlyTail(h.t1, r[1]-1) {
		return nil, tokRange{}
	}
	spk := p.speakerOf(h, r[0])
	if spk.empty() {
		return nil, tokRange{}
	}
	return h, spk
}

// afterSpeechCue reports whether the direct quote d follows a cue of
// saying at once (`said "..."`, `said: "..."`).
func (p *proc) afterSpeechCue(d *direct, sO int) bool {
	r := p.a.Sentences[sO].Tokens
	i := p.tokenBefore(d.open, r[0])
	if i >= 0 && (p.low[i] == ":" || p.low[i] == ",") {
		i--
	}
	if i < r[0] {
		return false
	}
	for _, h := range p.cuesOf(r) {
		if h.t1 == i+1 && h.e.Class == ClassSpeech {
			return true
		}
	}
	return false
}

// tokenBefore returns the index of the last token that ends at or before
// off and is not below lo, or -1.
func (p *proc) tokenBefore(off, lo int) int {
	i := sort.Search(len(p.toks), func(k int) bool { return p.toks[k].Span.End() > off }) - 1
	for i >= lo && p.toks[i].Span.Start() >= off {
		i--
	}
	if i < lo {
		return -1
	}
	return i
}

// tokenFrom returns the index of the first token that starts at or after
// off.
func (p *proc) tokenFrom(off int) int {
	return sort.Search(len(p.toks), func(k int) bool { return p.toks[k].Span.Start() >= off })
}

// cueIn returns the first unused cue of sentence si whose tokens lie in
// [from, to).
func (p *proc) cueIn(from, to int) *cueHit {
	i := sort.Search(len(p.cues), func(k int) bool { return p.cues[k].t0 >= from })
	if i < len(p.cues) && p.cues[i].t1 <= to {
		return &p.cues[i]
	}
	return nil
}

// trailingCue looks for `"...," X said` / `"...," said X` after the quote.
func (p *proc) trailingCue(d *direct, sC int) (*cueHit, tokRange) {
	r := p.a.Sentences[sC].Tokens
	i := p.tokenFrom(d.close + 1)
	hi := r[1]
	if i >= hi {
		// The sentence splitter may have cut after `.”`: look at the next
		// sentence when it follows at once and starts in lower case.
		if sC+1 >= len(p.a.Sentences) {
			return nil, tokRange{}
		}
		ns := p.a.Sentences[sC+1]
		if ns.Span.Start() < d.close {
			return nil, tokRange{}
		}
		gap := strings.TrimSpace(p.text[d.close:ns.Span.Start()])
		if len(gap) > 3 || strings.Contains(p.text[d.close:ns.Span.Start()], "\n") {
			return nil, tokRange{}
		}
		first := p.text[ns.Span.Start()]
		if (first < 'a' || first > 'z') && ns.Tokens[1]-ns.Tokens[0] > 10 {
			// A capitalised short sentence may still be the attribution
			// the splitter cut off: `...?” Trump said.`
			return nil, tokRange{}
		}
		i, hi = ns.Tokens[0], ns.Tokens[1]
	}
	for i < hi && (p.low[i] == "," || p.toks[i].Tag == "''" || p.toks[i].Tag == ":" || isQuoteTok(p.low[i])) {
		i++
	}
	h := p.cueIn(i, min(hi, i+32))
	if h == nil || h.used || h.e.Pos == "prep" && h.t0 != i {
		return nil, tokRange{}
	}
	if h.e.Pos == "prep" {
		return h, p.collectRight(h.t1, hi)
	}
	if h.t0 == i {
		return h, p.collectRight(h.t1, hi) // `"...," said Zakharova`
	}
	// `"...," X said` / `"...," X, who ..., said`: the speaker starts
	// right after the quote.
	spk, _ := p.speakerLeft(h.t0, i)
	if spk.empty() || spk.a != i {
		return nil, tokRange{}
	}
	return h, spk
}

// leadingCue looks for `X said: "..."` / `X said "..."` / `X said that
// ... "..."` before the quote in its first sentence.
func (p *proc) leadingCue(d *direct, sO int) (*cueHit, tokRange) {
	r := p.a.Sentences[sO].Tokens
	end := p.tokenBefore(d.open, r[0]) + 1
	var best *cueHit
	cs := p.cuesOf(r)
	for k := range cs {
		h := &cs[k]
		if h.t1 <= end && !h.used {
			best = h
		}
	}
	if best == nil {
		return nil, tokRange{}
	}
	spk := p.speakerOf(best, r[0])
	if spk.empty() {
		return nil, tokRange{}
	}
	return best, spk
}

// speakerOf finds the speaker of a cue in a sentence that starts at token
// lo: left of the cue, or the speaker of the coordinated verb before it.
func (p *proc) speakerOf(h *cueHit, lo int) tokRange {
	if h.e.Pos == "prep" {
		return p.collectRight(h.t1, p.a.Sentences[h.sent].Tokens[1])
	}
	spk, coord := p.speakerLeft(h.t0, lo)
	if coord {
		cs := p.cuesOf(p.a.Sentences[h.sent].Tokens)
		for k := range cs {
			o := &cs[k]
			if o.t1 <= h.t0 && o.e.Pos == "verb" {
				if s, _ := p.speakerLeft(o.t0, lo); !s.empty() {
					spk = s
				}
			}
		}
		if spk.empty() {
			// "Russia calls for X and insists": the verb before "and".
			j := h.t0 - 1
			for j > lo && !p.isVerbTok(j) {
				j--
			}
			for k := j; k > lo; k-- {
				if p.isVerbTok(k) && k < j {
					break
				}
			}
			if j > lo {
				spk, _ = p.speakerLeft(j, lo)
			}
		}
	}
	return spk
}

// findIndirect builds indirect and mixed quotes from the cues that no
// direct quote took.
func (p *proc) findIndirect() {
	var cands []*found
	for k := range p.cues {
		h := &p.cues[k]
		if h.used {
			continue
		}
		if f := p.indirect(h); f != nil {
			cands = append(cands, f)
			if g := p.splitSecond(f); g != nil {
				cands = append(cands, g)
			}
		}
	}
	for si := range p.a.Sentences {
		if f := p.headline(si); f != nil {
			cands = append(cands, f)
		}
		if f := p.inSource(si); f != nil {
			cands = append(cands, f)
		}
	}
	// Univocal: a cue inside another attribution's content belongs to that
	// content, not to an attribution of its own. Larger contents win.
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].tail != cands[j].tail {
			return cands[i].tail
		}
		return cands[i].e-cands[i].s > cands[j].e-cands[j].s
	})
	var kept []*found
	keptIn := map[int][]*found{} // by sentence: contents never cross one
	for _, f := range cands {
		ok := true
		cs := p.toks[f.cue.t0].Span.Start()
		for _, g := range keptIn[f.sent] {
			if cs >= g.s && cs < g.e || f.s < g.e && g.s < f.e {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		for di := p.firstDirectAfter(f.s); di < len(p.dirs) && p.dirs[di].open < f.e; di++ {
			d := &p.dirs[di]
			if p.dkind[di] != 1 || !(f.s < d.e && d.s < f.e) {
				continue
			}
			// Overlaps a direct quote: keep the indirect part before it.
			// Attribution corpora take the clause and the quote it ends
			// with as one content: in attribution mode the clause runs
			// over the quote, which is dropped as a quote of its own.
			if d.s > f.s+2 && d.open > f.s {
				if g := p.directOf(di); p.s.beliefs && g != nil && g.cue == f.cue {
					f.e = max(f.e, d.e)
					f.kind = "mixed"
					p.dkind[di] = 3
					g.dir = -2 // dropped
					for _, o := range p.out {
						if o.spkFrom == g {
							o.spkFrom = f
						}
					}
					continue
				}
				f.e = p.trimEnd(f.s, d.open)
			} else {
				ok = false
			}
		}
		if ok && f.e > f.s {
			kept = append(kept, f)
			keptIn[f.sent] = append(keptIn[f.sent], f)
		}
	}
	out := p.out[:0]
	for _, f := range p.out {
		if f.dir != -2 {
			out = append(out, f)
		}
	}
	p.out = out
	for _, f := range kept {
		f.cue.used = true
		for di := p.firstDirectAfter(f.s); di < len(p.dirs) && p.dirs[di].open < f.e; di++ {
			if p.dkind[di] == 2 && p.dirs[di].open >= f.s && p.dirs[di].close <= f.e+3 {
				f.kind = "mixed"
			}
		}
		p.out = append(p.out, f)
	}
}

// headlineColon is the cue of a headline or transcript line in which a
// colon follows the speaker: "Lynch: No outside influence on FBI probe".
var headlineColon = &CueEntry{Lemma: ":", Class: ClassSpeech, Pos: "punct"}

// notSpeakers are labels that a colon follows at the start of a line but
// that say nothing ("Update: ...", "Photos: ...").
var notSpeakers = map[string]bool{
	"update": true, "updated": true, "watch": true, "related": true, "editor": true, "note": true,
	"source": true, "sources": true, "photo": true, "photos": true, "video": true, "breaking": true,
	"exclusive": true, "read": true, "listen": true, "live": true, "analysis": true, "opinion": true,
	"timeline": true, "correction": true, "q": true, "a": true, "question": true,
	"answer": true, "transcript": true, "graphic": true, "map": true, "chart": true, "more": true,
}

// headline finds a statement in sentence si of the form "SPEAKER: WHAT
// WAS SAID" (headlines, transcripts), where the speaker is a short proper
// noun phrase that opens the sentence.
func (p *proc) headline(si int) *found {
	r := p.a.Sentences[si].Tokens
	lo, hi := r[0], r[1]
	c := -1
	for j := lo + 1; j < hi && j <= lo+5; j++ {
		if p.low[j] == ":" && p.inQ[j] < 0 {
			c = j
			break
		}
	}
	if c < 0 || hi-c < 4 {
		return nil
	}
	for j := lo; j < c; j++ {
		t := p.toks[j].Tag
		if notSpeakers[p.low[j]] || p.inQ[j] >= 0 {
			return nil
		}
		first := p.text[p.toks[j].Span.Start()]
		switch {
		case (t == "NNP" || t == "NNPS" || t == "NN") && first >= 'A' && first <= 'Z':
		case t == "POS" || t == "." && j > lo:
		default:
			return nil
		}
	}
	if p.toks[c+1].Tag == "CD" {
		return nil // "8:30"
	}
	a, b := c+1, p.lastContent(c+1, hi)
	if b-a < 3 || p.inQ[a] >= 0 && p.dkind[p.inQ[a]] == 1 {
		return nil
	}
	// A headline's content need not be a clause ("Lynch: No outside
	// influence on FBI probe").
	h := &cueHit{t0: c, t1: c + 1, sent: si, e: headlineColon}
	f := &found{kind: "indirect", cue: h, spk: tokRange{lo, c}, dir: -1, sent: si, tail: true}
	f.s, f.e = p.toks[a].Span.Start(), p.toks[b-1].Span.End()
	return f
}

// sourceNouns are the heads of "In NP, CLAUSE" openers that attribute the
// clause to the phrase: "In a CNN poll, ...", "In his view, ...".
var sourceNouns = map[string]bool{
	"poll": true, "polls": true, "survey": true, "surveys": true, "study": true, "studies": true,
	"report": true, "reports": true, "view": true, "views": true, "words": true, "opinion": true,
	"estimate": true, "estimates": true, "analysis": true, "assessment": true, "judgment": true,
	"mind": true, "eyes": true, "estimation": true, "telling": true, "account": true, "research": true,
}

// inSourceCue is the cue of "In a CNN poll, CLAUSE".
var inSourceCue = &CueEntry{Lemma: "in", Class: ClassBelief, Pos: "prep"}

// inSource finds, in attribution mode, a sentence that opens with "In"
// and a phrase headed by a source noun, then a comma and a clause: the
// phrase is the source of the clause ("In an NBC poll released Monday,
// 50 percent chose Clinton", "In his view, the deal is dead").
func (p *proc) inSource(si int) *found {
	if !p.s.beliefs {
		return nil
	}
	r := p.a.Sentences[si].Tokens
	lo, hi := r[0], r[1]
	if hi-lo < 6 || p.low[lo] != "in" || p.inQ[lo] >= 0 {
		return nil
	}
	c := lo + 1
	head := false
	for c < hi && c < lo+14 && p.low[c] != "," && p.inQ[c] < 0 {
		if sourceNouns[p.low[c]] {
			head = true
		}
		c++
	}
	if !head || c >= hi || p.low[c] != "," {
		return nil
	}
	end := p.lastContent(c+1, hi)
	if !p.hasVerb(c+1, end) {
		return nil
	}
	h := &cueHit{t0: lo, t1: lo + 1, sent: si, e: inSourceCue}
	f := &found{kind: "indirect", cue: h, spk: tokRange{lo + 1, c}, dir: -1, sent: si, tail: true}
	return p.setContent(f, c+1, end)
}

// directOf returns the attributed direct quote made of p.dirs[di], or nil.
func (p *proc) directOf(di int) *found {
	for _, f := range p.out {
		if f.dir == di {
			return f
		}
	}
	return nil
}

// firstDirectAfter returns the index of the first direct quote that closes
// after offset off.
func (p *proc) firstDirectAfter(off int) int {
	return sort.Search(len(p.dirs), func(k int) bool { return p.dirs[k].close > off })
}

// cuesOf returns the cues of the sentence whose tokens are r.
func (p *proc) cuesOf(r [2]int) []cueHit {
	i := sort.Search(len(p.cues), func(k int) bool { return p.cues[k].t0 >= r[0] })
	j := i
	for j < len(p.cues) && p.cues[j].t0 < r[1] {
		j++
	}
	return p.cues[i:j]
}

// trimEnd trims white space and punctuation at the end of text[s:e].
func (p *proc) trimEnd(s, e int) int {
	for e > s && strings.ContainsRune(" \t\r\n,;:—-", rune(p.text[e-1])) {
		e--
	}
	return e
}

// splitSecond returns the second part of a statement that its cue splits
// ("The question, she said, is not so simple."): f holds the part before
// the speaker; the part after the cue's closing comma is a quote of its
// own with the same cue and speaker. It returns nil when there is none.
func (p *proc) splitSecond(f *found) *found {
	if !f.tail || f.aside || f.cue.e.Pos != "verb" {
		return nil
	}
	r := p.a.Sentences[f.sent].Tokens
	end := p.lastContent(r[0], r[1])
	j := max(f.cue.t1, f.spk.b)
	for j < end && p.low[j] != "," {
		if p.isVerbTok(j) || p.inQ[j] >= 0 {
			return nil
		}
		j++
	}
	if j+1 >= end || !p.hasVerb(j+1, end) || p.toks[j+1].Tag == "VBG" {
		return nil
	}
	g := &found{kind: "indirect", cue: f.cue, spk: f.spk, dir: -1, sent: f.sent, tail: true}
	return p.setContent(g, j+1, end)
}

// indirect builds the indirect quote of cue h, or nil.
func (p *proc) indirect(h *cueHit) *found {
	r := p.a.Sentences[h.sent].Tokens
	lo, hi := r[0], r[1]
	end := p.lastContent(lo, hi)
	f := &found{kind: "indirect", cue: h, dir: -1, sent: h.sent}
	if h.e.Pos == "prep" {
		spk := p.collectRight(h.t1, hi)
		if spk.empty() {
			return nil
		}
		f.spk = spk
		lead := lo
		for lead < h.t0 && (p.toks[lead].Tag == "CC" || p.toks[lead].Tag == "RB") {
			lead++
		}
		switch {
		case lead == h.t0:
			// "According to X, CLAUSE."
			k := spk.b
			for k < end && p.low[k] != "," {
				k++
			}
			if k >= end {
				return nil
			}
			return p.setContent(f, k+1, end)
		case h.t0 > lo && p.low[h.t0-1] == ",":
			// "CLAUSE, according to X."
			f.tail = true
			a := lo
			if p.participleOpener(lo) {
				// "Boasting 108,000 residents, the area leans right,
				// according to X": the opener is the narrator's.
				for c := lo + 1; c < h.t0-2; c++ {
					if p.low[c] == "," && p.inQ[c] < 0 {
						a = c + 1
						break
					}
				}
			}
			return p.setContent(f, a, h.t0-1)
		case h.t0 > lo+2 && p.hasVerb(lo, h.t0) && !p.participleOpener(lo):
			// "Clinton leads by 271 delegates according to a count ..."
			f.tail = true
			return p.setContent(f, lo, h.t0)
		}
		return nil
	}
	if h.e.Raising {
		return p.raising(f, h, lo, end)
	}
	if h.e.Pos == "noun" {
		return p.nounCue(f, h, lo, end)
	}
	if h.e.Lemma == "ask" && p.s.beliefs && h.t0 == lo && h.t1 < end {
		// "Asked if he was bullied, he said no.": the question, by an
		// unnamed asker, runs to the comma.
		switch p.low[h.t1] {
		case "if", "whether", "what", "how", "why", "who", "when", "where", "which", "about":
			c := h.t1 + 1
			for c < end && (p.low[c] != "," || p.inQ[c] >= 0) {
				c++
			}
			if c < end {
				return p.setContent(f, h.t1, c)
			}
		}
		return nil
	}
	var spk tokRange
	if p.toks[h.t0].Tag == "VBG" && h.t0 > lo && (p.low[h.t0-1] == "," || p.low[h.t0-1] == "before" || p.low[h.t0-1] == "after" || p.low[h.t0-1] == "while") {
		// "X rejected the plan, saying (that) CLAUSE", "“...,” he said,
		// adding that ...", "X responded before adding that ...": the
		// participle's speaker is the speaker of an earlier cue of the
		// sentence, else its subject.
		spk = p.earlierSpeaker(h)
		if spk.empty() {
			spk = p.subject(lo, h.t0)
		}
	} else {
		spk, _ = p.speakerLeft(h.t0, lo)
		if spk.empty() {
			spk = p.speakerOf(h, lo)
		}
	}
	// "CLAUSE, X said." / "CLAUSE, said X."
	if h.t0 > lo && p.onlyTail(h.t1, end) && p.low[hi-1] != ":" {
		if p.low[h.t0-1] == "," && spk.empty() && p.hasVerb(lo, h.t0-1) && !p.participleOpener(lo) {
			spk = p.collectRight(h.t1, end)
			if !spk.empty() && h.t0-1 > lo {
				f.spk, f.tail = spk, true
				return p.setContent(f, lo, h.t0-1)
			}
			return nil
		}
		if !spk.empty() && spk.a > lo && (p.low[spk.a-1] == "," || p.toks[spk.a-1].Tag == "''") && (p.hasVerb(lo, spk.a-1) || spk.a-1-lo >= 5) && !p.participleOpener(lo) {
			f.spk, f.tail = spk, true
			return p.setContent(f, lo, spk.a-1)
		}
	}
	if spk.empty() {
		return nil
	}
	f.spk = spk
	// "As X reported, CLAUSE." / "CLAUSE, as X said (on Monday), ...".
	if spk.a > lo && p.low[spk.a-1] == "as" {
		as := spk.a - 1
		j := h.t1
		for j < end && p.low[j] != "," && !p.isVerbTok(j) && p.inQ[j] < 0 {
			j++
		}
		if as > lo && p.low[as-1] == "," || as > lo && isQuoteTok(p.low[as-1]) {
			f.tail, f.aside = true, true
			return p.setContent(f, lo, as-1)
		}
		if j < end && p.low[j] == "," && (as == lo || p.toks[lo].Tag == "CC" || p.low[lo+1] == ",") {
			f.tail, f.aside = true, true
			return p.setContent(f, j+1, end)
		}
		return nil
	}
	k := p.contentAfter(h, end)
	if h.e.NP && p.s.beliefs && k < end {
		a := k
		if h.e.Object && !(k-1 > h.t1 && p.low[k-1] == "that") {
			a = h.t1 // "called Trump a fascist": the object is part of it
		}
		if p.low[k-1] == "that" && k-1 > h.t1 && (p.toks[h.t1].Tag == "DT" || p.toks[h.t1].Tag == "PRP$") {
			a = h.t1 // "opposed the plan that the board adopted": a relative clause
		}
		if p.low[a-1] != "that" {
			if g := p.npContent(f, a, end, false); g != nil {
				return g
			}
		}
	}
	if k >= end || (p.low[k-1] != "that" && !p.clauseStart(k, end)) {
		return nil
	}
	if h.e.Clause && !(k > h.t1 && (p.low[k-1] == "that" || p.low[k-1] == ":" || p.low[k-1] == ",") || p.inQ[k] >= 0 || isQuoteTok(p.low[k]) || p.s.beliefs && intentVerbs[h.e.Lemma] && p.low[k] == "to" && k+1 < end && p.toks[k+1].Tag == "VB") {
		return nil // "continued a fierce contest"
	}
	end = p.clauseEnd(h, k, end)
	return p.setContent(f, k, end)
}

// npStop are words that end a noun-phrase content: what follows is an
// adjunct of the narrator ("criticized the plan after the vote").
var npStop = map[string]bool{
	"because": true, "after": true, "while": true, "when": true, "as": true, "since": true,
	"before": true, "although": true, "though": true, "during": true, "despite": true,
	"but": true, "whereas": true, "unless": true, "if": true, "until": true,
}

// npContent sets the content of f, whose cue takes a noun phrase
// ("criticized the plan", "endorsed Clinton for president", "talked about
// the economy"), to the phrase from token k up to a comma, a clause
// boundary or a subordinating conjunction. It returns nil when a finite
// verb comes first: the cue reports a clause, not a phrase; but when the
// phrase is inside the subject ("His criticism of the treaty angered
// ..."), the finite verb ends it.
func (p *proc) npContent(f *found, k, end int, subject bool) *found {
	for k < end && (p.low[k] == "about" || p.low[k] == "of" || p.low[k] == "on" || p.low[k] == "to") && p.toks[k].Tag != "TO" {
		k++ // "talked about X": the preposition belongs to the cue
	}
	if k >= end || p.isVerbTok(k) && p.toks[k].Tag != "VBG" || p.low[k] == "to" {
		return nil
	}
	b, rel := k, -1
	for b < end {
		w := p.low[b]
		if (w == "that" || w == "who" || w == "which") && rel < 0 && b > k && isNounTag(p.toks[b-1].Tag) {
			rel = b
		}
		if p.inQ[b] < 0 {
			if w == "," || w == ";" || w == ":" || w == "--" || w == "—" || w == "–" || w == "(" || npStop[w] {
				break
			}
			// "endorsed Cruz last week", "praised him in a speech": time
			// and place adjuncts are the narrator's.
			if b > k && timeWords[w] && w != "year" && w != "week" && w != "month" {
				break
			}
			if b > k && b+1 < end && (w == "in" || w == "on" || w == "at") && (timeWords[p.low[b+1]] || monthWord(p.low[b+1]) || p.toks[b+1].Tag == "CD") {
				break
			}
			if t := p.toks[b].Tag; t == "VBD" || t == "VBZ" || t == "VBP" || t == "MD" {
				if subject && b > k {
					break
				}
				if rel > k {
					// "the plan that the board adopted": a relative clause
					// inside the phrase ends it.
					b = rel
					break
				}
				if c := b - 1; c > k && (p.low[c] == "and" || p.low[c] == "but") || c-1 > k && (p.low[c-1] == "and" || p.low[c-1] == "but") && (p.toks[c].Tag == "RB" || skipLeft[p.low[c]]) {
					// "criticized the policy and said ...": a second verb
					// of the same subject ends the phrase.
					for b > k && p.low[b-1] != "and" && p.low[b-1] != "but" {
						b--
					}
					b--
					break
				}
				return nil
			}
		}
		b++
	}
	if b-k < 1 {
		return nil
	}
	for b > k && (p.toks[b-1].Tag == "CC" || p.toks[b-1].Tag == "IN" || p.toks[b-1].Tag == "DT" || p.toks[b-1].Tag == "TO") {
		b--
	}
	if b <= k {
		return nil
	}
	for j := k; j < b; j++ {
		if isNounTag(p.toks[j].Tag) || p.inQ[j] >= 0 {
			f.s, f.e = p.toks[k].Span.Start(), p.toks[b-1].Span.End()
			return f
		}
	}
	return nil
}

// possessor returns the possessor of the noun at token i ("his claim",
// "Trump's repeated attacks on"), skipping adjectives, or an empty range.
func (p *proc) possessor(i, lo int) tokRange {
	j := i - 1
	for j >= lo && (strings.HasPrefix(p.toks[j].Tag, "JJ") || p.toks[j].Tag == "RB" || p.toks[j].Tag == "VBN") {
		j--
	}
	if j < lo || p.inQ[j] >= 0 {
		return tokRange{}
	}
	switch {
	case p.toks[j].Tag == "PRP$":
		return tokRange{j, j + 1}
	case (p.low[j] == "'s" || p.low[j] == "’s" || p.low[j] == "'" || p.low[j] == "’") && j > lo:
		r := p.collectLeft(j-1, lo)
		if !r.empty() && r.b == j {
			return r
		}
	}
	return tokRange{}
}

// nounCue builds the attribution of a nominal cue: "his claim that
// CLAUSE", "Trump's decision to VP", "Sanders' criticism of NP". The
// possessor is the speaker; a nominal cue with a preposition needs one.
func (p *proc) nounCue(f *found, h *cueHit, lo, end int) *found {
	if !p.s.beliefs || !strings.HasPrefix(p.toks[h.t0].Tag, "NN") || h.t1 >= end {
		return nil
	}
	f.spk = p.possessor(h.t0, lo)
	k := h.t1
	if h.t1-h.t0 > 1 {
		// "criticism of", "support for": the object is the content.
		if f.spk.empty() {
			return nil
		}
		return p.npContent(f, k, end, true)
	}
	switch {
	case p.low[k] == "that" && p.toks[k].Tag == "IN" && p.hasVerb(k+1, min(end, k+14)) && !f.spk.empty():
		k++
	case p.low[k] == "to" && k+1 < end && p.toks[k+1].Tag == "VB" && !f.spk.empty():
	default:
		return nil
	}
	return p.setContent(f, k, p.clauseEnd(h, k, end))
}

// raising builds the content of a raising cue ("Clinton appeared to
// gain", "the index is expected to rise"): the subject and the
// infinitive clause, with no speaker.
func (p *proc) raising(f *found, h *cueHit, lo, end int) *found {
	j := h.t1
	for j < end && (p.toks[j].Tag == "RB" || skipAdverb[p.low[j]]) {
		j++
	}
	// "Clinton appeared to gain"; "the supporters seemed unperturbed".
	infinitive := j+1 < end && p.low[j] == "to" && p.toks[j+1].Tag == "VB"
	if !infinitive && !(j < end && (strings.HasPrefix(p.toks[j].Tag, "JJ") || p.toks[j].Tag == "VBN") && h.e.Lemma != "be expected") {
		return nil
	}
	i := h.t0 - 1
	for i >= lo && (skipLeft[p.low[i]] || p.toks[i].Tag == "RB" || p.toks[i].Tag == "MD") {
		i--
	}
	if i < lo {
		return nil
	}
	subj := p.collectLeft(i, lo)
	if subj.empty() {
		return nil
	}
	e := p.clauseEnd(h, j, end)
	if e <= j {
		return nil
	}
	f.s, f.e = p.toks[subj.a].Span.Start(), p.toks[e-1].Span.End()
	return f
}

// earlierSpeaker returns the speaker of the last attribution found so far
// whose cue lies before h in h's sentence, or an empty range.
func (p *proc) earlierSpeaker(h *cueHit) tokRange {
	var best tokRange
	bestAt := -1
	for _, f := range p.out {
		if f.cue != nil && f.cue.sent == h.sent && f.cue.t1 <= h.t0 && !f.spk.empty() && f.cue.t0 > bestAt {
			best, bestAt = f.spk, f.cue.t0
		}
	}
	if !best.empty() {
		return best
	}
	r := p.a.Sentences[h.sent].Tokens
	cs := p.cuesOf(r)
	for k := len(cs) - 1; k >= 0; k-- {
		o := &cs[k]
		if o.t1 > h.t0 || o.e.Pos != "verb" || p.toks[o.t0].Tag == "VBG" {
			continue
		}
		if spk := p.speakerOf(o, r[0]); !spk.empty() {
			return spk
		}
		break
	}
	return best
}

// subject returns the noun phrase that opens the sentence at lo when a
// verb follows it before hi.
func (p *proc) subject(lo, hi int) tokRange {
	for v := lo + 1; v < hi; v++ {
		if t := p.toks[v].Tag; (t == "VBD" || t == "VBZ" || t == "VBP") && p.inQ[v] < 0 && !skipLeft[p.low[v]] {
			if spk, _ := p.speakerLeft(v, lo); !spk.empty() {
				return spk
			}
			break
		}
	}
	r := p.collectRight(lo, hi)
	if r.empty() || r.a != lo && !(r.a == lo+1 && p.toks[lo].Tag == "CC") {
		return tokRange{}
	}
	j := r.b
	for j < hi && (p.toks[j].Tag == "RB" || p.toks[j].Tag == "MD" || skipLeft[p.low[j]]) {
		j++
	}
	if j < hi && p.isVerbTok(j) {
		return r
	}
	return tokRange{}
}

// participleOpener reports whether the sentence at lo opens with a
// participle ("Asked if he was bullied, he said no."): such a clause is
// not what was said.
func (p *proc) participleOpener(lo int) bool {
	t := p.toks[lo].Tag
	switch {
	case t == "VBN", p.low[lo] == "asked" || p.low[lo] == "pressed" || p.low[lo] == "questioned":
		return true // "Asked if he was bullied, he said no."
	case t != "VBG":
		return false
	}
	// "Finding what is under the surface is not simple, he said" opens
	// with a gerund subject: its finite verb comes before any comma.
	hi := p.a.Sentences[p.toks[lo].Sent].Tokens[1]
	rel := false
	for j := lo + 1; j < hi; j++ {
		if p.low[j] == "," {
			return true
		}
		if w := p.low[j]; w == "who" || w == "which" || w == "that" {
			rel = true // "Boasting residents who run the gamut, ...": a relative clause
			continue
		}
		if t := p.toks[j].Tag; (t == "VBZ" || t == "VBD" || t == "VBP" || t == "MD") && !rel {
			return false
		}
	}
	return true
}

// intentVerbs are the clause-only cues that report an intention or a
// request with an infinitive ("agreed to pay", "encouraged voters to
// turn out"); "continues to" reports none.
var intentVerbs = map[string]bool{
	"agree": true, "offer": true, "request": true, "appeal": true, "plead": true, "order": true,
	"direct": true, "invite": true, "encourage": true, "advocate": true, "support": true, "oppose": true,
	"back": true, "like": true, "love": true, "hate": true, "sign": true, "endorse": true,
}

// subordinators open a clause that the sentence's main clause follows.
var subordinators = map[string]bool{"while": true, "although": true, "though": true, "because": true, "as": true, "if": true, "when": true, "after": true, "since": true, "whereas": true, "before": true, "unless": true}

// clauseEnd returns where the reported clause that starts at k after cue
// h ends, at most at end: before a second attribution coordinated with
// the first ("..., and three-quarters said ...", "... and said ..."),
// before a participle cue ("..., saying ..."), and, when the cue sits in
// a subordinate clause ("While X said ..., he ..."), at the comma that
// ends it.
func (p *proc) clauseEnd(h *cueHit, k, end int) int {
	r := p.a.Sentences[h.sent].Tokens
	if h.t0 > r[0] && (p.low[h.t0-1] == "who" || p.low[h.t0-1] == "which") {
		// "Barkley, who said he votes Democratic, said ...": the relative
		// clause ends at its comma.
		for c := k + 1; c < end; c++ {
			if p.low[c] == "," {
				return c
			}
		}
	}
	for _, o := range p.cuesOf(r) {
		if o.t0 <= k || o.t0 >= end || o.e.Pos != "verb" {
			continue
		}
		c := o.t0
		pc := c - 1
		for pc > k && isQuoteTok(p.low[pc]) {
			pc--
		}
		if p.toks[c].Tag == "VBG" && p.low[pc] == "," {
			return pc // "rejected the result, saying ..."
		}
		if p.toks[c].Tag == "VBG" && (p.low[pc] == "before" || p.low[pc] == "after" || p.low[pc] == "while") && pc > k {
			return pc // "rejected the plan before adding that ..."
		}
		for m := c - 1; m > k && m >= c-6; m-- {
			if w := p.low[m]; w == "and" || w == "but" {
				// "... program and Trump says ...": a second speaker.
				if np := p.collectRight(m+1, c); !np.empty() && np.a == m+1 && np.b == c {
					return m
				}
				break
			}
		}
		j := c - 1
		for j > k && (skipLeft[p.low[j]] || p.toks[j].Tag == "RB" || p.toks[j].Tag == "MD") {
			j--
		}
		if p.low[j] == "and" || p.low[j] == "but" {
			if p.isVerbTok(o.t0) && p.toks[o.t0].Tag != "VBG" {
				return j // "tweeted a photo and said ..."
			}
		}
		if spk := p.collectLeft(j, k); !spk.empty() && spk.a-1 > k {
			b := spk.a - 1
			if p.low[b] == "and" || p.low[b] == "but" || p.low[b] == "while" {
				return b // "..., and three-quarters said ..."
			}
		}
	}
	// "... — the actress also pointed out that ...": a dash before a new
	// clause ends the reported one.
	for c := k + 1; c+1 < end; c++ {
		if w := p.low[c]; w == "—" || w == "--" || w == "–" {
			if np := p.collectRight(c+1, end); !np.empty() && np.b < end && p.isVerbTok(np.b) && p.toks[np.b].Tag != "VBG" && p.toks[np.b].Tag != "VBN" {
				return c
			}
		}
	}
	// "While Ramos said that ..., he appears ...": the subordinate clause
	// ends at the comma before the main clause.
	opener := r[0]
	for opener < h.t0 && p.toks[opener].Tag == "CC" {
		opener++
	}
	if subordinators[p.low[opener]] && opener < h.t0 {
		for c := k + 1; c+1 < end; c++ {
			if p.low[c] == "," && p.hasVerb(c+1, end) {
				return c
			}
		}
	}
	// "..., but for Republicans it is a smoking gun": the narrator goes on.
	for c := k + 1; c+1 < end; c++ {
		if p.low[c] == ";" || p.low[c] == "," && (p.low[c+1] == "but" || p.low[c+1] == "while" || p.low[c+1] == "whereas") && p.hasVerb(c+2, end) {
			return c
		}
	}
	return end
}

// hasVerbOrQuote reports whether tokens [i, j) hold a verb or quoted words.
func (p *proc) hasVerbOrQuote(i, j int) bool {
	for ; i < j; i++ {
		if p.isVerbTok(i) || p.inQ[i] >= 0 || p.toks[i].Tag == "VBG" {
			return true
		}
	}
	return false
}

// hasVerb reports whether tokens [i, j) hold a finite or modal verb.
func (p *proc) hasVerb(i, j int) bool {
	for ; i < j; i++ {
		if t := p.toks[i].Tag; t == "VBD" || t == "VBZ" || t == "VBP" || t == "MD" || t == "VB" {
			return true
		}
	}
	return false
}

// clauseStart reports whether a reported clause can start at token k: not
// with a preposition ("spoke on condition of anonymity", "asked for a
// photo") and with a verb somewhere in it.
func (p *proc) clauseStart(k, end int) bool {
	if p.toks[k].Tag == "IN" {
		switch p.low[k] {
		case "whether", "if", "because", "although", "while":
		default:
			// "said about half of the deficit reflected ...", "said in
			// 2015 the deficit grew": a clause follows the phrase.
			return p.hasVerb(k+1, end) && !p.isVerbTok(k+1)
		}
	}
	return true
}

// datelineEnd returns the token after the dash of a dateline that opens
// tokens [a, b) ("WASHINGTON (AP) —"), or a when there is none.
func (p *proc) datelineEnd(a, b int) int {
	t := p.toks[a].Text
	if len(t) < 2 || strings.ToUpper(t) != t || strings.ToLower(t) == t {
		return a
	}
	for j := a + 1; j < b && j < a+8; j++ {
		switch w := p.low[j]; {
		case w == "—" || w == "--" || w == "–":
			return j + 1
		case w == "(" || w == ")" || w == "," || w == "." || p.toks[j].Tag == "NNP" || p.toks[j].Tag == "CD":
		default:
			return a
		}
	}
	return a
}

// setContent sets the content of f to tokens [a, b) and checks it.
func (p *proc) setContent(f *found, a, b int) *found {
	if a < b {
		a = p.datelineEnd(a, b)
	}
	for a < b && (p.low[a] == "," || p.low[a] == ":" || p.low[a] == "that" && p.toks[a].Tag == "IN" && a+1 < b && !p.isVerbTok(a+1)) {
		a++
	}
	for b > a && (p.toks[b-1].Tag == "," || p.toks[b-1].Tag == ":" || p.toks[b-1].Tag == ".") {
		b--
	}
	if b-a < 2 || reflexive[p.low[a]] {
		return nil // "found themselves in a battle" reports nothing
	}
	// What was said is a clause, or holds quoted words: "rejected the
	// result" reports no statement.
	if !p.hasVerbOrQuote(a, b) {
		return nil
	}
	if p.inQ[a] >= 0 && p.dkind[p.inQ[a]] == 1 {
		return nil // the clause is a direct quote, attributed already
	}
	if p.s.beliefs && a > 0 && p.low[a-1] == "that" && p.toks[a-1].Sent == p.toks[a].Sent && p.toks[a-1].Tag != "WDT" && p.inQ[a-1] < 0 {
		// Attribution corpora take the complementizer into the content
		// ("said that the talks failed").
		a--
	}
	f.s, f.e = p.toks[a].Span.Start(), p.toks[b-1].Span.End()
	return f
}

// reflexive pronouns open no reported content.
var reflexive = map[string]bool{
	"themselves": true, "himself": true, "herself": true, "itself": true, "ourselves": true,
	"myself": true, "yourself": true, "yourselves": true,
}

// isQuoteTok reports whether a token is made of quotation marks only.
func isQuoteTok(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		switch r {
		case '\'', '"', '`', '“', '”', '‘', '’', '«', '»', '„':
		default:
			return false
		}
	}
	return true
}
