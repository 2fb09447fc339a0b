// Package batch runs the analysis pipeline over a stream of documents with
// several workers while keeping the input order: results reach the sink in
// the order the documents were read, whatever the number of workers, so
// output and store contents do not depend on it.
package batch

import (
	"context"
	"fmt"
	"sync"

	"github.com/attache-project/attache/internal/doc"
)

// Item is one input: a document, or a problem reading one.
type Item struct {
	Doc doc.Document
	// Err is a reading problem; the item is passed to the sink unanalysed.
	Err error
	// Skip marks a document that needs no analysis (e.g. already stored);
	// it is passed to the sink unanalysed.
	Skip bool
}

// Result is one analysed (or failed, or skipped) item, in input order.
type Result struct {
	Index    int
	Item     Item
	Analysis *doc.Analysis
	// Err is the reading or analysis error of this item.
	Err error
}

// Analyze is the analysis function run by the workers.
type Analyze func(ctx context.Context, d doc.Document) (*doc.Analysis, error)

// Run reads items with read (which calls emit for each one), analyses them
// with workers goroutines, and calls sink for each result in input order.
// A sink error or a read error stops the run and is returned; per-item
// errors are only passed to the sink.
func Run(ctx context.Context, workers int, read func(emit func(Item) error) error, analyze Analyze, sink func(Result) error) error {
	if workers < 1 {
		workers = 1
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		idx  int
		item Item
	}
	jobs := make(chan job, workers*2)
	results := make(chan Result, workers*2)

	var readErr error
	readDone := make(chan struct{})
	go func() {
		defer close(readDone)
		defer close(jobs)
		i := 0
		readErr = read(func(it Item) error {
			select {
			case jobs <- job{i, it}:
				i++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()

	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				r := Result{Index: j.idx, Item: j.item, Err: j.item.Err}
				if r.Err == nil && !j.item.Skip {
					r.Analysis, r.Err = safeAnalyze(ctx, analyze, j.item.Doc)
				}
				select {
				case results <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	// Reorder: hold results that arrive early until their turn comes. At
	// most about 4*workers results wait here, bounded by the channels.
	pending := map[int]Result{}
	next := 0
	var sinkErr error
	for r := range results {
		if sinkErr != nil {
			continue // drain so that workers can exit
		}
		pending[r.Index] = r
		for {
			p, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if err := sink(p); err != nil {
				sinkErr = err
				cancel()
				break
			}
		}
	}
	<-readDone // the reader has stopped: readErr is written
	if sinkErr != nil {
		return sinkErr
	}
	if readErr != nil && readErr != context.Canceled {
		return readErr
	}
	return ctx.Err()
}

// safeAnalyze turns a panic in a stage into an error for that document, so
// that one bad document never takes the others down.
func safeAnalyze(ctx context.Context, analyze Analyze, d doc.Document) (a *doc.Analysis, err error) {
	defer func() {
		if p := recover(); p != nil {
			a = nil
			err = &PanicError{Value: p}
		}
	}()
	return analyze(ctx, d)
}

// PanicError reports a stage that panicked on a document.
type PanicError struct{ Value any }

func (e *PanicError) Error() string {
	return "internal error (panic) while analysing: " + fmt.Sprint(e.Value)
}
