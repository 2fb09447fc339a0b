package main

import (
	"os"
	"runtime"

	"github.com/attache-project/attache"
	"github.com/attache-project/attache/internal/ingest"
	"github.com/attache-project/attache/internal/run"
	"github.com/spf13/cobra"
)

// addInputFlags adds the flags shared by the commands that read documents.
func addInputFlags(c *cobra.Command) {
	f := c.Flags()
	f.String("input", "", "format of stdin and of files without a known extension: jsonl, text, html, feed or warc (sniffed when empty)")
	f.Bool("follow", false, "for feed items, fetch the linked page and take the article from it")
	f.String("published", "", "published date YYYY-MM-DD for every document (overrides the input); a bare year only sets the year of datelines")
	f.String("source", "", "source (agency or outlet) name for every document")
	f.Int("max-bytes", attache.DefaultMaxBytes, "largest document text accepted, in bytes")
	f.Int("workers", runtime.NumCPU(), "number of documents analysed in parallel")
	f.String("actors", "", "YAML file of actor entries that override what attache has learned")
}

// inputOptions reads the shared input flags into analyzer and run options.
func inputOptions(c *cobra.Command, args []string) (attache.Options, run.Options, error) {
	f := c.Flags()
	input, _ := f.GetString("input")
	published, _ := f.GetString("published")
	source, _ := f.GetString("source")
	maxBytes, _ := f.GetInt("max-bytes")
	workers, _ := f.GetInt("workers")
	actors, _ := f.GetString("actors")
	dict, _ := c.Flags().GetString("dict")
	follow, _ := f.GetBool("follow")
	switch input {
	case "", "jsonl", "text", "html", "feed", "warc":
	default:
		return attache.Options{}, run.Options{}, usagef("--input must be jsonl, text, html, feed or warc, not %q", input)
	}
	if workers < 1 {
		return attache.Options{}, run.Options{}, usagef("--workers must be at least 1")
	}
	if maxBytes < 1 {
		return attache.Options{}, run.Options{}, usagef("--max-bytes must be positive")
	}
	ro := ingest.Options{Input: input, Published: published, Source: source, MaxBytes: maxBytes,
		Follow: follow, UserAgent: ingest.UserAgent(attache.Version)}
	year, err := ingest.CheckPublished(published)
	if err != nil {
		return attache.Options{}, run.Options{}, usageError{err}
	}
	if len(args) == 0 {
		args = []string{"-"}
	}
	ao := attache.Options{DictDir: dict, ActorsFile: actors, DefaultYear: year, MaxBytes: maxBytes}
	return ao, run.Options{Paths: args, Stdin: os.Stdin, Read: ro, Workers: workers, Stderr: os.Stderr}, nil
}
