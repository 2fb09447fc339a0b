package actor

import "strings"

// Unknown companies are the largest class of organisations no dictionary
// can hold. Business news names them in recognisable contexts: they speak
// ("Zenith said"), have shares and executives ("Zenith 's stock", "shares
// of Berlex", "Kekkila 's chief executive"), are bought and sold ("a stake
// in Banespa", "a unit of Promodes") and are described by appositions
// ("Brush Wellman , a maker of beryllium products"). One such context in a
// document makes every mention of the name an organisation (one sense per
// discourse), which also overrides the weak guess that an unknown name
// after "in" is a place.

// corpNouns follow a company's possessive: "Zenith 's shares".
var corpNouns = map[string]bool{"shares": true, "share": true, "stock": true, "chairman": true, "chief": true, "president": true,
	"executive": true, "profit": true, "profits": true, "net": true, "sales": true, "earnings": true, "board": true, "unit": true,
	"subsidiary": true, "spokesman": true, "spokeswoman": true, "shareholders": true, "revenue": true, "revenues": true,
	"managing": true, "stake": true, "offer": true, "bid": true, "operating": true, "results": true, "plant": true, "plants": true,
	"factory": true, "products": true, "customers": true, "employees": true, "workers": true, "management": true, "losses": true,
	"bonds": true, "debt": true, "takeover": true, "merger": true, "subsidiaries": true, "brands": true, "headquarters": true}

// corpAfter follow a company name directly: "Zenith shares rose".
var corpAfter = map[string]bool{"customers": true, "employees": true, "workers": true, "liability": true, "shares": true, "stock": true, "spokesman": true, "spokeswoman": true, "chairman": true,
	"shareholders": true, "officials": false, "posted": true, "reported": true, "earned": true, "forecast": true, "plans": true,
	"planned": true, "agreed": true, "owns": true, "employs": true, "makes": true, "manufactures": true, "markets": true,
	"sells": true, "sold": true, "bought": true, "acquired": true, "merged": true, "announced": true}

// corpBefore precede a company name: "shares of", "a stake in".
var corpBefore = map[[2]string]bool{{"shares", "of"}: true, {"shares", "in"}: true, {"stake", "in"}: true, {"unit", "of"}: true,
	{"subsidiary", "of"}: true, {"division", "of"}: true, {"merger", "with"}: true, {"analyst", "at"}: true, {"analyst", "with"}: true,
	{"contract", "with"}: true, {"deal", "with"}: true, {"shareholders", "of"}: true, {"chairman", "of"}: true, {"owner", "of"}: true,
	{"acquisition", "of"}: true, {"takeover", "of"}: true, {"bid", "for"}: true, {"offer", "for"}: true, {"customers", "of"}: true}

// corpAppos are the head nouns of an apposition describing a company:
// "X , a Paris-based company", "X , the country 's biggest bank".
var corpAppos = map[string]bool{"company": true, "firm": true, "group": true, "maker": true, "manufacturer": true, "producer": true,
	"bank": true, "carrier": true, "airline": true, "retailer": true, "insurer": true, "broker": true, "brokerage": true,
	"conglomerate": true, "subsidiary": true, "unit": true, "supplier": true, "distributor": true, "operator": true, "developer": true,
	"publisher": true, "chain": true, "exporter": true, "importer": true, "refiner": true, "lender": true, "utility": true}

// companyContext reports whether the unexplained name on tokens [t0, t1)
// stands where business news puts a company.
func (p *proc) companyContext(t0, t1 int) bool {
	toks := p.a.Tokens
	n := len(toks)
	sent := toks[t0].Sent
	same := func(i int) bool { return i >= 0 && i < n && toks[i].Sent == sent }
	if same(t1) {
		k := p.keys[t1]
		if k == "'s" && same(t1+1) && corpNouns[p.keys[t1+1]] {
			return true
		}
		if corpAfter[k] {
			return true
		}
		// "Zenith said it", "Kekkila said in a statement": one word that
		// speaks of itself as "it" and is no person the story has named
		// is a company or a group.
		if !p.isFirstName(t0) && (t1-t0 > 1 || p.bySurname(p.keys[t0]) == nil) && p.byKey["per:"+strings.ToLower(p.tokText(t0, t1))] == nil {
			j := t1
			if p.keys[j] == "also" && same(j+1) {
				j++
			}
			if (p.keys[j] == "said" || p.keys[j] == "says") && p.companySpeech(j+1) {
				return true
			}
		}
		// "Brush Wellman , a maker of ...": an apposition within four words.
		if k == "," && same(t1+1) && (p.keys[t1+1] == "a" || p.keys[t1+1] == "an" || p.keys[t1+1] == "the") {
			for j := t1 + 2; j < t1+7 && same(j); j++ {
				if corpAppos[p.keys[j]] {
					return true
				}
				if p.keys[j] == "," || p.keys[j] == "of" || p.keys[j] == "which" || p.keys[j] == "who" {
					break
				}
			}
		}
	}
	if same(t0-2) && corpBefore[[2]string{p.keys[t0-2], p.keys[t0-1]}] {
		return true
	}
	return false
}

// cuedOrgs turns the unexplained names seen in a company context into
// organisations: their leftover runs and any weak place guess for the
// same name ("a stake in Zenith") become mentions of one organisation.
func (p *proc) cuedOrgs(byName map[string]*ent) {
	if len(p.orgCue) == 0 {
		return
	}
	orgs := map[string]*ent{}
	get := func(name string, t0, t1 int) *ent {
		if e := orgs[name]; e != nil {
			return e
		}
		disp := p.tokText(t0, t1)
		e := p.entity("org:"+name, func() *ent {
			e := &ent{name: disp, typ: "ORG"}
			e.addSectors("BUS")
			return e
		})
		orgs[name] = e
		byName[name] = e
		return e
	}
	kept := p.leftovers[:0]
	for _, r := range p.leftovers {
		name := strings.ToLower(p.tokText(r[0], r[1]))
		if p.orgCue[name] {
			p.mention(get(name, r[0], r[1]), r[0], r[1], KindName)
			continue
		}
		kept = append(kept, r)
	}
	p.leftovers = kept
	for name := range p.orgCue {
		le := p.byKey["loc:"+name]
		if le == nil {
			continue
		}
		for _, m := range le.ments {
			o := get(name, m.t0, m.t1)
			m.e = o
			o.ments = append(o.ments, m)
		}
		le.ments = nil
	}
}

// acronymConnectors may stand inside a name whose initials make an
// acronym: "Organisation for Security and Cooperation in Europe".
var acronymConnectors = map[string]bool{"of": true, "and": true, "for": true, "the": true, "&": true, "in": true, "on": true, "de": true, "du": true, "des": true, "la": true}

// acronymDefinition recognises a name followed by its acronym in
// parentheses, "the National Customs Board ( NCB )": when the initials of
// the name's capitalised words spell the acronym, the name is an
// organisation and the acronym its alias. It returns the units [start,
// end) of the name and the unit of the acronym, or ok=false.
func (p *proc) acronymDefinition(us []unit, used []bool, open int) (start, end, acr int, ok bool) {
	toks := p.a.Tokens
	if open < 2 || open+2 >= len(us) || p.keys[us[open].t0] != "(" || p.keys[us[open+2].t0] != ")" || us[open+1].t1-us[open+1].t0 != 1 {
		return 0, 0, 0, false
	}
	a := toks[us[open+1].t0].Text
	if len(a) < 2 || len(a) > 7 || !isAllCaps(a) || strings.ContainsAny(a, ".0123456789") || us[open+1].cls == uLex && us[open+1].e.kind != kOrgAmb {
		return 0, 0, 0, false // a known acronym: the dictionary knows better
	}
	// Walk back over name words and connectors, reading initials.
	var initials []byte
	for i := open - 1; i >= 0 && open-i <= 10; i-- {
		x := us[i]
		if used[i] || p.nl[x.t0] && i < open-1 && false {
			return 0, 0, 0, false
		}
		for t := x.t1 - 1; t >= x.t0; t-- {
			w := toks[t].Text
			switch {
			case acronymConnectors[p.keys[t]]:
				continue
			case isCap(w):
				initials = append([]byte{w[0]}, initials...)
			default:
				return 0, 0, 0, false
			}
		}
		if strings.EqualFold(string(initials), a) {
			if us[i].cls == uThe {
				return 0, 0, 0, false
			}
			return i, open, open + 1, i < open-1 // one word is no definition
		}
		if len(initials) >= len(a) {
			return 0, 0, 0, false
		}
	}
	return 0, 0, 0, false
}

// companySpeech reports whether the words after "said" (from token t)
// show an organisation speaking: "said it", "said on Thursday it", "said
// in a statement".
func (p *proc) companySpeech(t int) bool {
	toks := p.a.Tokens
	for j := t; j < len(toks) && j < t+5 && toks[j].Sent == toks[t-1].Sent; j++ {
		switch p.keys[j] {
		case "it", "its":
			return true
		case "statement":
			return true
		case "he", "she", "his", "her", "they", "that", ",", ".":
			return false
		}
	}
	return false
}
