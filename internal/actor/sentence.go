package actor

import (
	"strings"

	"github.com/attache-project/attache/internal/doc"
)

// desc is a parsed descriptor before or after a person's name:
// "[the] [Russian] [Foreign Ministry] Spokeswoman [to the United States]".
type desc struct {
	start, end  int // units [start, end)
	country     string
	countryUnit int
	inst        int32
	instUnit    int
	org         int32
	orgUnit     int
	role        int32
	roleUnit    int
	hon         int32
	comp        int // unit of the complement country/org/place, or -1
	compPrep    string
	metonymUnit int
	metonymCode string
	hasThe      bool
}

// countryOf returns the country code a lexicon unit stands for ("" if none).
func (p *proc) countryOf(e entry) string {
	switch e.kind {
	case kCountry, kAdjective, kDemonym:
		return p.r.d.Countries[e.ref].Code
	case kAbbrev:
		return p.r.d.Countries[p.r.abbrevs[e.ref].target].Code
	case kMetonym:
		return p.r.d.Countries[p.r.metonyms[e.ref].country].Code
	case kPlace:
		if ci, ok := p.r.capitalOf[e.ref]; ok {
			return p.r.d.Countries[ci].Code
		}
	}
	return ""
}

// orgRef returns the organisation a lexicon unit names, or -1.
func (p *proc) orgRef(e entry) int32 {
	switch e.kind {
	case kOrg, kOrgAmb, kOrgMetonym:
		return e.ref
	case kOrgAbbrev:
		return p.r.abbrevs[e.ref].target
	}
	return -1
}

// parseDesc parses a descriptor starting at unit u.
func (p *proc) parseDesc(us []unit, u int) desc {
	d := desc{start: u, countryUnit: -1, inst: -1, instUnit: -1, org: -1, orgUnit: -1, role: -1, roleUnit: -1, hon: -1, comp: -1, metonymUnit: -1}
	j := u
	if j < len(us) && us[j].cls == uThe {
		d.hasThe = true
		j++
	}
loop:
	for j < len(us) && us[j].cls == uLex {
		e := us[j].e
		switch e.kind {
		case kAdjective, kCountry, kAbbrev, kMetonym:
			if d.role >= 0 || d.inst >= 0 || d.country != "" {
				break loop
			}
			d.country = p.countryOf(e)
			d.countryUnit = j
			if e.kind == kMetonym {
				d.metonymUnit = j
			}
			j++
			if j < len(us) && us[j].cls == uPoss {
				j++
			}
		case kOrg, kOrgAbbrev:
			if d.role >= 0 || d.org >= 0 {
				break loop
			}
			d.org = p.orgRef(e)
			d.orgUnit = j
			j++
			if j < len(us) && us[j].cls == uPoss {
				j++
			}
		case kInstitution:
			if d.role >= 0 || d.inst >= 0 {
				break loop
			}
			d.inst, d.instUnit = e.ref, j
			j++
		case kRole:
			d.role, d.roleUnit = e.ref, j
			j++
		case kHonorific:
			d.hon = e.ref
			j++
		default:
			break loop
		}
	}
	// A complement: "Ambassador to the United States", "President of Russia".
	if d.role >= 0 && j+1 < len(us) && us[j].cls == uPrep {
		prep := p.keys[us[j].t0]
		if prep == "to" || prep == "in" || prep == "of" || prep == "at" || prep == "for" {
			k := j + 1
			if k < len(us) && us[k].cls == uThe {
				k++
			}
			if k < len(us) && us[k].cls == uLex {
				switch us[k].e.kind {
				case kCountry, kAbbrev, kOrg, kOrgAbbrev, kPlace, kMetonym:
					d.comp, d.compPrep = k, prep
					j = k + 1
				}
			}
		}
	}
	d.end = j
	return d
}

// nameRun returns the end unit of the run of name tokens starting at u
// (u itself when there is none). Lower-case particles (al, bin, de, van,
// von...) may join two name tokens.
func (p *proc) nameRun(us []unit, u int) int {
	if u < len(us) && us[u].cls == uLex && us[u].e.kind == kActor {
		return u + 1 // a known person's full name
	}
	j := u
	for j < len(us) && j-u < 6 {
		if j > u && p.nl[us[j].t0] {
			break
		}
		if us[j].cls == uName {
			// "O'Malley" split as "O" "'Malley".
			if t := p.a.Tokens[us[j].t0]; (t.Text == "O" || t.Text == "D") && j+1 < len(us) && us[j+1].t0 == us[j].t1 &&
				p.a.Tokens[us[j+1].t0].Span.Start() == t.Span.End() && strings.HasPrefix(p.keys[us[j+1].t0], "'") {
				j += 2
				continue
			}
			// An initial the tokenizer split from its period: "P" "." "Simmons".
			if t := p.a.Tokens[us[j].t0]; len(t.Text) == 1 && j+2 < len(us) && p.keys[us[j+1].t0] == "." &&
				p.a.Tokens[us[j+1].t0].Span.Start() == t.Span.End() && us[j+2].cls == uName {
				j += 2
				continue
			}
			j++
			continue
		}
		if j > u && j+1 < len(us) && (particles[p.keys[us[j].t0]] || p.r.d.Particles[p.keys[us[j].t0]]) {
			// "van der Pas": particles may follow each other before a name.
			k := j
			for k < len(us) && k-j < 3 && (particles[p.keys[us[k].t0]] || p.r.d.Particles[p.keys[us[k].t0]]) && !p.nl[us[k].t0] {
				k++
			}
			if k < len(us) && us[k].cls == uName && !p.nl[us[k].t0] {
				j = k + 1
				continue
			}
		}
		if j > u && p.r.d.Suffixes[p.keys[us[j].t0]] && isCap(p.a.Tokens[us[j].t0].Text) && !p.nl[us[j].t0] &&
			!(p.keys[us[j].t0] == "v" && isAllCaps(p.a.Tokens[us[j-1].t0].Text)) { // "ENGLAND V PAKISTAN" is a fixture
			j++ // "Jr.", "III"
			continue
		}
		break
	}
	return j
}

var particles = map[string]bool{"al": true, "al-": true, "bin": true, "ibn": true, "de": true, "van": true, "von": true, "da": true,
	"del": true, "della": true, "di": true, "la": true, "le": true, "el": true, "der": true, "dos": true, "das": true, "du": true, "y": true, "abu": true, "ben": true}

// sentence recognises the actors of the tokens [t0, t1).
func (p *proc) sentence(t0, t1 int) {
	us := p.units(t0, t1)
	p.demoteAmbiguous(us)
	used := make([]bool, len(us))
	mark := func(a, b int) {
		for i := a; i < b; i++ {
			used[i] = true
		}
	}
	// 1. People introduced by a descriptor or honorific.
	for u := 0; u < len(us); u++ {
		if used[u] || (us[u].cls != uLex && us[u].cls != uThe) {
			continue
		}
		d := p.parseDesc(us, u)
		if d.role < 0 && d.hon < 0 {
			continue
		}
		n := p.nameRun(us, d.end)
		if n > d.end && !p.hasOrgHead(us, d.end, n) && p.a.Tokens[us[n-1].t1-1].Tag != "NNPS" {
			per := p.person(us[d.end].t0, us[n-1].t1, us)
			p.applyDesc(per, us, d)
			mark(d.start, n)
			u = n - 1
			continue
		}
		if d.role >= 0 && d.hon < 0 && (d.hasThe || d.country != "" || d.org >= 0) {
			if p.nominalPerson(us, d) {
				mark(d.start, d.end)
				u = d.end - 1
			}
		}
	}
	// 2. National institutions: "the Russian embassy in the United States".
	for u := 0; u < len(us); u++ {
		if !used[u] {
			if n := p.institution(us, used, u); n > u {
				mark(u, n)
				u = n - 1
			}
		}
	}
	// 3a. Names defined by their acronym: "the National Customs Board ( NCB )".
	for u := 2; u+2 < len(us); u++ {
		if start, end, acr, ok := p.acronymDefinition(us, used, u); ok && us[start].cls != uLex || ok && end-start > 1 {
			t0, t1 := us[start].t0, us[end-1].t1
			name := p.tokText(t0, t1)
			e := p.entity("org:"+strings.ToLower(name), func() *ent {
				e := &ent{name: name, typ: "ORG"}
				for i := start; i < end && e.country == ""; i++ {
					if us[i].cls == uLex {
						e.country = p.countryOf(us[i].e) // "Revolutionary Armed Forces of Colombia"
					}
				}
				return e
			})
			if start > 0 && us[start-1].cls == uThe && !used[start-1] {
				t0 = us[start-1].t0
			}
			p.mention(e, t0, t1, KindName)
			p.mention(e, us[acr].t0, us[acr].t1, KindAlias)
			mark(start, end)
			used[acr] = true
		}
	}
	// 3. Organisation names built from capitalised words and a head noun.
	for u := 0; u < len(us); u++ {
		if !used[u] {
			if n := p.orgRun(us, used, u); n > u {
				mark(u, n)
				u = n - 1
			}
		}
	}
	// 3b. Teams in the results and tables of sports stories.
	if p.sports {
		for u := 0; u < len(us); u++ {
			if !used[u] {
				if n := p.teamRun(us, used, u); n > u {
					p.teamMention(us[u].t0, us[n-1].t1, "")
					mark(u, n)
					u = n - 1
				}
			}
		}
	}
	// 4. People from name runs: known names, appositives, first names,
	// the registry, speech verbs.
	for u := 0; u < len(us); u++ {
		if used[u] {
			continue
		}
		if us[u].cls == uLex && us[u].e.kind == kActor {
			e := p.person(us[u].t0, us[u].t1, us)
			if n := u + 1; n+1 < len(us) && us[n].cls == uComma {
				if d := p.parseDesc(us, n+1); d.role >= 0 && d.hon < 0 {
					p.applyDesc(e, us, d)
					mark(n, d.end)
				}
			}
			used[u] = true
			continue
		}
		if us[u].cls != uName {
			continue
		}
		n := p.nameRun(us, u)
		if n == u {
			continue
		}
		if end, ok := p.namePerson(us, used, u, n); ok {
			mark(u, end)
			u = end - 1
		}
	}
	// 5. Remaining lexicon phrases: countries, places, organisations.
	for u := 0; u < len(us); u++ {
		if !used[u] && us[u].cls == uLex {
			if p.lexUnit(us, used, u) {
				used[u] = true
			}
		}
	}
	// 6. Hyphenated compounds of countries ("Russian-US ties") and unknown
	// names after a locative preposition (places).
	for u := 0; u < len(us); u++ {
		if used[u] {
			continue
		}
		if us[u].cls != uLex && strings.Contains(p.a.Tokens[us[u].t0].Text, "-") && p.compound(us[u].t0) {
			used[u] = true
			continue
		}
		if us[u].cls == uName {
			n := p.nameRun(us, u)
			if n-u == 1 && p.acronymOrg(us[u].t0) && !p.nl[us[u].t0] {
				name := p.tokText(us[u].t0, us[u].t1)
				e := p.entity("org:"+strings.ToLower(name), func() *ent { return &ent{name: name, typ: "ORG"} })
				p.mention(e, us[u].t0, us[u].t1, KindName)
				used[u] = true
				continue
			}
			if p.sports && n-u <= 2 && us[u].t0 > 0 && scorecard[p.a.Tokens[us[u].t0-1].Text] {
				// "c Stewart b Mullally": fielder and bowler in a scorecard.
				p.person(us[u].t0, us[n-1].t1, us)
				mark(u, n)
				u = n - 1
				continue
			}
			if p.sports && n-u <= 3 && p.unknownTeam(us, u, n) {
				p.teamMention(us[u].t0, us[n-1].t1, "")
				mark(u, n)
				u = n - 1
				continue
			}
			if n-u <= 3 {
				p.leftovers = append(p.leftovers, [2]int{us[u].t0, us[n-1].t1})
				if p.companyContext(us[u].t0, us[n-1].t1) {
					if p.orgCue == nil {
						p.orgCue = map[string]bool{}
					}
					p.orgCue[strings.ToLower(p.tokText(us[u].t0, us[n-1].t1))] = true
				}
			}
			// "in Maoist insurgent activity": a name modifying a noun is
			// no place.
			modifier := false
			if e := us[n-1].t1; e < len(p.a.Tokens) && !p.nl[e] {
				nt := p.a.Tokens[e]
				modifier = !isCap(nt.Text) && (strings.HasPrefix(nt.Tag, "NN") || nt.Tag == "JJ") && !placeNouns[p.keys[e]]
			}
			// "Sprague , Manitoba", "CHILLICOTHE , Ohio": a place
			// followed by its region or country.
			inRegion := n-u <= 3 && n+1 < len(us) && us[n].cls == uComma && us[n+1].cls == uLex && !p.nl[us[n+1].t0] && (us[n+1].e.kind == kCountry ||
				us[n+1].e.kind == kPlace && p.r.d.Places[us[n+1].e.ref].Type == "region")
			if inRegion || u > 0 && us[u-1].cls == uPrep && locatives[p.keys[us[u-1].t0]] && p.keys[us[u-1].t0] != "of" && n-u <= 3 && !isAllCaps(p.tokText(us[u].t0, us[n-1].t1)) && !modifier {
				name := p.a.Text[p.a.Tokens[us[u].t0].Span.Start():p.a.Tokens[us[n-1].t1-1].Span.End()]
				e := p.entity("loc:"+strings.ToLower(name), func() *ent { return &ent{name: name, typ: "LOC"} })
				p.mention(e, us[u].t0, us[n-1].t1, KindName)
				mark(u, n)
			}
			u = n - 1
		}
	}
}

// demoteAmbiguous turns single-token places and ambiguous country names
// next to an unknown name token into name tokens: "Chad Smith", "Paris
// Hilton", "Jordan Peterson".
func (p *proc) demoteAmbiguous(us []unit) {
	for i := range us {
		x := &us[i]
		if x.cls != uLex || (x.t1-x.t0 != 1 && !(p.sports && x.e.kind == kPlace)) {
			continue // several words: a name of its own, except clubs ("New York Mets")
		}
		weak := x.e.kind == kPlace || ((x.e.kind == kCountry || x.e.kind == kMetonym) && p.r.ambiguous[p.keys[x.t0]]) ||
			(x.e.kind == kOrg && i > 0 && us[i-1].cls == uName && p.isFirstName(us[i-1].t0)) // "Harrison Ford"
		if !weak {
			continue
		}
		// After a first name ("Chad"), or in sports after any name ("PSV
		// Eindhoven", "Ajax Amsterdam": clubs carry their city).
		prevName := i > 0 && us[i-1].cls == uName && (p.isFirstName(us[i-1].t0) || p.sports) && !p.nl[x.t0]
		nextName := false
		if i+1 < len(us) && us[i+1].cls == uName {
			_, head := orgHeads[p.keys[us[i+1].t0]]
			nextName = !head
		}
		if prevName || nextName || (i > 0 && us[i-1].cls == uLex && us[i-1].e.kind == kHonorific) {
			x.cls = uName
			x.demoted = true
		}
	}
}

func (p *proc) isFirstName(t int) bool {
	_, ok := p.r.d.FirstNames[p.keys[t]]
	return ok
}

// tokText returns the text of tokens [t0, t1).
func (p *proc) tokText(t0, t1 int) string {
	return p.a.Text[p.a.Tokens[t0].Span.Start():p.a.Tokens[t1-1].Span.End()]
}

// person returns the person named by tokens [t0, t1), creating it or
// finding it by full name or surname, and records the mention.
func (p *proc) person(t0, t1 int, us []unit) *ent {
	name := p.tokText(t0, t1)
	key := "per:" + strings.ToLower(name)
	if e := p.byKey[key]; e != nil {
		p.mention(e, t0, t1, KindName)
		return e
	}
	if t1-t0 == 1 {
		if e := p.bySurname(p.keys[t0]); e != nil {
			p.mention(e, t0, t1, KindAlias)
			return e
		}
	}
	// A full name after its bare surname ("Putin said ... Vladimir Putin"):
	// the same person.
	if t1-t0 > 1 {
		for _, e := range p.ents {
			if e.typ == "PERSON" && (strings.EqualFold(e.name, name) || (!strings.Contains(e.name, " ") && e.surname == p.keys[t1-1] && len(e.ments) > 0 && e.ments[0].t1-e.ments[0].t0 == 1 && e.name == p.tokText(e.ments[0].t0, e.ments[0].t1))) {
				e.name = name
				p.byKey[key] = e
				p.mention(e, t0, t1, KindName)
				return e
			}
		}
	}
	e := p.entity(key, func() *ent {
		return &ent{name: name, typ: "PERSON", surname: p.keys[t1-1]}
	})
	if g, ok := p.r.d.FirstNames[p.keys[t0]]; ok && e.gender == "" {
		e.gender = g
	}
	if e.gender == "" {
		e.gender = surnameGender(p.keys[t1-1])
	}
	p.fromRegistry(e, name)
	p.mention(e, t0, t1, KindName)
	return e
}

// bySurname returns the most recent person of the document whose last
// name is key.
func (p *proc) bySurname(key string) *ent {
	for i := len(p.ents) - 1; i >= 0; i-- {
		e := p.ents[i]
		if e.typ == "PERSON" && e.surname == key && strings.Contains(e.name, " ") {
			return e
		}
	}
	return nil
}

// surnameGender guesses gender from Slavic surname endings.
func surnameGender(s string) string {
	if len(s) < 5 {
		return ""
	}
	for _, suf := range []string{"ova", "eva", "ina", "yna", "skaya", "aya"} {
		if strings.HasSuffix(s, suf) {
			return "f"
		}
	}
	for _, suf := range []string{"ov", "ev", "in", "sky", "skiy", "skii"} {
		if strings.HasSuffix(s, suf) {
			return "m"
		}
	}
	return ""
}

// applyDesc copies what a descriptor says to a person and records the
// descriptor's institution, organisation and complement mentions.
func (p *proc) applyDesc(e *ent, us []unit, d desc) {
	if e.country == "" {
		e.country = d.country
	}
	if d.countryUnit >= 0 {
		p.countryWord(us[d.countryUnit])
	}
	if d.role >= 0 {
		ro := &p.r.d.Roles[d.role]
		if e.role == "" {
			e.role = ro.Name
		}
		if ro.Code != "" && e.code == "" {
			e.code = ro.Code
		}
		if e.gender == "" {
			e.gender = roleGender(p.keys[us[d.roleUnit].t1-1], ro.Gender)
		}
		e.addSectors(ro.Sectors...)
	}
	if d.hon >= 0 && e.gender == "" {
		e.gender = p.r.d.Honorifics[d.hon].Gender
	}
	if d.inst >= 0 {
		in := &p.r.d.Institutions[d.inst]
		e.addSectors(in.Sectors...)
		switch {
		case d.country != "" && d.countryUnit >= 0 && d.countryUnit < d.instUnit:
			ie := p.instEntity(d.country, d.inst, "")
			p.mention(ie, us[d.countryUnit].t0, us[d.instUnit].t1, KindName)
		case d.country == "" && d.org < 0:
			// "Foreign Ministry spokesman Shen Guofang": the story's country.
			if cc := p.salientCountry(); cc != "" {
				ie := p.instEntity(cc, d.inst, "")
				kind := KindNominal
				if isCap(p.a.Tokens[us[d.instUnit].t0].Text) {
					kind = KindName
				}
				p.mention(ie, us[d.instUnit].t0, us[d.instUnit].t1, kind)
				if e.country == "" {
					e.country = cc
				}
			}
		}
	}
	if d.org >= 0 {
		o := &p.r.d.Organizations[d.org]
		oe := p.orgEntity(d.org)
		p.mention(oe, us[d.orgUnit].t0, us[d.orgUnit].t1, KindName)
		if e.country == "" {
			e.country = o.Country
		}
		if isIGO(o) {
			e.addSectors("IGO")
			if e.code == "" && e.country == "" {
				e.code = o.Code
			}
		}
		e.addSectors(o.Sectors...)
	}
	if d.comp >= 0 {
		c := us[d.comp]
		cc := p.countryOf(c.e)
		if d.compPrep == "of" && e.country == "" {
			e.country = cc
		}
		p.lexMention(us, d.comp, true)
	}
	if len(e.sectors) == 0 && e.typ == "PERSON" && e.role != "" && e.country != "" {
		e.addSectors("GOV")
	}
}

func roleGender(word, g string) string {
	if g != "" {
		return g
	}
	switch {
	case strings.HasSuffix(word, "woman") || strings.HasSuffix(word, "women") || word == "ambassadress" || word == "queen" || word == "princess" || word == "first lady":
		return "f"
	case strings.HasSuffix(word, "man") || strings.HasSuffix(word, "men") || word == "king" || word == "prince":
		return "m"
	}
	return ""
}

// nominalPerson handles a descriptor without a name: "the ambassador",
// "the Russian envoy". It joins the most recent person with that role, or
// keeps an unnamed actor when the descriptor says who they work for.
func (p *proc) nominalPerson(us []unit, d desc) bool {
	ro := &p.r.d.Roles[d.role]
	roleTok := p.keys[us[d.roleUnit].t1-1]
	if tg := p.a.Tokens[us[d.roleUnit].t1-1].Tag; !strings.HasPrefix(tg, "NN") {
		return false // "Canada's major banks": an adjective, not a rank
	}
	if rt := p.tokText(us[d.roleUnit].t0, us[d.roleUnit].t1); len(rt) <= 4 && isAllCaps(rt) {
		return false // "Volkswagen AG": a company suffix, not an attorney general
	}
	if strings.HasSuffix(roleTok, "s") && !strings.HasSuffix(strings.ToLower(ro.Name), "s") {
		return false // plural: officials, diplomats
	}
	t0, t1 := us[d.start].t0, us[d.end-1].t1
	for i := len(p.ents) - 1; i >= 0; i-- {
		e := p.ents[i]
		if e.typ == "PERSON" && e.role == ro.Name && (d.country == "" || e.country == "" || e.country == d.country) {
			p.mention(e, t0, t1, KindNominal)
			return true
		}
	}
	if d.country == "" && d.org < 0 {
		return false
	}
	name := strings.TrimSpace(strings.TrimPrefix(p.tokText(us[d.start].t0, us[d.end-1].t1), "the "))
	name = strings.TrimPrefix(name, "The ")
	key := "anon:" + d.country + ":" + ro.Name
	e := p.entity(key, func() *ent { return &ent{name: name, typ: "PERSON"} })
	p.applyDesc(e, us, d)
	p.mention(e, t0, t1, KindNominal)
	return true
}

// instEntity returns the entity of a country's institution.
func (p *proc) instEntity(cc string, inst int32, host string) *ent {
	return p.instEntityAs(cc, inst, host, "")
}

// instEntityAs is instEntity with the country word as written ("U.S.",
// "Russian") to prefix the name; "" uses the country's adjective.
func (p *proc) instEntityAs(cc string, inst int32, host, prefix string) *ent {
	in := &p.r.d.Institutions[inst]
	key := "inst:" + cc + ":" + strings.ToLower(in.Name)
	e := p.entity(key, func() *ent {
		typ := in.Type
		if typ == "" {
			typ = "ORG"
		}
		e := &ent{typ: typ, country: cc, inst: strings.ToLower(in.Name), code: in.Code}
		e.addSectors(in.Sectors...)
		if len(e.sectors) == 0 {
			e.addSectors("GOV")
		}
		return e
	})
	if prefix == "" {
		prefix = p.adjOf(cc)
	}
	name := prefix + " " + titleCase(in.Name)
	if host != "" {
		name += " in " + host
	}
	if len(name) > len(e.name) {
		e.name = name
	}
	return e
}

// adjOf returns the adjective of a country (its name when it has none).
func (p *proc) adjOf(cc string) string {
	if c := p.r.d.CountryByCode(cc); c != nil {
		if len(c.Adjectives) > 0 {
			return c.Adjectives[0]
		}
		return c.Name
	}
	return cc
}

// sideHeads follow a country adjective to name the country as a party:
// "the Russian side".
var sideHeads = map[string]bool{"side": true, "authorities": true, "leadership": true, "delegation": true, "camp": true}

// institution recognises "[the] <country adj> <institution> [in <country>]",
// "<country>'s <institution>", "the <institution> of <country>", "the
// Russian side", and definite descriptions ("the embassy"). It returns the
// unit after the phrase, or u when nothing was found.
func (p *proc) institution(us []unit, used []bool, u int) int {
	j := u
	hasThe := us[j].cls == uThe
	if hasThe {
		j++
	}
	cc, ccUnit := "", -1
	if j < len(us) && us[j].cls == uLex && !used[j] {
		switch us[j].e.kind {
		case kAdjective, kCountry, kAbbrev:
			cc, ccUnit = p.countryOf(us[j].e), j
			j++
			if j < len(us) && us[j].cls == uPoss {
				j++
			}
		}
	}
	if j >= len(us) || used[j] {
		return u
	}
	// "the Russian side"
	if cc != "" && us[j].t1-us[j].t0 == 1 && sideHeads[p.keys[us[j].t0]] && us[ccUnit].e.kind != kCountry {
		ge := p.gpeEntity(cc)
		p.mention(ge, us[u].t0, us[j].t1, KindNominal)
		return j + 1
	}
	if us[j].cls != uLex || us[j].e.kind != kInstitution {
		return u
	}
	inst, instUnit := us[j].e.ref, j
	j++
	host, hostUnit := "", -1
	if j+1 < len(us) && us[j].cls == uPrep {
		prep := p.keys[us[j].t0]
		k := j + 1
		if k < len(us) && us[k].cls == uThe {
			k++
		}
		if k < len(us) && us[k].cls == uLex {
			if c2 := p.countryOf(us[k].e); c2 != "" {
				switch {
				case prep == "of" && cc == "":
					cc, ccUnit = c2, k
					j = k + 1
				case prep == "in" || prep == "to":
					host, hostUnit = p.tokText(us[j+1].t0, us[k].t1), k
					j = k + 1
				}
			}
		}
	}
	if cc != "" {
		prefix := ""
		if x := us[ccUnit]; x.e.kind == kAdjective || x.e.kind == kAbbrev {
			prefix = p.tokText(x.t0, x.t1)
			if isAllCaps(prefix) && len(prefix) > 4 {
				prefix = "" // a headline in capitals
			} else if x.e.kind == kAdjective {
				prefix = p.adjOf(cc) // the dictionary's spelling
			}
		}
		e := p.instEntityAs(cc, inst, host, prefix)
		start := us[u].t0
		if !hasThe && ccUnit > instUnit {
			start = us[instUnit].t0
		}
		p.mention(e, start, us[j-1].t1, KindName)
		if ccUnit > instUnit {
			p.lexMention(us, ccUnit, true)
			used[ccUnit] = true
		} else {
			p.countryWord(us[ccUnit])
		}
		if hostUnit >= 0 {
			p.lexMention(us, hostUnit, true)
			used[hostUnit] = true
		}
		return j
	}
	// A definite description: "the embassy", "its Foreign Ministry".
	in := &p.r.d.Institutions[inst]
	det := hasThe || (u > 0 && possessives[p.keys[us[u-1].t0]])
	if !det && !isCap(p.a.Tokens[us[instUnit].t0].Text) {
		return u
	}
	name := strings.ToLower(in.Name)
	first := us[instUnit].t0 == p.a.Sentences[p.a.Tokens[us[instUnit].t0].Sent].Tokens[0]
	// A capitalised institution ("the Foreign Ministry", "the Army") is
	// its name; lower case ("the ministry") is a definite description.
	// One capitalised word opening a sentence ("Police said") is just a
	// sentence start unless it is tagged a proper noun.
	kind := KindNominal
	if ht := p.a.Tokens[us[instUnit].t0]; isCap(ht.Text) && !isAllCaps(p.tokText(us[instUnit].t0, us[instUnit].t1)) &&
		(us[instUnit].t1-us[instUnit].t0 > 1 && !first || det || genericOrgWords[p.keys[us[instUnit].t0]]) {
		kind = KindName
	}
	// Part of a longer name: "the New Aspiration Party", "Hebrew
	// University", "Oxford University", "the Government Housing Bank"
	// (left to orgRun).
	if isCap(p.a.Tokens[us[instUnit].t0].Text) && (instUnit > 0 && us[instUnit-1].cls == uName && !used[instUnit-1] ||
		instUnit > 0 && us[instUnit-1].cls == uLex && us[instUnit-1].e.kind == kPlace && !used[instUnit-1] ||
		instUnit+1 < len(us) && us[instUnit+1].cls == uName && !p.nl[us[instUnit+1].t0]) {
		return u
	}
	for i := len(p.ents) - 1; i >= 0; i-- {
		e := p.ents[i]
		if e.inst == name {
			p.mention(e, us[u].t0, us[j-1].t1, kind)
			return j
		}
	}
	// "the government", "Congress", "the authorities" with no country in
	// the phrase: the story's country (see salientCountry).
	if cc := p.salientCountry(); cc != "" && (det || isCap(p.a.Tokens[us[instUnit].t0].Text)) {
		e := p.instEntity(cc, inst, "")
		p.mention(e, us[u].t0, us[j-1].t1, kind)
		return j
	}
	if isCap(p.a.Tokens[us[instUnit].t0].Text) && (us[instUnit].t1-us[instUnit].t0 > 1 || !first) && !isAllCaps(p.tokText(us[instUnit].t0, us[instUnit].t1)) {
		// "the Foreign Ministry" with no country in sight: keep it. (One
		// capitalised word, "Police said", is just a sentence start.)
		e := p.entity("inst::"+name, func() *ent {
			e := &ent{name: in.Name, typ: "ORG", inst: name}
			e.addSectors(in.Sectors...)
			return e
		})
		p.mention(e, us[instUnit].t0, us[j-1].t1, KindName)
		return j
	}
	return u
}

var possessives = map[string]bool{"its": true, "their": true, "his": true, "her": true, "our": true}

// gpeEntity returns the country entity for code cc.
func (p *proc) gpeEntity(cc string) *ent {
	return p.entity("gpe:"+cc, func() *ent {
		name := cc
		if c := p.r.d.CountryByCode(cc); c != nil {
			name = c.Name
		}
		return &ent{name: name, typ: "GPE", country: cc}
	})
}

// orgEntity returns the entity of dictionary organisation i.
func (p *proc) orgEntity(i int32) *ent {
	o := &p.r.d.Organizations[i]
	return p.entity("org:"+itoa(int(i)), func() *ent {
		e := &ent{name: o.Name, typ: "ORG", country: o.Country, code: o.Code}
		if isIGO(o) {
			e.addSectors("IGO")
		}
		if sectorCodes[o.Kind] {
			e.addSectors(o.Kind)
		}
		e.addSectors(o.Sectors...)
		return e
	})
}

// sectorCodes are the CAMEO sector codes an organisation's kind may be.
var sectorCodes = map[string]bool{"GOV": true, "MIL": true, "LEG": true, "JUD": true, "COP": true, "SPY": true, "OPP": true, "PTY": true,
	"REB": true, "MED": true, "BUS": true, "NGO": true, "IGO": true, "CVL": true, "EDU": true, "REL": true, "LAB": true, "HLH": true,
	"ELI": true, "AGR": true, "UAF": true, "INS": true, "SEP": true, "MNC": true, "REF": true, "CRM": true, "ENV": true}

func isIGO(o *Organization) bool {
	if o.Kind == "IGO" {
		return true
	}
	for _, s := range o.Sectors {
		if s == "IGO" {
			return true
		}
	}
	return false
}

// lexMention records the mention of a country, place or organisation
// lexicon unit; actor says whether a capital here is the government.
func (p *proc) lexMention(us []unit, u int, location bool) {
	x := us[u]
	t0 := x.t0
	if u > 0 && us[u-1].cls == uThe {
		t0 = us[u-1].t0
	}
	switch x.e.kind {
	case kCountry:
		p.mention(p.gpeEntity(p.countryOf(x.e)), t0, x.t1, KindName)
	case kAbbrev:
		p.mention(p.gpeEntity(p.countryOf(x.e)), x.t0, x.t1, KindAlias)
	case kOrg, kOrgAbbrev:
		k := KindName
		if x.e.kind == kOrgAbbrev {
			k, t0 = KindAlias, x.t0
		}
		p.mention(p.orgEntity(p.orgRef(x.e)), t0, x.t1, k)
	case kPlace:
		p.placeMention(x.e.ref, x.t0, x.t1)
	case kMetonym:
		m := &p.r.metonyms[x.e.ref]
		if location {
			if ps := p.r.places[strings.ToLower(m.text)]; len(ps) > 0 {
				p.placeMention(bestPlace(p.r, ps), x.t0, x.t1)
				return
			}
		}
		p.metonymMention(x.e.ref, t0, x.t1)
	}
}

// placeMention records a gazetteer place as a location.
func (p *proc) placeMention(pi int32, t0, t1 int) {
	pl := &p.r.d.Places[pi]
	typ := "LOC"
	if _, ok := p.r.capitalOf[pi]; ok {
		typ = "GPE"
	}
	e := p.entity("place:"+strings.ToLower(pl.Name)+":"+pl.Country, func() *ent {
		return &ent{name: pl.Name, typ: typ, country: pl.Country}
	})
	p.mention(e, t0, t1, KindName)
}

// metonymMention records a seat of power: the country's government, or
// for a sector seat (the Pentagon: MIL) an organisation of its own.
func (p *proc) metonymMention(ref int32, t0, t1 int) {
	m := &p.r.metonyms[ref]
	cc := p.r.d.Countries[m.country].Code
	if m.sector != "" && m.sector != "GOV" {
		e := p.entity("meto:"+strings.ToLower(m.text), func() *ent {
			e := &ent{name: m.text, typ: "ORG", country: cc}
			e.addSectors(m.sector)
			return e
		})
		p.mention(e, t0, t1, KindMetonym)
		return
	}
	p.mention(p.gpeEntity(cc), t0, t1, KindMetonym)
}

// lexUnit records a lexicon unit left over by the patterns.
func (p *proc) lexUnit(us []unit, used []bool, u int) bool {
	x := us[u]
	// A place after a locative preposition is a location, unless it owns
	// something ("from Washington's policy") and so acts.
	loc := u > 0 && locatives[p.keys[x.t0-1]] && !(u+1 < len(us) && us[u+1].cls == uPoss)
	prepLoc := loc
	// A capital or seat that is also a place is the government only when
	// it acts, speaks or owns: a verb or a possessive follows ("Moscow
	// said", "Washington's policy"); elsewhere ("BRUSSELS 1996-08-22",
	// "Moscow and Kyiv") it is the place.
	if !loc && (x.e.kind == kPlace || x.e.kind == kOrgMetonym || (x.e.kind == kMetonym && len(p.r.places[p.keys[x.t0]]) > 0 && x.t1-x.t0 == 1)) {
		loc = !p.acts(x.t1, u+1 < len(us) && us[u+1].cls == uPoss)
	}
	if (x.e.kind == kOrgAbbrev && len(p.a.Tokens[x.t0].Text) <= 3 || x.e.kind == kAbbrev && len(p.a.Tokens[x.t0].Text) <= 2 && p.sports) &&
		x.t1-x.t0 == 1 && !p.mixedCase(p.a.Tokens[x.t0].Sent) {
		return false // "SPREAD +20 BP": a table in capitals
	}
	switch x.e.kind {
	case kCountry, kAbbrev, kOrg, kOrgAbbrev:
		if (x.e.kind == kCountry || x.e.kind == kAbbrev) && x.t1 < len(p.a.Tokens) && !p.nl[x.t1] && eventWords[p.keys[x.t1]] && isCap(p.a.Tokens[x.t1].Text) {
			return true // "the U.S. Open": part of an event's name, not the country
		}
		p.lexMention(us, u, loc)
	case kAdjective:
		p.mention(p.gpeEntity(p.countryOf(x.e)), x.t0, x.t1, KindAdjective)
	case kDemonym:
		cc := p.countryOf(x.e)
		name := p.tokText(x.t0, x.t1)
		e := p.entity("norp:"+cc, func() *ent { return &ent{name: name, typ: "NORP", country: cc, plural: true} })
		p.mention(e, x.t0, x.t1, KindName)
	case kMetonym:
		if p.sports && x.t1-x.t0 == 1 && len(p.r.places[p.keys[x.t0]]) > 0 && !prepLoc && p.teamContext(us, u) {
			p.teamMention(x.t0, x.t1, p.countryOf(x.e))
			return true
		}
		p.lexMention(us, u, loc)
	case kOrgAmb:
		oi := p.orgRef(x.e)
		e := p.byKey["org:"+itoa(int(oi))]
		if e == nil {
			// "the Senate", "the Commonwealth" before any organisation
			// made clear which one: an organisation all the same, without
			// a code.
			if !p.genericOrgAlias(x) {
				return false
			}
			name := strings.TrimPrefix(strings.TrimPrefix(p.tokText(x.t0, x.t1), "the "), "The ")
			e = p.entity("orgamb:"+strings.ToLower(name), func() *ent { return &ent{name: name, typ: "ORG"} })
			t0 := x.t0
			if u > 0 && us[u-1].cls == uThe && !used[u-1] {
				t0 = us[u-1].t0
			}
			p.mention(e, t0, x.t1, KindName)
			return true
		}
		t0 := x.t0
		if u > 0 && us[u-1].cls == uThe && !used[u-1] {
			t0 = us[u-1].t0
		}
		p.mention(e, t0, x.t1, KindAlias)
	case kOrgMetonym:
		if loc {
			if ps := p.r.places[p.keys[x.t0]]; len(ps) > 0 && x.t1-x.t0 == 1 {
				p.placeMention(bestPlace(p.r, ps), x.t0, x.t1)
				return true
			}
		}
		p.mention(p.orgEntity(p.orgRef(x.e)), x.t0, x.t1, KindMetonym)
	case kPlace:
		if p.sports && x.t1-x.t0 == 1 && p.playerPlace(x.t0) {
			t0 := x.t0
			if i := p.initialBefore(x.t0); i >= 0 {
				t0 = i // "D. Cork", "G" "." "Archer"
			}
			p.person(t0, x.t1, us) // "c Cork b Croft"
			return true
		}
		if p.sports && !prepLoc && p.teamContext(us, u) {
			p.teamMention(x.t0, x.t1, p.r.d.Places[x.e.ref].Country)
			return true
		}
		if ci, ok := p.r.capitalOf[x.e.ref]; ok && !loc {
			if m := p.capitalMetonym(ci); m >= 0 {
				p.metonymMention(m, x.t0, x.t1)
			} else {
				p.mention(p.gpeEntity(p.r.d.Countries[ci].Code), x.t0, x.t1, KindMetonym)
			}
			return true
		}
		p.placeMention(x.e.ref, x.t0, x.t1)
	default:
		return false
	}
	return true
}

// capitalMetonym returns a GOV metonym of country ci (for a capital that
// the country file does not list as a metonym), adding one if needed.
func (p *proc) capitalMetonym(ci int32) int32 {
	for i := range p.r.metonyms {
		if p.r.metonyms[i].country == ci && (p.r.metonyms[i].sector == "" || p.r.metonyms[i].sector == "GOV") {
			return int32(i)
		}
	}
	return -1
}

// compound records the countries inside a hyphenated token ("Russian-US",
// "US-Chinese"): each part is an adjective mention. It reports whether
// every part was a country.
func (p *proc) compound(t int) bool {
	tok := p.a.Tokens[t]
	parts := strings.Split(tok.Text, "-")
	if len(parts) < 2 {
		return false
	}
	type hit struct {
		cc         string
		start, end int
	}
	var hits []hit
	off := tok.Span.Start()
	for _, part := range parts {
		cc := ""
		if n := p.r.lex.root.next[norm(part)]; n != nil && isCap(part) {
			for _, e := range n.entries {
				switch e.kind {
				case kAdjective, kCountry:
					cc = p.countryOf(e)
				case kAbbrev:
					if p.r.abbrevs[e.ref].form == part {
						cc = p.countryOf(e)
					}
				}
				if cc != "" {
					break
				}
			}
		}
		if cc == "" {
			return false
		}
		hits = append(hits, hit{cc, off, off + len(part)})
		off += len(part) + 1
	}
	for _, h := range hits {
		e := p.gpeEntity(h.cc)
		m := &ment{start: h.start, end: h.end, t0: t, t1: t + 1, kind: KindAdjective, e: e, quoted: p.quoted[t]}
		e.ments = append(e.ments, m)
		p.ments = append(p.ments, m)
	}
	return true
}

// orgHeads are capitalised head nouns that make a name an organisation,
// with the sector they suggest.
var orgHeads = map[string]string{
	"ministry": "GOV", "council": "GOV", "commission": "GOV", "committee": "GOV", "agency": "GOV", "department": "GOV", "office": "GOV",
	"authority": "GOV", "administration": "GOV", "government": "GOV", "cabinet": "GOV", "directorate": "GOV", "bureau": "GOV",
	"parliament": "LEG", "assembly": "LEG", "congress": "LEG", "senate": "LEG", "duma": "LEG",
	"court": "JUD", "tribunal": "JUD", "police": "COP", "army": "MIL", "navy": "MIL", "forces": "MIL", "guard": "MIL", "command": "MIL",
	"brigade": "REB", "brigades": "REB", "front": "REB", "movement": "OPP", "militia": "REB",
	"party": "PTY", "union": "LAB", "federation": "", "confederation": "", "association": "", "league": "", "organisation": "", "organization": "",
	"foundation": "NGO", "institute": "EDU", "university": "EDU", "college": "EDU", "school": "EDU", "church": "REL",
	"bank": "BUS", "corp": "BUS", "corp.": "BUS", "corporation": "BUS", "inc": "BUS", "inc.": "BUS", "ltd": "BUS", "ltd.": "BUS",
	"plc": "BUS", "oy": "BUS", "kk": "BUS", "ltda": "BUS", "srl": "BUS", "bhd": "BUS", "berhad": "BUS", "tbk": "BUS", "pty": "BUS", "limited": "BUS", "co": "BUS", "co.": "BUS", "company": "BUS", "group": "BUS", "holdings": "BUS", "airlines": "BUS", "airways": "BUS",
	"motors": "BUS", "exchange": "BUS", "fund": "", "trust": "", "society": "", "club": "", "news": "MED", "times": "MED", "post": "MED",
	"journal": "MED", "herald": "MED", "tribune": "MED", "radio": "MED", "television": "MED", "agency.": "MED", "network": "MED",
	"board": "", "service": "GOV", "services": "", "centre": "", "center": "", "council.": "GOV", "alliance": "", "coalition": "",
	"newsroom": "MED", "newsdesk": "MED", "desk": "MED", "ag": "BUS", "ab": "BUS", "sa": "BUS", "nv": "BUS", "n.v.": "BUS", "bv": "BUS", "gmbh": "BUS",
	"spa": "BUS", "s.p.a.": "BUS", "plc.": "BUS", "oyj": "BUS", "asa": "BUS", "llc": "BUS", "l.p.": "BUS", "lp": "BUS", "s.a.": "BUS", "products": "BUS", "laboratories": "BUS", "labs": "BUS", "stores": "BUS", "securities": "BUS", "funds": "BUS", "mining": "BUS", "investors": "BUS", "capital": "BUS",
	"partners": "BUS", "associates": "BUS", "bancorp": "BUS", "financial": "BUS", "pharmaceuticals": "BUS", "communications": "BUS",
	"technologies": "BUS", "electronics": "BUS", "airline": "BUS", "insurance": "BUS", "brewery": "BUS", "steel": "BUS", "chemical": "BUS",
	"chemicals": "BUS", "resources": "BUS", "enterprises": "BUS", "international": "", "institution": "", "commission.": "GOV", "industries": "BUS", "systems": "BUS", "petroleum": "BUS", "oil": "", "energy": "", "telecom": "BUS", "gazette": "MED", "press": "MED",
	"mills": "BUS", "works": "BUS", "textiles": "BUS", "foods": "BUS", "brewing": "BUS", "shipping": "BUS", "cables": "BUS",
	"tannery": "BUS", "electric": "BUS", "telecommunications": "BUS", "bancshares": "BUS", "equities": "BUS", "corps": "MIL",
	"newspapers": "MED", "publications": "MED", "studios": "MED", "pictures": "MED", "entertainment": "MED", "media": "MED",
	"broadcasting": "MED", "cement": "BUS", "motor": "BUS", "aviation": "BUS", "aerospace": "BUS", "semiconductor": "BUS",
	"software": "BUS", "pharmaceutical": "BUS", "refining": "BUS", "metals": "BUS", "minerals": "BUS", "properties": "BUS",
	"realty": "BUS", "leasing": "BUS", "logistics": "BUS", "utilities": "BUS", "railways": "BUS", "railway": "BUS",
}

// orgRun recognises an organisation name made of capitalised words and
// countries ending in (or containing) a head noun: "Bank of England",
// "Russian Orthodox Church", "Kazakh Oil Ministry". It returns the unit
// after the name, or u.
func (p *proc) orgRun(us []unit, used []bool, u int) int {
	okUnit := func(i int) bool {
		if used[i] {
			return false
		}
		switch us[i].cls {
		case uName:
			return true
		case uLex:
			switch us[i].e.kind {
			case kAdjective, kCountry, kAbbrev, kPlace, kDemonym, kMetonym:
				return true
			case kRole, kInstitution:
				// "General Motors", "Federal Office for Motor Vehicles";
				// "Schering AG": a company suffix, not an attorney general.
				t := p.a.Tokens[us[i].t0].Text
				if _, suffix := companySuffixes[p.keys[us[i].t0]]; suffix && us[i].t1-us[i].t0 == 1 && i > u {
					return true
				}
				return isCap(t) && !isAllCaps(t)
			case kOrg, kOrgAbbrev:
				// "Volkswagen AG", "Reuters Television": a longer name.
				return i+1 < len(us) && us[i+1].cls == uName
			case kOrgAmb:
				// "Kurdistan Democratic Party": a longer name.
				return isCap(p.a.Tokens[us[i].t0].Text)
			}
		}
		return false
	}
	if !okUnit(u) {
		return u
	}
	j, head, lastOK := u, -1, u
	for j < len(us) {
		if j > u && p.nl[us[j].t0] {
			break
		}
		if okUnit(j) {
			sec, ok := orgHeads[p.keys[us[j].t1-1]]
			// One capitalised institution or role word heads a name when it
			// is no state organ (those take the story's country instead:
			// "the Clinton Administration"): "Oxford University", "the New
			// Aspiration Party".
			lexHead := (us[j].e.kind == kInstitution || us[j].e.kind == kRole) && isCap(p.a.Tokens[us[j].t0].Text) &&
				sec != "GOV" && sec != "MIL" && sec != "COP" && sec != "JUD" && sec != "LEG"
			if ok && (us[j].cls == uName || us[j].cls == uLex && (us[j].t1-us[j].t0 > 1 || companySuffixes[p.keys[us[j].t0]] || lexHead)) {
				head = j
			}
			lastOK = j
			j++
			continue
		}
		k := p.keys[us[j].t0]
		// "of" joins before or after the head ("Bank of England", "Royal
		// Bank of Scotland"); "and" only before it.
		if (k == "of" || ((k == "for" || k == "and" || k == "&") && head < 0)) && j+1 < len(us) && okUnit(j+1) {
			j++
			continue
		}
		break
	}
	end := lastOK + 1
	if head < 0 || end-u < 2 {
		return u
	}
	if p.sports && (p.keys[us[head].t1-1] == "league" || p.keys[us[end-1].t1-1] == "league") {
		return u // "National League", "Premier League": competitions, not organisations
	}
	// Trim trailing country units after the head: "Bank of England" keeps
	// them, but "Foreign Ministry Russia" does not occur; keep as is.
	t0, t1 := us[u].t0, us[end-1].t1
	// "Ameritech Corp" "." : the tokenizer split the abbreviation's
	// period; it belongs to the name.
	if toks := p.a.Tokens; t1 < len(toks) && toks[t1].Text == "." && toks[t1].Span.Start() == toks[t1-1].Span.End() && abbrevSuffixes[p.keys[t1-1]] {
		t1++
	}
	name := p.tokText(t0, t1)
	e := p.entity("org:"+strings.ToLower(name), func() *ent {
		e := &ent{name: name, typ: "ORG"}
		for i := u; i < end; i++ {
			if us[i].cls == uLex && e.country == "" {
				e.country = p.countryOf(us[i].e)
			}
		}
		e.addSectors(orgHeads[p.keys[us[head].t0]])
		return e
	})
	if u > 0 && us[u-1].cls == uThe && !used[u-1] {
		t0 = us[u-1].t0
	}
	p.mention(e, t0, t1, KindName)
	return end
}

var speechVerbs = map[string]bool{"said": true, "says": true, "told": true, "added": true, "stated": true, "noted": true, "wrote": true,
	"stressed": true, "announced": true, "declared": true, "insisted": true, "warned": true, "explained": true, "argued": true, "claimed": true, "asked": true}

// namePerson decides whether the name run [u, n) is a person: a name the
// document already knows, an appositive ("Maria Zakharova, the foreign
// ministry spokeswoman,"), a known first name, a registry entry, or the
// subject of a speech verb. It returns the end unit and true.
func (p *proc) namePerson(us []unit, used []bool, u, n int) (int, bool) {
	t0, t1 := us[u].t0, us[n-1].t1
	// An initial the sentence splitter took for a full stop: "( A." |
	// "Symonds 52 ;". The person starts at the initial.
	if u == 0 && n-u <= 2 {
		if i := p.initialBefore(t0); i >= 0 {
			p.person(i, t1, us)
			return n, true
		}
	}
	if p.sports && n-u <= 3 && p.playerContext(us, u, n) {
		p.person(t0, t1, us)
		return n, true
	}
	known := p.byKey["per:"+strings.ToLower(p.tokText(t0, t1))] != nil || (n-u == 1 && p.bySurname(p.keys[t0]) != nil)
	// Appositive.
	if n+1 < len(us) && us[n].cls == uComma {
		d := p.parseDesc(us, n+1)
		if d.role >= 0 && d.hon < 0 {
			e := p.person(t0, t1, us)
			p.applyDesc(e, us, d)
			for i := n; i < d.end; i++ {
				used[i] = true
			}
			return n, true
		}
	}
	if known {
		p.person(t0, t1, us)
		return n, true
	}
	if n-u >= 2 && p.isFirstName(t0) {
		p.person(t0, t1, us)
		return n, true
	}
	if _, ok := p.lookup(p.tokText(t0, t1)); ok {
		p.person(t0, t1, us)
		return n, true
	}
	if n-u >= 2 && n < len(us) && speechVerbs[p.keys[us[n].t0]] && !p.companyContext(t0, t1) {
		p.person(t0, t1, us)
		return n, true
	}
	if p.looksPersonal(us, u, n) && (p.isFirstName(t0) || !p.companyContext(t0, t1)) {
		p.person(t0, t1, us)
		return n, true
	}
	return u, false
}

// looksPersonal reports whether an unexplained run of two or three name
// tokens has the shape of a person's name: "Chris Adams", "P. Simmons",
// "Tim O'Gorman" (title case, no organisation head, no article before).
func (p *proc) looksPersonal(us []unit, u, n int) bool {
	if n-u < 2 || n-u > 3 {
		return false
	}
	if u > 0 && us[u-1].cls == uThe {
		return false
	}
	if nonPersonal[strings.TrimSuffix(p.keys[us[u].t0], ".")] {
		return false
	}
	for i := u; i < n; i++ {
		if nonPersonal[p.keys[us[i].t0]] || (us[i].demoted && !p.isFirstName(us[u].t0) && !isInitial(p.a.Tokens[us[u].t0].Text)) {
			return false
		}
		if us[i].cls != uName {
			continue // particle or an initial's period
		}
		t := p.a.Tokens[us[i].t0].Text
		if _, ok := orgHeads[p.keys[us[i].t0]]; ok {
			return false
		}
		initial := (len(t) == 2 && t[1] == '.' || len(t) == 1) && isCap(t)
		if initial && i == n-1 {
			return false
		}
		if !initial && (isAllCaps(t) || strings.ContainsAny(t, "0123456789&")) {
			return false
		}
	}
	return true
}

// date returns the document's anchor date or "".
func (p *proc) date() string {
	if p.a.Anchor != nil {
		return p.a.Anchor.Date
	}
	return ""
}

// titleCase capitalises each word of a lower-case institution name
// ("foreign ministry" -> "Foreign Ministry"), leaving short function words.
func titleCase(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		if i > 0 && (w == "of" || w == "for" || w == "the" || w == "and" || w == "in") {
			continue
		}
		if w != "" && w == strings.ToLower(w) {
			f[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(f, " ")
}

// countryWord records the country word inside a larger phrase ("U.S." in
// "U.S. officials", "Russian" in "the Russian embassy") as a mention of
// the country: name, alias, adjective or metonym.
func (p *proc) countryWord(x unit) {
	if x.cls != uLex {
		return
	}
	cc := p.countryOf(x.e)
	if cc == "" {
		return
	}
	kind := KindName
	switch x.e.kind {
	case kAbbrev:
		kind = KindAlias
	case kAdjective, kDemonym:
		kind = KindAdjective
	case kMetonym, kPlace:
		kind = KindMetonym
	}
	p.mention(p.gpeEntity(cc), x.t0, x.t1, kind)
}

// acts reports whether the phrase ending before token t is an agent: a
// possessive, or a verb or modal (adverbs skipped) follows in the sentence.
func (p *proc) acts(t int, poss bool) bool {
	if poss {
		return true
	}
	toks := p.a.Tokens
	if t >= len(toks) {
		return false
	}
	sent := toks[t-1].Sent
	for t < len(toks) && toks[t].Sent == sent && toks[t].Tag == "RB" {
		t++
	}
	if t >= len(toks) || toks[t].Sent != sent {
		return false
	}
	tg := toks[t].Tag
	return tg == "MD" || (strings.HasPrefix(tg, "VB") && tg != "VBG" && tg != "VBN")
}

// teamContext reports whether the place at unit u of a sports story names
// a team: it is not followed by a date or an opening parenthesis (a
// dateline, a player's country) and not the object of a locative.
func (p *proc) teamContext(us []unit, u int) bool {
	x := us[u]
	toks := p.a.Tokens
	if x.e.kind == kPlace {
		pl := &p.r.d.Places[x.e.ref]
		if pl.Country == "" || (pl.Type == "region" && pl.Population > 40000000) {
			return false // England, Europe: national sides and regions stay places
		}
	}
	// "Robert Pires ( Metz )": a player's club in parentheses after his
	// name (a city, not a country or a capital).
	if x.e.kind == kPlace && p.parenClub(x.t0, x.t1) {
		if _, capital := p.r.capitalOf[x.e.ref]; !capital && p.r.d.Places[x.e.ref].Type == "city" {
			return true
		}
	}
	// A score, a fixture ("Leeds v Wimbledon") or a result verb around it.
	prevOK := x.t0 > 0 && !p.nl[x.t0] && (teamWords[p.keys[x.t0-1]] || toks[x.t0-1].Tag == "CD" || teamBefore[p.keys[x.t0-1]])
	nextOK := x.t1 < len(toks) && !p.nl[x.t1] && (teamWords[p.keys[x.t1]] || isScore(toks[x.t1].Text) || isResult(toks[x.t1].Text) ||
		teamVerbs[p.keys[x.t1]] || toks[x.t1].Text == "AT" || p.teamModifier(x.t1))
	lineStart := x.t0 == 0 || p.nl[x.t0]
	if !prevOK && !nextOK && !(lineStart && x.t1 < len(toks) && isScore(toks[x.t1].Text)) {
		return false
	}
	if x.t1 < len(toks) && !p.nl[x.t1] {
		nt := toks[x.t1].Text
		if strings.Count(nt, "-") == 2 && len(nt) == 10 { // 1996-08-30
			return false
		}
		if nt == "," && x.t1+1 < len(toks) && toks[x.t1+1].Tag == "NNP" && x.t0 > 0 && p.nl[x.t0] {
			return false // "IRVINE , Calif." dateline
		}
	}
	if x.t0 > 0 && !p.nl[x.t0] && toks[x.t0-1].Text == "(" {
		// "Gavin Levenson ( South Africa )" is a country; "Miladin
		// Becanovic ( Lille )" is the player's club.
		if x.e.kind == kPlace {
			if _, capital := p.r.capitalOf[x.e.ref]; !capital && p.r.d.Places[x.e.ref].Type == "city" {
				return true
			}
		}
		return false
	}
	return true
}

// teamMention records a sports team named after a place.
func (p *proc) teamMention(t0, t1 int, cc string) {
	name := p.tokText(t0, t1)
	e := p.entity("team:"+strings.ToLower(name), func() *ent { return &ent{name: name, typ: "ORG", country: cc} })
	p.mention(e, t0, t1, KindName)
}

// hasOrgHead reports whether a unit of [u, n) is an organisation head noun.
func (p *proc) hasOrgHead(us []unit, u, n int) bool {
	for i := u; i < n; i++ {
		if _, ok := orgHeads[p.keys[us[i].t0]]; ok {
			return true
		}
	}
	return false
}

// teamWords surround team names in results and fixtures.
var teamWords = map[string]bool{"v": true, "vs": true, "vs.": true, "beat": true, "beats": true, "drew": true, "draw": true,
	"lost": true, "defeated": true, "routed": true, "thrashed": true, "edged": true, "held": true, "against": false, "won": true}

// isScore reports whether s is a plain number (a score or points).
func isScore(s string) bool {
	if s == "" || len(s) > 4 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// unknownTeam reports whether an unexplained name run [u, n) of a sports
// story is a team: a score follows it, or it stands in a fixture
// ("Feyenoord 2", "Leeds v Wimbledon").
func (p *proc) unknownTeam(us []unit, u, n int) bool {
	toks := p.a.Tokens
	t0, t1 := us[u].t0, us[n-1].t1
	for i := u; i < n; i++ {
		if us[i].demoted && n-u >= 2 {
			return true // a club with its city: "Spartak Moscow", "Detroit Tigers"
		}
	}
	if t0 > 0 && (toks[t0-1].Text == "c" || toks[t0-1].Text == "b" || toks[t0-1].Text == "st" || toks[t0-1].Text == "lbw") {
		return false // a cricket scorecard: "c Stewart b Mullally 61"
	}
	if t0 > 0 && !p.nl[t0] && (isRank(toks[t0-1].Text) || toks[t0-1].Text == "." && t0 > 1 && isScore(toks[t0-2].Text)) {
		return false // a ranked list of players: "2. Corser 269"
	}
	if t1 < len(toks) && !p.nl[t1] && (p.keys[t1] == "are" || p.keys[t1] == "were" || p.keys[t1] == "have") && !p.isFirstName(t0) {
		return true // "Essex are set to ...": clubs take plural verbs
	}
	if notTeam[p.keys[t0]] {
		return false // "Halftime 2-2", "Aggregate 1-1"
	}
	if p.teamModifier(t1) {
		return true // "Braga defender Idalecio"
	}
	if t1 < len(toks) && !p.nl[t1] && (p.scoreAt(t1) || teamWords[p.keys[t1]]) {
		return true
	}
	return t0 > 0 && !p.nl[t0] && (p.keys[t0-1] == "v" || p.keys[t0-1] == "vs" || p.keys[t0-1] == "beat")
}

// nonPersonal words make a two- or three-word name something other than a
// person: events, titles, streets, saints.
var nonPersonal = map[string]bool{"affairs": true, "gov": true, "sen": true, "rep": true, "catholic": true, "orthodox": true, "protestant": true, "cup": true, "series": true, "prix": true, "slam": true, "street": true, "open": true,
	"championship": true, "championships": true, "games": true, "rally": true, "trophy": true, "award": true, "prize": true,
	"day": true, "war": true, "st": true, "saint": true, "san": true, "santa": true, "fort": true, "mount": true, "lake": true,
	"river": true, "island": true, "islands": true, "bay": true, "avenue": true, "road": true, "square": true, "park": true,
	"stadium": true, "airport": true, "hotel": true, "hall": true, "bridge": true, "valley": true, "desk": true, "newsroom": true,
	"index": true, "act": true, "treaty": true, "accord": true, "plan": true, "museum": true, "palace": true, "festival": true,
	"olympics": true, "olympic": true, "marathon": true, "tour": true, "classic": true, "masters": true, "national": true,
	"international": true, "united": true, "city": true, "county": true, "state": true, "republic": true, "kingdom": true,
	"east": true, "west": true, "north": true, "south": true, "new": true, "old": true, "great": true, "grand": true, "royal": true,
	"income": true, "revenue": true, "revenues": true, "data": true, "sales": true, "share": true, "shares": true, "assets": true,
	"equity": true, "earnings": true, "profit": true, "loss": true, "total": true, "net": true, "cash": true, "ended": true,
	"quarter": true, "months": true, "statement": true, "balance": true, "sheet": true, "per": true, "operating": true, "price": true,
	"weekly": true, "daily": true, "monthly": true, "annual": true, "report": true}

// acronymOrg reports whether token t is an unknown acronym in running
// text (PUK, USDA): two to five capitals in a sentence that is not itself
// in capitals.
func (p *proc) acronymOrg(t int) bool {
	tk := p.a.Tokens[t]
	if len(tk.Text) < 2 || len(tk.Text) > 5 || !isAllCaps(tk.Text) || strings.ContainsAny(tk.Text, ".0123456789-") || notOrgAcronyms[tk.Text] {
		return false
	}
	// Punctuation and numbers count against: tables of figures and codes
	// ("CAPS", "VMIG") are full of acronyms that name nothing.
	r := p.a.Sentences[tk.Sent].Tokens
	lower := 0
	for i := r[0]; i < r[1]; i++ {
		if w := p.a.Tokens[i].Text; w != strings.ToUpper(w) {
			lower++
		}
	}
	return lower*2 > r[1]-r[0]
}

// mixedCase reports whether most words of sentence si have lower-case
// letters: running text rather than a headline or a table in capitals.
func (p *proc) mixedCase(si int) bool {
	r := p.a.Sentences[si].Tokens
	lower, words := 0, 0
	for i := r[0]; i < r[1]; i++ {
		w := p.a.Tokens[i].Text
		if w != strings.ToUpper(w) {
			lower++
			words++
		} else if w != strings.ToLower(w) {
			words++ // punctuation and numbers do not count
		}
	}
	return lower*2 > words
}

// notOrgAcronyms are common acronyms that name no organisation.
var notOrgAcronyms = map[string]bool{"GMT": true, "GDP": true, "GNP": true, "BSE": true, "CPI": true, "PPI": true, "EST": true,
	"EDT": true, "PST": true, "PCT": true, "AIDS": true, "HIV": true, "CEO": true, "CFO": true, "VAT": true, "IPO": true, "OK": true,
	"TV": true, "AM": true, "PM": true, "USD": true, "EUR": true, "GBP": true, "JPY": true, "DM": true, "FOB": true, "CIF": true,
	"YR": true, "QTR": true, "NET": true, "REV": true, "SHR": true, "AVG": true, "MLN": true, "BLN": true, "LTD": true, "INC": true,
	"RBI": true, "ERA": true, "MVP": true, "II": true, "III": true, "IV": true, "VI": true, "VII": true, "VIII": true, "IX": true, "XI": true, "DNA": true, "SMS": true,
	"MP": true, "MPS": true, "PR": true, "ID": true, "NO": true, "US": true, "UK": true, "EU": true, "UN": true}

// resolveLeftovers gives the name runs no pattern explained a second
// chance once the whole document is read (one sense per discourse): a run
// spelled like an entity's name joins it; a single word that is the first
// word of a multi-word organisation ("Ajax" after "Ajax Amsterdam") or the
// surname of a person joins that entity as an alias.
func (p *proc) resolveLeftovers() {
	if len(p.leftovers) == 0 {
		return
	}
	byName := map[string]*ent{}
	first := map[string]*ent{}
	for _, e := range p.ents {
		// Weak guesses (an unknown name after "in") do not spread.
		if e.typ != "PERSON" && e.typ != "ORG" && e.typ != "LOC" && e.typ != "GPE" {
			continue
		}
		for _, m := range e.ments {
			if m.kind == KindName || m.kind == KindAlias {
				byName[strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(p.a.Text[m.start:m.end], "the "), "The "))] = e
			}
		}
		if f := strings.Fields(e.name); len(f) > 1 && e.typ == "ORG" {
			k := strings.ToLower(f[0])
			if _, ok := first[k]; !ok {
				first[k] = e
			}
		}
		if e.typ == "PERSON" && strings.Contains(e.name, " ") {
			if _, ok := first[e.surname]; !ok {
				first[e.surname] = e
			}
		}
	}
	p.cuedOrgs(byName)
	for _, r := range p.leftovers {
		name := strings.ToLower(p.tokText(r[0], r[1]))
		if e := byName[name]; e != nil {
			p.mention(e, r[0], r[1], KindName)
			continue
		}
		if r[1]-r[0] == 1 {
			// "European partners": a word modifying a noun is an adjective,
			// not the first word of "European Union".
			if nt := r[1]; nt < len(p.a.Tokens) && !p.nl[nt] && !isCap(p.a.Tokens[nt].Text) && strings.HasPrefix(p.a.Tokens[nt].Tag, "NN") {
				continue
			}
			if e := first[name]; e != nil {
				p.mention(e, r[0], r[1], KindAlias)
			}
		}
	}
}

// eventWords after a country make it part of an event's name.
var eventWords = map[string]bool{"open": true, "cup": true, "championship": true, "championships": true, "masters": true,
	"grand": true, "games": true, "olympics": true, "league": false, "rally": true, "classic": true, "trophy": true, "tour": true}

// scorecard marks cricket scorecard abbreviations before a player.
var scorecard = map[string]bool{"c": true, "b": true, "st": true, "lbw": true}

// salientCountry is the country a bare national institution ("the
// government", "the Senate") belongs to: the country mentioned most often
// so far in the body (names, adjectives, metonyms; the most recent on a
// tie), else the dateline's country. "" when the story names none.
func (p *proc) salientCountry() string {
	best, bestN, bestLast := "", 0, -1
	for _, e := range p.ents {
		if e.typ != "GPE" || !strings.HasPrefix(e.key, "gpe:") || len(e.ments) == 0 {
			continue
		}
		last := e.ments[len(e.ments)-1].start
		if n := len(e.ments); n > bestN || (n == bestN && last > bestLast) {
			best, bestN, bestLast = e.country, n, last
		}
	}
	if best == "" && p.a.Dateline != nil {
		best = doc.Val(p.a.Dateline.Country)
	}
	return best
}

// initialBefore returns the token where an initial ending the previous
// sentence starts ("A." or "A" "."), directly before token t on the same
// line, or -1.
func (p *proc) initialBefore(t int) int {
	toks := p.a.Tokens
	if t < 1 || p.nl[t] || !strings.HasPrefix(toks[t].Tag, "NNP") {
		return -1
	}
	prev := toks[t-1]
	if len(prev.Text) == 2 && prev.Text[1] == '.' && prev.Text[0] >= 'A' && prev.Text[0] <= 'Z' {
		return t - 1
	}
	if prev.Text == "." && t >= 2 && len(toks[t-2].Text) == 1 && toks[t-2].Text[0] >= 'A' && toks[t-2].Text[0] <= 'Z' &&
		toks[t-2].Span.End() == prev.Span.Start() && !p.nl[t-1] {
		return t - 2
	}
	return -1
}

// genericOrgWords are one-word ambiguous organisation aliases that name an
// organisation whatever the country: legislatures, the Commonwealth.
var genericOrgWords = map[string]bool{"senate": true, "congress": true, "commonwealth": true, "parliament": true, "duma": true,
	"rada": true, "majlis": true, "majles": true, "knesset": true, "commons": true, "sejm": true, "bundestag": true, "bundesrat": true}

// genericOrgAlias reports whether the ambiguous organisation alias of unit
// x names some organisation even when the text has not said which: a
// capitalised phrase of several words ("Supreme Court", "Security
// Council") or a legislature, and not a place.
func (p *proc) genericOrgAlias(x unit) bool {
	toks := p.a.Tokens
	if x.t1-x.t0 == 1 && isAllCaps(toks[x.t0].Text) {
		// "the IOC tender": an acronym in running text is an organisation
		// even when it stands for several.
		return len(toks[x.t0].Text) >= 3 && !acronymWords[toks[x.t0].Text] && p.acronymOrg(x.t0)
	}
	if !isCap(toks[x.t0].Text) && p.keys[x.t0] != "the" || isAllCaps(p.tokText(x.t0, x.t1)) {
		return false
	}
	words := 0
	for i := x.t0; i < x.t1; i++ {
		if p.keys[i] != "the" {
			words++
			if !isCap(toks[i].Text) && !prepositions[p.keys[i]] && p.keys[i] != "and" {
				return false
			}
		}
	}
	last := p.keys[x.t1-1]
	if len(p.r.places[last]) > 0 {
		return false
	}
	if x.t0 > 0 && !p.nl[x.t0] && isCap(toks[x.t0-1].Text) && !strings.HasPrefix(toks[x.t0-1].Tag, "DT") {
		return false // part of a longer name: "Indonesian Democratic Party"
	}
	return words > 1 || genericOrgWords[last]
}

// companySuffixes are the legal forms that end a company's name; in
// capitals they are not roles ("AG" is not an attorney general there).
var companySuffixes = map[string]bool{"corp.": true, "co.": true, "inc.": true, "ltd.": true, "oy": true, "kk": true, "ltda": true, "bhd": true, "tbk": true, "pty": true, "ag": true, "sa": true, "nv": true, "n.v.": true, "bv": true, "ab": true, "asa": true,
	"oyj": true, "spa": true, "s.p.a.": true, "plc": true, "gmbh": true, "llc": true, "ltd": true, "inc": true, "corp": true, "co": true}

// playerPlace reports whether the one-word place at token t of a sports
// story is a player's surname: after a scorecard mark ("c Cork b Croft")
// or an initial ("D. Cork"), or before a bowling analysis ("Cork
// 7-1-38-0").
func (p *proc) playerPlace(t int) bool {
	toks := p.a.Tokens
	if t > 0 && !p.nl[t] && scorecard[toks[t-1].Text] {
		return true
	}
	if p.initialBefore(t) >= 0 {
		return true
	}
	if p.cricket && t+1 < len(toks) && !p.nl[t+1] && strings.Count(toks[t+1].Text, "-") == 3 {
		return true
	}
	return false
}

// placeNouns follow a place name used as a modifier: "Nahar village",
// "Stansted airport".
var placeNouns = map[string]bool{"village": true, "villages": true, "province": true, "region": true, "river": true, "airport": true,
	"prison": true, "district": true, "town": true, "city": true, "area": true, "state": true, "county": true, "valley": true,
	"oilfield": true, "field": true, "camp": true, "port": true, "mountains": true, "border": true, "island": true, "islands": true,
	"refinery": true, "mine": true, "base": true, "municipality": true, "suburb": true, "neighbourhood": true, "neighborhood": true,
	"quarter": true, "governorate": true, "prefecture": true, "canton": true, "lake": true, "bay": true, "coast": true, "highway": true}

// abbrevSuffixes are company suffixes written with a period.
var abbrevSuffixes = map[string]bool{"corp": true, "inc": true, "co": true, "ltd": true, "bros": true, "cos": true}

// isInitial reports whether s is an initial: "A.", "J".
func isInitial(s string) bool {
	return (len(s) == 2 && s[1] == '.' || len(s) == 1) && s[0] >= 'A' && s[0] <= 'Z'
}

// acronymWords are ambiguous all-caps aliases that are also words.
var acronymWords = map[string]bool{"WHO": true, "CAN": true, "ICE": true, "CARE": true, "RAND": true, "AID": true, "ETA": false,
	"SAC": true, "PIF": true, "TRF": true}

// teamBefore precede a team in running sports text: "a 3-2 victory over
// Montpellier", "league champions Porto".
var teamBefore = map[string]bool{"over": true, "champions": true, "leaders": true, "rivals": true, "against": true, "hosts": true,
	"visitors": true, "holders": true, "sweep": false, "joined": true, "joining": true, "join": true, "play": true, "playing": true,
	"face": true, "faces": true, "facing": true, "host": true, "hosted": true, "hosting": true, "beating": true, "eliminated": true}
