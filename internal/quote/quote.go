// Package quote adds the quotes layer to an analysis: who said what, how,
// through which medium and when. It finds direct quotes (text between
// quotation marks, over sentences and paragraphs), indirect speech ("X said
// that ...", "..., X said.", "according to X, ...") and mixed quotes (an
// indirect clause with short quoted fragments), the cue that introduces
// each, the speaker's span and the actor-layer entity it refers to, the
// medium or occasion ("on its Facebook account", "at a news conference")
// and the date of the speech act.
//
// The cues and the medium patterns are data (data/cues.yaml,
// data/media.yaml), loaded once per process and extensible from a user
// dictionary directory; see docs/quotes.md.
package quote

import (
	"context"
	"strings"
	"sync"

	"github.com/attache-project/attache/internal/doc"
)

// Options configures the stage.
type Options struct {
	// DictDir is a directory whose quote-cues.yaml and quote-media.yaml
	// are merged over the built-in lexicons.
	DictDir string
	// Beliefs turns on attribution mode: it also reports attributed
	// beliefs, intentions, evaluations and topics ("X thinks that ...",
	// "X wants ...", "X criticized the plan", "Clinton appeared to gain",
	// "his claim that ...", "In a CNN poll, ..."), as attribution corpora
	// such as PolNeAR annotate them, and keeps the complementizer "that" in
	// the content. Off by default: the quotes layer holds statements.
	Beliefs bool
}

// Stage is the quote annotator. It is safe for concurrent use.
type Stage struct {
	lex     *Lexicon
	beliefs bool
}

var (
	lexMu    sync.Mutex
	lexCache = map[string]*Lexicon{}
)

// New returns a quote stage, loading the lexicons once per dictionary
// directory and process.
func New(opts Options) (*Stage, error) {
	lexMu.Lock()
	defer lexMu.Unlock()
	l, ok := lexCache[opts.DictDir]
	if !ok {
		var err error
		l, err = loadLexicon(opts.DictDir)
		if err != nil {
			return nil, err
		}
		lexCache[opts.DictDir] = l
	}
	return &Stage{lex: l, beliefs: opts.Beliefs}, nil
}

// Lexicon returns the stage's cue and medium lexicon.
func (s *Stage) Lexicon() *Lexicon { return s.lex }

// Name implements doc.Stage.
func (*Stage) Name() string { return "quote" }

// Process implements doc.Stage: it fills a.Quotes. It needs the text layer
// (sentences and tokens); it uses the actor layer (a.Entities) to resolve
// speakers and the timex layer (a.Timexes) for dates when they are present.
func (s *Stage) Process(ctx context.Context, a *doc.Analysis) error {
	a.Quotes = a.Quotes[:0]
	if len(a.Sentences) == 0 || len(a.Tokens) == 0 {
		return nil
	}
	p := &proc{s: s, a: a, text: a.Text}
	p.run(ctx)
	if a.Quotes == nil {
		a.Quotes = []doc.Quote{}
	}
	return ctx.Err()
}

// paragraphs returns the paragraph spans of a, from its sentences.
func paragraphs(a *doc.Analysis) []doc.Span {
	var out []doc.Span
	for i, se := range a.Sentences {
		if i > 0 && se.Paragraph == a.Sentences[i-1].Paragraph && len(out) > 0 && !strings.Contains(a.Text[out[len(out)-1].End():se.Span.Start()], "\n\n") {
			out[len(out)-1][1] = se.Span.End()
			continue
		}
		out = append(out, se.Span)
	}
	return out
}
