package stream

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/ingest"
	"github.com/nats-io/nats.go/jetstream"
)

// PublishSummary counts what a publish run did.
type PublishSummary struct {
	Read int `json:"read"`
	// Published is the number of documents the stream accepted as new.
	Published int `json:"published"`
	// Duplicates is the number the stream dropped as already queued
	// within the dedup window.
	Duplicates int `json:"duplicates"`
	// Failed is the number of documents that could not be read or
	// published (each reported on Stderr).
	Failed  int           `json:"failed"`
	Elapsed time.Duration `json:"elapsed_ns"`
}

// Print writes the summary for people.
func (s PublishSummary) Print(w io.Writer) {
	rate := 0.0
	if secs := s.Elapsed.Seconds(); secs > 0 {
		rate = float64(s.Read) / secs
	}
	fmt.Fprintf(w, "%d read, %d queued, %d already queued, %d failed in %.1fs (%.0f docs/s)\n",
		s.Read, s.Published, s.Duplicates, s.Failed, s.Elapsed.Seconds(), rate)
}

// PublishOptions configures Publish.
type PublishOptions struct {
	// ID gives a document without an id its id (attache.DocumentID).
	ID func(text string) string
	// DefaultYear is sent with every document for the datelines of
	// undated ones (0: none).
	DefaultYear int
	// Stderr receives per-document problems.
	Stderr io.Writer
	// Window is the number of publishes awaiting acknowledgement at once.
	Window int
}

// Publish puts every document that read yields on the work queue, with
// its document id as message id. Bad documents (read errors, messages over
// the server's size limit) are reported and counted; reading goes on.
func (c *Client) Publish(ctx context.Context, read func(fn func(ingest.Item) error) error, opts PublishOptions) (PublishSummary, error) {
	var sum PublishSummary
	start := time.Now()
	if opts.Window <= 0 {
		opts.Window = 512
	}
	if opts.Stderr == nil {
		opts.Stderr = io.Discard
	}
	type pending struct {
		name string
		f    jetstream.PubAckFuture
	}
	var window []pending
	settle := func(p pending) error {
		select {
		case ack := <-p.f.Ok():
			if ack.Duplicate {
				sum.Duplicates++
			} else {
				sum.Published++
			}
		case err := <-p.f.Err():
			if errors.Is(err, jetstream.ErrNoStreamResponse) || errors.Is(err, context.DeadlineExceeded) {
				return fmt.Errorf("publishing %s: %w", p.name, err)
			}
			sum.Failed++
			fmt.Fprintf(opts.Stderr, "attache: %s: not queued: %v\n", p.name, err)
		case <-ctx.Done():
			return ctx.Err()
		}
		return nil
	}
	max := int(c.nc.MaxPayload())
	err := read(func(it ingest.Item) error {
		sum.Read++
		d := it.Doc
		if it.Err != nil {
			sum.Failed++
			fmt.Fprintf(opts.Stderr, "attache: %s\n", it.Err)
			return nil
		}
		for _, w := range d.Warnings {
			fmt.Fprintf(opts.Stderr, "attache: warning: %s: %s\n", d.Name, w)
		}
		if d.ID == "" && opts.ID != nil {
			d.ID = opts.ID(d.Text)
		}
		m, err := message(c.cfg.Subject, d, opts.DefaultYear)
		if err != nil {
			sum.Failed++
			fmt.Fprintf(opts.Stderr, "attache: %s: %v\n", d.Name, err)
			return nil
		}
		if size := len(m.Data) + 512; max > 0 && size > max {
			sum.Failed++
			fmt.Fprintf(opts.Stderr, "attache: %s: document is %d bytes, over the NATS server's max_payload of %d: not queued\n", d.Name, len(m.Data), max)
			return nil
		}
		f, err := c.js.PublishMsgAsync(m)
		if err != nil {
			return fmt.Errorf("publishing %s: %w", d.Name, err)
		}
		window = append(window, pending{d.Name, f})
		if len(window) >= opts.Window {
			for _, p := range window[:len(window)/2] {
				if err := settle(p); err != nil {
					return err
				}
			}
			window = append(window[:0], window[len(window)/2:]...)
		}
		return ctx.Err()
	})
	for _, p := range window {
		if serr := settle(p); serr != nil && err == nil {
			err = serr
		}
	}
	sum.Elapsed = time.Since(start)
	return sum, err
}

// PublishDocs is Publish for documents in memory.
func (c *Client) PublishDocs(ctx context.Context, docs []doc.Document, opts PublishOptions) (PublishSummary, error) {
	return c.Publish(ctx, func(fn func(ingest.Item) error) error {
		for _, d := range docs {
			if err := fn(ingest.Item{Doc: d}); err != nil {
				return err
			}
		}
		return nil
	}, opts)
}
