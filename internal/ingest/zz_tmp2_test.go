package ingest

import (
	"bytes"
	"testing"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

func TestZZGroups(t *testing.T) {
	pages := readabilityPages(t)
	var tot [3]time.Duration
	var cnt [3]int
	var p1, p2 time.Duration
	for _, p := range pages {
		u, _ := decodeHTML(p, "")
		root, _ := html.Parse(bytes.NewReader(u))
		vis := pruneInert(root)
		g := 0
		if vis < fallbackBelow {
			g = 1
		} else {
			res, _ := safeExtract(root, trafilatura.Options{ExcludeComments: true})
			if res == nil || len(res.ContentText) < fallbackBelow {
				g = 2
				s := time.Now()
				for i := 0; i < 5; i++ {
					safeExtract(root, trafilatura.Options{ExcludeComments: true})
				}
				p1 += time.Since(s)
				s = time.Now()
				for i := 0; i < 5; i++ {
					safeExtract(root, trafilatura.Options{ExcludeComments: true, EnableFallback: true})
				}
				p2 += time.Since(s)
			}
		}
		s := time.Now()
		for i := 0; i < 5; i++ {
			ExtractPage(p, "", "")
		}
		tot[g] += time.Since(s)
		cnt[g]++
	}
	t.Logf("trafi-only %d %v; small %d %v; double %d %v (p1 %v p2 %v)", cnt[0], tot[0], cnt[1], tot[1], cnt[2], tot[2], p1, p2)
}
