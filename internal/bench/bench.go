// Package bench measures the analysis pipeline on a corpus: documents and
// words per second over several runs (the median is reported, as these
// machines are noisy), time per stage, and peak memory.
package bench

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"sort"
	"sync"
	"syscall"
	"time"

	"github.com/attache-project/attache"
	"github.com/attache-project/attache/internal/doc"
)

// Options configures a benchmark.
type Options struct {
	Runs    int // runs over the whole corpus (default 3)
	Workers int // parallel documents (default 1: per-core figures)
}

// Result is what a benchmark measured.
type Result struct {
	Documents  int                      `json:"documents"`
	Words      int                      `json:"words"`
	Runs       int                      `json:"runs"`
	Workers    int                      `json:"workers"`
	DocsPerS   float64                  `json:"docs_per_s"`  // median over runs
	WordsPerS  float64                  `json:"words_per_s"` // median over runs
	Seconds    []float64                `json:"run_seconds"`
	Stages     map[string]time.Duration `json:"stage_ns"` // total time per stage in the last run (Workers 1 only)
	StageOrder []string                 `json:"stage_order"`
	PeakRSS    int64                    `json:"peak_rss_bytes"`
	Failed     int                      `json:"failed"`
}

// Run analyses docs opts.Runs times with an.
func Run(ctx context.Context, an *attache.Analyzer, docs []doc.Document, opts Options) (Result, error) {
	if opts.Runs <= 0 {
		opts.Runs = 3
	}
	if opts.Workers <= 0 {
		opts.Workers = 1
	}
	res := Result{Documents: len(docs), Runs: opts.Runs, Workers: opts.Workers, Stages: map[string]time.Duration{}}
	for _, s := range an.Stages() {
		res.StageOrder = append(res.StageOrder, s.Name())
	}
	for r := 0; r < opts.Runs; r++ {
		start := time.Now()
		words, failed, err := runOnce(ctx, an, docs, opts.Workers, res.Stages, r == opts.Runs-1)
		if err != nil {
			return res, err
		}
		res.Seconds = append(res.Seconds, time.Since(start).Seconds())
		res.Words, res.Failed = words, failed
	}
	med := median(res.Seconds)
	if med > 0 {
		res.DocsPerS = float64(res.Documents) / med
		res.WordsPerS = float64(res.Words) / med
	}
	res.PeakRSS = peakRSS()
	return res, nil
}

// runOnce analyses every document once. With one worker and timeStages
// set, each stage is timed separately.
func runOnce(ctx context.Context, an *attache.Analyzer, docs []doc.Document, workers int, stages map[string]time.Duration, timeStages bool) (int, int, error) {
	var mu sync.Mutex
	words, failed := 0, 0
	next := 0
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= len(docs) || ctx.Err() != nil {
					return
				}
				var a *doc.Analysis
				var err error
				if timeStages && workers == 1 {
					a, err = analyzeTimed(ctx, an, docs[i], stages)
				} else {
					a, err = an.Analyze(ctx, docs[i])
				}
				mu.Lock()
				if err != nil {
					failed++
				} else {
					words += countWords(a)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return words, failed, ctx.Err()
}

// analyzeTimed analyses d, adding each stage's time to stages.
func analyzeTimed(ctx context.Context, an *attache.Analyzer, d doc.Document, stages map[string]time.Duration) (*doc.Analysis, error) {
	return an.AnalyzeObserved(ctx, d, func(stage string, elapsed time.Duration) { stages[stage] += elapsed })
}

// countWords counts word tokens (not punctuation).
func countWords(a *doc.Analysis) int {
	n := 0
	for _, t := range a.Tokens {
		for _, r := range t.Text {
			if r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r > 127 {
				n++
				break
			}
		}
	}
	return n
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// peakRSS returns the process's peak resident set size in bytes (0 where
// the platform does not say).
func peakRSS() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	if runtime.GOOS == "darwin" {
		return ru.Maxrss
	}
	return ru.Maxrss * 1024
}

// Print writes the result for people.
func (r Result) Print(w io.Writer) {
	fmt.Fprintf(w, "%d documents, %d words, %d runs, %d worker(s)\n", r.Documents, r.Words, r.Runs, r.Workers)
	fmt.Fprintf(w, "median: %.0f docs/s, %.0f words/s (runs: ", r.DocsPerS, r.WordsPerS)
	for i, s := range r.Seconds {
		if i > 0 {
			fmt.Fprint(w, ", ")
		}
		fmt.Fprintf(w, "%.2fs", s)
	}
	fmt.Fprintln(w, ")")
	if r.Failed > 0 {
		fmt.Fprintf(w, "failed documents: %d\n", r.Failed)
	}
	var total time.Duration
	for _, d := range r.Stages {
		total += d
	}
	if total > 0 {
		fmt.Fprintln(w, "time per stage (last run):")
		for _, name := range r.StageOrder {
			d := r.Stages[name]
			wps := 0.0
			if d > 0 {
				wps = float64(r.Words) / d.Seconds()
			}
			fmt.Fprintf(w, "  %-9s %8.3fs  %5.1f%%  %12.0f words/s\n", name, d.Seconds(), 100*float64(d)/float64(total), wps)
		}
	}
	fmt.Fprintf(w, "peak memory (RSS): %.1f MB\n", float64(r.PeakRSS)/(1<<20))
}
