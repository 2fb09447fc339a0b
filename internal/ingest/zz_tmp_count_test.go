package ingest

import (
	"bytes"
	"strings"
	"testing"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestZZCount(t *testing.T) {
	pages := readabilityPages(t)
	var total, scriptBytes, nodes, pruneNodes int
	smallVis := 0
	fb := 0
	for _, p := range pages {
		total += len(p)
		u, _ := decodeHTML(p, "")
		root, _ := html.Parse(bytes.NewReader(u))
		var walk func(n *html.Node, in bool)
		vis := 0
		walk = func(n *html.Node, in bool) {
			nodes++
			if in {
				pruneNodes++
			}
			if n.Type == html.CommentNode {
				pruneNodes++
			}
			if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) && n.FirstChild != nil {
				scriptBytes += len(n.FirstChild.Data)
			}
			if n.Type == html.TextNode && !in {
				vis += len(strings.TrimSpace(n.Data))
			}
			sub := in || n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style || n.DataAtom == atom.Svg || n.DataAtom == atom.Noscript)
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, sub)
			}
		}
		walk(root, false)
		opts := trafilatura.Options{ExcludeComments: true}
		res, _ := safeExtract(root, opts)
		if res == nil || len(res.ContentText) < fallbackBelow {
			fb++
			if vis < fallbackBelow {
				smallVis++
			}
			n := 0
			if res != nil {
				n = len(res.ContentText)
			}
			t.Logf("fb page: vis %d extracted %d", vis, n)
		}
	}
	t.Logf("bytes %d script/style %d nodes %d prunable %d fb %d smallVis %d", total, scriptBytes, nodes, pruneNodes, fb, smallVis)
}
