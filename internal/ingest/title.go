package ingest

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// skipExtensiveDateSearch turns off go-htmldate's scan of the whole text
// for date-like strings (slow, and prone to pick dates the story mentions).
var skipExtensiveDateSearch = true

// fallbackBelow is the length of extracted text (bytes) under which
// trafilatura's fallback extractors are tried too.
var fallbackBelow = 1500

// alwaysFallback runs the fallback extractors on every page (slower).
var alwaysFallback = false

// titleMetaKeys are the <meta> properties that carry the article's own
// headline, best first. Publishers fill them for social cards, and unlike
// <title> they rarely carry the site name.
var titleMetaKeys = []string{"dc:title", "dcterm:title", "dcterms:title", "og:title", "weibo:article:title", "weibo:webpage:title", "twitter:title", "title", "sailthru.title", "parsely-title"}

// pageTitle chooses the headline of a page: a title <meta>, else the
// <title> with its site-name part removed, else the title trafilatura
// found (often the first heading).
func pageTitle(root *html.Node, extracted string) string {
	metas := map[string]string{}
	var docTitle string
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
						if _, seen := metas[key]; !seen {
							metas[key] = content
						}
					}
				}
			case atom.Title:
				if docTitle == "" {
					var b strings.Builder
					for c := n.FirstChild; c != nil; c = c.NextSibling {
						if c.Type == html.TextNode {
							b.WriteString(c.Data)
						}
					}
					docTitle = collapseSpace(b.String())
				}
			case atom.Body, atom.Svg:
				return // titles live in <head>
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	for _, k := range titleMetaKeys {
		if t := metas[k]; t != "" {
			return stripSiteName(t)
		}
	}
	if docTitle != "" {
		return stripSiteName(docTitle)
	}
	return collapseSpace(extracted)
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
