package ingest

import (
	"regexp"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// skipExtensiveDateSearch turns off go-htmldate's scan of the whole text
// for date-like strings (slow, and prone to pick dates the story mentions).
var skipExtensiveDateSearch = true

// fallbackBelow is the length of extracted text (bytes) under which
// trafilatura's fallback extractors are tried too.
var fallbackBelow = 1500

// ldFirst prefers JSON-LD datePublished over <meta> dates.
var ldFirst = true

// alwaysFallback runs the fallback extractors on every page (slower).
var alwaysFallback = false

// titleMetaKeys are the <meta> properties that carry the article's own
// headline, best first. Publishers fill them for social cards, and unlike
// <title> they rarely carry the site name.
var titleMetaKeys = []string{"dc:title", "dcterm:title", "dcterms:title", "og:title", "weibo:article:title", "weibo:webpage:title", "twitter:title", "title", "sailthru.title", "parsely-title"}

// pageHead is what the <head> of a page says about it: its <meta>
// properties (lowercased keys, first value kept) and its <title>.
type pageHead struct {
	metas    map[string]string
	docTitle string
	// ldDates are the datePublished values of JSON-LD blocks, in order.
	ldDates []string
}

// ldDateRe finds the publication date in a JSON-LD block.
var ldDateRe = regexp.MustCompile(`"datePublished"\s*:\s*"([^"]{8,40})"`)

// scanHead collects the <meta> properties and the <title> of a page.
func scanHead(root *html.Node) pageHead {
	h := pageHead{metas: map[string]string{}}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				content := collapseSpace(attr(n, "content"))
				if content == "" {
					break
				}
				for _, k := range []string{"property", "name", "itemprop"} {
					for _, key := range strings.Fields(strings.ToLower(attr(n, k))) {
						if _, seen := h.metas[key]; !seen {
							h.metas[key] = content
						}
					}
				}
			case atom.Title:
				if h.docTitle == "" {
					var b strings.Builder
					for c := n.FirstChild; c != nil; c = c.NextSibling {
						if c.Type == html.TextNode {
							b.WriteString(c.Data)
						}
					}
					h.docTitle = collapseSpace(b.String())
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
					for _, m := range ldDateRe.FindAllStringSubmatch(n.FirstChild.Data, -1) {
						h.ldDates = append(h.ldDates, m[1])
					}
				}
			case atom.Svg:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return h
}

// pageTitle chooses the headline of a page: a title <meta>, else the
// <title>, else the title trafilatura found (often the first heading); a
// short site name after a separator is removed.
func pageTitle(h pageHead, extracted string) string {
	for _, k := range titleMetaKeys {
		if t := h.metas[k]; t != "" {
			return stripSiteName(t)
		}
	}
	if h.docTitle != "" {
		return stripSiteName(h.docTitle)
	}
	return collapseSpace(extracted)
}

// dateMetaKeys are the <meta> properties that carry a page's publication
// date, best first.
var dateMetaKeys = []string{"article:published_time", "og:published_time", "datepublished", "article.published", "published_time", "pubdate", "publishdate", "publish-date", "dc.date.issued", "dcterms.issued", "dcterms.created", "sailthru.date", "parsely-pub-date", "date"}

// dateLayouts are the forms publication dates take in <meta> tags.
var dateLayouts = []string{time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00", "2006-01-02 15:04:05", "2006-01-02"}

// published returns the publication date a page declares in its <meta>
// tags. Reading it here spares go-htmldate's search of the whole page,
// which dominates extraction time on pages that declare their date.
func (h pageHead) published() (time.Time, bool) {
	var values []string
	if ldFirst {
		values = append(values, h.ldDates...)
	}
	for _, k := range dateMetaKeys {
		if v := h.metas[k]; v != "" {
			values = append(values, v)
		}
	}
	if !ldFirst {
		values = append(values, h.ldDates...)
	}
	for _, v := range values {
		for _, l := range dateLayouts {
			if t, err := time.Parse(l, v); err == nil && t.Year() >= 1990 && t.Before(time.Now().Add(48*time.Hour)) {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// titleSeparators split a headline from the site name ("Headline | Site",
// "Headline - Site").
var titleSeparators = []string{" | ", " - ", " -- ", " – ", " — ", " \\ ", " / ", " > ", " » ", " · ", " _ ", " :: "}

// stripSiteName removes a site name after the last separator of a title:
// when that part is short (at most three words) and what is left still
// reads as a headline (at least three words). Longer tails are kept: they
// are as likely to be part of the headline.
func stripSiteName(t string) string {
	last, sep := -1, ""
	for _, s := range titleSeparators {
		if i := strings.LastIndex(t, s); i > last || i == last && len(s) > len(sep) {
			last, sep = i, s
		}
	}
	if last < 0 {
		return t
	}
	head, tail := strings.TrimSpace(t[:last]), strings.TrimSpace(t[last+len(sep):])
	if len(strings.Fields(tail)) <= 3 && len(strings.Fields(head)) >= 3 {
		return head
	}
	return t
}
