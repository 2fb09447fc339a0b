package quote

import (
	"sort"
	"strings"

	"github.com/attache-project/attache/internal/doc"
)

// pronouns that refer back to an earlier speaker.
var pronouns = map[string]string{
	"he": "PERSON", "she": "PERSON", "it": "ORG", "they": "", "we": "", "i": "PERSON",
	"him": "PERSON", "her": "PERSON", "them": "",
}

// emit writes the found quotes to the analysis in text order.
func (p *proc) emit() {
	sort.SliceStable(p.out, func(i, j int) bool { return p.out[i].s < p.out[j].s })
	res := make(map[*found]*doc.Speaker, len(p.out))
	var last *doc.Speaker // the most recent resolved speaker, for pronouns
	for _, f := range p.out {
		q := doc.Quote{Span: doc.S(f.s, f.e), Text: p.text[f.s:f.e], Kind: f.kind}
		if f.cue != nil {
			cs, ce := p.toks[f.cue.t0].Span.Start(), p.toks[f.cue.t1-1].Span.End()
			q.Cue = &doc.Cue{Span: doc.S(cs, ce), Text: p.text[cs:ce], Lemma: f.cue.e.Lemma}
		}
		switch {
		case !f.spk.empty():
			ss, se := p.toks[f.spk.a].Span.Start(), p.toks[f.spk.b-1].Span.End()
			sp := doc.S(ss, se)
			q.Speaker = &doc.Speaker{Span: &sp, Text: p.text[ss:se]}
			q.Speaker.Entity = p.entityAt(f.spk)
			if q.Speaker.Entity == nil && f.spk.b-f.spk.a == 1 {
				if _, ok := pronouns[p.low[f.spk.a]]; ok && last != nil {
					q.Speaker.Entity = last.Entity
				}
			}
		case f.spkFrom != nil && res[f.spkFrom] != nil:
			s := *res[f.spkFrom]
			q.Speaker = &s
		}
		if f.cue == nil && f.spkFrom != nil && f.spkFrom.cue != nil {
			// A quote that continues an attributed one shares its cue.
			f.cue = f.spkFrom.cue
			f.sent = f.spkFrom.sent
			cs, ce := p.toks[f.cue.t0].Span.Start(), p.toks[f.cue.t1-1].Span.End()
			q.Cue = &doc.Cue{Span: doc.S(cs, ce), Text: p.text[cs:ce], Lemma: f.cue.e.Lemma}
		}
		if q.Speaker != nil {
			res[f] = q.Speaker
			if q.Speaker.Entity != nil {
				last = q.Speaker
			}
		}
		q.Medium, q.Occasion = p.medium(f)
		q.Date = p.date(f)
		p.a.Quotes = append(p.a.Quotes, q)
	}
}

// entityAt resolves the speaker tokens r to an entity of the actor layer:
// the entity with a mention over the phrase's head (its last word), else
// the entity whose mention overlaps the phrase most.
func (p *proc) entityAt(r tokRange) *string {
	ss, se := p.toks[r.a].Span.Start(), p.toks[r.b-1].Span.End()
	head := p.toks[r.b-1].Span
	if r.b-r.a > 1 && (p.toks[r.b-1].Tag == "POS") {
		head = p.toks[r.b-2].Span
	}
	span := doc.S(ss, se)
	var best *string
	bestLen := 0
	for i := range p.a.Entities {
		e := &p.a.Entities[i]
		for _, m := range e.Mentions {
			if !m.Span.Overlaps(span) {
				continue
			}
			ov := min(m.Span.End(), se) - max(m.Span.Start(), ss)
			if m.Span.Overlaps(head) {
				ov += 1 << 20
			}
			if ov > bestLen {
				id := e.ID
				best, bestLen = &id, ov
			}
		}
	}
	return best
}

// outside returns the parts of sentence si outside the content of f, as
// byte ranges.
func (p *proc) outside(f *found) [][2]int {
	se := p.a.Sentences[f.sent].Span
	var out [][2]int
	s, e := f.s, f.e
	if f.dir >= 0 {
		s, e = p.dirs[f.dir].open, p.dirs[f.dir].close+1
	}
	if se.Start() < s {
		out = append(out, [2]int{se.Start(), min(s, se.End())})
	}
	if e < se.End() {
		out = append(out, [2]int{max(e, se.Start()), se.End()})
	}
	return out
}

// medium finds the medium and the occasion of the statement around the
// cue, outside the quoted content. When several patterns match, the one
// listed first in the lexicon wins.
func (p *proc) medium(f *found) (*string, *string) {
	if f.cue == nil {
		return nil, nil
	}
	var medium, occasion string
	for _, part := range p.outside(f) {
		seg := p.text[part[0]:part[1]]
		low := strings.ToLower(seg)
		for i := range p.s.lex.media {
			m := &p.s.lex.media[i]
			if (medium != "" || m.Medium == "") && (occasion != "" || m.Occasion == "") {
				continue
			}
			if m.caseKeys && !containsAny(seg, m.keys) || !m.caseKeys && !containsAny(low, m.keys) {
				continue
			}
			loc := m.re.FindStringSubmatchIndex(seg)
			if loc == nil {
				continue
			}
			if medium == "" && m.Medium != "" {
				medium = m.Medium
				if strings.HasPrefix(medium, "$") && len(loc) >= 4 && loc[2] >= 0 {
					medium = seg[loc[2]:loc[3]]
				}
			}
			if occasion == "" {
				occasion = m.Occasion
			}
		}
	}
	return doc.Str(medium), doc.Str(occasion)
}

// date returns the date of the speech act: the DATE expression of the
// timex layer in the cue's sentence outside the content, nearest after the
// cue ("said on Wednesday"), else before it, else the anchor date.
func (p *proc) date(f *found) *string {
	var anchor string
	if p.a.Anchor != nil {
		anchor = p.a.Anchor.Date
	}
	if f.cue == nil || len(p.a.Timexes) == 0 {
		return doc.Str(anchor)
	}
	cs := p.toks[f.cue.t0].Span.Start()
	parts := p.outside(f)
	best, bestDist := "", 1<<30
	for _, t := range p.a.Timexes {
		if t.Type != "DATE" {
			continue
		}
		in := false
		for _, part := range parts {
			if t.Span.Start() >= part[0] && t.Span.End() <= part[1] {
				in = true
			}
		}
		if !in {
			continue
		}
		v := dayValue(t.Value)
		if v == "" {
			continue
		}
		d := t.Span.Start() - cs
		if d < 0 {
			d = -d + 1<<16 // before the cue: only when none follows
		}
		if d < bestDist {
			best, bestDist = v, d
		}
	}
	if best != "" {
		return &best
	}
	return doc.Str(anchor)
}

// dayValue reduces a TIMEX3 value to YYYY-MM-DD when it names a day.
func dayValue(v string) string {
	if len(v) < 10 {
		return ""
	}
	for i, c := range v[:10] {
		if i == 4 || i == 7 {
			if c != '-' {
				return ""
			}
		} else if c < '0' || c > '9' {
			return ""
		}
	}
	return v[:10]
}

// containsAny reports whether s contains one of keys, or keys is empty.
func containsAny(s string, keys []string) bool {
	if len(keys) == 0 {
		return true
	}
	for _, k := range keys {
		if strings.Contains(s, k) {
			return true
		}
	}
	return false
}
