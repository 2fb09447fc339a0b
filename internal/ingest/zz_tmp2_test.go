package ingest

import (
	"bytes"
	"sort"
	"testing"

	"golang.org/x/net/html"
)

func TestZZTags(t *testing.T) {
	pages := readabilityPages(t)
	sub := map[string]int{}
	total := 0
	var size func(n *html.Node) int
	size = func(n *html.Node) int {
		k := 1
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			k += size(c)
		}
		return k
	}
	for _, p := range pages {
		u, _ := decodeHTML(p, "")
		root, _ := html.Parse(bytes.NewReader(u))
		pruneInert(root)
		total += size(root)
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				switch n.Data {
				case "svg", "select", "nav", "aside", "footer", "menu", "form", "header", "figure", "button", "iframe", "ul":
					sub[n.Data] += size(n)
					return
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(root)
	}
	var ks []string
	for k := range sub {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return sub[ks[i]] > sub[ks[j]] })
	for _, k := range ks {
		t.Logf("%s %d", k, sub[k])
	}
	t.Logf("total %d", total)
}
