// Package stream runs attache on NATS JetStream: publishers put documents
// on a durable work queue, and any number of workers on any number of
// machines take them off, analyse them and write them to a shared store
// (PostgreSQL, internal/store/postgres).
//
// Nothing is lost or stored twice:
//   - a document's message id (Nats-Msg-Id) is its document id, so the
//     stream drops a document published twice within the dedup window;
//   - the stream has work-queue retention and the consumer explicit acks: a
//     worker acks a message only after the batch holding its document is
//     committed, so a worker that dies mid-batch leaves its messages
//     unacked and JetStream redelivers them after AckWait;
//   - a redelivered document that was already committed (a worker died
//     between commit and ack) is skipped by the store, which is idempotent
//     by document id;
//   - a document that cannot be analysed, or that is delivered MaxDeliver
//     times without being stored, goes to the dead-letter stream with its
//     error instead of blocking the queue.
package stream

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/attache-project/attache/internal/doc"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Defaults of Config.
const (
	DefaultStream      = "ATTACHE_DOCS"
	DefaultSubject     = "attache.docs"
	DefaultDeadStream  = "ATTACHE_DEAD"
	DefaultDeadSubject = "attache.dead"
	DefaultConsumer    = "attache-workers"
	DefaultMaxDeliver  = 5
	DefaultAckWait     = 2 * time.Minute
	DefaultDedupWindow = time.Hour
)

// Message headers.
const (
	// HeaderName carries the document's origin ("file.jsonl:12") for
	// messages; it is not part of the document.
	HeaderName = "Attache-Name"
	// HeaderDefaultYear carries the year for datelines of undated documents
	// (ingest --published YYYY).
	HeaderDefaultYear = "Attache-Default-Year"
)

// Config names the streams and sets the delivery policy. The zero value
// uses the defaults.
type Config struct {
	// URL is the NATS server URL (several separated by commas).
	URL string
	// Stream and Subject are the document work queue.
	Stream, Subject string
	// DeadStream and DeadSubject keep the dead letters.
	DeadStream, DeadSubject string
	// Consumer is the durable consumer name shared by all workers.
	Consumer string
	// MaxDeliver is how many times a document is attempted before it is
	// dead-lettered.
	MaxDeliver int
	// AckWait is how long a worker may hold a message without acking
	// before JetStream gives it to another worker. Workers extend it
	// while they are busy with a batch.
	AckWait time.Duration
	// DedupWindow is how long the stream remembers message ids.
	DedupWindow time.Duration
	// Replicas is the number of copies of each stream in a NATS cluster
	// (1, or 3 for a three-node cluster).
	Replicas int
	// MemoryStorage keeps the streams in memory (tests); the default is
	// file storage.
	MemoryStorage bool
}

func (c Config) withDefaults() Config {
	def := func(s *string, d string) {
		if *s == "" {
			*s = d
		}
	}
	def(&c.URL, nats.DefaultURL)
	def(&c.Stream, DefaultStream)
	def(&c.Subject, DefaultSubject)
	def(&c.DeadStream, DefaultDeadStream)
	def(&c.DeadSubject, DefaultDeadSubject)
	def(&c.Consumer, DefaultConsumer)
	if c.MaxDeliver <= 0 {
		c.MaxDeliver = DefaultMaxDeliver
	}
	if c.AckWait <= 0 {
		c.AckWait = DefaultAckWait
	}
	if c.DedupWindow <= 0 {
		c.DedupWindow = DefaultDedupWindow
	}
	if c.Replicas <= 0 {
		c.Replicas = 1
	}
	return c
}

// Client is a connection to NATS with the attache streams in place.
type Client struct {
	nc  *nats.Conn
	js  jetstream.JetStream
	cfg Config
}

// Connect connects to NATS and creates (or updates) the document and
// dead-letter streams.
func Connect(ctx context.Context, cfg Config, opts ...nats.Option) (*Client, error) {
	cfg = cfg.withDefaults()
	opts = append([]nats.Option{nats.Name("attache"), nats.MaxReconnects(-1)}, opts...)
	nc, err := nats.Connect(cfg.URL, opts...)
	if err != nil {
		return nil, fmt.Errorf("connecting to NATS at %s: %w", cfg.URL, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, err
	}
	c := &Client{nc: nc, js: js, cfg: cfg}
	if err := c.setup(ctx); err != nil {
		nc.Close()
		return nil, fmt.Errorf("NATS at %s: %w", cfg.URL, err)
	}
	return c, nil
}

// Config returns the configuration with its defaults filled in.
func (c *Client) Config() Config { return c.cfg }

// Conn returns the NATS connection.
func (c *Client) Conn() *nats.Conn { return c.nc }

// Close waits for pending publishes to be acknowledged and closes the
// connection.
func (c *Client) Close() error {
	if c.nc.IsClosed() {
		return nil
	}
	return c.nc.Drain()
}

func (c *Client) setup(ctx context.Context) error {
	storage := jetstream.FileStorage
	if c.cfg.MemoryStorage {
		storage = jetstream.MemoryStorage
	}
	_, err := c.js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        c.cfg.Stream,
		Description: "attache documents waiting to be analysed",
		Subjects:    []string{c.cfg.Subject},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     storage,
		Replicas:    c.cfg.Replicas,
		Duplicates:  c.cfg.DedupWindow,
		Discard:     jetstream.DiscardNew,
	})
	if err != nil {
		return fmt.Errorf("stream %s: %w", c.cfg.Stream, err)
	}
	_, err = c.js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        c.cfg.DeadStream,
		Description: "attache documents that could not be analysed or stored",
		Subjects:    []string{c.cfg.DeadSubject},
		Retention:   jetstream.LimitsPolicy,
		Storage:     storage,
		Replicas:    c.cfg.Replicas,
		Duplicates:  c.cfg.DedupWindow,
	})
	if err != nil {
		return fmt.Errorf("stream %s: %w", c.cfg.DeadStream, err)
	}
	return nil
}

// message encodes a document for the queue.
func message(subject string, d doc.Document, defaultYear int) (*nats.Msg, error) {
	body, err := json.Marshal(d)
	if err != nil {
		return nil, err
	}
	m := nats.NewMsg(subject)
	m.Data = body
	m.Header.Set(jetstream.MsgIDHeader, d.ID)
	if d.Name != "" {
		m.Header.Set(HeaderName, d.Name)
	}
	if defaultYear > 0 {
		m.Header.Set(HeaderDefaultYear, strconv.Itoa(defaultYear))
	}
	return m, nil
}

// decode reads a document from a queue message.
func decode(m jetstream.Msg) (doc.Document, int, error) {
	var d doc.Document
	if err := json.Unmarshal(m.Data(), &d); err != nil {
		return d, 0, fmt.Errorf("malformed message: %w", err)
	}
	h := m.Headers()
	d.Name = h.Get(HeaderName)
	if d.ID == "" {
		d.ID = h.Get(jetstream.MsgIDHeader)
	}
	if d.ID == "" {
		return d, 0, errors.New("message has no document id")
	}
	if d.Name == "" {
		d.Name = d.ID
	}
	year, _ := strconv.Atoi(h.Get(HeaderDefaultYear))
	return d, year, nil
}

// QueueInfo describes the work queue.
type QueueInfo struct {
	// Waiting is the number of documents not yet delivered to a worker.
	Waiting uint64 `json:"waiting"`
	// InFlight is the number delivered and not yet acknowledged.
	InFlight int `json:"in_flight"`
	// Redelivered is the number delivered more than once.
	Redelivered int `json:"redelivered"`
	// Messages is the number of messages in the stream (waiting and in
	// flight).
	Messages uint64 `json:"messages"`
	// Dead is the number of dead letters.
	Dead uint64 `json:"dead"`
}

// Info reports the state of the queue.
func (c *Client) Info(ctx context.Context) (QueueInfo, error) {
	var qi QueueInfo
	s, err := c.js.Stream(ctx, c.cfg.Stream)
	if err != nil {
		return qi, err
	}
	si, err := s.Info(ctx)
	if err != nil {
		return qi, err
	}
	qi.Messages = si.State.Msgs
	qi.Waiting = si.State.Msgs
	if cons, err := s.Consumer(ctx, c.cfg.Consumer); err == nil {
		ci, err := cons.Info(ctx)
		if err != nil {
			return qi, err
		}
		qi.Waiting, qi.InFlight, qi.Redelivered = ci.NumPending, ci.NumAckPending, ci.NumRedelivered
	} else if !errors.Is(err, jetstream.ErrConsumerNotFound) {
		return qi, err
	}
	ds, err := c.js.Stream(ctx, c.cfg.DeadStream)
	if err != nil {
		return qi, err
	}
	di, err := ds.Info(ctx)
	if err != nil {
		return qi, err
	}
	qi.Dead = di.State.Msgs
	return qi, nil
}
