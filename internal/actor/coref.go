package actor

import (
	"sort"
	"strings"

	"github.com/attache-project/attache/internal/doc"
)

// Salience model for pronouns (he, she, it, they), used only for
// pronouns in subject position (followed by a verb or modal), since those
// are the speakers and agents later stages need:
//
//  1. Candidates are the mentions before the pronoun in its sentence and
//     the two sentences before it. A pronoun outside quotation marks only
//     sees mentions outside quotation marks ("…in the interests of Russia,"
//     it noted: "it" is not Russia-in-the-quote); a pronoun inside a quote
//     sees both.
//  2. Compatibility: he -> a person not known to be female; she -> a
//     person not known to be male; it -> an organisation or country (not a
//     plural group); they -> an organisation, a group of people (NORP) or a
//     country.
//  3. The nearest sentence holding a compatible candidate wins; inside it,
//     a candidate in subject position wins over others, and among equals
//     the most recent one.
//
// Definite descriptions are resolved as they are met, by head: "the
// embassy" / "the ministry" join the most recent institution with that
// head, "the ambassador" the most recent person with that role, "the
// Russian side" the country.

var pronounKinds = map[string]bool{"he": true, "she": true, "it": true, "they": true}

// resolvePronouns links subject pronouns to entities.
func (p *proc) resolvePronouns() {
	toks := p.a.Tokens
	if len(p.ments) == 0 {
		return
	}
	sort.SliceStable(p.ments, func(i, j int) bool { return p.ments[i].start < p.ments[j].start })
	base := append([]*ment(nil), p.ments...)
	for i := range toks {
		k := p.keys[i]
		if !pronounKinds[k] || toks[i].Tag != "PRP" {
			continue
		}
		// Subject position: a verb or modal follows (adverbs skipped).
		j := i + 1
		for j < len(toks) && toks[j].Tag == "RB" && toks[j].Sent == toks[i].Sent {
			j++
		}
		if j >= len(toks) || toks[j].Sent != toks[i].Sent || !(strings.HasPrefix(toks[j].Tag, "VB") || toks[j].Tag == "MD") {
			continue
		}
		if k == "it" && expletive[p.keys[j]] {
			continue
		}
		sent := toks[i].Sent
		var best *ment
		bestSent := -1
		for mi := len(base) - 1; mi >= 0; mi-- {
			m := base[mi]
			if m.end > toks[i].Span.Start() {
				continue
			}
			ms := toks[m.t0].Sent
			if ms < sent-2 {
				break
			}
			if bestSent >= 0 && ms < bestSent {
				break
			}
			if m.kind == KindPronoun || (!p.quoted[i] && m.quoted) || !compatible(k, m.e) {
				continue
			}
			if best == nil {
				best, bestSent = m, ms
				continue
			}
			if ms == bestSent && m.subject && !best.subject {
				best = m
			}
		}
		if best != nil {
			p.mention(best.e, i, i+1, KindPronoun)
		}
	}
}

// expletive verbs after "it" that usually mean "it" refers to nothing.
var expletive = map[string]bool{"is": true, "was": true, "'s": true, "seems": true, "seemed": true, "appears": true, "appeared": true, "remains": true, "takes": true, "took": true}

func compatible(pron string, e *ent) bool {
	switch pron {
	case "he":
		return e.typ == "PERSON" && e.gender != "f"
	case "she":
		return e.typ == "PERSON" && e.gender != "m"
	case "it":
		return (e.typ == "ORG" || e.typ == "GPE") && !e.plural
	case "they":
		return e.typ == "ORG" || e.typ == "NORP" || e.typ == "GPE"
	}
	return false
}

// EntityAt returns the entity that a span of text refers to (a quote's
// speaker, an event's source or target), or nil. Among the mentions that
// lie inside span it picks the one ending last, the head of a noun phrase
// ("Russian Foreign Ministry Spokeswoman Maria Zakharova" -> Zakharova,
// not the ministry), and the longer one on a tie; when no mention lies
// inside, the smallest mention overlapping span.
func EntityAt(a *doc.Analysis, span doc.Span) *doc.Entity {
	var best *doc.Entity
	var bm doc.Mention
	inside := false
	for i := range a.Entities {
		e := &a.Entities[i]
		for _, m := range e.Mentions {
			if !m.Span.Overlaps(span) {
				continue
			}
			in := span.Contains(m.Span)
			switch {
			case best == nil:
			case in && !inside:
			case in && inside && (m.Span.End() > bm.Span.End() || m.Span.End() == bm.Span.End() && m.Span.Len() > bm.Span.Len()):
			case !in && !inside && m.Span.Len() < bm.Span.Len():
			default:
				continue
			}
			best, bm, inside = e, m, in
		}
	}
	return best
}

// MentionRef is a mention together with its entity.
type MentionRef struct {
	Entity  *doc.Entity
	Mention doc.Mention
}

// MentionsIn returns the mentions overlapping span in text order, each
// with its entity.
func MentionsIn(a *doc.Analysis, span doc.Span) []MentionRef {
	var out []MentionRef
	for i := range a.Entities {
		e := &a.Entities[i]
		for _, m := range e.Mentions {
			if m.Span.Overlaps(span) {
				out = append(out, MentionRef{Entity: e, Mention: m})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Mention.Span.Start() != out[j].Mention.Span.Start() {
			return out[i].Mention.Span.Start() < out[j].Mention.Span.Start()
		}
		return out[i].Mention.Span.End() > out[j].Mention.Span.End()
	})
	return out
}
