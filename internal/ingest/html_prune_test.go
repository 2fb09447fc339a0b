package ingest

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// textContent concatenates the text nodes under n, as DOM textContent
// does: the extractors that score or rescue text read it this way.
func textContent(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func TestPruneInert(t *testing.T) {
	cases := []struct {
		name    string
		page    string
		gone    []string // must not be in the rendered page any more
		kept    []string // must still be in the rendered page
		words   string   // textContent of <body>, white space collapsed
		visible int
	}{
		{
			name:    "scripts styles comments",
			page:    `<html><head><style>p{color:red}</style><script>var x = "<p>hidden</p>";</script><script type="application/ld+json">{"datePublished":"2024-05-01"}</script></head><body><!-- ad slot --><p>Talks resumed.</p></body></html>`,
			gone:    []string{"color:red", "var x", "ad slot"},
			kept:    []string{`"datePublished":"2024-05-01"`},
			words:   "Talks resumed.",
			visible: len("Talks resumed."),
		},
		{
			name:    "nav svg controls go, aside with the byline stays",
			page:    `<body><nav><a href="/">Home</a></nav><svg><title>icon</title><path d="M0"/></svg><article><p>The minister spoke.</p><button>Share</button><aside>By <time datetime="2024-05-01">May 1</time></aside></article></body>`,
			gone:    []string{"Home", "icon", "Share"},
			kept:    []string{"The minister spoke.", `<time datetime="2024-05-01">`},
			words:   "The minister spoke.By May 1",
			visible: len("The minister spoke.") + len("By") + len("May 1"),
		},
		{
			name:  "layout indentation folded, words kept apart",
			page:  "<body>\n  <div>\n    <p>First paragraph</p>\n    <p>Second paragraph</p>\n  </div>\n</body>",
			words: "First paragraph Second paragraph",
			// whitespace between blocks is gone from the tree
			gone:    []string{"</p>\n    <p>", "<div>\n"},
			visible: len("First paragraph") + len("Second paragraph"),
		},
		{
			name:    "space not folded into an element that goes",
			page:    "<body><div>foo</div>\n<div><nav>menu</nav>bar</div></body>",
			gone:    []string{"menu"},
			words:   "foo bar",
			visible: len("foo") + len("bar"),
		},
		{
			name:    "inline context keeps its white space",
			page:    "<body><a href=\"#\">\n  <p>abc</p>\n  <p>def</p>\n  ghi\n</a></body>",
			kept:    []string{"</p>\n  <p>"},
			words:   "abc def ghi",
			visible: len("abc") + len("def") + len("ghi"),
		},
		{
			name:    "table cells and definition lists keep their white space",
			page:    "<body><table><tr><td>\n<p>new</p>\n</td><td>\n<p>old</p>\n</td></tr></table><dl><dt>Latency</dt>\n<dd>The time it takes</dd></dl></body>",
			kept:    []string{"<td>\n<p>new</p>\n</td>", "</dt>\n<dd>"},
			words:   "new old Latency The time it takes",
			visible: len("new") + len("old") + len("Latency") + len("The time it takes"),
		},
		{
			name:    "pre untouched, noscript not visible",
			page:    "<body><pre>\n<b>x</b>\n<i>y</i>\n</pre><noscript>Enable JavaScript</noscript></body>",
			kept:    []string{"<pre><b>x</b>\n<i>y</i>\n</pre>"},
			words:   "x y Enable JavaScript",
			visible: 2,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader(c.page))
			if err != nil {
				t.Fatal(err)
			}
			visible := pruneInert(root)
			var b strings.Builder
			if err := html.Render(&b, root); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			for _, s := range c.gone {
				if strings.Contains(out, s) {
					t.Errorf("%q still in %q", s, out)
				}
			}
			for _, s := range c.kept {
				if !strings.Contains(out, s) {
					t.Errorf("%q lost from %q", s, out)
				}
			}
			body := root
			var find func(n *html.Node)
			find = func(n *html.Node) {
				if n.Type == html.ElementNode && n.Data == "body" {
					body = n
				}
				for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
					find(ch)
				}
			}
			find(root)
			if got := collapseSpace(textContent(body)); got != c.words {
				t.Errorf("textContent %q, want %q", got, c.words)
			}
			if visible != c.visible {
				t.Errorf("visible %d, want %d", visible, c.visible)
			}
		})
	}
}

// TestExtractPageShortPage checks that a page too short for trafilatura
// alone (it goes straight to the fallback run) still gives its text,
// title and date, without the boilerplate.
func TestExtractPageShortPage(t *testing.T) {
	page := `<!DOCTYPE html><html lang="en"><head><title>Envoy meets minister | Wire</title>
<meta property="article:published_time" content="2024-03-18T10:00:00Z">
<script>track();</script></head>
<body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
  <div class="story">
    <h1>Envoy meets minister</h1>
    <p>WASHINGTON, March 18. The ambassador met the deputy foreign minister on Thursday.</p>
    <p>They discussed strategic stability and the work of the embassies.</p>
  </div>
</body></html>`
	p, err := ExtractPage([]byte(page), "text/html; charset=utf-8", "")
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Envoy meets minister" {
		t.Errorf("title %q", p.Title)
	}
	if got := p.Published.Format("2006-01-02"); got != "2024-03-18" {
		t.Errorf("published %s", got)
	}
	for _, want := range []string{"The ambassador met the deputy foreign minister on Thursday.", "They discussed strategic stability"} {
		if !strings.Contains(p.Text, want) {
			t.Errorf("text %q lacks %q", p.Text, want)
		}
	}
	if strings.Contains(p.Text, "Home") || strings.Contains(p.Text, "track()") {
		t.Errorf("boilerplate in text %q", p.Text)
	}
}

func TestCollapseSpace(t *testing.T) {
	cases := []string{
		"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\nb", "\n  a \n b  \n",
		"already clean text", "non\u00a0breaking", "ideographic\u3000space", "x\u2003\u2003y",
		"bad \xff byte", "\xff", "é  à", "a \r\n b",
	}
	for _, c := range cases {
		want := strings.Join(strings.Fields(c), " ")
		if got := collapseSpace(c); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", c, got, want)
		}
	}
}

// TestExtractPageJSONLDBody checks that a page whose HTML shows little
// text but whose JSON-LD carries the article body still yields that body.
func TestExtractPageJSONLDBody(t *testing.T) {
	body := strings.Repeat("The ambassador said the talks on strategic stability would resume in Geneva next month. ", 25)
	page := `<html><head><title>Talks to resume</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Talks to resume","datePublished":"2024-03-18T10:00:00Z","articleBody":"` + body + `"}</script>
</head><body><div id="app"><p>Loading the story.</p><a href="/subscribe">Subscribe to read the full article on our website today</a></div></body></html>`
	p, err := ExtractPage([]byte(page), "text/html; charset=utf-8", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Text, "would resume in Geneva next month") || len(p.Text) < len(body)/2 {
		t.Errorf("article body not extracted: %q", p.Text)
	}
}
