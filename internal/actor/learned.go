package actor

import "github.com/attache-project/attache/internal/doc"

// Learned returns the registry entries that the text of a explains itself
// (a full name with a country or a role), for callers that persist the
// registry and teach it in a fixed order rather than during analysis.
func Learned(a *doc.Analysis) []Entry {
	var c collector
	learnFrom(&c, a)
	return c.entries
}

// collector is a Registry that only records what it is taught.
type collector struct{ entries []Entry }

func (c *collector) Lookup(string, string) (Entry, bool) { return Entry{}, false }
func (c *collector) Learn(e Entry)                       { c.entries = append(c.entries, e) }
func (c *collector) Override(Entry)                      {}
func (c *collector) Entries() []Entry                    { return c.entries }
