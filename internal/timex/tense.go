package timex

import "strings"

// tense is the tense of the verb governing a time expression, as far as a
// time expression cares: is the time before or after the story's date?
type tense int

const (
	tenseNone tense = iota
	tensePast
	tensePresent
	tenseFuture
)

// futureParticiples are participles that, after a form of "be", announce
// a scheduled event: "is expected Monday", "are due on Friday".
var futureParticiples = map[string]bool{
	"expected": true, "scheduled": true, "due": true, "set": true, "slated": true,
	"planned": true, "poised": true, "going": true, "likely": true, "supposed": true,
}

// planVerbs take an infinitive that lies ahead: "plans to meet Monday".
var planVerbs = map[string]bool{
	"plans": true, "plan": true, "intends": true, "intend": true, "hopes": true, "hope": true,
	"wants": true, "want": true, "aims": true, "aim": true, "expects": true, "expect": true,
	"is": true, "are": true, "promised": true, "vowed": true, "pledged": true, "threatened": true,
	"planned": true, "intended": true, "hoped": true, "wanted": true, "expected": true,
	"planning": true, "decided": true, "agreed": true, "decides": true, "agrees": true,
	"scheduled": true, "due": true, "set": true, "preparing": true, "prepared": true,
}

// schedVerbs put their object at a later time: "planned a rally on
// Saturday", "postponed the vote until Tuesday".
var schedVerbs = map[string]bool{
	"planned": true, "scheduled": true, "slated": true, "postponed": true, "rescheduled": true,
	"adjourned": true, "deferred": true, "delayed": true, "plans": true, "schedules": true,
}

// reportingPresent are present-tense reporting verbs: "says Monday" is
// about the past, unlike "meets Monday".
var reportingPresent = map[string]bool{"says": true, "say": true, "tells": true, "reports": true, "writes": true, "notes": true, "adds": true}

// boundary reports whether a token ends the clause search for a verb.
func boundary(w string) bool {
	switch w {
	case ";", ":", "--", "—", "–", "\"", "“", "”", "``", "''", "(", ")", "[", "]", "?", "!":
		return true
	}
	return false
}

func isVerb(tag string) bool { return len(tag) >= 2 && (tag[:2] == "VB" || tag == "MD") }

// tenseAround finds the direction of tokens [i, j) of the sentence from
// the anchor: "since" points back, "until"/"through"/"by" ahead unless
// the clause is past ("remained closed until Monday"), "as early as"
// ahead; otherwise the tense of the clause's verb decides (clauseTense).
func (s *scanner) tenseAround(i, j int) tense {
	if s.w(i-1) == "since" {
		return tensePast // "since March"
	}
	if x := s.w(i - 1); x == "until" || x == "till" || x == "through" || x == "by" {
		// "postponed until Monday", "stays closed until Monday",
		// "loans through January", "by Friday" lie ahead; "remained
		// closed until Monday" and "Until Thursday, they had not called
		// him a suspect" are past.
		if tn := s.clauseTense(i, j); tn == tensePast && !s.extendsBefore(i-1) {
			return tensePast
		}
		return tenseFuture
	}
	if x := s.w(i - 1); x == "as" && (s.w(i-2) == "early" || s.w(i-2) == "soon") {
		return tenseFuture // "as early as Tuesday"
	}
	return s.clauseTense(i, j)
}

// extendVerbs move a time limit: "extended its deadline until Tuesday"
// points ahead even in the past tense.
var extendVerbs = map[string]bool{
	"extended": true, "extends": true, "extend": true, "postponed": true, "delayed": true,
	"deferred": true, "adjourned": true, "suspended": true, "put": true, "pushed": true,
}

// extendsBefore reports an extension verb in the clause before token k.
func (s *scanner) extendsBefore(k int) bool {
	for x := k - 1; x >= 0 && x >= k-12; x-- {
		w := s.toks[x].w
		if boundary(w) || w == "," {
			return false
		}
		if extendVerbs[w] {
			return true
		}
	}
	return false
}

// clauseTense finds the verb group governing tokens [i, j): the nearest
// verb before it in the same clause ("said on Wednesday", "will fly to
// Moscow on March 20"), else the first after it ("On Wednesday, the
// embassy said"), else the sentence's verb before it across commas.
// Dates of a document ("payable Dec. 7", "effective Feb. 1") have none.
func (s *scanner) clauseTense(i, j int) tense {
	toks := s.toks
	switch s.w(i - 1) {
	case "payable", "effective", "record", "dated":
		// "payable Dec. 7", "effective Feb. 1", "of record Nov. 22":
		// a date of the document itself, either side of the anchor.
		return tenseNone
	}
	if s.w(j) == "'s" {
		return tensePast // "Tuesday's declaration" reports a past day
	}
	for k := i - 1; k >= 0 && k >= i-12; k-- {
		w := toks[k].w
		if w == "(" && k == i-1 {
			continue // "will leave at 4 (4 a.m. EDT Thursday)"
		}
		if boundary(w) {
			break
		}
		if w == "," {
			break
		}
		if isVerb(toks[k].tag) {
			if isBe(toks[k].w) && k+1 < len(toks) && futureParticiples[toks[k+1].w] {
				return tenseFuture // "are due in October"
			}
			return s.groupTense(k)
		}
	}
	commas := 0
	for k := j; k < len(toks) && k < j+12; k++ {
		w := toks[k].w
		if boundary(w) {
			break
		}
		if w == "," {
			commas++
			if commas > 1 {
				break
			}
			continue
		}
		if isVerb(toks[k].tag) {
			// Walk to the end of the group so that the whole of "will
			// fly" is seen from its first word.
			e := k
			for e+1 < len(toks) && (isVerb(toks[e+1].tag) || toks[e+1].tag == "RB" || toks[e+1].tag == "TO") {
				e++
			}
			return s.groupTense(e)
		}
	}
	// No verb in the clause: the sentence's verb before it governs
	// ("said it earned $5.2 million, or seven cents a share, in the
	// fiscal first quarter").
	for k := i - 1; k >= 0 && k >= i-30; k-- {
		if toks[k].w == "(" && k == i-1 {
			continue
		}
		if boundary(toks[k].w) {
			break
		}
		if isVerb(toks[k].tag) {
			return s.groupTense(k)
		}
	}
	return tenseNone
}

// groupTense classifies the verb group ending at token k.
func (s *scanner) groupTense(k int) tense {
	toks := s.toks
	start := k
	for start > 0 && start > k-6 {
		t := toks[start-1]
		if isVerb(t.tag) || t.tag == "RB" || t.tag == "TO" || t.w == "not" || t.w == "n't" {
			start--
			continue
		}
		break
	}
	if schedVerbs[toks[k].w] && !(k > 0 && (toks[k-1].w == "previously" || toks[k-1].w == "originally" || toks[k-1].w == "as")) {
		// "planned a rally on Saturday", "postponed until Tuesday": the
		// time lies after the planning.
		return tenseFuture
	}
	past, present := false, false
	for x := start; x <= k; x++ {
		t := toks[x]
		switch {
		case t.tag == "MD":
			if x+1 <= k && toks[x+1].w == "have" {
				return tensePast
			}
			switch t.w {
			case "will", "'ll", "shall", "wo", "would", "'d":
				return tenseFuture
			}
			return tenseNone
		case t.tag == "TO" && x+1 <= k && toks[x+1].tag == "VB":
			// "plans to meet", "is to visit": future; "agreed to meet",
			// "celebrations to mark" say nothing sure.
			if x > 0 && (toks[x-1].tag == "VBZ" || toks[x-1].tag == "VBP" || futureParticiples[toks[x-1].w] || planVerbs[toks[x-1].w]) {
				if s.pluperfectBefore(x - 1) {
					// "had been due to expire Friday": a plan that
					// lay ahead of a past time, now past.
					return tensePast
				}
				return tenseFuture
			}
		case t.w == "going" && x+1 < len(toks) && toks[x+1].w == "to":
			return tenseFuture
		case futureParticiples[t.w] && x > start && isBe(toks[x-1].w):
			if s.pluperfectBefore(x) {
				return tensePast
			}
			return tenseFuture
		case t.tag == "VBD":
			past = true

		case t.tag == "VBN":
			// A participle is past unless a present "be" or "have" makes
			// it present ("is held", but "has held" is past too).
			if x > start && (toks[x-1].w == "is" || toks[x-1].w == "are" || toks[x-1].w == "am" || toks[x-1].w == "be" ||
				(toks[x-1].tag == "VBZ" || toks[x-1].tag == "VBP") && !isHave(toks[x-1].w)) {
				// "is held", "stays closed", "remains shut"
				present = true
			} else {
				past = true
			}
		case t.tag == "VBZ" || t.tag == "VBP":
			if isHave(t.w) && x < k && toks[k].tag == "VBN" {
				past = true
			} else if reportingPresent[t.w] || strings.HasSuffix(t.w, "ed") {
				// "-ed" tagged present is the tagger's slip ("protesters
				// prayed/VBP").
				past = true
			} else {
				present = true
			}
		}
	}
	if past {
		return tensePast
	}
	if present {
		return tensePresent
	}
	return tenseNone
}

// pluperfectBefore reports "had been" (or "had") right before token k,
// adverbs allowed: "had previously been scheduled", "had been due".
func (s *scanner) pluperfectBefore(k int) bool {
	for x := k - 1; x >= 0 && x >= k-4; x-- {
		switch w := s.toks[x].w; {
		case w == "had" || w == "'d" && s.toks[x].tag != "MD":
			return true
		case w == "been" || s.toks[x].tag == "RB":
			continue
		}
		return false
	}
	return false
}

func isBe(w string) bool {
	switch w {
	case "is", "are", "am", "'s", "'re", "be", "was", "were":
		return true
	}
	return false
}

func isHave(w string) bool {
	switch w {
	case "has", "have", "had", "'ve", "'s", "having":
		return true
	}
	return false
}
