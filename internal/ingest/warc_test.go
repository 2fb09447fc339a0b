package ingest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// warcRecord writes one WARC/1.0 record.
func warcRecord(typ, uri, date, contentType, block string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%08d-0000-0000-0000-000000000000>\r\nWARC-Date: %s\r\n", typ, len(block)+len(uri), date)
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	fmt.Fprintf(&b, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", contentType, len(block), block)
	return b.String()
}

func httpResponse(status, contentType, body string, chunked bool) string {
	if chunked {
		var cb strings.Builder
		for len(body) > 0 {
			n := min(len(body), 200)
			fmt.Fprintf(&cb, "%x\r\n%s\r\n", n, body[:n])
			body = body[n:]
		}
		cb.WriteString("0\r\n\r\n")
		return "HTTP/1.1 " + status + "\r\nContent-Type: " + contentType + "\r\nTransfer-Encoding: chunked\r\n\r\n" + cb.String()
	}
	return fmt.Sprintf("HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", status, contentType, len(body), body)
}

func testWARC() string {
	page := newsPage("en", "", "Norway and Finland discuss fishing rights")
	// Without a date in the page, the WARC-Date is the published date.
	undated := strings.Replace(page, `<meta property="article:published_time" content="2024-03-12T09:30:00Z">`, "", 1)
	return warcRecord("warcinfo", "", "2024-03-20T10:00:00Z", "application/warc-fields", "software: test\r\n") +
		warcRecord("request", "https://example.org/a", "2024-03-20T10:00:01Z", "application/http; msgtype=request", "GET /a HTTP/1.1\r\nHost: example.org\r\n\r\n") +
		warcRecord("response", "https://example.org/a", "2024-03-20T10:00:01Z", "application/http; msgtype=response", httpResponse("200 OK", "text/html; charset=utf-8", page, false)) +
		warcRecord("response", "https://example.org/b", "2024-03-21T10:00:02Z", "application/http; msgtype=response", httpResponse("200 OK", "text/html", undated, true)) +
		warcRecord("response", "https://example.org/logo.png", "2024-03-20T10:00:03Z", "application/http; msgtype=response", httpResponse("200 OK", "image/png", "PNG", false)) +
		warcRecord("response", "https://example.org/gone", "2024-03-20T10:00:04Z", "application/http; msgtype=response", httpResponse("404 Not Found", "text/html", "<p>gone</p>", false))
}

func TestReadWARC(t *testing.T) {
	full := testWARC()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(full))
	zw.Close()
	dir := t.TempDir()
	cut := strings.Index(full, "https://example.org/b") + 1000 // inside the chunked page
	files := map[string][]byte{"a.warc": []byte(full), "b.warc.gz": gz.Bytes(), "c.warc": []byte(full[:cut])}
	for n, b := range files {
		os.WriteFile(filepath.Join(dir, n), b, 0o644)
	}
	cases := []struct {
		file      string
		docs      []string // published dates of the documents
		notices   []string // substrings of the notices, in order
		noticeNum int
	}{
		{"a.warc", []string{"2024-03-12", "2024-03-21"}, []string{"4 of 6 records skipped", "1 non-200"}, 1},
		{"b.warc.gz", []string{"2024-03-12", "2024-03-21"}, []string{"4 of 6 records skipped"}, 1},
		{"c.warc", []string{"2024-03-12", "2024-03-21"}, []string{"skipped", ""}, 2},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			items := readAll(t, []string{filepath.Join(dir, c.file)}, Options{})
			var dates, notices []string
			for _, it := range items {
				switch {
				case it.IsNotice():
					notices = append(notices, it.Warning)
				case it.Err != nil:
					t.Errorf("error item: %v", it.Err)
				default:
					dates = append(dates, it.Doc.Published)
					if c.file == "c.warc" && it.Doc.URL == "https://example.org/b" && len(it.Doc.Warnings) == 0 {
						t.Errorf("truncated page without a warning")
					}
					if !strings.Contains(it.Doc.Text, storyP1) || !strings.HasPrefix(it.Doc.URL, "https://example.org/") {
						t.Errorf("document %s: url %q text %q", it.Doc.Name, it.Doc.URL, it.Doc.Text)
					}
				}
			}
			if strings.Join(dates, ",") != strings.Join(c.docs, ",") {
				t.Errorf("documents dated %v, want %v", dates, c.docs)
			}
			if len(notices) < c.noticeNum {
				t.Fatalf("notices %q, want at least %d", notices, c.noticeNum)
			}
			for i, w := range c.notices {
				if i < len(notices) && !strings.Contains(notices[i], w) {
					t.Errorf("notice %d = %q, want it to say %q", i, notices[i], w)
				}
			}
			if c.file == "c.warc" && !strings.Contains(strings.Join(notices, " "), "truncated") && !strings.Contains(strings.Join(notices, " "), "format problems") {
				t.Errorf("truncated archive not reported: %q", notices)
			}
		})
	}
}
