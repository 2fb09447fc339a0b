package ingest

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// A wire story written for these tests.
const storyP1 = "The foreign ministers of Norway and Finland met in Oslo on Tuesday to discuss fishing rights in the Barents Sea, officials said."
const storyP2 = "Norwegian Foreign Minister Anne Berg told reporters that the talks had been constructive and that a new agreement could be signed before the end of the year."
const storyP3 = "Finland's delegation said it would present a draft proposal at the next round of talks, scheduled for March in Helsinki."

func newsPage(lang, charsetMeta, title string) string {
	return `<!DOCTYPE html><html lang="` + lang + `"><head>` + charsetMeta + `
<title>` + title + ` | Northern Wire</title>
<meta property="og:site_name" content="Northern Wire">
<meta property="article:published_time" content="2024-03-12T09:30:00Z">
<meta name="author" content="Kari Lund">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>` + title + `</h1>
<p>` + storyP1 + `</p>
<p>` + storyP2 + `</p>
<p>` + storyP3 + `</p>
</article>
<footer><p>Copyright Northern Wire. All rights reserved. Subscribe to our newsletter.</p></footer>
</body></html>`
}

func TestExtractPage(t *testing.T) {
	page := newsPage("en", `<meta charset="utf-8">`, "Norway and Finland discuss fishing rights")
	d, err := htmlDocument("page.html", []byte(page), "", "https://example.org/a")
	if err != nil {
		t.Fatal(err)
	}
	want := storyP1 + "\n\n" + storyP2 + "\n\n" + storyP3
	if !strings.HasPrefix(d.Text, storyP1) {
		t.Errorf("text does not open with the story (headline repeated?): %.80q", d.Text)
	}
	if !strings.Contains(d.Text, want) {
		t.Errorf("text without paragraph breaks or incomplete:\n%q", d.Text)
	}
	for _, junk := range []string{"Subscribe", "Sport", "Home"} {
		if strings.Contains(d.Text, junk) {
			t.Errorf("boilerplate %q kept in %q", junk, d.Text)
		}
	}
	checks := []struct{ name, got, want string }{
		{"title", d.Title, "Norway and Finland discuss fishing rights"},
		{"published", d.Published, "2024-03-12"},
		{"source", d.Source, "Northern Wire"},
		{"language", d.Language, "en"},
		{"url", d.URL, "https://example.org/a"},
		{"author", d.Author, "Kari Lund"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
}

func TestLegacyEncodings(t *testing.T) {
	type tc struct {
		name, label, word string
		encode            func(string) []byte
	}
	enc := func(e interface {
		Bytes([]byte) ([]byte, error)
	}) func(string) []byte {
		return func(s string) []byte { b, _ := e.Bytes([]byte(s)); return b }
	}
	for _, c := range []tc{
		{"latin-1", "iso-8859-1", "Tromsø café", enc(charmap.ISO8859_1.NewEncoder())},
		{"windows-1251", "windows-1251", "Москва", enc(charmap.Windows1251.NewEncoder())},
		{"gb2312", "gb2312", "北京", enc(simplifiedchinese.GBK.NewEncoder())}, // gb2312 is a subset of GBK
	} {
		t.Run(c.name, func(t *testing.T) {
			page := newsPage("en", `<meta charset="`+c.label+`">`, "Talks in "+c.word+" on fishing rights")
			raw := c.encode(page)
			d, err := htmlDocument("p.html", raw, "", "")
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(d.Title, c.word) {
				t.Errorf("title %q lacks %q", d.Title, c.word)
			}
			// The same page as a feed item, declared in the XML header.
			feed := `<?xml version="1.0" encoding="` + c.label + `"?><rss version="2.0"><channel><title>Wire ` + c.word + `</title>
<item><title>Talks in ` + c.word + `</title><link>https://example.org/1</link><description>` + storyP1 + ` ` + c.word + `</description></item></channel></rss>`
			_, items, err := ParseFeed("f.rss", c.encode(feed))
			if err != nil {
				t.Fatal(err)
			}
			if len(items) != 1 || !strings.Contains(items[0].Doc.Text, c.word) || !strings.Contains(items[0].Doc.Source, c.word) {
				t.Errorf("feed item %+v lacks %q", items, c.word)
			}
		})
	}
}

func TestRepairMojibake(t *testing.T) {
	cases := []struct {
		name, in, want string
		strict         bool
	}{
		{"apostrophe", "The minister didnâ€™t comment.", "The minister didn’t comment.", false},
		{"quotes and dash", "â€œWe agreeâ€\u009d â€” he said", "“We agree” — he said", false},
		{"accents", "SÃ£o Paulo and BogotÃ¡", "São Paulo and Bogotá", false},
		{"strict clear mojibake", "Talks in SÃ£o Paulo and BogotÃ¡ ended.", "Talks in São Paulo and Bogotá ended.", true},
		{"strict single sequence kept", "The code Ã© was shown.", "The code Ã© was shown.", true},
		{"strict genuine accents beside it", "João said Ã© twice: Ã© .", "João said Ã© twice: Ã© .", true},
		{"clean text", "Plain São Paulo text.", "Plain São Paulo text.", true},
		{"ascii", "Nothing to do here.", "Nothing to do here.", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, _ := repairMojibake(c.in, c.strict)
			if got != c.want {
				t.Errorf("repairMojibake(%q, %v) = %q, want %q", c.in, c.strict, got, c.want)
			}
		})
	}
}

func TestUnescapeEntities(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Smith &amp; Wesson", "Smith & Wesson"},
		{"the minister&#8217;s visit", "the minister’s visit"},
		{"&#x201C;Yes&#x201D;", "“Yes”"},
		{"AT&T and R&D stay", "AT&T and R&D stay"},
		{"&notanentity; stays", "&notanentity; stays"},
	}
	for _, c := range cases {
		if got, _ := unescapeEntities(c.in); got != c.want {
			t.Errorf("unescapeEntities(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestPlainTextRepair(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	os.WriteFile(p, []byte("Ministers met in SÃ£o Paulo on Tuesday &amp; BogotÃ¡ on Wednesday."), 0o644)
	items := readAll(t, []string{p}, Options{})
	if len(items) != 1 || items[0].Doc.Text != "Ministers met in São Paulo on Tuesday & Bogotá on Wednesday." {
		t.Fatalf("got %+v", items)
	}
	if len(items[0].Doc.Warnings) != 2 {
		t.Errorf("warnings %v, want one per repair", items[0].Doc.Warnings)
	}
}

func readAll(t *testing.T, paths []string, opts Options) []Item {
	t.Helper()
	var items []Item
	if err := Read(context.Background(), paths, nil, opts, func(it Item) error { items = append(items, it); return nil }); err != nil {
		t.Fatal(err)
	}
	return items
}

const rss2 = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Northern Wire &amp; Co</title><language>en-gb</language>
<item><title>Norway and Finland discuss fishing</title><link>https://example.org/1</link><guid>n-1</guid>
<pubDate>Tue, 12 Mar 2024 09:30:00 GMT</pubDate><dc:creator>Kari Lund</dc:creator>
<description><![CDATA[<p>` + storyP1 + `</p><p>` + storyP2 + `</p>]]></description></item>
<item><title>Empty</title><link>https://example.org/2</link></item>
</channel></rss>`

const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<entry><title>Finland to present draft</title><link href="https://example.org/3"/><id>urn:x:3</id>
<published>2024-03-13T08:00:00+02:00</published><author><name>Liisa Virtanen</name></author>
<content type="html">&lt;p&gt;` + storyP3 + `&lt;/p&gt;</content></entry></feed>`

const rss1 = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://example.org/"><title>RDF Wire</title><link>https://example.org/</link><description>d</description></channel>
<item rdf:about="https://example.org/4"><title>Talks end</title><link>https://example.org/4</link><description>` + storyP2 + `</description><dc:date>2024-03-14</dc:date></item>
</rdf:RDF>`

const jsonFeed = `{"version": "https://jsonfeed.org/version/1.1", "title": "JSON Wire",
"items": [{"id": "j1", "url": "https://example.org/5", "title": "Oslo talks", "content_html": "<p>` + storyP1 + `</p>", "date_published": "2024-03-15T10:00:00Z", "authors": [{"name": "Ola Nordmann"}]}]}`

func TestFeeds(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"a.rss": rss2, "b.atom": atomFeed, "c.xml": rss1, "d.json": jsonFeed, "e.xml": `<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>`}
	for n, s := range files {
		os.WriteFile(filepath.Join(dir, n), []byte(s), 0o644)
	}
	type want struct{ title, url, published, source, author, text, lang string }
	cases := []struct {
		file string
		want []want
	}{
		{"a.rss", []want{{"Norway and Finland discuss fishing", "https://example.org/1", "2024-03-12", "Northern Wire & Co", "Kari Lund", storyP1 + "\n\n" + storyP2, "en"}, {"Empty", "https://example.org/2", "", "Northern Wire & Co", "", "Empty", "en"}}},
		{"b.atom", []want{{"Finland to present draft", "https://example.org/3", "2024-03-13", "Atom Wire", "Liisa Virtanen", storyP3, "en"}}},
		{"c.xml", []want{{"Talks end", "https://example.org/4", "2024-03-14", "RDF Wire", "", storyP2, "en"}}},
		{"d.json", []want{{"Oslo talks", "https://example.org/5", "2024-03-15", "JSON Wire", "Ola Nordmann", storyP1, "en"}}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			items := readAll(t, []string{filepath.Join(dir, c.file)}, Options{})
			if len(items) != len(c.want) {
				t.Fatalf("%d items, want %d: %+v", len(items), len(c.want), items)
			}
			for i, w := range c.want {
				d := items[i].Doc
				got := want{d.Title, d.URL, d.Published, d.Source, d.Author, d.Text, d.Language}
				if items[i].Err != nil || got != w {
					t.Errorf("item %d:\n got %+v (err %v)\nwant %+v", i, got, items[i].Err, w)
				}
			}
		})
	}
	// A directory: the feeds are read, the sitemap passed over.
	items := readAll(t, []string{dir}, Options{})
	if len(items) != 5 {
		t.Errorf("directory: %d items, want 5", len(items))
	}
	// Given explicitly, the sitemap is a notice.
	items = readAll(t, []string{filepath.Join(dir, "e.xml")}, Options{})
	if len(items) != 1 || !items[0].IsNotice() {
		t.Errorf("sitemap: %+v, want one notice", items)
	}
}

func TestFetchAndFollow(t *testing.T) {
	var uas atomic.Value
	var busy atomic.Int32
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		uas.Store(r.UserAgent())
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, newsPage("en", "", "Norway and Finland discuss fishing rights"))
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, strings.ReplaceAll(rss2, "https://example.org/1", srv.URL+"/busy"))
	})
	mux.HandleFunc("/busy", func(w http.ResponseWriter, r *http.Request) {
		if busy.Add(1) < 3 {
			w.Header().Set("Retry-After", "7")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		http.Redirect(w, r, "/page", http.StatusFound)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(bytes.Repeat([]byte("<p>word </p>"), 10000))
	})
	var waits []time.Duration
	f := &Fetcher{UserAgent: UserAgent("9.9"), MaxBytes: 50000, sleep: func(_ context.Context, d time.Duration) error { waits = append(waits, d); return nil }}

	items := readAll(t, []string{srv.URL + "/page"}, Options{Fetcher: f})
	if len(items) != 1 || items[0].Err != nil || !strings.Contains(items[0].Doc.Text, storyP2) || items[0].Doc.Published != "2024-03-12" {
		t.Fatalf("page: %+v", items)
	}
	if ua, _ := uas.Load().(string); !strings.HasPrefix(ua, "attache/9.9 (+https://") {
		t.Errorf("User-Agent %q", ua)
	}

	items = readAll(t, []string{srv.URL + "/feed"}, Options{Fetcher: f, Follow: true})
	if len(items) != 2 || items[0].Err != nil {
		t.Fatalf("feed: %+v", items)
	}
	if !strings.Contains(items[0].Doc.Text, storyP3) || items[0].Doc.URL != srv.URL+"/page" {
		t.Errorf("followed item: text %q url %q", items[0].Doc.Text, items[0].Doc.URL)
	}
	if len(waits) != 2 || waits[0] != 7*time.Second {
		t.Errorf("Retry-After waits %v, want two of 7s", waits)
	}

	for _, c := range []struct{ path, want string }{{"/loop", "redirects"}, {"/big", "over the limit"}, {"/missing", "404"}} {
		items = readAll(t, []string{srv.URL + c.path}, Options{Fetcher: f})
		if len(items) != 1 || items[0].Err == nil || !strings.Contains(items[0].Err.Error(), c.want) {
			t.Errorf("%s: %+v, want an error with %q", c.path, items, c.want)
		}
	}
	// A Retry-After longer than allowed fails at once.
	busy.Store(-100)
	f2 := &Fetcher{MaxRetryWait: time.Second, sleep: f.sleep}
	if _, err := f2.Get(context.Background(), srv.URL+"/busy"); err == nil || !strings.Contains(err.Error(), "Retry-After") {
		t.Errorf("long Retry-After: %v", err)
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2024, 3, 12, 10, 0, 0, 0, time.UTC)
	cases := []struct {
		in   string
		want time.Duration
	}{{"", 0}, {"30", 30 * time.Second}, {"-3", 0}, {"Tue, 12 Mar 2024 10:01:00 GMT", time.Minute}, {"soon", 0}}
	for _, c := range cases {
		if got := retryAfter(c.in, now); got != c.want {
			t.Errorf("retryAfter(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestDetectLanguage(t *testing.T) {
	cases := []struct{ text, want string }{
		{storyP1 + " " + storyP2, "en"},
		{"Die Außenminister Norwegens und Finnlands trafen sich am Dienstag in Oslo, um über Fischereirechte in der Barentssee zu sprechen, teilten Beamte mit. Die Gespräche seien konstruktiv gewesen, und ein neues Abkommen könne noch vor Ende des Jahres unterzeichnet werden.", "de"},
		{"Министры иностранных дел Норвегии и Финляндии встретились во вторник в Осло, чтобы обсудить права на рыболовство в Баренцевом море.", "ru"},
		{"Los ministros de Asuntos Exteriores de Noruega y Finlandia se reunieron el martes en Oslo para hablar de los derechos de pesca en el mar de Barents, según informaron fuentes oficiales. La delegación finlandesa presentará una propuesta en la próxima ronda.", "es"},
		{"Shr 71 cts vs 43 cts Net 7,274,000 vs 4,447,000 Rev 161.6 mln vs 77.6 mln Year Shr 1.51 dlrs vs 1.32 dlrs Net 15,401,000 vs 13,525,000 Rev 454.0 mln vs 300.1 mln Qtly div 30 cts vs 30 cts prior Pay July 16 Record July 6 Avg shrs 17.1 mln", ""},
		{"Oslo", ""},
	}
	for _, c := range cases {
		if got := DetectLanguage(c.text); got != c.want {
			t.Errorf("DetectLanguage(%.30q) = %q, want %q", c.text, got, c.want)
		}
	}
	// A page declared English but written in German is German; a page
	// declared German whose text is English is English.
	if got := resolveLanguage("en", cases[1].text); got != "de" {
		t.Errorf("resolveLanguage(en, German) = %q", got)
	}
	if got := resolveLanguage("de", cases[0].text); got != "en" {
		t.Errorf("resolveLanguage(de, English) = %q", got)
	}
}

func TestPublishedDateSources(t *testing.T) {
	base := newsPage("en", "", "Talks")
	cases := []struct{ name, page, want string }{
		{"meta", base, "2024-03-12"},
		{"json-ld first", strings.Replace(base, "</head>", `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-10T07:00:00Z"}</script></head>`, 1), "2024-03-10"},
		{"none", strings.Replace(base, `<meta property="article:published_time" content="2024-03-12T09:30:00Z">`, "", 1), ""},
	}
	for _, c := range cases {
		p, err := ExtractPage([]byte(c.page), "", "")
		got := ""
		if !p.Published.IsZero() {
			got = p.Published.Format("2006-01-02")
		}
		if err != nil || got != c.want {
			t.Errorf("%s: published %q (%v), want %q", c.name, got, err, c.want)
		}
	}
}
