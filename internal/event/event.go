// Package event is the event coder of attache: it reads the sentences,
// tokens, actors, time expressions and quotes of an analysis and fills
// a.Events with CAMEO/PLOVER-coded events.
//
// Coding is dictionary-driven and explainable. Patterns (data/NN.yaml, one
// file per CAMEO root, see docs/events.md) are indexed by the lemma of their
// first word; for each token of a sentence the coder tries only the
// patterns anchored on that token's forms, so the cost does not grow with
// the size of the dictionary. Every event names the rule (pattern id) that
// produced it, and Explain returns the whole decision trail.
//
// Source and target come from sentence structure found with a light POS
// chunker: the subject (nearest actor mention left of the trigger that is
// not inside a prepositional phrase), the object (first actor after the
// pattern), slots in the pattern ($S, $T), passive voice ("was summoned by
// X"), compound actors ("Russia and China" -> one event each), reciprocal
// events ("talks between X and Y" -> X->Y and Y->X) and reported speech
// (the speaker of a quote is the source of events inside it when the quote
// names no subject actor).
package event

import (
	"context"
	"fmt"
	"sync"

	"github.com/attache-project/attache/internal/doc"
)

// Options configures the stage.
type Options struct {
	// DictDir is a directory of user dictionaries; event patterns are read
	// from DictDir/event/*.yaml and merged over the built-in ones.
	DictDir string
}

// Stage is the event annotator. It is safe for concurrent use.
type Stage struct {
	dict *Dictionary
}

var (
	cacheMu sync.Mutex
	cache   = map[string]*Dictionary{}
)

// New returns the event stage, loading (once per process and DictDir) the
// dictionaries.
func New(opts Options) (*Stage, error) {
	cacheMu.Lock()
	defer cacheMu.Unlock()
	d, ok := cache[opts.DictDir]
	if !ok {
		var err error
		d, err = LoadDictionary(opts.DictDir)
		if err != nil {
			return nil, fmt.Errorf("event dictionaries: %w", err)
		}
		cache[opts.DictDir] = d
	}
	return &Stage{dict: d}, nil
}

// Dictionary returns the stage's compiled dictionary.
func (s *Stage) Dictionary() *Dictionary { return s.dict }

// Name implements doc.Stage.
func (*Stage) Name() string { return "event" }

// Process implements doc.Stage: it replaces a.Events with the events
// coded from a's sentences.
func (s *Stage) Process(ctx context.Context, a *doc.Analysis) error {
	c := newCoder(s.dict, a, nil)
	var all []doc.Event
	for si := range a.Sentences {
		if si%64 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		if a.Dateline != nil && si == 0 && a.Sentences[0].Span.End() <= a.Dateline.BodyStart {
			continue // the dateline is not a clause
		}
		all = append(all, c.codeSentence(si)...)
	}
	all = dedupeHeadlines(a, all)
	for i := range all {
		all[i].ID = fmt.Sprintf("V%d", i+1)
	}
	if all == nil {
		all = []doc.Event{}
	}
	a.Events = all
	return nil
}
