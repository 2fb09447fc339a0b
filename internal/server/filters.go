package server

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/attache-project/attache/internal/store"
)

// The query parameters of the listings are named after the CLI's flags
// (attache events/quotes), with the same meaning and the same validation,
// so that a URL and a command line select the same rows:
//
//	events:    actor country source target dyad cameo plover quad modality since until doc after limit q
//	quotes:    speaker search (or q) since until doc after limit
//	documents: q source since until after limit

// badRequest is a parameter error: the request is wrong (400).
type badRequest struct{ msg string }

func (e badRequest) Error() string { return e.msg }

func badf(format string, args ...any) error { return badRequest{fmt.Sprintf(format, args...)} }

// params reads typed query parameters.
type params struct{ v url.Values }

func (p params) str(name string) string { return strings.TrimSpace(p.v.Get(name)) }

func (p params) int(name string, def int) (int, error) {
	s := p.str(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, badf("%s must be an integer, not %q", name, s)
	}
	return n, nil
}

func (p params) float(name string) (float64, error) {
	s := p.str(name)
	if s == "" {
		return 0, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, badf("%s must be a number, not %q", name, s)
	}
	return f, nil
}

// date reads a YYYY-MM-DD parameter, as the CLI's dateFlag.
func (p params) date(name string) (string, error) {
	s := p.str(name)
	if s == "" {
		return "", nil
	}
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return "", badf("%s must be a date YYYY-MM-DD, not %q", name, s)
	}
	return s, nil
}

// page reads the cursor (after) and page size (limit, default 100 as in
// the CLI, at most maxLimit).
func (p params) page() (after int64, limit int, err error) {
	if s := p.str("after"); s != "" {
		after, err = strconv.ParseInt(s, 10, 64)
		if err != nil || after < 0 {
			return 0, 0, badf("after must be a non-negative integer cursor, not %q", s)
		}
	}
	limit, err = p.int("limit", 100)
	if err != nil {
		return 0, 0, err
	}
	if limit < 1 || limit > maxLimit {
		return 0, 0, badf("limit must be between 1 and %d", maxLimit)
	}
	return after, limit, nil
}

// ParseDyad splits "RUS-USA" into its source and target, upper-cased.
func ParseDyad(d string) (src, tgt string, err error) {
	s, t, ok := strings.Cut(d, "-")
	if !ok || s == "" || t == "" {
		return "", "", badf("dyad must look like RUS-USA, not %q", d)
	}
	return strings.ToUpper(s), strings.ToUpper(t), nil
}

// EventFilter reads an event filter from query parameters with the rules of
// `attache events`.
func EventFilter(v url.Values) (store.EventFilter, error) {
	p := params{v}
	var f store.EventFilter
	var err error
	f.Actor = p.str("actor")
	f.Country = p.str("country")
	f.Source = p.str("source")
	f.Target = p.str("target")
	if d := p.str("dyad"); d != "" {
		if f.Source, f.Target, err = ParseDyad(d); err != nil {
			return f, err
		}
	}
	f.CAMEO = p.str("cameo")
	f.PLOVER = p.str("plover")
	if f.Quad, err = p.int("quad", 0); err != nil {
		return f, err
	}
	if f.Quad < 0 || f.Quad > 4 {
		return f, badf("quad must be 1, 2, 3 or 4")
	}
	f.Modality = p.str("modality")
	switch f.Modality {
	case "", "asserted", "future", "hypothetical", "negated":
	default:
		return f, badf("modality must be asserted, future, hypothetical or negated")
	}
	if f.Since, err = p.date("since"); err != nil {
		return f, err
	}
	if f.Until, err = p.date("until"); err != nil {
		return f, err
	}
	f.DocID = p.str("doc")
	f.Search = p.str("q")
	f.After, f.Limit, err = p.page()
	return f, err
}

// QuoteFilter reads a quote filter with the rules of `attache quotes`.
func QuoteFilter(v url.Values) (store.QuoteFilter, error) {
	p := params{v}
	var f store.QuoteFilter
	var err error
	f.Speaker = p.str("speaker")
	f.Search = p.str("search")
	if f.Search == "" {
		f.Search = p.str("q")
	}
	f.DocID = p.str("doc")
	if f.Since, err = p.date("since"); err != nil {
		return f, err
	}
	if f.Until, err = p.date("until"); err != nil {
		return f, err
	}
	f.After, f.Limit, err = p.page()
	return f, err
}

// DocFilter reads a document filter.
func DocFilter(v url.Values) (store.DocFilter, error) {
	p := params{v}
	var f store.DocFilter
	var err error
	f.Search = p.str("q")
	f.Source = p.str("source")
	if f.Since, err = p.date("since"); err != nil {
		return f, err
	}
	if f.Until, err = p.date("until"); err != nil {
		return f, err
	}
	f.After, f.Limit, err = p.page()
	return f, err
}
