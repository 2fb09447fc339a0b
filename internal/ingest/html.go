package ingest

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/attache-project/attache/internal/doc"
	htmldate "github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Page is what ExtractPage finds in an HTML page: the main text without
// boilerplate (paragraphs separated by a blank line) and the page's
// metadata.
type Page struct {
	Text      string
	Title     string
	Author    string
	Published time.Time // zero when the page gives no date
	SiteName  string
	URL       string
	// Language is the page's declared language (<html lang>, meta) or the
	// one trafilatura found, as an ISO 639-1 code; may be empty.
	Language string
	// Charset is the encoding the page was decoded from.
	Charset string
}

// ExtractPage decodes an HTML page (charset from contentType, the BOM or
// <meta charset>, else windows-1252 as browsers do) and extracts its main
// text and metadata with trafilatura and its fallback extractors.
// pageURL may be empty.
func ExtractPage(raw []byte, contentType, pageURL string) (Page, error) {
	utf8Bytes, cs := decodeHTML(raw, contentType)
	root, err := html.Parse(bytes.NewReader(utf8Bytes))
	if err != nil {
		return Page{}, fmt.Errorf("malformed HTML: %v", err)
	}
	declared := declaredLanguage(root)
	opts := trafilatura.Options{
		ExcludeComments: true,
		Deduplicate:     false,
		// The publication date, not the last update: the anchor of
		// relative dates in a story is the day it was first published.
		HtmlDateOptions: &htmldate.Options{UseOriginalDate: true, URL: pageURL, SkipExtensiveSearch: skipExtensiveDateSearch},
	}
	head := scanHead(root)
	if t, ok := head.published(); ok {
		opts.HtmlDateOverride = &htmldate.Result{DateTime: t, HasTime: true, HasTimezone: true}
	}
	if pageURL != "" {
		if u, err := url.Parse(pageURL); err == nil {
			opts.OriginalURL = u
		}
	}
	// Trafilatura deep-copies the tree three times (and go-htmldate twice
	// more) and walks it many times: dropping what no extractor reads
	// first makes all of that cheaper. visible is the page's text outside
	// scripts and styles.
	visible := pruneInert(root)
	// Trafilatura alone first; its fallback extractors (readability, DOM
	// distiller) cost as much again, so they run only when it finds
	// little text. A page with little text at all is sure to need them:
	// it gets the fallback run only, not both.
	var res *trafilatura.ExtractResult
	if !alwaysFallback && visible >= fallbackBelow {
		opts.EnableFallback = false
		if res, err = safeExtract(root, opts); err != nil {
			return Page{}, err
		}
	}
	if alwaysFallback || res == nil || len(res.ContentText) < fallbackBelow {
		opts.EnableFallback = true
		if res != nil {
			// The second run finds the same date: spare go-htmldate.
			opts.HtmlDateOverride = &htmldate.Result{DateTime: res.Metadata.Date, HasTime: !res.Metadata.Date.IsZero()}
		}
		alt, err := safeExtract(root, opts)
		if err != nil && res == nil {
			return Page{}, err
		}
		if alt != nil && (res == nil || len(alt.ContentText) > len(res.ContentText)) {
			res = alt
		}
	}
	p := Page{Charset: cs, URL: pageURL}
	if res != nil {
		p.Text = nodeText(res.ContentNode)
		if strings.TrimSpace(p.Text) == "" {
			p.Text = cleanParagraphs(res.ContentText)
		}
		m := res.Metadata
		p.Title = pageTitle(head, m.Title)
		p.Author = cleanInline(m.Author)
		p.SiteName = cleanInline(m.Sitename)
		p.Published = m.Date
		if p.URL == "" {
			p.URL = m.URL
		}
		p.Language = normLang(m.Language)
	}
	if declared != "" {
		p.Language = declared
	}
	p.Text = dropLeadingTitle(p.Text, p.Title)
	return p, nil
}

// safeExtract runs trafilatura and turns a panic inside it (it parses
// arbitrary web pages) into an error, so one bad page cannot stop a crawl.
func safeExtract(root *html.Node, opts trafilatura.Options) (res *trafilatura.ExtractResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("HTML extraction failed: %v", r)
		}
	}()
	res, err = trafilatura.ExtractDocument(root, opts)
	if err != nil {
		// trafilatura reports "no content" as an error; the caller
		// decides what an empty page means.
		return nil, nil
	}
	return res, nil
}

// pruneInert removes from a parsed page what none of the extractors
// reads: scripts (except JSON ones: JSON-LD carries the date, the
// headline and sometimes the article body), style sheets, SVG drawings,
// HTML comments, navigation bars, form controls, embedded media, and the
// indentation between the block elements of the page's layout (about one
// node in five). Trafilatura and go-readability drop all that
// themselves, but only after deep-copying the tree several times. It
// returns the number of bytes of non-space text left outside <noscript>
// and <template>.
func pruneInert(root *html.Node) int {
	visible := 0
	// flat: n is inside an element whose content trafilatura may flatten
	// into one line (list item, table cell, paragraph...), where white
	// space between blocks is what keeps their words apart.
	var walk func(n *html.Node, hidden, flat bool)
	walk = func(n *html.Node, hidden, flat bool) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			switch c.Type {
			case html.CommentNode:
				n.RemoveChild(c)
			case html.TextNode:
				t := strings.TrimSpace(c.Data)
				if t == "" && (n.DataAtom == atom.Head || !flat && foldSpace(c)) {
					n.RemoveChild(c)
				} else if !hidden {
					visible += len(t)
				}
			case html.ElementNode:
				if pruneBlocks[c.DataAtom] {
					n.RemoveChild(c)
					break
				}
				switch c.DataAtom {
				case atom.Script:
					if !strings.Contains(strings.ToLower(attr(c, "type")), "json") {
						n.RemoveChild(c)
					} else if c.FirstChild != nil && strings.Contains(c.FirstChild.Data, `"articleBody"`) {
						// Trafilatura falls back on the JSON-LD body of
						// pages whose HTML shows little text: that is text.
						visible += len(c.FirstChild.Data)
					}
				case atom.Style, atom.Svg:
					n.RemoveChild(c)
				case atom.Noscript, atom.Template:
					walk(c, true, true)
				default:
					walk(c, hidden, flat || !layoutAtoms[c.DataAtom])
				}
			default:
				walk(c, hidden, flat)
			}
			c = next
		}
	}
	walk(root, false, false)
	return visible
}

// pruneBlocks are the page's navigation bars, form controls and embedded
// media: every extractor discards them (trafilatura before extracting,
// readability by score or in its clean-up). <aside> and <footer> stay:
// an article's byline and <time> date often live there, and go-htmldate
// and trafilatura's author search read them. So do <form> (some sites
// wrap the whole page in one, and readability is the fallback for
// those), <figure> (readability keeps captions), <math> and <noscript>.
var pruneBlocks = map[atom.Atom]bool{
	atom.Nav:    true,
	atom.Select: true, atom.Button: true, atom.Input: true, atom.Textarea: true,
	atom.Datalist: true, atom.Iframe: true, atom.Embed: true, atom.Object: true,
	atom.Applet: true, atom.Audio: true, atom.Video: true, atom.Canvas: true,
	atom.Picture: true, atom.Map: true,
}

// layoutAtoms are the elements that only arrange blocks: extractors keep
// their block children apart, so white space between those is layout.
var layoutAtoms = map[atom.Atom]bool{
	atom.Html: true, atom.Body: true, atom.Div: true, atom.Section: true,
	atom.Article: true, atom.Main: true, atom.Header: true, atom.Footer: true,
	atom.Nav: true, atom.Aside: true, atom.Form: true, atom.Ul: true,
	atom.Ol: true, atom.Table: true, atom.Tbody: true, atom.Thead: true,
	atom.Tfoot: true, atom.Tr: true, atom.Center: true,
}

// foldSpace prepares the removal of a white-space text node that stands
// between two block elements, or between one and the edge of its parent:
// it makes sure the neighbouring block's text ends (or starts) with a
// space, so that words on both sides stay apart for extractors that
// read textContent (trafilatura's baseline, readability's scores). It
// reports false, and the node must stay, when there is no such text to
// carry the space.
func foldSpace(n *html.Node) bool {
	p, q := n.PrevSibling, n.NextSibling
	switch {
	case isBlock(p) && (q == nil || isBlock(q)):
		t := edgeText(p, true)
		if t == nil {
			return false
		}
		if !strings.HasSuffix(t.Data, " ") && !strings.HasSuffix(t.Data, "\n") {
			t.Data += " "
		}
		return true
	case p == nil && isBlock(q):
		t := edgeText(q, false)
		if t == nil {
			return false
		}
		if !strings.HasPrefix(t.Data, " ") && !strings.HasPrefix(t.Data, "\n") {
			t.Data = " " + t.Data
		}
		return true
	}
	return false
}

func isBlock(n *html.Node) bool {
	return n != nil && n.Type == html.ElementNode && blockAtoms[n.DataAtom]
}

// edgeText returns the last (or first) text node of n's subtree, found by
// following last (first) children, or nil when that path ends elsewhere
// or enters an element whose text must not change.
func edgeText(n *html.Node, last bool) *html.Node {
	for n != nil && n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Svg, atom.Pre, atom.Textarea, atom.Noscript, atom.Template, atom.Title:
			return nil
		}
		if pruneBlocks[n.DataAtom] {
			return nil // about to go: the space would go with it
		}
		if last {
			n = n.LastChild
		} else {
			n = n.FirstChild
		}
	}
	if n == nil || n.Type != html.TextNode {
		return nil
	}
	return n
}

// htmlDocument turns a page into a document named name.
func htmlDocument(name string, raw []byte, contentType, pageURL string) (doc.Document, error) {
	d := doc.Document{Name: name, URL: pageURL}
	p, err := ExtractPage(raw, contentType, pageURL)
	if err != nil {
		return d, fmt.Errorf("%s: %v", name, err)
	}
	text, warns := repairText(p.Text)
	d.Warnings = append(d.Warnings, warns...)
	if strings.TrimSpace(text) == "" {
		return d, fmt.Errorf("%s: no article text found in the HTML page", name)
	}
	d.Text = text
	d.Title, _ = repairInline(p.Title)
	d.Source = p.SiteName
	d.Author = p.Author
	if d.URL == "" {
		d.URL = p.URL
	}
	if !p.Published.IsZero() {
		d.Published = p.Published.Format(doc.DateLayout)
	}
	d.Language = p.Language
	return d, nil
}

// declaredLanguage returns the primary subtag of <html lang>, or of
// <meta http-equiv="content-language">, lowercased ("en-GB" -> "en").
func declaredLanguage(root *html.Node) string {
	var lang string
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if lang != "" || depth > 3 {
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				lang = normLang(attr(n, "lang"))
				if lang == "" {
					lang = normLang(attr(n, "xml:lang"))
				}
			case atom.Meta:
				if strings.EqualFold(attr(n, "http-equiv"), "content-language") {
					lang = normLang(attr(n, "content"))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(root, 0)
	return lang
}

// normLang reduces a language tag to its lowercased primary subtag when
// that is a two- or three-letter code.
func normLang(tag string) string {
	tag = strings.TrimSpace(tag)
	if i := strings.IndexAny(tag, "-_,; "); i >= 0 {
		tag = tag[:i]
	}
	tag = strings.ToLower(tag)
	if len(tag) < 2 || len(tag) > 3 {
		return ""
	}
	for _, c := range tag {
		if c < 'a' || c > 'z' {
			return ""
		}
	}
	return tag
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// titleOf returns the text of the first <title>.
func titleOf(root *html.Node) string {
	var t string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if t != "" {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Title {
			var b strings.Builder
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.TextNode {
					b.WriteString(c.Data)
				}
			}
			t = b.String()
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return t
}

// blockAtoms are the elements that start a new paragraph.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true,
	atom.Ol: true, atom.Blockquote: true, atom.Pre: true, atom.Table: true,
	atom.Tr: true, atom.Section: true, atom.Article: true, atom.Header: true,
	atom.Footer: true, atom.Dd: true, atom.Dt: true, atom.Dl: true,
	atom.Figure: true, atom.Figcaption: true, atom.Hr: true, atom.Main: true,
	atom.Aside: true, atom.Nav: true, atom.Form: true, atom.Address: true,
	atom.Caption: true, atom.Details: true, atom.Summary: true, atom.Body: true,
	atom.Center: true, atom.Fieldset: true,
}

// skipAtoms hold no readable text.
var skipAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Svg: true, atom.Math: true, atom.Iframe: true,
	atom.Object: true, atom.Select: true, atom.Button: true,
}

// nodeText renders the text of an HTML tree as paragraphs separated by a
// blank line: block elements end a paragraph, <br> ends a line, and runs
// of white space inside a paragraph collapse to one space. Elements that
// trafilatura outputs with other names ("head" for headings, "list",
// "item", "quote", "lb") are handled too.
func nodeText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var paras []string
	var cur strings.Builder
	endPara := func() {
		if s := collapseSpace(cur.String()); s != "" {
			paras = append(paras, s)
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			if skipAtoms[n.DataAtom] {
				return
			}
			name := n.Data
			if n.DataAtom == atom.Br || name == "lb" {
				// A line break inside a paragraph: wire copy often uses
				// <br><br> for paragraphs, so a break is a paragraph end.
				endPara()
				return
			}
			block := blockAtoms[n.DataAtom] || name == "head" || name == "list" || name == "item" || name == "quote" || name == "row"
			if block {
				endPara()
			}
			if n.DataAtom == atom.Td || n.DataAtom == atom.Th || name == "cell" {
				cur.WriteByte(' ')
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
			if block {
				endPara()
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	endPara()
	return strings.Join(paras, "\n\n")
}

// collapseSpace trims s and collapses every run of white space to one
// space.
func collapseSpace(s string) string {
	// One pass and one allocation (none when s is already clean): this
	// runs on every paragraph of every page.
	clean := true
	prevSpace := true // a leading space is not clean
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		sp := unicode.IsSpace(r)
		if sp && (prevSpace || r != ' ') {
			clean = false
			break
		}
		prevSpace = sp
		i += size
	}
	if clean && !prevSpace {
		return s
	}
	if clean && s == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			pending = b.Len() > 0
		} else {
			if pending {
				b.WriteByte(' ')
				pending = false
			}
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// cleanInline collapses white space in a one-line field (title, author).
func cleanInline(s string) string { return collapseSpace(s) }

// cleanParagraphs normalises plain text with one paragraph per line into
// paragraphs separated by a blank line.
func cleanParagraphs(s string) string {
	var paras []string
	for _, line := range strings.Split(s, "\n") {
		if l := collapseSpace(line); l != "" {
			paras = append(paras, l)
		}
	}
	return strings.Join(paras, "\n\n")
}

// HTMLToText turns an HTML fragment (a feed item's content) into
// paragraphs of plain text separated by blank lines.
func HTMLToText(fragment string) string {
	nodes, err := html.ParseFragment(strings.NewReader(fragment), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return cleanParagraphs(fragment)
	}
	wrap := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		wrap.AppendChild(n)
	}
	return nodeText(wrap)
}

// FetchPage fetches a web page and extracts its article as a document
// named name.
func FetchPage(ctx context.Context, f *Fetcher, name, pageURL string) (doc.Document, error) {
	resp, err := f.Get(ctx, pageURL)
	if err != nil {
		return doc.Document{Name: name}, fmt.Errorf("%s: %v", pageURL, err)
	}
	d, err := htmlDocument(name, resp.Body, resp.ContentType, resp.URL)
	if err != nil {
		return d, err
	}
	d.Language = resolveLanguage(d.Language, d.Text)
	return d, nil
}

// dropLeadingTitle removes a first paragraph that repeats the headline:
// the title is kept in its own field, and a wire story's dateline should
// open the text.
func dropLeadingTitle(text, title string) string {
	first, rest, ok := strings.Cut(text, "\n\n")
	if !ok || title == "" {
		return text
	}
	if strings.EqualFold(collapseSpace(first), collapseSpace(title)) {
		return rest
	}
	return text
}
