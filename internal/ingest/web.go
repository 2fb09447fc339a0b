package ingest

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/attache-project/attache/internal/doc"
)

// readWeb reads a web page or a feed from a file, stdin or a fetched
// answer. format is InputHTML, InputFeed, or one of the "maybe a feed"
// formats of .xml and .json files.
func (r *reader) readWeb(name string, br *bufio.Reader, format, contentType, pageURL string) error {
	limit := r.opts.maxBytes()
	rawLimit := limit * 4 // markup and scripts weigh more than the text
	if limit > int(^uint(0)>>4) {
		rawLimit = limit
	}
	b, err := io.ReadAll(io.LimitReader(br, int64(rawLimit)+1))
	if err != nil {
		return r.fail(name, "cannot read: %s", pathError(err))
	}
	if len(b) > rawLimit {
		return r.fail(name, "file is over the limit of %d bytes (4 x --max-bytes)", rawLimit)
	}
	switch format {
	case inputMaybeFeed, inputFeedInDir:
		if !IsFeed(b) {
			switch {
			case format == inputFeedInDir:
				return nil // a data file next to the documents
			case strings.EqualFold(filepath.Ext(name), ".json"):
				return r.readStream(name, strings.NewReader(string(b)), r.opts.Input)
			}
			return r.warn(name, "not a feed (want RSS, Atom or JSON Feed): skipped")
		}
		format = InputFeed
	}
	if format == InputFeed {
		return r.readFeed(name, b)
	}
	d, err := htmlDocument(name, b, contentType, pageURL)
	if err != nil {
		return r.emit(Item{Doc: doc0(name), Err: err})
	}
	return r.emit(Item{Doc: d})
}

// readFeed emits one document per feed item, following links when asked.
func (r *reader) readFeed(name string, b []byte) error {
	_, items, err := ParseFeed(name, b)
	if err != nil {
		return r.emit(Item{Doc: doc0(name), Err: err})
	}
	if len(items) == 0 {
		return r.warn(name, "feed has no items")
	}
	for _, fi := range items {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		if r.opts.Follow && fi.Link != "" && isURL(fi.Link) {
			fi = r.follow(fi)
		}
		if fi.Err != nil {
			if err := r.emit(Item{Doc: doc0(fi.Doc.Name), Err: fi.Err}); err != nil {
				return err
			}
			continue
		}
		if err := r.emit(Item{Doc: fi.Doc}); err != nil {
			return err
		}
	}
	return nil
}

// follow fetches a feed item's page and takes its article text; the
// feed's own text stays when the page cannot be fetched or has none.
func (r *reader) follow(fi FeedItem) FeedItem {
	d, err := FetchPage(r.ctx, r.fetcher(), fi.Doc.Name, fi.Link)
	if err != nil {
		fi.Doc.Warnings = append(fi.Doc.Warnings, "--follow: "+err.Error())
		return fi
	}
	page := fi.Doc
	page.Text = d.Text
	page.Warnings = append(page.Warnings, d.Warnings...)
	if page.Title == "" {
		page.Title = d.Title
	}
	if page.Published == "" {
		page.Published = d.Published
	}
	if page.Author == "" {
		page.Author = d.Author
	}
	if d.Language != "" {
		page.Language = d.Language
	}
	if d.URL != "" {
		page.URL = d.URL
	}
	fi.Doc, fi.Err = page, nil
	return fi
}

func (r *reader) fetcher() *Fetcher {
	if r.opts.Fetcher == nil {
		r.opts.Fetcher = &Fetcher{UserAgent: r.opts.UserAgent, MaxBytes: int64(r.opts.maxBytes()) * 4}
	}
	return r.opts.Fetcher
}

// readURL fetches a web page or a feed and reads it by its content type
// (sniffing the content when the type says neither).
func (r *reader) readURL(u string) error {
	resp, err := r.fetcher().Get(r.ctx, u)
	if err != nil {
		if cerr := r.ctx.Err(); cerr != nil {
			return cerr
		}
		return r.fail(u, "%v", err)
	}
	format := formatOfMediaType(resp.MediaType())
	br := bufio.NewReader(strings.NewReader(string(resp.Body)))
	if format == "" {
		format = sniff(br)
	}
	switch format {
	case InputHTML, InputFeed:
		return r.readWeb(u, br, format, resp.ContentType, resp.URL)
	}
	return r.readStream(u, br, format)
}

// formatOfMediaType maps a Content-Type to an input format ("" when the
// content must be sniffed).
func formatOfMediaType(mt string) string {
	switch mt {
	case "text/html", "application/xhtml+xml":
		return InputHTML
	case "application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml":
		return InputFeed
	case "text/plain":
		return InputText
	case "application/x-ndjson", "application/jsonl":
		return InputJSONL
	case "application/warc":
		return InputWARC
	}
	return ""
}

// warcNotices reports what reading an archive skipped.
func (r *reader) warcNotices(name string, st WARCStats) error {
	if s := st.Summary(); s != "" {
		if err := r.warn(name, s); err != nil {
			return err
		}
	}
	if st.Damaged > 0 {
		if err := r.warn(name, fmt.Sprintf("%d records with format problems read as far as they go (first: %s)", st.Damaged, st.FirstDamage)); err != nil {
			return err
		}
	}
	if st.Stopped != "" {
		return r.warn(name, fmt.Sprintf("archive read only up to record %d: %s", st.Records, st.Stopped))
	}
	return nil
}

// doc0 is an empty document named name, for items that carry an error.
func doc0(name string) doc.Document { return doc.Document{Name: name} }
