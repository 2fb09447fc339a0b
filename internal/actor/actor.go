// Package actor adds the entities layer to an analysis: countries,
// places, organisations, national institutions and people, with their
// country, CAMEO sectors, role and actor code, and every mention of each
// one in the document (names, aliases, titles, definite descriptions,
// pronouns, adjectives and metonyms). It also fills the dateline's country.
//
// Recognition is dictionary- and pattern-based (see
// docs/dictionaries-actor.md): countries with their names, abbreviations,
// adjectives, demonyms and seats of power; a world gazetteer; organisations;
// institution heads ("foreign ministry") that combine with a country
// ("Russian foreign ministry", "the Russian embassy in the United States");
// roles ("spokeswoman") and honorifics that introduce people; and
// capitalised sequences tagged NNP. A capital is the country's government
// (a metonym) when it acts or speaks ("Moscow said", "Washington's
// policy") and a place after a locative preposition ("fly to Moscow").
//
// Coreference inside a document follows a small salience model described
// in coref.go. Across documents a Registry remembers people and
// organisations learned from context so that a later bare "Zakharova
// said" resolves.
package actor

import (
	"context"
	"fmt"
	"os"

	"github.com/attache-project/attache/internal/doc"
)

// Options configures the stage.
type Options struct {
	// DictDir is a directory of user dictionaries (same file names as the
	// built-in ones) merged over the built-ins.
	DictDir string
	// ActorsFile is a YAML file of actor entries that override what the
	// registry learned (see LoadActorsFile).
	ActorsFile string
	// Registry, when set, is consulted for names the document does not
	// explain and learns the actors of every analysed document. When nil
	// and ActorsFile is set, an in-memory registry holding the file's
	// entries is used.
	Registry Registry
	// NoLearn stops the stage from teaching the registry (read-only use).
	NoLearn bool
}

// Stage is the actor annotator. It is safe for concurrent use.
type Stage struct {
	res   *resources
	reg   Registry
	learn bool
}

// New returns an actor stage, loading the dictionaries once per process
// (and once per DictDir).
func New(opts Options) (*Stage, error) {
	res, err := loadResources(opts.DictDir)
	if err != nil {
		return nil, err
	}
	s := &Stage{res: res, reg: opts.Registry, learn: !opts.NoLearn}
	if opts.ActorsFile != "" {
		f, err := os.Open(opts.ActorsFile)
		if err != nil {
			return nil, fmt.Errorf("actors file: %w", err)
		}
		defer f.Close()
		entries, err := LoadActorsFile(f)
		if err != nil {
			return nil, fmt.Errorf("actors file %s: %w", opts.ActorsFile, err)
		}
		if s.reg == nil {
			s.reg = NewMemoryRegistry()
		}
		for _, e := range entries {
			s.reg.Override(e)
		}
	}
	return s, nil
}

// Name implements doc.Stage.
func (*Stage) Name() string { return "actor" }

// Dictionaries returns the loaded dictionaries (read-only).
func (s *Stage) Dictionaries() *Dictionaries { return s.res.d }

// PlaceCountry returns the ISO alpha-3 country of a place name (as in a
// dateline), optionally narrowed by a region; ok is false when unknown.
func (s *Stage) PlaceCountry(place, region string) (string, bool) {
	return s.res.PlaceCountry(place, region)
}

// Process implements doc.Stage: it fills a.Entities and a.Dateline.Country.
func (s *Stage) Process(ctx context.Context, a *doc.Analysis) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if d := a.Dateline; d != nil && d.Country == nil && d.Place != "" {
		if c, ok := s.res.PlaceCountry(d.Place, doc.Val(d.Region)); ok {
			d.Country = doc.Str(c)
		}
	}
	p := newProc(s, a)
	p.run()
	a.Entities = p.entities()
	if s.reg != nil && s.learn {
		learnFrom(s.reg, a)
	}
	return nil
}
