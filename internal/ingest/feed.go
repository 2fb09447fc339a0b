package ingest

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/attache-project/attache/internal/doc"
	"github.com/mmcdole/gofeed"
	"golang.org/x/text/encoding/charmap"
)

// FeedItem is one entry of a feed with the keys that identify it across
// polls (watch remembers them).
type FeedItem struct {
	Doc doc.Document
	// Key identifies the item across polls: its GUID, else its link,
	// else a hash of its title and text.
	Key string
	// Link is the item's link (the page to follow).
	Link string
	// Err is set when the item has no usable text.
	Err error
}

// jsonFeedRe finds the version member of a JSON Feed.
var jsonFeedRe = regexp.MustCompile(`"version"\s*:\s*"https?:\\?/\\?/jsonfeed\.org\\?/version`)

// IsFeed reports whether content is an RSS, Atom or JSON Feed document.
func IsFeed(b []byte) bool {
	switch gofeed.DetectFeedType(bytes.NewReader(b)) {
	case gofeed.FeedTypeAtom, gofeed.FeedTypeRSS:
		return true
	case gofeed.FeedTypeJSON:
		// gofeed takes any JSON object for a feed; a JSON Feed names its
		// version (and a JSON Lines file of documents does not).
		return jsonFeedRe.Match(b[:min(len(b), 8192)])
	}
	return false
}

// ParseFeed reads an RSS (0.9x, 1.0, 2.0), Atom or JSON Feed document into
// one FeedItem per entry: title, link (as URL), published date, author,
// the content or else the summary (HTML turned into paragraphs of text),
// and the feed's title as source. name names the feed in messages; items
// are named name#1, name#2...
func ParseFeed(name string, b []byte) (feedTitle string, items []FeedItem, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: malformed feed: %v", name, r)
		}
	}()
	f, err := gofeed.NewParser().Parse(bytes.NewReader(b))
	var recoded string
	if err != nil && !utf8.Valid(b) {
		// A feed in a legacy encoding that does not declare it: read it
		// as windows-1252 (a superset of latin-1), the usual culprit.
		if u, terr := charmap.Windows1252.NewDecoder().Bytes(b); terr == nil {
			if f2, err2 := gofeed.NewParser().Parse(bytes.NewReader(u)); err2 == nil {
				f, err = f2, nil
				recoded = "feed is not UTF-8 and declares no encoding: read as windows-1252"
			}
		}
	}
	if err != nil {
		return "", nil, fmt.Errorf("%s: malformed feed: %v", name, err)
	}
	feedTitle, _ = repairInline(HTMLToText(f.Title))
	feedLang := normLang(f.Language)
	for i, it := range f.Items {
		if it == nil {
			continue
		}
		fi := feedItem(fmt.Sprintf("%s#%d", name, i+1), feedTitle, feedLang, it)
		if recoded != "" {
			fi.Doc.Warnings = append(fi.Doc.Warnings, recoded)
		}
		items = append(items, fi)
	}
	return feedTitle, items, nil
}

func feedItem(name, feedTitle, feedLang string, it *gofeed.Item) FeedItem {
	d := doc.Document{Name: name, Source: feedTitle, URL: strings.TrimSpace(it.Link)}
	d.Title, _ = repairInline(HTMLToText(it.Title))
	body := it.Content
	if strings.TrimSpace(HTMLToText(body)) == "" {
		body = it.Description
	}
	text, warns := repairText(HTMLToText(body))
	d.Warnings = append(d.Warnings, warns...)
	d.Text = text
	switch {
	case it.PublishedParsed != nil:
		d.Published = dateOf(*it.PublishedParsed)
	case it.UpdatedParsed != nil:
		d.Published = dateOf(*it.UpdatedParsed)
	}
	var authors []string
	for _, a := range it.Authors {
		if a != nil && strings.TrimSpace(a.Name) != "" {
			authors = append(authors, collapseSpace(a.Name))
		}
	}
	if len(authors) == 0 && it.Author != nil && strings.TrimSpace(it.Author.Name) != "" {
		authors = append(authors, collapseSpace(it.Author.Name))
	}
	d.Author = strings.Join(authors, ", ")
	d.Language = feedLang
	fi := FeedItem{Doc: d, Link: d.URL}
	fi.Key = strings.TrimSpace(it.GUID)
	if fi.Key == "" {
		fi.Key = d.URL
	}
	if fi.Key == "" {
		fi.Key = "sha256:" + shortHash(d.Title+"\n"+d.Text)
	}
	if strings.TrimSpace(d.Text) == "" && d.Title != "" {
		// Headline-only feeds: the headline is the story as far as the
		// feed tells it (--follow fetches the article).
		d.Text = d.Title
		d.Warnings = append(d.Warnings, "feed item has no content or summary: headline only")
		fi.Doc = d
	}
	if strings.TrimSpace(d.Text) == "" {
		fi.Err = fmt.Errorf("%s: feed item has no text (no title, content or summary)", name)
	}
	return fi
}

// dateOf formats the calendar day of t in its own time zone: the day the
// publisher meant.
func dateOf(t time.Time) string { return t.Format(doc.DateLayout) }
