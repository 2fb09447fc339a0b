package actor

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// builtin holds the dictionaries shipped with attache (docs/dictionaries-actor.md).
//
//go:embed data
var builtin embed.FS

// Dictionary file names, the same in the embedded data and in a user's
// DictDir.
const (
	fileCountries     = "countries.yaml"
	fileOrganizations = "organizations.yaml"
	fileCompanies     = "companies.yaml"
	fileInstitutions  = "institutions.yaml"
	fileRoles         = "roles.yaml"
	fileHonorifics    = "honorifics.yaml"
	filePlaces        = "places.tsv"
	fileRegions       = "regions.tsv"
	fileFirstNames    = "first_names.txt"
	fileActors        = "actors.yaml"
)

// Country is one country or territory.
type Country struct {
	Code       string   // ISO 3166-1 alpha-3 (or a CAMEO code such as KSV)
	Name       string   // common English name
	Names      []string // other names, official, former and alternative spellings
	Abbrevs    []string // case-sensitive abbreviations: U.S., UK, DPRK
	Adjectives []string // Russian, American
	Demonyms   []string // plural people nouns: Russians, Americans
	Capital    string
	Metonyms   []string // seats of power standing for the government: the Kremlin
	// MetonymSectors maps a metonym to the one sector it denotes (the
	// Pentagon: MIL); the others stand for the government as a whole.
	MetonymSectors map[string]string
	// Ambiguous lists names of this entry that are also common words or
	// person names; they need context (see docs/dictionaries-actor.md).
	Ambiguous []string
}

// Organization is a named organisation: IGO, NGO, media, armed group, company.
type Organization struct {
	Name    string
	Aliases []string // full names and other spellings
	Abbrevs []string // case-sensitive: NATO, UN
	Code    string   // actor code: IGOs have their own (e.g. NATO, UNO)
	Kind    string   // IGO, NGO, MED, REB, BUS, ... (free text from the file)
	Country string   // alpha-3 for national organisations
	Sectors []string
	// Metonyms stand for the organisation when it acts (Brussels -> EU).
	Metonyms []string
	// Ambiguous lists aliases that are also other things (Security
	// Council): they count only once the organisation is named otherwise.
	Ambiguous []string
}

// Institution is a national institution named by a pattern such as
// "<country adjective> foreign ministry".
type Institution struct {
	Name    string   // canonical, e.g. "Foreign Ministry"
	Aliases []string // "foreign ministry", "ministry of foreign affairs"
	Sectors []string
	Type    string // ORG by default
	Code    string // replaces the composed code when set (IGOPKO)
}

// Role is a position held by a person.
type Role struct {
	Name    string // canonical, e.g. "spokesperson"
	Aliases []string
	Abbrevs []string // case-sensitive forms: Gen., Sen.
	Sectors []string
	Gender  string // m, f or ""
	Code    string // replaces the composed code when set
}

// Honorific is a courtesy title before a name (Mr., Mrs., Dr., Sheikh).
type Honorific struct {
	Text   string
	Gender string
}

// Place is one gazetteer entry.
type Place struct {
	Name       string
	Alts       []string
	Country    string
	Type       string // capital, city, region, area, ...
	Admin1     string
	Lat, Lon   float64
	Population int
}

// Dictionaries is the merged set of actor dictionaries.
type Dictionaries struct {
	Countries     []Country
	Organizations []Organization
	Institutions  []Institution
	Roles         []Role
	Honorifics    []Honorific
	Places        []Place
	FirstNames    map[string]string // lower-case first name -> gender (m, f or "")
	Actors        []Entry           // well-known people (actors.yaml)
	Particles     map[string]bool   // lower-case name particles: van, der, bin, al
	Suffixes      map[string]bool   // lower-case name suffixes: jr., iii

	byCode map[string]int // country code -> index
}

// CountryByCode returns the country with the alpha-3 code, or nil.
func (d *Dictionaries) CountryByCode(code string) *Country {
	if i, ok := d.byCode[code]; ok {
		return &d.Countries[i]
	}
	return nil
}

// LoadDictionaries reads the built-in dictionaries and merges those found in
// dir (may be empty) over them: an entry of a user file replaces a built-in
// entry with the same key (country code, organisation name, institution,
// role, honorific or place name and country) and adds otherwise.
func LoadDictionaries(dir string) (*Dictionaries, error) {
	d := &Dictionaries{FirstNames: map[string]string{}, Particles: map[string]bool{}, Suffixes: map[string]bool{}}
	sub, err := fs.Sub(builtin, "data")
	if err != nil {
		return nil, err
	}
	if err := d.loadFrom(sub, "built-in"); err != nil {
		return nil, err
	}
	if dir != "" {
		st, err := os.Stat(dir)
		if err != nil {
			return nil, fmt.Errorf("dictionary directory: %w", err)
		}
		if !st.IsDir() {
			return nil, fmt.Errorf("dictionary directory %s is not a directory", dir)
		}
		if err := d.loadFrom(os.DirFS(dir), dir); err != nil {
			return nil, err
		}
	}
	d.byCode = map[string]int{}
	for i, c := range d.Countries {
		d.byCode[c.Code] = i
	}
	return d, nil
}

// loadFrom merges the dictionary files present in fsys into d.
func (d *Dictionaries) loadFrom(fsys fs.FS, where string) error {
	read := func(name string) ([]byte, error) {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			if os.IsNotExist(err) || isNotExist(err) {
				return nil, nil
			}
			return nil, fmt.Errorf("%s: %w", filepath.Join(where, name), err)
		}
		return b, nil
	}
	yamlItems := func(name string) ([]map[string]any, error) {
		b, err := read(name)
		if err != nil || b == nil {
			return nil, err
		}
		items, err := parseYAMLItems(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Join(where, name), err)
		}
		return items, nil
	}

	items, err := yamlItems(fileCountries)
	if err != nil {
		return err
	}
	for _, m := range items {
		c := Country{
			Code:       strings.ToUpper(str(m, "code", "iso3", "alpha3", "cameo")),
			Name:       str(m, "name", "common_name"),
			Names:      strs(m, "names", "aliases", "alt_names", "alternatives", "official", "official_name", "official_names", "former", "former_names", "spellings", "alt"),
			Abbrevs:    strs(m, "abbreviations", "abbrevs", "abbr", "abbrev", "acronyms"),
			Adjectives: strs(m, "adjectives", "adjective", "adj"),
			Demonyms:   strs(m, "demonyms", "demonym", "people", "plural"),
			Capital:    str(m, "capital"),
			Metonyms:   strs(m, "metonyms", "seats", "seats_of_power", "metonym"),
			Ambiguous:  strs(m, "ambiguous_aliases", "ambiguous"),
		}
		if ms, ok := m["metonyms_sector"].(map[string]any); ok {
			c.MetonymSectors = map[string]string{}
			for k, v := range ms {
				if sv, ok := v.(string); ok {
					c.MetonymSectors[stripThe(k)] = strings.ToUpper(sv)
				}
			}
		}
		if c.Code == "" || c.Name == "" {
			continue
		}
		replaced := false
		for i := range d.Countries {
			if d.Countries[i].Code == c.Code {
				d.Countries[i] = c
				replaced = true
			}
		}
		if !replaced {
			d.Countries = append(d.Countries, c)
		}
	}

	// Companies first, so that organizations.yaml wins on the same name.
	var orgItems []map[string]any
	for _, name := range []string{fileCompanies, fileOrganizations} {
		items, err = yamlItems(name)
		if err != nil {
			return err
		}
		orgItems = append(orgItems, items...)
	}
	for _, m := range orgItems {
		o := Organization{
			Name:      str(m, "name"),
			Aliases:   strs(m, "aliases", "names", "alt_names", "full_name", "full", "alternatives"),
			Abbrevs:   strs(m, "abbreviations", "abbrevs", "abbr", "abbrev", "acronyms", "acronym", "short"),
			Code:      strings.ToUpper(str(m, "code", "cameo")),
			Kind:      strings.ToUpper(str(m, "type", "kind", "category")),
			Country:   strings.ToUpper(str(m, "country")),
			Sectors:   upper(strs(m, "sectors", "sector")),
			Metonyms:  strs(m, "metonyms"),
			Ambiguous: strs(m, "ambiguous_aliases"),
		}
		if o.Name == "" {
			continue
		}
		d.Organizations = mergeByKey(d.Organizations, o, func(x Organization) string { return strings.ToLower(x.Name) })
	}

	items, err = yamlItems(fileInstitutions)
	if err != nil {
		return err
	}
	for _, m := range items {
		in := Institution{
			Name:    str(m, "head", "name", "canonical"),
			Code:    strings.ToUpper(str(m, "actor_code")),
			Aliases: strs(m, "aliases", "patterns", "names", "heads", "forms"),
			Sectors: upper(strs(m, "sectors", "sector")),
			Type:    strings.ToUpper(str(m, "type", "entity_type")),
		}
		if in.Name == "" {
			continue
		}
		d.Institutions = mergeByKey(d.Institutions, in, func(x Institution) string { return strings.ToLower(x.Name) })
	}

	items, err = yamlItems(fileRoles)
	if err != nil {
		return err
	}
	for _, m := range items {
		r := Role{
			Name:    str(m, "role", "name", "canonical"),
			Aliases: strs(m, "words", "aliases", "forms", "names", "titles"),
			Abbrevs: strs(m, "abbrevs", "abbreviations"),
			Code:    strings.ToUpper(str(m, "actor_code")),
			Sectors: upper(strs(m, "sectors", "sector")),
			Gender:  gender(str(m, "gender", "sex")),
		}
		if r.Name == "" {
			continue
		}
		d.Roles = mergeByKey(d.Roles, r, func(x Role) string { return strings.ToLower(x.Name) })
	}

	items, err = yamlItems(fileHonorifics)
	if err != nil {
		return err
	}
	for _, m := range items {
		g := gender(str(m, "gender", "sex"))
		// Sections of plain names: first_names, particles, suffixes.
		switch str(m, "section") {
		case "first_names", "given_names":
			n := strings.ToLower(str(m, "name"))
			if _, ok := d.FirstNames[n]; !ok || g != "" {
				d.FirstNames[n] = g
			}
			continue
		case "particles":
			for _, w := range strings.Fields(strings.ToLower(str(m, "name"))) {
				d.Particles[w] = true
			}
			continue
		case "suffixes":
			d.Suffixes[strings.ToLower(str(m, "name"))] = true
			continue
		}
		if g == "" {
			g = honorificGender[strings.ToLower(strings.TrimSuffix(str(m, "text", "name"), "."))]
		}
		texts := append([]string{str(m, "text", "name", "honorific", "title")}, strs(m, "aliases", "forms", "variants")...)
		for _, t := range texts {
			if t == "" {
				continue
			}
			d.Honorifics = mergeByKey(d.Honorifics, Honorific{Text: t, Gender: g}, func(x Honorific) string { return x.Text })
		}
	}

	for _, name := range []string{filePlaces, fileRegions} {
		if err := d.loadPlaces(read, name, where); err != nil {
			return err
		}
	}

	b, err := read(fileActors)
	if err != nil {
		return err
	}
	if b != nil {
		entries, err := LoadActorsFile(strings.NewReader(string(b)))
		if err != nil {
			return fmt.Errorf("%s: %w", filepath.Join(where, fileActors), err)
		}
		for _, e := range entries {
			d.Actors = mergeByKey(d.Actors, e, func(x Entry) string { return strings.ToLower(x.Name) + "\t" + x.Role })
		}
	}

	b, err = read(fileFirstNames)
	if err != nil {
		return err
	}
	if b != nil {
		for _, line := range strings.Split(string(b), "\n") {
			line = strings.TrimSpace(line)
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			f := strings.Fields(line)
			g := ""
			if len(f) > 1 {
				g = gender(f[1])
			}
			if _, ok := d.FirstNames[strings.ToLower(f[0])]; !ok || g != "" {
				d.FirstNames[strings.ToLower(f[0])] = g
			}
		}
	}
	return nil
}

func isNotExist(err error) bool {
	pe, ok := err.(*fs.PathError)
	return ok && (pe.Err == fs.ErrNotExist)
}

// mergeByKey replaces the element of list with x's key by x, or appends x.
func mergeByKey[T any](list []T, x T, key func(T) string) []T {
	k := key(x)
	for i := range list {
		if key(list[i]) == k {
			list[i] = x
			return list
		}
	}
	return append(list, x)
}

// parseYAMLItems accepts the shapes a dictionary file may take: a list of
// mappings; a mapping whose values are such lists (sections); or a mapping
// from names to mappings (the key becomes "name"). Scalars in a list become
// {name: scalar}.
func parseYAMLItems(b []byte) ([]map[string]any, error) {
	var root any
	if err := yaml.Unmarshal(b, &root); err != nil {
		return nil, err
	}
	var out []map[string]any
	var walk func(v any, section string)
	walk = func(v any, section string) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				switch y := e.(type) {
				case map[string]any:
					if section != "" {
						if _, ok := y["section"]; !ok {
							y["section"] = section
						}
					}
					out = append(out, y)
				case string:
					out = append(out, map[string]any{"name": y, "section": section})
				}
			}
		case map[string]any:
			// A mapping of sections (values are lists) or of named entries.
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				switch y := x[k].(type) {
				case []any:
					walk(y, k)
				case map[string]any:
					if _, ok := y["name"]; !ok {
						y["name"] = k
					}
					if section != "" {
						y["section"] = section
					}
					out = append(out, y)
				}
			}
		}
	}
	walk(root, "")
	return out, nil
}

// str returns the first non-empty string value among keys.
func str(m map[string]any, keys ...string) string {
	for _, k := range keys {
		switch v := m[k].(type) {
		case string:
			if s := strings.TrimSpace(v); s != "" {
				return s
			}
		case int:
			return strconv.Itoa(v)
		case []any:
			for _, e := range v {
				if s, ok := e.(string); ok && strings.TrimSpace(s) != "" {
					return strings.TrimSpace(s)
				}
			}
		}
	}
	return ""
}

// strs returns every string value under keys (scalars, lists, or
// "|"-separated strings).
func strs(m map[string]any, keys ...string) []string {
	var out []string
	add := func(s string) {
		for _, p := range strings.Split(s, "|") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	for _, k := range keys {
		switch v := m[k].(type) {
		case string:
			add(v)
		case []any:
			for _, e := range v {
				if s, ok := e.(string); ok {
					add(s)
				}
			}
		}
	}
	return out
}

func upper(list []string) []string {
	for i := range list {
		list[i] = strings.ToUpper(list[i])
	}
	return list
}

func gender(s string) string {
	switch strings.ToLower(s) {
	case "m", "male", "masculine", "he":
		return "m"
	case "f", "female", "feminine", "she":
		return "f"
	}
	return ""
}

// parsePlaces reads the gazetteer TSV: name, alt_names (|), country, type,
// admin1, lat, lon, population. A header line starting with "name" and
// lines starting with "#" are skipped; missing trailing columns are allowed.
func parsePlaces(b []byte, where string) ([]Place, error) {
	var out []Place
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if s == "" || strings.HasPrefix(s, "#") || (line == 1 && strings.HasPrefix(s, "name\t")) {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) < 3 {
			return nil, fmt.Errorf("%s:%d: want at least name, alt_names, country; got %d columns", where, line, len(f))
		}
		p := Place{Name: strings.TrimSpace(f[0]), Country: strings.ToUpper(strings.TrimSpace(f[2]))}
		for _, a := range strings.Split(f[1], "|") {
			if a = strings.TrimSpace(a); a != "" {
				p.Alts = append(p.Alts, a)
			}
		}
		if len(f) > 3 {
			p.Type = strings.TrimSpace(f[3])
		}
		if len(f) > 4 {
			p.Admin1 = strings.TrimSpace(f[4])
		}
		if len(f) > 6 {
			p.Lat, _ = strconv.ParseFloat(strings.TrimSpace(f[5]), 64)
			p.Lon, _ = strconv.ParseFloat(strings.TrimSpace(f[6]), 64)
		}
		if len(f) > 7 {
			p.Population, _ = strconv.Atoi(strings.TrimSpace(f[7]))
		}
		if p.Name == "" {
			continue
		}
		out = append(out, p)
	}
	return out, sc.Err()
}

// honorificGender gives the gender of common honorifics (lower case, no
// final period) when the file does not.
var honorificGender = map[string]string{"mr": "m", "mister": "m", "monsieur": "m", "m": "m", "herr": "m", "señor": "m", "senor": "m",
	"signor": "m", "sr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "madame": "f", "mme": "f",
	"mlle": "f", "frau": "f", "señora": "f", "senora": "f", "signora": "f", "sra": "f", "dame": "f", "lady": "f"}

// loadPlaces merges one gazetteer file into d.Places.
func (d *Dictionaries) loadPlaces(read func(string) ([]byte, error), name, where string) error {
	b, err := read(name)
	if err != nil || b == nil {
		return err
	}
	places, err := parsePlaces(b, filepath.Join(where, name))
	if err != nil {
		return err
	}
	if len(d.Places) == 0 {
		d.Places = places
		return nil
	}
	seen := map[string]int{}
	key := func(x Place) string { return strings.ToLower(x.Name) + "\t" + x.Country + "\t" + x.Admin1 }
	for i, p := range d.Places {
		seen[key(p)] = i
	}
	for _, p := range places {
		if i, ok := seen[key(p)]; ok {
			d.Places[i] = p
			continue
		}
		seen[key(p)] = len(d.Places)
		d.Places = append(d.Places, p)
	}
	return nil
}
