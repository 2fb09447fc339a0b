package actor

import (
	"fmt"
	"strings"
	"sync"
)

// resources are the dictionaries compiled for matching; built once per
// dictionary directory and shared by every Stage using it.
type resources struct {
	d   *Dictionaries
	lex lexicon

	abbrevs  []abbrev           // case-sensitive forms (kAbbrev, kOrgAbbrev)
	metonyms []metonym          // seats of power (kMetonym)
	places   map[string][]int32 // lower-case place name -> places
	// countryNames maps a lower-case country name, abbreviation or
	// adjective to its country index (dateline and registry look-ups).
	countryNames map[string]int32
	// capitalOf marks places that are a country's capital.
	capitalOf map[int32]int32
	// ambiguous holds lower-case country names that are also common
	// words or person names: they need context to count.
	ambiguous map[string]bool
	// known holds the built-in (and DictDir) actors.yaml entries: people
	// the stage knows without having read about them.
	known *MemoryRegistry
}

// abbrev is a case-sensitive form pointing at a country or organisation.
type abbrev struct {
	form   string
	target int32
}

// metonym is a seat of power standing for a country's government (or an
// organisation, for Brussels and the EU when the file says so).
type metonym struct {
	text    string
	country int32
	sector  string // "" or GOV: the government; else the sector it denotes
}

var (
	resMu    sync.Mutex
	resCache = map[string]*resources{}
)

// loadResources returns the compiled dictionaries for dir ("" = built-in
// only), loading them once per process and directory.
func loadResources(dir string) (*resources, error) {
	resMu.Lock()
	defer resMu.Unlock()
	if r, ok := resCache[dir]; ok {
		return r, nil
	}
	d, err := LoadDictionaries(dir)
	if err != nil {
		return nil, err
	}
	r := compile(d)
	for i, e := range d.Actors {
		r.known.Learn(e)
		// Full names are phrases of their own, so that "Theresa May" is
		// not cut at the month and "Kim Jong Un" needs no first-name list.
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if strings.Contains(n, " ") && (e.Type == "PERSON" || e.Type == "") {
				r.lex.add(n, entry{kind: kActor, ref: int32(i)})
			}
		}
	}
	resCache[dir] = r
	return r, nil
}

func compile(d *Dictionaries) *resources {
	r := &resources{
		d:            d,
		places:       map[string][]int32{},
		countryNames: map[string]int32{},
		capitalOf:    map[int32]int32{},
		ambiguous:    map[string]bool{},
		known:        NewMemoryRegistry(),
	}
	addAbbrev := func(form string, k kind, target int32) {
		r.abbrevs = append(r.abbrevs, abbrev{form: form, target: target})
		r.lex.add(form, entry{kind: k, ref: int32(len(r.abbrevs) - 1)})
	}
	for ci, c := range d.Countries {
		i := int32(ci)
		amb := map[string]bool{}
		for _, a := range c.Ambiguous {
			amb[a] = true
			r.ambiguous[strings.ToLower(stripThe(a))] = true
		}
		for _, n := range append([]string{c.Name}, c.Names...) {
			if amb[n] && stripThe(n) != n {
				r.lex.add(n, entry{kind: kCountry, ref: i}) // "the States" needs its article
				continue
			}
			r.lex.add(stripThe(n), entry{kind: kCountry, ref: i})
			if _, ok := r.countryNames[strings.ToLower(stripThe(n))]; !ok {
				r.countryNames[strings.ToLower(stripThe(n))] = i
			}
		}
		for _, a := range c.Abbrevs {
			addAbbrev(a, kAbbrev, i)
			if _, ok := r.countryNames[strings.ToLower(a)]; !ok {
				r.countryNames[strings.ToLower(a)] = i
			}
		}
		for _, a := range c.Adjectives {
			r.lex.add(a, entry{kind: kAdjective, ref: i})
		}
		adj := map[string]bool{}
		for _, a := range c.Adjectives {
			adj[a] = true
		}
		for _, a := range c.Demonyms {
			if !adj[a] {
				r.lex.add(a, entry{kind: kDemonym, ref: i})
			}
		}
		for _, m := range c.Metonyms {
			r.metonyms = append(r.metonyms, metonym{text: stripThe(m), country: i, sector: c.MetonymSectors[stripThe(m)]})
			r.lex.add(stripThe(m), entry{kind: kMetonym, ref: int32(len(r.metonyms) - 1)})
			// Keep "the Pentagon" too, so that it wins over a gazetteer
			// entry spelled with the article.
			r.lex.add(m, entry{kind: kMetonym, ref: int32(len(r.metonyms) - 1)})
		}
	}
	for pi, p := range d.Places {
		i := int32(pi)
		for _, n := range append([]string{p.Name}, p.Alts...) {
			if strings.Contains(n, ",") {
				continue // "Hamilton, Bermuda" style disambiguators
			}
			r.lex.add(n, entry{kind: kPlace, ref: i})
			if strings.HasSuffix(n, ".") && !strings.ContainsAny(n[:len(n)-1], ". ") {
				// "Calif." as the tokenizer may split it: "Calif" ".".
				r.lex.add(n[:len(n)-1]+" .", entry{kind: kPlace, ref: i})
			}
			k := strings.ToLower(n)
			r.places[k] = append(r.places[k], i)
		}
		if ci, ok := d.byCode[p.Country]; ok && (p.Type == "capital" || strings.EqualFold(d.Countries[ci].Capital, p.Name)) {
			r.capitalOf[i] = int32(ci)
		}
	}
	// Capitals missing from the gazetteer become places of their own.
	for ci, c := range d.Countries {
		if c.Capital == "" {
			continue
		}
		if _, ok := r.places[strings.ToLower(c.Capital)]; ok {
			continue
		}
		d.Places = append(d.Places, Place{Name: c.Capital, Country: c.Code, Type: "capital"})
		i := int32(len(d.Places) - 1)
		r.lex.add(c.Capital, entry{kind: kPlace, ref: i})
		r.places[strings.ToLower(c.Capital)] = append(r.places[strings.ToLower(c.Capital)], i)
		r.capitalOf[i] = int32(ci)
	}
	for oi, o := range d.Organizations {
		i := int32(oi)
		amb := map[string]bool{}
		for _, a := range o.Ambiguous {
			amb[a] = true
		}
		for _, m := range o.Metonyms {
			r.lex.add(stripThe(m), entry{kind: kOrgMetonym, ref: i})
		}
		for _, n := range append([]string{o.Name}, o.Aliases...) {
			if amb[n] {
				if isAllCaps(n) && !strings.Contains(n, " ") {
					addAbbrev(n, kOrgAmbAbbrev, i)
				} else {
					r.lex.add(stripThe(n), entry{kind: kOrgAmb, ref: i})
				}
				continue
			}
			if isAllCaps(n) && !strings.Contains(n, " ") {
				addAbbrev(n, kOrgAbbrev, i)
				continue
			}
			r.lex.add(stripThe(n), entry{kind: kOrg, ref: i})
		}
		for _, a := range o.Abbrevs {
			addAbbrev(a, kOrgAbbrev, i)
		}
	}
	for ii, in := range d.Institutions {
		for _, n := range append([]string{in.Name}, in.Aliases...) {
			if strings.ToLower(n) != n {
				addAbbrev(n, kInstAbbrev, int32(ii))
				continue
			}
			r.lex.add(n, entry{kind: kInstitution, ref: int32(ii)})
		}
	}
	for ri, ro := range d.Roles {
		for _, n := range append([]string{ro.Name}, ro.Aliases...) {
			if strings.ToLower(n) != n {
				addAbbrev(n, kRoleAbbrev, int32(ri))
				continue
			}
			r.lex.add(n, entry{kind: kRole, ref: int32(ri)})
		}
		for _, n := range ro.Abbrevs {
			addAbbrev(n, kRoleAbbrev, int32(ri))
		}
	}
	for hi, h := range d.Honorifics {
		if len(h.Text) > 1 && isAllCaps(h.Text) {
			addAbbrev(h.Text, kHonAbbrev, int32(hi))
			continue
		}
		r.lex.add(h.Text, entry{kind: kHonorific, ref: int32(hi)})
		if strings.HasSuffix(h.Text, ".") {
			r.lex.add(strings.TrimSuffix(h.Text, "."), entry{kind: kHonorific, ref: int32(hi)})
		} else if len(h.Text) <= 4 {
			r.lex.add(h.Text+".", entry{kind: kHonorific, ref: int32(hi)})
		}
	}
	return r
}

// stripThe removes a leading article from a dictionary name: the article
// is matched in the text separately and joins the mention.
func stripThe(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 4 && strings.EqualFold(s[:4], "the ") {
		return strings.TrimSpace(s[4:])
	}
	return s
}

// PlaceCountry returns the alpha-3 country of a place name as written in a
// dateline ("WASHINGTON", "Igora"), optionally narrowed by a region
// ("Leningrad Region"). Countries named directly count too. It prefers
// capitals, then the most populous place; ok is false when unknown.
func (r *resources) PlaceCountry(place, region string) (string, bool) {
	key := strings.ToLower(strings.TrimSpace(place))
	key = strings.Trim(key, " ,./")
	if ci, ok := r.countryNames[key]; ok {
		return r.d.Countries[ci].Code, true
	}
	best, bestScore := int32(-1), -1
	regionKey := strings.ToLower(strings.TrimSpace(region))
	for _, pi := range r.places[key] {
		p := &r.d.Places[pi]
		if p.Country == "" {
			continue // a multinational region
		}
		score := p.Population
		if _, cap := r.capitalOf[pi]; cap {
			score += 1 << 40
		}
		if regionKey != "" && strings.Contains(regionKey, strings.ToLower(p.Admin1)) && p.Admin1 != "" {
			score += 1 << 50
		}
		if score > bestScore {
			best, bestScore = pi, score
		}
	}
	if best >= 0 {
		return r.d.Places[best].Country, true
	}
	if regionKey != "" {
		// The region alone: "Leningrad Region", "Moscow Region".
		for _, cand := range []string{regionKey, strings.TrimSuffix(regionKey, " region"), strings.TrimSuffix(regionKey, " oblast"), strings.TrimSuffix(regionKey, " province")} {
			if c, ok := r.PlaceCountry(cand, ""); ok {
				return c, true
			}
		}
		for _, pi := range r.placesByAdmin(regionKey) {
			return r.d.Places[pi].Country, true
		}
	}
	return "", false
}

// placesByAdmin returns places whose admin1 region matches key.
func (r *resources) placesByAdmin(key string) []int32 {
	var out []int32
	for i := range r.d.Places {
		a := strings.ToLower(r.d.Places[i].Admin1)
		if a != "" && (a == key || strings.HasPrefix(key, a+" ") || strings.HasPrefix(a, key)) {
			out = append(out, int32(i))
			break
		}
	}
	return out
}

// String summarises the loaded dictionaries for messages.
func (r *resources) String() string {
	return fmt.Sprintf("%d countries, %d organisations, %d institutions, %d roles, %d places",
		len(r.d.Countries), len(r.d.Organizations), len(r.d.Institutions), len(r.d.Roles), len(r.d.Places))
}
