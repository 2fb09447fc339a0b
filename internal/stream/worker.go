package stream

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/attache-project/attache/internal/batch"
	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/store"
	"github.com/nats-io/nats.go/jetstream"
)

// ErrKilled is returned by Worker.Run when its Kill context ended it.
var ErrKilled = errors.New("worker killed")

// Worker takes documents off the queue, analyses them, stores them in
// batches and acknowledges them after the commit.
type Worker struct {
	Client *Client
	Store  store.Store
	// Analyzer returns the analysis function for documents with the given
	// default dateline year (0: none). It is called once per year.
	Analyzer func(defaultYear int) (batch.Analyze, error)
	// AfterPut runs after each committed batch with the newly stored
	// analyses: the same hook that `attache ingest` passes to run.Ingest
	// (event clustering, actor registry). Its errors are logged: the
	// documents are committed and the hook's work is incremental, so the
	// next call catches up.
	AfterPut func(ctx context.Context, stored []*doc.Analysis) error
	// Workers is the number of documents analysed in parallel.
	Workers int
	// Batch is the number of documents fetched and stored per transaction.
	Batch int
	// Log receives per-document problems and dead letters.
	Log io.Writer
	// ExitWhenIdle makes Run return once the queue is empty and nothing is
	// in flight (back-fills, benchmarks, tests).
	ExitWhenIdle bool
	// Kill, when done, stops the worker at once like a crashed process:
	// the batch in hand is abandoned without acks, and the connection is
	// closed. (Cancelling Run's context instead drains: the batch in hand
	// is finished and acknowledged.)
	Kill context.Context

	mu        sync.Mutex
	analyzers map[int]batch.Analyze
	stats     WorkerStats
}

// WorkerStats counts what a worker did.
type WorkerStats struct {
	Batches int `json:"batches"`
	// Stored documents were committed by this worker.
	Stored int `json:"stored"`
	// Skipped documents were already stored (redeliveries, repeats).
	Skipped int `json:"skipped"`
	// Dead documents went to the dead-letter stream.
	Dead int `json:"dead"`
	// Retried documents were handed back for redelivery after a store
	// error.
	Retried int `json:"retried"`
	Events  int `json:"events"`
	// StoreTime is the time spent in Store.Put (the write transactions).
	StoreTime time.Duration `json:"store_ns"`
	Elapsed   time.Duration `json:"elapsed_ns"`
}

// Print writes the stats for people.
func (s WorkerStats) Print(w io.Writer) {
	rate := 0.0
	if secs := s.Elapsed.Seconds(); secs > 0 {
		rate = float64(s.Stored+s.Skipped) / secs
	}
	fmt.Fprintf(w, "%d stored (%d events), %d skipped, %d dead letters, %d retried, %d batches in %.1fs (%.1f docs/s; %.1fs writing)\n",
		s.Stored, s.Events, s.Skipped, s.Dead, s.Retried, s.Batches, s.Elapsed.Seconds(), rate, s.StoreTime.Seconds())
}

// Stats returns what the worker has done so far.
func (w *Worker) Stats() WorkerStats {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.stats
}

func (w *Worker) count(f func(s *WorkerStats)) {
	w.mu.Lock()
	f(&w.stats)
	w.mu.Unlock()
}

func (w *Worker) analyzer(year int) (batch.Analyze, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if an, ok := w.analyzers[year]; ok {
		return an, nil
	}
	an, err := w.Analyzer(year)
	if err != nil {
		return nil, err
	}
	if w.analyzers == nil {
		w.analyzers = map[int]batch.Analyze{}
	}
	w.analyzers[year] = an
	return an, nil
}

// consumer creates or binds the durable pull consumer shared by all
// workers. It delivers a message MaxDeliver+1 times: the last delivery
// only moves the document to the dead letters, so that a document that
// kills every worker that analyses it still ends up there.
func (c *Client) consumer(ctx context.Context) (jetstream.Consumer, error) {
	return c.js.CreateOrUpdateConsumer(ctx, c.cfg.Stream, jetstream.ConsumerConfig{
		Durable:       c.cfg.Consumer,
		Description:   "attache workers",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       c.cfg.AckWait,
		MaxDeliver:    c.cfg.MaxDeliver + 1,
		FilterSubject: c.cfg.Subject,
		MaxAckPending: 10000,
	})
}

// Run consumes until ctx is cancelled (then it finishes and acknowledges
// the batch in hand: a graceful drain), until Kill is done, or, with
// ExitWhenIdle, until the queue is empty.
func (w *Worker) Run(ctx context.Context) (WorkerStats, error) {
	start := time.Now()
	if w.Workers <= 0 {
		w.Workers = 1
	}
	if w.Batch <= 0 {
		w.Batch = 64
	}
	if w.Log == nil {
		w.Log = os.Stderr
	}
	kill := w.Kill
	if kill == nil {
		kill = context.Background()
	}
	// The batch in hand is processed under a context that the drain does
	// not cancel but a kill does.
	work, stop := context.WithCancel(context.WithoutCancel(ctx))
	defer stop()
	go func() {
		select {
		case <-kill.Done():
			stop()
		case <-work.Done():
		}
	}()
	finish := func(err error) (WorkerStats, error) {
		w.count(func(s *WorkerStats) { s.Elapsed = time.Since(start) })
		return w.Stats(), err
	}
	// A fetched message waits in the batch until the fetch returns, before
	// the batch is kept alive with progress reports: keep that wait well
	// inside AckWait.
	fetchWait := min(time.Second, w.Client.cfg.AckWait/4)
	cons, err := w.Client.consumer(ctx)
	if err != nil {
		return finish(fmt.Errorf("consumer %s: %w", w.Client.cfg.Consumer, err))
	}
	for ctx.Err() == nil {
		if kill.Err() != nil {
			w.Client.nc.Close()
			return finish(ErrKilled)
		}
		mb, err := cons.Fetch(w.Batch, jetstream.FetchMaxWait(fetchWait))
		if err != nil {
			if kill.Err() != nil {
				w.Client.nc.Close()
				return finish(ErrKilled)
			}
			return finish(fmt.Errorf("fetching from %s: %w", w.Client.cfg.Stream, err))
		}
		var msgs []jetstream.Msg
		for m := range mb.Messages() {
			msgs = append(msgs, m)
		}
		if len(msgs) == 0 {
			if w.ExitWhenIdle {
				ci, err := cons.Info(ctx)
				if err == nil && ci.NumPending == 0 && ci.NumAckPending == 0 {
					return finish(nil)
				}
			}
			continue
		}
		if err := w.process(work, msgs); err != nil {
			if kill.Err() != nil {
				w.Client.nc.Close()
				return finish(ErrKilled)
			}
			return finish(err)
		}
	}
	return finish(nil)
}

// job is one message of a batch on its way through.
type job struct {
	msg   jetstream.Msg
	meta  *jetstream.MsgMetadata
	doc   doc.Document
	year  int
	an    *doc.Analysis
	err   error // permanent: the document goes to the dead letters
	done  bool  // acknowledged or dead-lettered already
	isNew bool
}

// process analyses, stores and acknowledges one fetched batch. It returns
// an error only when the worker cannot go on (connection lost, killed);
// problems of single documents end in their dead letters.
func (w *Worker) process(ctx context.Context, msgs []jetstream.Msg) error {
	cfg := w.Client.cfg
	// Keep the messages ours while we work: AckWait restarts on each
	// progress report.
	keep, cancelKeep := context.WithCancel(ctx)
	defer cancelKeep()
	for _, m := range msgs {
		m.InProgress()
	}
	go func() {
		t := time.NewTicker(cfg.AckWait / 4)
		defer t.Stop()
		for {
			select {
			case <-keep.Done():
				return
			case <-t.C:
				for _, m := range msgs {
					m.InProgress()
				}
			}
		}
	}()
	jobs := make([]*job, len(msgs))
	for i, m := range msgs {
		j := &job{msg: m}
		jobs[i] = j
		j.meta, j.err = m.Metadata()
		if j.err != nil {
			j.err = fmt.Errorf("message without JetStream metadata: %w", j.err)
			continue
		}
		j.doc, j.year, j.err = decode(m)
		if j.err != nil {
			continue
		}
		if j.meta.NumDelivered > uint64(cfg.MaxDeliver) {
			j.err = fmt.Errorf("delivered %d times without being stored (the workers that had it died or timed out)", cfg.MaxDeliver)
			continue
		}
		has, err := w.Store.Has(ctx, j.doc.ID)
		if err != nil {
			return err
		}
		if has {
			if err := ack(ctx, m); err != nil {
				return err
			}
			j.done = true
			w.count(func(s *WorkerStats) { s.Skipped++ })
		}
	}
	// Analyse in parallel, by default year.
	byYear := map[int][]*job{}
	for _, j := range jobs {
		if j.err == nil && !j.done {
			byYear[j.year] = append(byYear[j.year], j)
		}
	}
	for year, group := range byYear {
		an, err := w.analyzer(year)
		if err != nil {
			return fmt.Errorf("loading the analyzer: %w", err)
		}
		k := 0
		read := func(emit func(batch.Item) error) error {
			for _, j := range group {
				if err := emit(batch.Item{Doc: j.doc}); err != nil {
					return err
				}
			}
			return nil
		}
		err = batch.Run(ctx, w.Workers, read, an, func(r batch.Result) error {
			j := group[k]
			k++
			j.an, j.err = r.Analysis, r.Err
			return nil
		})
		if err != nil {
			return err
		}
	}
	if err := w.killed(ctx); err != nil {
		return err // killed: leave everything unacknowledged
	}
	var good []*job
	var analyses []*doc.Analysis
	for _, j := range jobs {
		if j.err == nil && !j.done {
			good = append(good, j)
			analyses = append(analyses, j.an)
		}
	}
	if len(analyses) > 0 {
		t0 := time.Now()
		ok, err := w.Store.Put(ctx, analyses)
		w.count(func(s *WorkerStats) { s.StoreTime += time.Since(t0) })
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			fmt.Fprintf(w.Log, "attache: storing a batch of %d: %v\n", len(analyses), err)
			for _, j := range good {
				if j.meta.NumDelivered >= uint64(cfg.MaxDeliver) {
					j.err = fmt.Errorf("storing: %w", err)
					continue
				}
				j.msg.NakWithDelay(time.Duration(j.meta.NumDelivered) * time.Second)
				j.done = true
				w.count(func(s *WorkerStats) { s.Retried++ })
			}
		} else {
			var stored []*doc.Analysis
			for i, j := range good {
				j.isNew = ok[i]
				if ok[i] {
					stored = append(stored, j.an)
				}
			}
			w.count(func(s *WorkerStats) {
				s.Batches++
				for _, a := range stored {
					s.Stored++
					s.Events += len(a.Events)
				}
				s.Skipped += len(good) - len(stored)
			})
			if w.AfterPut != nil && len(stored) > 0 {
				if err := w.AfterPut(ctx, stored); err != nil {
					if ctx.Err() != nil {
						return ctx.Err()
					}
					fmt.Fprintf(w.Log, "attache: after storing a batch: %v (the documents are stored; the next batch catches up)\n", err)
				}
			}
			if err := w.killed(ctx); err != nil {
				return err // killed between commit and ack: redelivery skips them
			}
			for _, j := range good {
				if err := ack(ctx, j.msg); err != nil {
					return err
				}
				j.done = true
			}
		}
	}
	for _, j := range jobs {
		if j.err != nil && !j.done {
			if err := w.Client.deadLetter(ctx, j); err != nil {
				return err
			}
			fmt.Fprintf(w.Log, "attache: %s: %v (dead letter)\n", nameOf(j), j.err)
			w.count(func(s *WorkerStats) { s.Dead++ })
		}
	}
	return nil
}

// killed reports whether the worker was killed; it checks Kill itself, as
// the cancellation of the work context follows it asynchronously.
func (w *Worker) killed(ctx context.Context) error {
	if w.Kill != nil && w.Kill.Err() != nil {
		return ErrKilled
	}
	return ctx.Err()
}

func nameOf(j *job) string {
	if j.doc.Name != "" {
		return j.doc.Name
	}
	if j.doc.ID != "" {
		return j.doc.ID
	}
	return "message " + j.msg.Subject()
}

// DeadLetter is a document that could not be analysed or stored.
type DeadLetter struct {
	// Seq is the dead letter's sequence number in the dead-letter stream.
	Seq        uint64 `json:"seq"`
	ID         string `json:"id"`
	Name       string `json:"name"`
	Error      string `json:"error"`
	Deliveries uint64 `json:"deliveries"`
	// QueueSeq is the document's sequence number in the work queue.
	QueueSeq uint64    `json:"queue_seq"`
	FailedAt time.Time `json:"failed_at"`
	Worker   string    `json:"worker"`
	// Document is the document as queued, so that it can be fixed and
	// queued again; Raw is the message body when it was not a document.
	Document *doc.Document `json:"document,omitempty"`
	Raw      string        `json:"raw,omitempty"`
}

var hostname, _ = os.Hostname()

// deadLetter publishes the job's document and error to the dead-letter
// stream (waiting for the stream's acknowledgement) and then terminates
// the message, so that it is never redelivered.
func (c *Client) deadLetter(ctx context.Context, j *job) error {
	dl := DeadLetter{ID: j.doc.ID, Name: j.doc.Name, Error: j.err.Error(), FailedAt: time.Now().UTC(), Worker: fmt.Sprintf("%s[%d]", hostname, os.Getpid())}
	if j.meta != nil {
		dl.Deliveries, dl.QueueSeq = j.meta.NumDelivered, j.meta.Sequence.Stream
	}
	if j.doc.Text != "" || j.doc.ID != "" {
		d := j.doc
		dl.Document = &d
	} else {
		dl.Raw = string(j.msg.Data())
	}
	body, err := json.Marshal(dl)
	if err != nil {
		return err
	}
	id := fmt.Sprintf("dead:%d", dl.QueueSeq)
	if _, err := c.js.Publish(ctx, c.cfg.DeadSubject, body, jetstream.WithMsgID(id)); err != nil {
		return fmt.Errorf("publishing the dead letter of %s: %w", nameOf(j), err)
	}
	j.done = true
	return j.msg.Term()
}

// DeadLetters lists the dead letters, oldest first (at most limit; 0 means
// all).
func (c *Client) DeadLetters(ctx context.Context, limit int) ([]DeadLetter, error) {
	cons, err := c.js.OrderedConsumer(ctx, c.cfg.DeadStream, jetstream.OrderedConsumerConfig{})
	if err != nil {
		return nil, err
	}
	var out []DeadLetter
	for limit <= 0 || len(out) < limit {
		n := 256
		if limit > 0 && limit-len(out) < n {
			n = limit - len(out)
		}
		mb, err := cons.FetchNoWait(n)
		if err != nil {
			return nil, err
		}
		got := 0
		var pending uint64
		for m := range mb.Messages() {
			got++
			var dl DeadLetter
			if err := json.Unmarshal(m.Data(), &dl); err != nil {
				dl.Error, dl.Raw = "unreadable dead letter: "+err.Error(), string(m.Data())
			}
			if md, err := m.Metadata(); err == nil {
				dl.Seq = md.Sequence.Stream
				pending = md.NumPending
			}
			out = append(out, dl)
		}
		if err := mb.Error(); err != nil && !errors.Is(err, jetstream.ErrNoMessages) {
			return nil, err
		}
		if got == 0 || pending == 0 {
			break
		}
	}
	return out, nil
}

// ack acknowledges m and waits for the server to confirm, so that a worker
// that drains on SIGTERM exits only once its acks have landed. It still
// waits when ctx was cancelled by the drain itself.
func ack(ctx context.Context, m jetstream.Msg) error {
	actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	return m.DoubleAck(actx)
}
