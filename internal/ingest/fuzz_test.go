package ingest

import (
	"bytes"
	"strings"
	"testing"
)

// The readers of web input must never panic, whatever the bytes.

func FuzzParseFeed(f *testing.F) {
	for _, s := range []string{rss2, atomFeed, rss1, jsonFeed, "<rss><channel><item><title>x", `{"version":"https://jsonfeed.org/version/1","items":[{}]}`, "<?xml version='1.0' encoding='windows-1251'?><rss/>"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		_, items, err := ParseFeed("fuzz", b)
		if err == nil {
			for _, it := range items {
				if it.Err == nil && strings.TrimSpace(it.Doc.Text) == "" {
					t.Fatalf("item without text and without error: %+v", it)
				}
			}
		}
		IsFeed(b)
	})
}

func FuzzExtractPage(f *testing.F) {
	f.Add([]byte(newsPage("en", `<meta charset="utf-8">`, "Title")))
	f.Add([]byte("<html><body><p>one<br><br>two</p></body></html>"))
	f.Add([]byte("<table><tr><td>a<td>b</table><script>x</script>"))
	f.Add([]byte("\xff\xfe<\x00h\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		ExtractPage(b, "", "")
		HTMLToText(string(b))
	})
}

func FuzzReadWARC(f *testing.F) {
	full := testWARC()
	f.Add([]byte(full))
	f.Add([]byte(full[:len(full)/2]))
	f.Add([]byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nHTTP/1.1 200 OK\r\n"))
	f.Add([]byte{0x1f, 0x8b, 8, 0, 0, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		var st WARCStats
		ReadWARC("fuzz", bytes.NewReader(b), 1<<20, &st, func(Item) error { return nil })
	})
}

func FuzzRepair(f *testing.F) {
	for _, s := range []string{"didnâ€™t", "SÃ£o", "&amp;&#8217;", "Ã", "â€", "\xc3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, _ := repairText(s)
		if strings.ToValidUTF8(s, "") == s && strings.ToValidUTF8(out, "") != out {
			t.Fatalf("repair of valid UTF-8 %q gave invalid %q", s, out)
		}
		repairPlain(s)
	})
}
