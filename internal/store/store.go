// Package store keeps analysed documents in a database: documents with their
// full analysis, and one table per layer (entities and mentions, timexes,
// quotes, events) for queries, with full-text search over document and quote
// text.
//
// The embedded store is SQLite (modernc.org/sqlite, pure Go). Writes are
// batched: one transaction per batch, so a crash leaves every document
// either fully stored or absent, and a re-run stores the rest. Storing is
// idempotent: a document id already present is skipped.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/attache-project/attache/internal/doc"
)

// Store is what attache needs from a database. SQLite implements it; other
// engines may.
type Store interface {
	// Put stores analyses in one transaction and reports, for each in
	// order, whether it was stored (true) or already present (false).
	Put(ctx context.Context, batch []*doc.Analysis) ([]bool, error)
	// Has reports whether a document id is stored.
	Has(ctx context.Context, id string) (bool, error)
	// Get returns a stored analysis by document id (or unique id prefix).
	Get(ctx context.Context, id string) (*doc.Analysis, error)
	// Documents lists stored documents.
	Documents(ctx context.Context, f DocFilter) ([]DocSummary, error)
	// Events lists stored events.
	Events(ctx context.Context, f EventFilter) ([]EventRow, error)
	// Quotes lists stored quotes.
	Quotes(ctx context.Context, f QuoteFilter) ([]QuoteRow, error)
	// Stats counts what is stored.
	Stats(ctx context.Context) (Stats, error)
	// Close releases the database.
	Close() error
}

// ErrNotFound is returned by Get for an unknown id.
var ErrNotFound = errors.New("document not found")

// ErrAmbiguous is returned by Get for an id prefix matching several documents.
var ErrAmbiguous = errors.New("id prefix matches several documents")

// Stats are counts of stored rows.
type Stats struct {
	Documents int `json:"documents"`
	Entities  int `json:"entities"`
	Mentions  int `json:"mentions"`
	Timexes   int `json:"timexes"`
	Quotes    int `json:"quotes"`
	Events    int `json:"events"`
}

// DocFilter selects documents.
type DocFilter struct {
	Search string // full-text query over title and text
	Source string
	Since  string // published >= Since (YYYY-MM-DD)
	Until  string // published <= Until
	After  int64  // cursor: rows with seq > After
	Limit  int
}

// DocSummary is one row of a document listing.
type DocSummary struct {
	Seq       int64   `json:"seq"`
	ID        string  `json:"id"`
	Source    *string `json:"source"`
	Title     *string `json:"title"`
	Published *string `json:"published"`
	URL       *string `json:"url"`
	Snippet   string  `json:"snippet"`
	Events    int     `json:"events"`
	Quotes    int     `json:"quotes"`
}

// EventFilter selects events. Empty fields match everything.
type EventFilter struct {
	Actor    string // text, entity name or actor code (prefix) of source or target
	Country  string // source or target country
	Source   string // source country or code prefix
	Target   string // target country or code prefix
	CAMEO    string // code or root prefix ("16", "161")
	PLOVER   string
	Quad     int
	Modality string
	Since    string
	Until    string
	Search   string // full-text over the document
	DocID    string
	After    int64
	Limit    int
}

// EventRow is one stored event with its document.
type EventRow struct {
	Seq   int64     `json:"seq"`
	DocID string    `json:"doc_id"`
	Event doc.Event `json:"event"`
	// Sentence is the evidence sentence's text.
	Sentence  string  `json:"sentence_text"`
	Source    *string `json:"doc_source"`
	Published *string `json:"published"`
}

// QuoteFilter selects quotes.
type QuoteFilter struct {
	Speaker string // substring of the speaker text or entity name
	Since   string
	Until   string
	Search  string // full-text over quote text
	DocID   string
	After   int64
	Limit   int
}

// QuoteRow is one stored quote with its document.
type QuoteRow struct {
	Seq         int64     `json:"seq"`
	DocID       string    `json:"doc_id"`
	Quote       doc.Quote `json:"quote"`
	SpeakerName *string   `json:"speaker_name"`
	Published   *string   `json:"published"`
}

// now is the clock, replaceable in tests.
var now = func() time.Time { return time.Now().UTC() }
