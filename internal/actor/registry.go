package actor

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/attache-project/attache/internal/doc"
	"gopkg.in/yaml.v3"
)

// Registry remembers actors across documents: people and organisations
// learned from context ("Russian Foreign Ministry Spokeswoman Maria
// Zakharova"), each in a role over a date range, with the evidence. A
// later document's bare "Zakharova said" resolves through Lookup.
// Implementations must be safe for concurrent use.
type Registry interface {
	// Lookup returns the entry for a full name, alias or (for people)
	// surname, preferring user overrides, then the entry whose date range
	// holds date (YYYY-MM-DD, may be empty), then the most recently seen.
	Lookup(name, date string) (Entry, bool)
	// Learn merges what one document says about an actor: an entry with
	// the same name and role widens its date range and gains evidence.
	Learn(e Entry)
	// Override adds a user entry that wins over learned ones.
	Override(e Entry)
	// Entries returns every entry, overrides first, then by name.
	Entries() []Entry
}

// Entry is one actor in one role.
type Entry struct {
	Name      string     `yaml:"name" json:"name"`
	Aliases   []string   `yaml:"aliases,omitempty" json:"aliases,omitempty"`
	Type      string     `yaml:"type,omitempty" json:"type,omitempty"` // PERSON | ORG | GPE ...
	Country   string     `yaml:"country,omitempty" json:"country,omitempty"`
	Sectors   []string   `yaml:"sectors,omitempty" json:"sectors,omitempty"`
	Role      string     `yaml:"role,omitempty" json:"role,omitempty"`
	Code      string     `yaml:"code,omitempty" json:"code,omitempty"`
	FirstSeen string     `yaml:"first_seen,omitempty" json:"first_seen,omitempty"` // YYYY-MM-DD
	LastSeen  string     `yaml:"last_seen,omitempty" json:"last_seen,omitempty"`
	Evidence  []Evidence `yaml:"evidence,omitempty" json:"evidence,omitempty"`
	// Override marks a user entry (from --actors FILE).
	Override bool `yaml:"-" json:"override,omitempty"`
}

// Evidence says where an entry was learned.
type Evidence struct {
	Doc      string `yaml:"doc" json:"doc"`
	Sentence int    `yaml:"sentence" json:"sentence"`
	Text     string `yaml:"text,omitempty" json:"text,omitempty"` // the mention that taught it
}

// maxEvidence bounds the evidence kept per entry.
const maxEvidence = 5

// MemoryRegistry is an in-memory Registry.
type MemoryRegistry struct {
	mu      sync.RWMutex
	entries []*Entry
	index   map[string][]int // lower-case name, alias or surname -> entries
}

// NewMemoryRegistry returns an empty registry.
func NewMemoryRegistry() *MemoryRegistry {
	return &MemoryRegistry{index: map[string][]int{}}
}

func registryKeys(e *Entry) []string {
	keys := []string{strings.ToLower(e.Name)}
	for _, a := range e.Aliases {
		keys = append(keys, strings.ToLower(a))
	}
	if e.Type == "PERSON" || e.Type == "" {
		if f := strings.Fields(e.Name); len(f) > 1 {
			keys = append(keys, strings.ToLower(f[len(f)-1]))
		}
	}
	return keys
}

// Lookup implements Registry.
func (r *MemoryRegistry) Lookup(name, date string) (Entry, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	ids := r.index[strings.ToLower(strings.TrimSpace(name))]
	if len(ids) == 0 {
		return Entry{}, false
	}
	best, bestScore := -1, -1
	for _, id := range ids {
		e := r.entries[id]
		score := 0
		switch {
		case e.Override:
			score = 3
		case date != "" && e.FirstSeen <= date && (e.LastSeen == "" || date <= e.LastSeen):
			score = 2
		default:
			score = 1
		}
		if score > bestScore || (score == bestScore && e.LastSeen > r.entries[best].LastSeen) {
			best, bestScore = id, score
		}
	}
	return cloneEntry(r.entries[best]), true
}

// Learn implements Registry.
func (r *MemoryRegistry) Learn(e Entry) {
	if strings.TrimSpace(e.Name) == "" {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, id := range r.index[strings.ToLower(e.Name)] {
		x := r.entries[id]
		if x.Override || !strings.EqualFold(x.Name, e.Name) || x.Role != e.Role || x.Country != e.Country {
			continue
		}
		if e.FirstSeen != "" && (x.FirstSeen == "" || e.FirstSeen < x.FirstSeen) {
			x.FirstSeen = e.FirstSeen
		}
		if e.LastSeen > x.LastSeen {
			x.LastSeen = e.LastSeen
		}
		for _, s := range e.Sectors {
			if !containsStr(x.Sectors, s) {
				x.Sectors = append(x.Sectors, s)
			}
		}
		for _, ev := range e.Evidence {
			if len(x.Evidence) < maxEvidence {
				x.Evidence = append(x.Evidence, ev)
			}
		}
		return
	}
	r.add(e)
}

// Override implements Registry.
func (r *MemoryRegistry) Override(e Entry) {
	e.Override = true
	r.mu.Lock()
	defer r.mu.Unlock()
	r.add(e)
}

func (r *MemoryRegistry) add(e Entry) {
	c := cloneEntry(&e)
	r.entries = append(r.entries, &c)
	id := len(r.entries) - 1
	for _, k := range registryKeys(&c) {
		r.index[k] = append(r.index[k], id)
	}
}

// Entries implements Registry.
func (r *MemoryRegistry) Entries() []Entry {
	r.mu.RLock()
	defer r.mu.RUnlock()
	out := make([]Entry, 0, len(r.entries))
	for _, e := range r.entries {
		out = append(out, cloneEntry(e))
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Override != out[j].Override {
			return out[i].Override
		}
		return out[i].Name < out[j].Name
	})
	return out
}

func cloneEntry(e *Entry) Entry {
	c := *e
	c.Aliases = append([]string(nil), e.Aliases...)
	c.Sectors = append([]string(nil), e.Sectors...)
	c.Evidence = append([]Evidence(nil), e.Evidence...)
	return c
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// LoadActorsFile reads user actor entries (YAML): a list of entries, or a
// mapping with an "actors" list. Each entry needs a name; type defaults
// to PERSON; sectors and country are upper-cased.
//
//   - name: Maria Zakharova
//     aliases: [Zakharova]
//     country: RUS
//     sectors: [GOV]
//     role: spokesperson
//     first_seen: 2015-08-10
func LoadActorsFile(r io.Reader) ([]Entry, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	var list []Entry
	if err := yaml.Unmarshal(b, &list); err != nil {
		var wrap struct {
			Actors []Entry `yaml:"actors"`
		}
		if err2 := yaml.Unmarshal(b, &wrap); err2 != nil {
			return nil, err
		}
		list = wrap.Actors
	}
	for i := range list {
		e := &list[i]
		if strings.TrimSpace(e.Name) == "" {
			return nil, fmt.Errorf("entry %d has no name", i+1)
		}
		if e.Type == "" {
			e.Type = "PERSON"
		}
		e.Type = strings.ToUpper(e.Type)
		e.Country = strings.ToUpper(e.Country)
		e.Sectors = upper(e.Sectors)
	}
	return list, nil
}

// fromRegistry fills what the document does not say about e from the
// registry (user overrides replace the code and country).
func (p *proc) fromRegistry(e *ent, name string) {
	r, ok := p.lookup(name)
	if !ok {
		return
	}
	if r.Override && r.Country != "" {
		e.country = r.Country
	}
	if e.country == "" {
		e.country = r.Country
	}
	if e.role == "" {
		e.role = r.Role
	}
	if r.Override && r.Code != "" {
		e.code = r.Code
	}
	e.addSectors(r.Sectors...)
	if strings.Contains(r.Name, " ") && !strings.Contains(e.name, " ") && strings.EqualFold(e.surname, lastWord(r.Name)) {
		e.name = r.Name
	}
	if r.Type != "" && r.Type != e.typ {
		e.typ = r.Type
	}
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// learnFrom teaches reg the people and organisations of a that the text
// itself explained (a full name with a country or role).
func learnFrom(reg Registry, a *doc.Analysis) {
	date := ""
	if a.Anchor != nil {
		date = a.Anchor.Date
	}
	for _, e := range a.Entities {
		if (e.Type != "PERSON" && e.Type != "ORG") || (e.Country == nil && e.Role == nil) {
			continue
		}
		if e.Type == "PERSON" && !strings.Contains(e.Name, " ") {
			continue
		}
		var ev []Evidence
		for _, m := range e.Mentions {
			if m.Kind == KindName {
				ev = append(ev, Evidence{Doc: a.ID, Sentence: a.SentenceAt(m.Span.Start()), Text: m.Text})
				break
			}
		}
		if len(ev) == 0 {
			continue
		}
		reg.Learn(Entry{Name: e.Name, Type: e.Type, Country: doc.Val(e.Country), Sectors: e.Sectors, Role: doc.Val(e.Role),
			FirstSeen: date, LastSeen: date, Evidence: ev})
	}
}

// lookup asks the stage's registry (learned and user entries), then the
// built-in actors.
func (p *proc) lookup(name string) (Entry, bool) {
	if p.s.reg != nil {
		if e, ok := p.s.reg.Lookup(name, p.date()); ok {
			return e, true
		}
	}
	return p.r.known.Lookup(name, p.date())
}
