// Package doc is the shared document model of attache: one annotated news
// document (Analysis) to which every pipeline stage adds one layer.
//
// Invariant: every Span is a half-open range of byte offsets [Start, End)
// into Analysis.Text, and every annotation that carries both a span and a
// text satisfies Text == Analysis.Text[Span.Start():Span.End()]. Each stage
// has a test that checks this invariant for the layer it adds (see
// CheckSpans).
//
// The exported JSON form of Analysis is the public contract
// "attache/analysis/v1" documented in docs/schema.md. It only grows by adding
// fields: fields are never removed or renamed, and every listed field is
// always present (null or [] when empty).
package doc

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// Schema is the identifier of the JSON contract written by attache.
const Schema = "attache/analysis/v1"

// DateLayout is the layout of calendar dates in the contract (ISO 8601).
const DateLayout = "2006-01-02"

// Span is a half-open byte range [Start, End) into the document text. It
// marshals as a two-element JSON array, [start, end].
type Span [2]int

// S builds a Span from start and end offsets.
func S(start, end int) Span { return Span{start, end} }

// Start returns the first byte offset of the span.
func (s Span) Start() int { return s[0] }

// End returns the offset one past the last byte of the span.
func (s Span) End() int { return s[1] }

// Len returns the length of the span in bytes.
func (s Span) Len() int { return s[1] - s[0] }

// Of returns the text covered by the span, or "" if the span does not fit.
func (s Span) Of(text string) string {
	if s[0] < 0 || s[1] > len(text) || s[0] > s[1] {
		return ""
	}
	return text[s[0]:s[1]]
}

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return o[0] >= s[0] && o[1] <= s[1] }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s[0] < o[1] && o[0] < s[1] }

// Document is one input document as read by a reader, before analysis.
type Document struct {
	ID        string `json:"id,omitempty"`
	Text      string `json:"text"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD or RFC 3339; may be empty
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Source    string `json:"source,omitempty"`
	Language  string `json:"language,omitempty"`
	// Author is the byline of a web page or feed item (several names
	// joined by ", "); may be empty.
	Author string `json:"author,omitempty"`

	// Name says where the document came from (file, file:line, URL) for
	// messages; it is not part of the analysis.
	Name string `json:"-"`
	// Warnings collected while reading (e.g. repaired UTF-8).
	Warnings []string `json:"-"`
}

// Analysis is an analysed document: the document's metadata and text plus
// one layer per stage. Its JSON form is the attache/analysis/v1 contract.
type Analysis struct {
	Schema    string    `json:"schema"`
	ID        string    `json:"id"`
	Source    *string   `json:"source"`
	URL       *string   `json:"url"`
	Title     *string   `json:"title"`
	Published *string   `json:"published"`
	Language  *string   `json:"language"`
	Text      string    `json:"text"`
	Dateline  *Dateline `json:"dateline"`
	// Anchor is the reference date that relative expressions are resolved
	// against, and where it came from.
	Anchor    *Anchor    `json:"anchor"`
	Sentences []Sentence `json:"sentences"`
	Entities  []Entity   `json:"entities"`
	Timexes   []Timex    `json:"timexes"`
	Quotes    []Quote    `json:"quotes"`
	Events    []Event    `json:"events"`
	Warnings  []string   `json:"warnings"`

	// Tokens of the whole text in order; Sentence.Tokens indexes into it.
	// Internal to the pipeline: not part of the JSON contract.
	Tokens []Token `json:"-"`
}

// Anchor is the document's reference date.
type Anchor struct {
	Date string `json:"date"` // YYYY-MM-DD
	// From says where the date came from: "published", "dateline" (the
	// dateline's day and month with the year from --published or the
	// published date), or "none".
	From string `json:"from"`
}

// Dateline is the wire dateline at the head of a story.
type Dateline struct {
	Place   string  `json:"place"`   // as written, e.g. "WASHINGTON"
	Region  *string `json:"region"`  // e.g. "Leningrad Region" in "IGORA /Leningrad Region/"
	Country *string `json:"country"` // ISO 3166-1 alpha-3, once the gazetteer knows the place
	Date    *string `json:"date"`    // YYYY-MM-DD
	Agency  *string `json:"agency"`
	Span    Span    `json:"span"`
	// BodyStart is the offset where the story body begins after the dateline.
	BodyStart int `json:"body_start"`
}

// Sentence is one sentence of the text.
type Sentence struct {
	Span Span `json:"span"`
	// Paragraph is the 0-based index of the paragraph holding the sentence.
	Paragraph int `json:"paragraph"`
	// Tokens is the half-open range [first, last) of indices into Analysis.Tokens.
	Tokens [2]int `json:"-"`
}

// Token is one word or punctuation mark.
type Token struct {
	Span Span   `json:"span"`
	Text string `json:"text"`
	Tag  string `json:"tag"`  // Penn Treebank POS tag
	Sent int    `json:"sent"` // index of the sentence holding the token
}

// Entity is one real-world actor or place with all its mentions.
type Entity struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Type     string    `json:"type"` // PERSON | ORG | GPE | LOC | NORP
	Country  *string   `json:"country"`
	Sectors  []string  `json:"sectors"`
	Code     *string   `json:"code"`
	Role     *string   `json:"role"`
	Mentions []Mention `json:"mentions"`
}

// Mention is one occurrence of an entity in the text.
type Mention struct {
	Span Span   `json:"span"`
	Text string `json:"text"`
	// Kind is how the mention refers: name, alias, title, nominal, pronoun,
	// adjective, metonym.
	Kind string `json:"kind,omitempty"`
}

// Timex is a TIMEX3 temporal expression.
type Timex struct {
	Span  Span   `json:"span"`
	Text  string `json:"text"`
	Type  string `json:"type"` // DATE | TIME | DURATION | SET
	Value string `json:"value"`
}

// Quote is a reported statement.
type Quote struct {
	Span    Span     `json:"span"`
	Text    string   `json:"text"`
	Kind    string   `json:"kind"` // direct | indirect | mixed
	Speaker *Speaker `json:"speaker"`
	Cue     *Cue     `json:"cue"`
	Medium  *string  `json:"medium"`
	Date    *string  `json:"date"`
	// Occasion is the setting of the statement when it is not a medium:
	// "statement", "news conference", "interview", "commentary",
	// "briefing", "remarks to reporters" (see docs/quotes.md).
	Occasion *string `json:"occasion"`
}

// Speaker is who a quote is attributed to.
type Speaker struct {
	Entity *string `json:"entity"`
	Span   *Span   `json:"span"`
	Text   string  `json:"text"`
}

// Cue is the verb or phrase that introduces reported speech.
type Cue struct {
	Span  Span   `json:"span"`
	Text  string `json:"text"`
	Lemma string `json:"lemma"`
}

// Event is one coded political event.
type Event struct {
	ID         string    `json:"id"`
	Sentence   int       `json:"sentence"`
	Span       Span      `json:"span"`
	Text       string    `json:"text"`
	CAMEO      string    `json:"cameo"`
	PLOVER     string    `json:"plover"`
	Mode       *string   `json:"mode"`
	Quad       int       `json:"quad"`
	Goldstein  float64   `json:"goldstein"`
	Source     *Actor    `json:"source"`
	Target     *Actor    `json:"target"`
	Date       *string   `json:"date"`
	DateSource string    `json:"date_source"`
	Modality   string    `json:"modality"` // asserted | future | hypothetical | negated
	Location   *Location `json:"location"`
	Rule       string    `json:"rule"`
	Confidence float64   `json:"confidence"`
	// Historical marks an event dated more than a year before the story's
	// anchor date: background, not news (added by the event stage).
	Historical bool `json:"historical"`
}

// Actor is the source or target of an event.
type Actor struct {
	Entity  *string `json:"entity"`
	Code    *string `json:"code"`
	Country *string `json:"country"`
	Text    string  `json:"text"`
	// Span is where the actor is named in the event's sentence (the
	// mention, or the noun phrase for an actor no entity covers); Text is
	// the text it covers. Added by the event stage.
	Span *Span `json:"span"`
}

// Location is where an event took place.
type Location struct {
	Name    string  `json:"name"`
	Country *string `json:"country"`
}

// Stage is one annotator of the pipeline: it reads the layers it needs
// from the analysis and adds its own. Stages must be safe for concurrent
// use on different analyses.
type Stage interface {
	// Name identifies the stage in messages and benchmarks.
	Name() string
	// Process adds the stage's layer to a.
	Process(ctx context.Context, a *Analysis) error
}

// Str returns a pointer to s, or nil when s is empty: the contract writes
// unknown values as null.
func Str(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Val returns *p, or "" for nil.
func Val(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// New returns an empty analysis of d, with every list present and empty.
func New(d Document) *Analysis {
	a := &Analysis{
		Schema:    Schema,
		ID:        d.ID,
		Source:    Str(d.Source),
		URL:       Str(d.URL),
		Title:     Str(d.Title),
		Published: Str(d.Published),
		Language:  Str(d.Language),
		Text:      d.Text,
	}
	a.Warnings = append([]string{}, d.Warnings...)
	a.Normalize()
	return a
}

// Normalize replaces nil lists by empty ones so that the JSON form never
// has a null where the contract promises a list.
func (a *Analysis) Normalize() {
	if a.Schema == "" {
		a.Schema = Schema
	}
	if a.Sentences == nil {
		a.Sentences = []Sentence{}
	}
	if a.Entities == nil {
		a.Entities = []Entity{}
	}
	for i := range a.Entities {
		if a.Entities[i].Sectors == nil {
			a.Entities[i].Sectors = []string{}
		}
		if a.Entities[i].Mentions == nil {
			a.Entities[i].Mentions = []Mention{}
		}
	}
	if a.Timexes == nil {
		a.Timexes = []Timex{}
	}
	if a.Quotes == nil {
		a.Quotes = []Quote{}
	}
	if a.Events == nil {
		a.Events = []Event{}
	}
	if a.Warnings == nil {
		a.Warnings = []string{}
	}
}

// AnchorTime returns the anchor date as a time (UTC midnight), and false
// when the document has no anchor.
func (a *Analysis) AnchorTime() (time.Time, bool) {
	if a.Anchor == nil || a.Anchor.Date == "" {
		return time.Time{}, false
	}
	t, err := time.Parse(DateLayout, a.Anchor.Date)
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}

// SentenceTokens returns the tokens of sentence i.
func (a *Analysis) SentenceTokens(i int) []Token {
	if i < 0 || i >= len(a.Sentences) {
		return nil
	}
	r := a.Sentences[i].Tokens
	return a.Tokens[r[0]:r[1]]
}

// SentenceAt returns the index of the sentence containing byte offset off,
// or -1.
func (a *Analysis) SentenceAt(off int) int {
	lo, hi := 0, len(a.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		s := a.Sentences[m].Span
		switch {
		case off < s[0]:
			hi = m
		case off >= s[1]:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// EntityByID returns the entity with the given id, or nil.
func (a *Analysis) EntityByID(id string) *Entity {
	for i := range a.Entities {
		if a.Entities[i].ID == id {
			return &a.Entities[i]
		}
	}
	return nil
}

// MarshalJSON writes the analysis with every list present.
func (a *Analysis) MarshalJSON() ([]byte, error) {
	a.Normalize()
	type plain Analysis
	return json.Marshal((*plain)(a))
}

// CheckSpans verifies the span invariant for every layer of a: each span
// lies inside the text, and each annotation's Text equals the text its
// span covers. It returns the first violation found.
func CheckSpans(a *Analysis) error {
	n := len(a.Text)
	check := func(what string, s Span, text *string) error {
		if s[0] < 0 || s[1] > n || s[0] > s[1] {
			return fmt.Errorf("%s: span %v outside text of %d bytes", what, s, n)
		}
		if text != nil && a.Text[s[0]:s[1]] != *text {
			return fmt.Errorf("%s: span %v covers %q, annotation says %q", what, s, a.Text[s[0]:s[1]], *text)
		}
		return nil
	}
	if d := a.Dateline; d != nil {
		if err := check("dateline", d.Span, nil); err != nil {
			return err
		}
	}
	for i, s := range a.Sentences {
		if err := check(fmt.Sprintf("sentence %d", i), s.Span, nil); err != nil {
			return err
		}
	}
	for i := range a.Tokens {
		t := &a.Tokens[i]
		if err := check(fmt.Sprintf("token %d", i), t.Span, &t.Text); err != nil {
			return err
		}
	}
	for _, e := range a.Entities {
		for j := range e.Mentions {
			m := &e.Mentions[j]
			if err := check(fmt.Sprintf("entity %s mention %d", e.ID, j), m.Span, &m.Text); err != nil {
				return err
			}
		}
	}
	for i := range a.Timexes {
		t := &a.Timexes[i]
		if err := check(fmt.Sprintf("timex %d", i), t.Span, &t.Text); err != nil {
			return err
		}
	}
	for i := range a.Quotes {
		q := &a.Quotes[i]
		if err := check(fmt.Sprintf("quote %d", i), q.Span, &q.Text); err != nil {
			return err
		}
		if q.Cue != nil {
			if err := check(fmt.Sprintf("quote %d cue", i), q.Cue.Span, &q.Cue.Text); err != nil {
				return err
			}
		}
		if q.Speaker != nil && q.Speaker.Span != nil {
			if err := check(fmt.Sprintf("quote %d speaker", i), *q.Speaker.Span, &q.Speaker.Text); err != nil {
				return err
			}
		}
	}
	for i := range a.Events {
		e := &a.Events[i]
		if err := check(fmt.Sprintf("event %s", e.ID), e.Span, &e.Text); err != nil {
			return err
		}
		for _, ac := range []*Actor{e.Source, e.Target} {
			if ac != nil && ac.Span != nil {
				if err := check(fmt.Sprintf("event %s actor", e.ID), *ac.Span, &ac.Text); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
