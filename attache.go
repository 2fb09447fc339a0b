// Package attache reads news stories and files what happened: who did or
// said what to whom, when and where, coded as CAMEO/PLOVER events.
//
// The library API is small:
//
//	an, err := attache.New(attache.Options{})
//	res, err := an.Analyze(ctx, attache.Document{Text: story, Published: "2021-03-18"})
//
// Analyze runs a pipeline of stages, each adding one layer of annotation to
// a shared document model (see internal/doc): dateline, text (sentences,
// tokens, POS), actors, time expressions, quotes and events. The result
// marshals to the JSON contract "attache/analysis/v1" (docs/schema.md).
// An Analyzer is safe for concurrent use; dictionaries and models are loaded
// once and shared.
package attache

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/attache-project/attache/internal/actor"
	"github.com/attache-project/attache/internal/dateline"
	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/event"
	"github.com/attache-project/attache/internal/quote"
	"github.com/attache-project/attache/internal/text"
	"github.com/attache-project/attache/internal/timex"
)

// Document is one input document. Only Text is required.
type Document = doc.Document

// Analysis is an analysed document, the attache/analysis/v1 contract.
type Analysis = doc.Analysis

// Schema is the identifier of the analysis contract.
const Schema = doc.Schema

// Version is the version of attache, set at build time with
// -ldflags "-X github.com/attache-project/attache.Version=...".
var Version = "0.1.0-dev"

// DefaultMaxBytes is the default size limit of one document's text.
const DefaultMaxBytes = 5 << 20

// Options configures an Analyzer. The zero value is ready to use.
type Options struct {
	// DictDir is a directory of user dictionaries merged over the built-in
	// ones (actors, institutions, roles, event patterns).
	DictDir string
	// ActorsFile is a YAML file of actor entries that override what was
	// learned.
	ActorsFile string
	// DefaultYear is the year used for dateline dates when a document has
	// no published date (0: none).
	DefaultYear int
	// MaxBytes limits the size of one document's text; 0 means
	// DefaultMaxBytes, negative means no limit.
	MaxBytes int
	// Registry is the actor registry consulted for names a document does
	// not explain (see internal/registry for the persisted one). The
	// pipeline only reads it: learning happens after storing, in input
	// order, so that results do not depend on the number of workers.
	Registry Registry
	// Layers limits the pipeline to the stages up to and including the
	// named one ("dateline", "text", "actor", "timex", "quote", "event");
	// empty means all.
	Layers string
}

// Registry remembers actors across documents.
type Registry = actor.Registry

// Analyzer runs the attache pipeline.
type Analyzer struct {
	opts   Options
	stages []doc.Stage
}

// StageNames lists the pipeline stages in order.
var StageNames = []string{"dateline", "text", "actor", "timex", "quote", "event"}

// New builds an Analyzer, loading models and dictionaries.
func New(opts Options) (*Analyzer, error) {
	if opts.MaxBytes == 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.Layers != "" && !contains(StageNames, opts.Layers) {
		return nil, fmt.Errorf("unknown layer %q (want one of %s)", opts.Layers, strings.Join(StageNames, ", "))
	}
	an := &Analyzer{opts: opts}
	add := func(name string, build func() (doc.Stage, error)) error {
		if opts.Layers != "" && indexOf(StageNames, name) > indexOf(StageNames, opts.Layers) {
			return nil
		}
		s, err := build()
		if err != nil {
			return fmt.Errorf("loading %s stage: %w", name, err)
		}
		an.stages = append(an.stages, s)
		return nil
	}
	steps := []struct {
		name  string
		build func() (doc.Stage, error)
	}{
		{"dateline", func() (doc.Stage, error) { return dateline.New(dateline.Options{DefaultYear: opts.DefaultYear}) }},
		{"text", func() (doc.Stage, error) { return text.New() }},
		{"actor", func() (doc.Stage, error) {
			return actor.New(actor.Options{DictDir: opts.DictDir, ActorsFile: opts.ActorsFile, Registry: opts.Registry, NoLearn: true})
		}},
		{"timex", func() (doc.Stage, error) { return timex.New(timex.Options{}) }},
		{"quote", func() (doc.Stage, error) { return quote.New(quote.Options{DictDir: opts.DictDir}) }},
		{"event", func() (doc.Stage, error) { return event.New(event.Options{DictDir: opts.DictDir}) }},
	}
	for _, st := range steps {
		if err := add(st.name, st.build); err != nil {
			return nil, err
		}
	}
	return an, nil
}

// Stages returns the pipeline's stages in order, for benchmarks and tools.
func (an *Analyzer) Stages() []doc.Stage { return an.stages }

// ErrEmpty is returned for a document without text.
var ErrEmpty = errors.New("document has no text")

// Analyze runs the pipeline on d. It returns an error for a document that
// cannot be analysed (empty, too large, invalid date); the error does not
// affect other documents.
func (an *Analyzer) Analyze(ctx context.Context, d Document) (*Analysis, error) {
	return an.AnalyzeObserved(ctx, d, nil)
}

// AnalyzeObserved is Analyze that also reports each stage's running time
// to observe (when not nil), for benchmarks and metrics.
func (an *Analyzer) AnalyzeObserved(ctx context.Context, d Document, observe func(stage string, elapsed time.Duration)) (*Analysis, error) {
	if strings.TrimSpace(d.Text) == "" {
		return nil, ErrEmpty
	}
	if an.opts.MaxBytes > 0 && len(d.Text) > an.opts.MaxBytes {
		return nil, fmt.Errorf("document is %d bytes, over the limit of %d (--max-bytes)", len(d.Text), an.opts.MaxBytes)
	}
	if !utf8.ValidString(d.Text) {
		d.Text = strings.ToValidUTF8(d.Text, "\uFFFD")
		d.Warnings = append(d.Warnings, "invalid UTF-8 replaced with U+FFFD")
	}
	if d.ID == "" {
		d.ID = DocumentID(d.Text)
	}
	if d.Published != "" {
		p, err := NormalizeDate(d.Published)
		if err != nil {
			return nil, fmt.Errorf("published date: %w", err)
		}
		d.Published = p
	}
	a := doc.New(d)
	// Non-English documents are stored with their language but not coded
	// (the dictionaries and rules are English): only the stages up to
	// text run.
	foreign := d.Language != "" && !strings.EqualFold(d.Language, "en")
	if foreign {
		a.Warnings = append(a.Warnings, "language "+d.Language+": not coded")
	}
	for _, s := range an.stages {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		start := time.Now()
		if err := s.Process(ctx, a); err != nil {
			return nil, fmt.Errorf("%s stage: %w", s.Name(), err)
		}
		if observe != nil {
			observe(s.Name(), time.Since(start))
		}
		if foreign && s.Name() == "text" {
			break
		}
	}
	if a.Source == nil && a.Dateline != nil && a.Dateline.Agency != nil {
		// A wire story names its agency in the dateline.
		a.Source = doc.Str(*a.Dateline.Agency)
	}
	a.Normalize()
	return a, nil
}

func contains(list []string, s string) bool { return indexOf(list, s) >= 0 }

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}
