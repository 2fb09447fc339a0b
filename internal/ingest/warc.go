package ingest

import (
	"bufio"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"sort"
	"strings"

	gowarc "github.com/nlnwa/gowarc/v3"
)

// WARCStats counts what reading one archive did.
type WARCStats struct {
	Records   int // records read
	Documents int // HTML responses that became documents
	Skipped   map[string]int
	// Damaged counts records read with format problems (bad lengths,
	// digests, headers); FirstDamage describes the first.
	Damaged     int
	FirstDamage string
	// Stopped is why reading stopped before the end (truncated or
	// corrupt archive); empty when the archive was read to the end.
	Stopped string
}

// skip counts a record that does not become a document, by reason.
func (s *WARCStats) skip(why string) {
	if s.Skipped == nil {
		s.Skipped = map[string]int{}
	}
	s.Skipped[why]++
}

// SkippedTotal is the number of records skipped.
func (s WARCStats) SkippedTotal() int {
	n := 0
	for _, k := range s.Skipped {
		n += k
	}
	return n
}

// Summary says in one line what was skipped, for the reader's warning.
func (s WARCStats) Summary() string {
	if len(s.Skipped) == 0 {
		return ""
	}
	keys := make([]string, 0, len(s.Skipped))
	for k := range s.Skipped {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%d %s", s.Skipped[k], k)
	}
	return fmt.Sprintf("%d of %d records skipped (%s)", s.SkippedTotal(), s.Records, strings.Join(parts, ", "))
}

// isWARCName reports whether a file name is a WARC or ARC archive.
func isWARCName(p string) bool {
	l := strings.ToLower(p)
	for _, ext := range []string{".warc", ".warc.gz", ".arc", ".arc.gz"} {
		if strings.HasSuffix(l, ext) {
			return true
		}
	}
	return false
}

// readWARC reads a WARC (or WARC.gz) file: every response record holding
// an HTML page with status 200 becomes a document (URL and WARC-Date
// kept, the WARC-Date being the published date when the page gives none);
// other records are counted as skipped. A truncated or corrupt archive is
// read as far as it goes. Skips and the reason reading stopped reach the
// caller as warning items.
func (r *reader) readWARC(path string) error {
	if l := strings.ToLower(path); strings.HasSuffix(l, ".arc") || strings.HasSuffix(l, ".arc.gz") {
		return r.warn(path, "ARC archives (the WARC predecessor) are not supported: convert them to WARC; skipped")
	}
	f, err := os.Open(path)
	if err != nil {
		return r.fail(path, "cannot read: %s", pathError(err))
	}
	defer f.Close()
	var st WARCStats
	err = ReadWARC(path, f, r.opts.maxBytes(), &st, func(it Item) error { return r.emit(it) })
	if err != nil {
		return err
	}
	return r.warcNotices(path, st)
}

// ReadWARC reads WARC records from in (plain or gzipped, detected from the
// content) and calls fn with a document item for each HTML response. It
// fills st; an error is returned only when fn fails. maxBytes limits the
// size of one page.
func ReadWARC(name string, in io.Reader, maxBytes int, st *WARCStats, fn func(Item) error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			st.Stopped = fmt.Sprintf("reader failed: %v", p)
			err = nil
		}
	}()
	// Decompress here rather than in gowarc: gzip.Reader reads both
	// record-by-record members and an archive gzipped as a whole.
	br := bufio.NewReaderSize(in, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			st.Stopped = "corrupt compression: " + err.Error()
			return nil
		}
		defer zr.Close()
		in = zr
	} else {
		in = br
	}
	wr, err := gowarc.NewWarcFileReaderFromStream(in, 0,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
		gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrWarn),
		gowarc.WithBlockErrorPolicy(gowarc.ErrWarn),
		gowarc.WithBufferMaxMemBytes(int64(maxBytes)*4),
	)
	if err != nil {
		st.Stopped = fmt.Sprintf("not a readable WARC file: %v", err)
		return nil
	}
	defer wr.Close()
	for {
		rec, err := wr.Next()
		if errors.Is(err, io.EOF) && rec.WarcRecord == nil {
			return nil
		}
		if err != nil && rec.WarcRecord == nil {
			st.Stopped = describeWARCError(err)
			return nil
		}
		st.Records++
		if len(rec.Validation) > 0 {
			st.Damaged++
			if st.FirstDamage == "" {
				st.FirstDamage = fmt.Sprintf("record %d: %v", st.Records, rec.Validation[0])
			}
		}
		it, why := warcDocument(name, st.Records, rec.WarcRecord, maxBytes)
		rec.Close()
		if why != "" {
			st.skip(why)
		} else {
			st.Documents++
			if err := fn(it); err != nil {
				return err
			}
		}
		if err != nil {
			st.Stopped = describeWARCError(err)
			return nil
		}
	}
}

func describeWARCError(err error) string {
	msg := err.Error()
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF), strings.Contains(msg, "unexpected EOF"):
		return "truncated archive (unexpected end of file)"
	case strings.Contains(msg, "gzip"), strings.Contains(msg, "flate"):
		return "corrupt compression: " + msg
	}
	return "corrupt record: " + msg
}

// warcDocument turns one record into a document item, or says why it is
// skipped.
func warcDocument(name string, n int, rec gowarc.WarcRecord, maxBytes int) (Item, string) {
	if rec == nil {
		return Item{}, "unreadable record"
	}
	if rec.Type() != gowarc.Response {
		return Item{}, strings.ToLower(rec.Type().String()) + " records"
	}
	h := rec.WarcHeader()
	target := strings.Trim(strings.TrimSpace(h.Get(gowarc.WarcTargetURI)), "<>")
	if !strings.HasPrefix(strings.ToLower(h.Get(gowarc.ContentType)), "application/http") {
		return Item{}, "non-HTTP responses"
	}
	raw, err := rec.Block().RawBytes()
	if err != nil {
		return Item{}, "unreadable record"
	}
	resp, err := http.ReadResponse(bufio.NewReader(io.LimitReader(raw, int64(maxBytes)*4+64<<10)), nil)
	if err != nil {
		return Item{}, "malformed HTTP responses"
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return Item{}, "non-200 responses"
	}
	ct := resp.Header.Get("Content-Type")
	mt := strings.ToLower(strings.TrimSpace(strings.SplitN(ct, ";", 2)[0]))
	if mt != "text/html" && mt != "application/xhtml+xml" {
		return Item{}, "non-HTML responses"
	}
	var body io.Reader = resp.Body
	if strings.EqualFold(resp.Header.Get("Content-Encoding"), "gzip") {
		gz, err := gzip.NewReader(resp.Body)
		if err != nil {
			return Item{}, "undecodable responses"
		}
		body = gz
	}
	page, err := io.ReadAll(io.LimitReader(body, int64(maxBytes)*4+1))
	if err != nil && len(page) == 0 {
		return Item{}, "truncated responses"
	}
	truncated := err != nil
	if len(page) > maxBytes*4 {
		return Item{}, "oversized responses"
	}
	dname := fmt.Sprintf("%s#%d", name, n)
	if target != "" {
		dname = fmt.Sprintf("%s#%d (%s)", name, n, target)
	}
	d, derr := htmlDocument(dname, page, ct, target)
	if derr != nil {
		// Crawls hold many index and media pages: a page without an
		// article is skipped, not a failure.
		return Item{}, "HTML pages without article text"
	}
	if truncated {
		d.Warnings = append(d.Warnings, "page truncated in the archive: read as far as it goes")
	}
	if d.Published == "" {
		if t, err := rec.Date(); err == nil && !t.IsZero() {
			d.Published = dateOf(t.UTC())
		}
	}
	return Item{Doc: d}, ""
}

func shortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:8])
}
