// Package run carries out the document-processing commands: it reads
// documents (internal/ingest), analyses them with several workers in input
// order (internal/batch), and writes the results to an output stream
// (analyze) or to the store (ingest), reporting each failed document by name
// and keeping a summary.
package run

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/attache-project/attache"
	"github.com/attache-project/attache/internal/batch"
	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/ingest"
	"github.com/attache-project/attache/internal/render"
	"github.com/attache-project/attache/internal/store"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// Options configures a run.
type Options struct {
	// Docs, when not nil, are the documents to process instead of Paths.
	Docs    []doc.Document
	Paths   []string
	Stdin   io.Reader
	Read    ingest.Options
	Workers int
	// Stderr receives per-document problems, the progress bar and the
	// summary.
	Stderr io.Writer
	// Progress shows a progress bar (when Stderr is a terminal).
	Progress bool
	// BatchSize is the number of documents per store transaction.
	BatchSize int
	// AfterPut is called after each committed store batch with the newly
	// stored analyses (event clustering, actor registry).
	AfterPut func(ctx context.Context, stored []*doc.Analysis) error
}

// Summary counts what a run did.
type Summary struct {
	Read    int           `json:"read"`
	Stored  int           `json:"stored"`
	Skipped int           `json:"skipped"`
	Failed  int           `json:"failed"`
	Layers  store.Stats   `json:"annotations"`
	Elapsed time.Duration `json:"elapsed_ns"`
	Words   int           `json:"words"`
	// Warnings counts the readers' notices about inputs as a whole
	// (archive records skipped, archives read in part, files that are not
	// feeds); each was printed on stderr.
	Warnings int `json:"warnings"`
}

// Print writes the summary for people.
func (s Summary) Print(w io.Writer, verb string) {
	secs := s.Elapsed.Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(s.Read) / secs
	}
	fmt.Fprintf(w, "%d read, %d %s, %d skipped, %d failed in %.1fs (%.0f docs/s)\n", s.Read, s.Stored, verb, s.Skipped, s.Failed, secs, rate)
	l := s.Layers
	if s.Warnings > 0 {
		fmt.Fprintf(w, "%d input warnings (see above)\n", s.Warnings)
	}
	fmt.Fprintf(w, "annotations: %d entities (%d mentions), %d timexes, %d quotes, %d events\n", l.Entities, l.Mentions, l.Timexes, l.Quotes, l.Events)
}

func (s *Summary) count(a *doc.Analysis) {
	s.Layers.Documents++
	s.Layers.Entities += len(a.Entities)
	for _, e := range a.Entities {
		s.Layers.Mentions += len(e.Mentions)
	}
	s.Layers.Timexes += len(a.Timexes)
	s.Layers.Quotes += len(a.Quotes)
	s.Layers.Events += len(a.Events)
	s.Words += len(a.Tokens)
}

// reportFailure writes one failed document to stderr: its name and reason.
func reportFailure(w io.Writer, r batch.Result) {
	name := r.Item.Doc.Name
	if name == "" {
		name = r.Item.Doc.ID
	}
	msg := r.Err.Error()
	if strings.HasPrefix(msg, name+":") {
		fmt.Fprintf(w, "attache: %s\n", msg) // the reader already named the document
		return
	}
	fmt.Fprintf(w, "attache: %s: %s\n", name, msg)
}

func reportWarnings(w io.Writer, d doc.Document) {
	for _, m := range d.Warnings {
		fmt.Fprintf(w, "attache: warning: %s: %s\n", d.Name, m)
	}
}

// Analyze analyses every document and writes each result to out in input
// order as JSON lines ("jsonl"), an indented JSON array ("json") or a
// readable view ("text").
func Analyze(ctx context.Context, an *attache.Analyzer, opts Options, format string, out io.Writer) (Summary, error) {
	var sum Summary
	start := time.Now()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	first := true
	if format == "json" {
		fmt.Fprint(out, "[")
		enc.SetIndent("", "  ")
	}
	read := func(emit func(batch.Item) error) error {
		return readItems(ctx, opts, func(it ingest.Item) error {
			if it.IsNotice() {
				sum.Warnings++
				fmt.Fprintf(opts.Stderr, "attache: warning: %s: %s\n", it.Doc.Name, it.Warning)
				return nil
			}
			return emit(batch.Item{Doc: it.Doc, Err: it.Err})
		})
	}
	err := batch.Run(ctx, opts.Workers, read, an.Analyze, func(r batch.Result) error {
		sum.Read++
		reportWarnings(opts.Stderr, r.Item.Doc)
		if r.Err != nil {
			sum.Failed++
			reportFailure(opts.Stderr, r)
			return nil
		}
		sum.Stored++
		sum.count(r.Analysis)
		switch format {
		case "text":
			if !first {
				fmt.Fprintln(out)
			}
			render.Text(out, r.Analysis)
		case "json":
			if !first {
				fmt.Fprint(out, ",")
			}
			fmt.Fprintln(out)
			if err := enc.Encode(r.Analysis); err != nil {
				return err
			}
		default:
			if err := enc.Encode(r.Analysis); err != nil {
				return err
			}
		}
		first = false
		return nil
	})
	if format == "json" {
		fmt.Fprintln(out, "]")
	}
	sum.Elapsed = time.Since(start)
	return sum, err
}

// Ingest analyses every document not yet in the store and stores it, in
// batches of one transaction each: a crash loses at most the batch being
// written, and a re-run skips what is stored and completes the rest.
func Ingest(ctx context.Context, an *attache.Analyzer, st store.Store, opts Options) (Summary, error) {
	var sum Summary
	start := time.Now()
	if opts.BatchSize <= 0 {
		opts.BatchSize = 64
	}
	bar := newBar(ctx, opts)
	read := func(emit func(batch.Item) error) error {
		return readItems(ctx, opts, func(it ingest.Item) error {
			if it.IsNotice() {
				sum.Warnings++
				if bar != nil {
					bar.Clear()
				}
				fmt.Fprintf(opts.Stderr, "attache: warning: %s: %s\n", it.Doc.Name, it.Warning)
				return nil
			}
			bi := batch.Item{Doc: it.Doc, Err: it.Err}
			if it.Err == nil {
				if bi.Doc.ID == "" {
					bi.Doc.ID = attache.DocumentID(bi.Doc.Text)
				}
				has, err := st.Has(ctx, bi.Doc.ID)
				if err != nil {
					return err
				}
				bi.Skip = has
			}
			return emit(bi)
		})
	}
	var pending []*doc.Analysis
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		ok, err := st.Put(ctx, pending)
		if err != nil {
			return err
		}
		var stored []*doc.Analysis
		for i, a := range pending {
			if ok[i] {
				sum.Stored++
				sum.count(a)
				stored = append(stored, a)
			} else {
				sum.Skipped++ // a repeat inside the same run
			}
		}
		pending = pending[:0]
		if opts.AfterPut != nil && len(stored) > 0 {
			return opts.AfterPut(ctx, stored)
		}
		return nil
	}
	lastFlush := time.Now()
	err := batch.Run(ctx, opts.Workers, read, an.Analyze, func(r batch.Result) error {
		sum.Read++
		if bar != nil {
			bar.Add(1)
		}
		reportWarnings(opts.Stderr, r.Item.Doc)
		switch {
		case r.Err != nil:
			sum.Failed++
			if bar != nil {
				bar.Clear()
			}
			reportFailure(opts.Stderr, r)
		case r.Item.Skip:
			sum.Skipped++
		default:
			pending = append(pending, r.Analysis)
		}
		if len(pending) >= opts.BatchSize || (len(pending) > 0 && time.Since(lastFlush) > 2*time.Second) {
			lastFlush = time.Now()
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if bar != nil {
		bar.Finish()
		fmt.Fprintln(opts.Stderr)
	}
	sum.Elapsed = time.Since(start)
	return sum, err
}

// newBar returns a progress bar on stderr when it is a terminal and
// progress was asked for. The total is counted up front when the inputs
// are files, so that the bar can show an ETA.
func newBar(ctx context.Context, opts Options) *progressbar.ProgressBar {
	f, ok := opts.Stderr.(*os.File)
	if !opts.Progress || !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	total := countDocuments(ctx, opts)

	return progressbar.NewOptions(total,
		progressbar.OptionSetWriter(f),
		progressbar.OptionSetDescription("ingest"),
		progressbar.OptionSetItsString("docs"),
		progressbar.OptionShowIts(),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
	)
}

// countDocuments counts the documents of file inputs by reading them once
// (cheap next to analysing them); it returns -1 (unknown) for stdin.
func countDocuments(ctx context.Context, opts Options) int {
	if opts.Docs != nil {
		return len(opts.Docs)
	}
	n := 0
	for _, p := range opts.Paths {
		if p == "-" {
			return -1
		}
	}
	for _, p := range opts.Paths {
		if strings.HasPrefix(p, "http://") || strings.HasPrefix(p, "https://") {
			return -1 // not fetched twice
		}
	}
	err := ingest.Read(ctx, opts.Paths, nil, opts.Read, func(it ingest.Item) error {
		if !it.IsNotice() {
			n++
		}
		return nil
	})
	if err != nil {
		return -1
	}
	return n
}

// readItems calls fn for each input document: opts.Docs when given, else
// what the readers find in opts.Paths.
func readItems(ctx context.Context, opts Options, fn func(ingest.Item) error) error {
	if opts.Docs == nil {
		return ingest.Read(ctx, opts.Paths, opts.Stdin, opts.Read, fn)
	}
	for _, d := range opts.Docs {
		if err := fn(ingest.Item{Doc: d}); err != nil {
			return err
		}
	}
	return nil
}
