// Package ingest reads news documents from files, directories, URLs and
// stdin: plain text files (one document each, with an optional "date
// YYYY-MM-DD" header), JSON Lines files (one document per line), web pages
// (main text extracted without boilerplate), RSS/Atom/JSON feeds (one
// document per item) and WARC crawl archives (one document per HTML
// response).
//
// Reading never stops on a bad document: each problem (empty or binary
// file, malformed JSON line, missing text, document over the size limit,
// unreadable path) is handed to the caller as an Item with an error that
// names the document, and reading goes on with the next one.
package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/attache-project/attache/internal/doc"
)

// DefaultMaxBytes is the default size limit of one document (5 MB).
const DefaultMaxBytes = 5 << 20

// Input formats for Options.Input.
const (
	InputSniff = ""      // decide from the content: a first non-space '{' means JSON Lines
	InputJSONL = "jsonl" // one JSON object per line
	InputText  = "text"  // the whole input is one text document
	InputHTML  = "html"  // a web page
	InputFeed  = "feed"  // an RSS, Atom or JSON feed
	InputWARC  = "warc"  // a WARC archive (plain or gzipped)
	// inputMaybeFeed is a .xml or .json file: a feed if it looks like
	// one, else (.json) JSON Lines or (.xml) not a document.
	inputMaybeFeed = "feed?"
	// inputFeedInDir is a .xml or .json file met while walking a
	// directory: read if it is a feed, else passed over in silence.
	inputFeedInDir = "feed-in-dir"
)

// Options configures Read.
type Options struct {
	// Input is the format of stdin and of files without a known extension:
	// "" (sniff), "jsonl" or "text".
	Input string
	// Published overrides the published date of every document
	// (YYYY-MM-DD). A bare year ("1987") overrides nothing and only gives
	// the year for datelines of undated documents (see DefaultYear).
	Published string
	// Source overrides the source of every document.
	Source string
	// MaxBytes limits the size of one document; 0 means DefaultMaxBytes,
	// negative means no limit.
	MaxBytes int
	// Follow fetches the page each feed item links to and takes the
	// article from it (the feed's text stays when the page gives none).
	Follow bool
	// Fetcher fetches URLs (inputs and followed links); nil means a
	// Fetcher with its defaults and UserAgent.
	Fetcher *Fetcher
	// UserAgent is sent when fetching (DefaultUserAgent when empty).
	UserAgent string
}

// Item is one document read, or the problem that kept it from being read.
type Item struct {
	// Doc is the document; Doc.Name says where it came from ("file.txt",
	// "file.jsonl:12", "stdin:3") and is set even when Err is not nil.
	Doc doc.Document
	// Err is a problem with this document only; the caller reports it and
	// goes on.
	Err error
	// Warning, when set on an item without a document (Doc.Text empty
	// and Err nil), is a notice about an input as a whole: records of an
	// archive skipped, an archive read only in part, a file that is not a
	// feed. The caller reports and counts it; it is not a document.
	Warning string
}

// IsNotice reports whether the item is a warning about an input rather
// than a document.
func (it Item) IsNotice() bool { return it.Warning != "" && it.Err == nil && it.Doc.Text == "" }

// ErrUsage marks errors in the options themselves (bad --published or
// --input): the command line is wrong, not a document.
var ErrUsage = errors.New("usage error")

// ValidatePublished checks a --published value: a date YYYY-MM-DD or a
// bare year YYYY. The error wraps ErrUsage.
func ValidatePublished(s string) error {
	if s == "" {
		return nil
	}
	if _, ok := parseYear(s); ok {
		return nil
	}
	if _, err := time.Parse(doc.DateLayout, s); err != nil {
		return fmt.Errorf("%w: invalid --published %q: want a date YYYY-MM-DD or a year YYYY", ErrUsage, s)
	}
	return nil
}

// parseYear reads a bare four-digit year.
func parseYear(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < 1000 {
		return 0, false
	}
	return y, true
}

// DefaultYear returns the year given by --published (a bare year or the
// year of a full date), or 0. The analyzer uses it for dateline dates of
// documents without a published date.
func (o Options) DefaultYear() int {
	if y, ok := parseYear(o.Published); ok {
		return y
	}
	if t, err := time.Parse(doc.DateLayout, o.Published); err == nil {
		return t.Year()
	}
	return 0
}

// PublishedOverride returns the date that replaces every document's
// published date, or "" when --published is empty or only a year.
func (o Options) PublishedOverride() string {
	if _, err := time.Parse(doc.DateLayout, o.Published); err == nil {
		return o.Published
	}
	return ""
}

// Validate checks the options; the error wraps ErrUsage.
func (o Options) Validate() error {
	switch o.Input {
	case InputSniff, InputJSONL, InputText, InputHTML, InputFeed, InputWARC:
	default:
		return fmt.Errorf("%w: invalid --input %q: want jsonl, text, html, feed or warc", ErrUsage, o.Input)
	}
	return ValidatePublished(o.Published)
}

func (o Options) maxBytes() int {
	switch {
	case o.MaxBytes == 0:
		return DefaultMaxBytes
	case o.MaxBytes < 0:
		return int(^uint(0) >> 2)
	}
	return o.MaxBytes
}

// Read streams documents from paths in a deterministic order, calling fn
// for each item. A path is "-" (stdin), an http(s) URL (a web page or a
// feed, by content type), a file or a directory (walked recursively in
// lexical order, taking files ending in .txt, .text, .jsonl, .ndjson,
// .html, .htm, .rss, .atom, .warc, .warc.gz, and .xml/.json files that are
// feeds, and skipping hidden entries). Paths are read in the
// order given. Read stops only if fn returns an error, ctx is cancelled or
// the options are invalid (an error wrapping ErrUsage).
func Read(ctx context.Context, paths []string, stdin io.Reader, opts Options, fn func(Item) error) error {
	if err := opts.Validate(); err != nil {
		return err
	}
	r := &reader{ctx: ctx, opts: opts, fn: fn}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		switch {
		case p == "-":
			err = r.readStream("stdin", stdin, opts.Input)
		case isURL(p):
			err = r.readURL(p)
		default:
			err = r.readPath(p)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// reader carries the state of one Read call.
type reader struct {
	ctx  context.Context
	opts Options
	fn   func(Item) error
}

// emit finishes a document (overrides) and hands it to fn.
func (r *reader) emit(it Item) error {
	if err := r.ctx.Err(); err != nil {
		return err
	}
	if it.Err == nil && it.Doc.Text != "" {
		it.Doc.Language = resolveLanguage(normLang(it.Doc.Language), it.Doc.Text)
	}
	if it.Err == nil {
		if p := r.opts.PublishedOverride(); p != "" {
			it.Doc.Published = p
		}
		if r.opts.Source != "" {
			it.Doc.Source = r.opts.Source
		}
	}
	return r.fn(it)
}

// fail reports a problem with the document called name.
func (r *reader) fail(name string, format string, args ...any) error {
	return r.emit(Item{Doc: doc.Document{Name: name}, Err: fmt.Errorf("%s: %s", name, fmt.Sprintf(format, args...))})
}

// warn hands the caller a notice about the input called name.
func (r *reader) warn(name, msg string) error {
	return r.fn(Item{Doc: doc.Document{Name: name}, Warning: msg})
}

// Format of a file by its extension: "" when the extension is unknown.
func formatOf(path string) string {
	if isWARCName(path) {
		return InputWARC
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text":
		return InputText
	case ".jsonl", ".ndjson":
		return InputJSONL
	case ".html", ".htm", ".xhtml":
		return InputHTML
	case ".rss", ".atom":
		return InputFeed
	case ".xml", ".json":
		return inputMaybeFeed
	}
	return ""
}

func (r *reader) readPath(p string) error {
	info, err := os.Stat(p)
	if err != nil {
		return r.fail(p, "cannot read: %s", pathError(err))
	}
	if !info.IsDir() {
		format := formatOf(p)
		if format == "" {
			format = r.opts.Input
		}
		return r.readFile(p, format)
	}
	var files []string
	var walkErrs []Item
	werr := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			walkErrs = append(walkErrs, Item{Doc: doc.Document{Name: path}, Err: fmt.Errorf("%s: cannot read: %s", path, pathError(err))})
			if d != nil && d.IsDir() && path != p {
				return fs.SkipDir
			}
			return nil
		}
		if path != p && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() && formatOf(path) != "" {
			files = append(files, path)
		}
		return nil
	})
	if werr != nil {
		walkErrs = append(walkErrs, Item{Doc: doc.Document{Name: p}, Err: fmt.Errorf("%s: %v", p, werr)})
	}
	for _, it := range walkErrs {
		if err := r.emit(it); err != nil {
			return err
		}
	}
	sort.Strings(files) // WalkDir is lexical already; keep it explicit
	for _, f := range files {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		format := formatOf(f)
		if format == inputMaybeFeed {
			format = inputFeedInDir
		}
		if err := r.readFile(f, format); err != nil {
			return err
		}
	}
	return nil
}

// pathError returns the reason of a file system error without the path,
// which the caller prints itself.
func pathError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func (r *reader) readFile(path, format string) error {
	if format == InputWARC {
		return r.readWARC(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return r.fail(path, "cannot read: %s", pathError(err))
	}
	defer f.Close()
	return r.readStream(path, f, format)
}

// readStream reads one file or stdin in the given format ("" = sniff).
func (r *reader) readStream(name string, in io.Reader, format string) error {
	br := bufio.NewReaderSize(in, 64<<10)
	if format == InputSniff {
		format = sniff(br)
	}
	switch format {
	case InputJSONL:
		return r.readJSONL(name, br)
	case InputHTML, InputFeed, inputMaybeFeed, inputFeedInDir:
		return r.readWeb(name, br, format, "", "")
	case InputWARC:
		var st WARCStats
		if err := ReadWARC(name, br, r.opts.maxBytes(), &st, r.emit); err != nil {
			return err
		}
		return r.warcNotices(name, st)
	}
	return r.readText(name, br)
}

// sniff peeks at the start of the input (after a byte order mark): a
// WARC header means a WARC archive, an RSS/Atom/JSON feed root a feed, an
// HTML doctype or root element a web page, a first '{' JSON Lines, and
// anything else text.
func sniff(br *bufio.Reader) string {
	b, _ := br.Peek(4096) // a short read just means a short input
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	b = bytes.TrimLeft(b, " \t\r\n")
	if bytes.HasPrefix(b, []byte("WARC/")) || bytes.HasPrefix(b, []byte{0x1f, 0x8b}) {
		return InputWARC
	}
	if len(b) > 0 && (b[0] == '<' || b[0] == '{') && IsFeed(b) {
		return InputFeed
	}
	if len(b) > 0 && b[0] == '{' {
		return InputJSONL
	}
	if looksLikeHTML(b) {
		return InputHTML
	}
	return InputText
}

// looksLikeHTML reports whether content starts like an HTML document.
func looksLikeHTML(b []byte) bool {
	head := bytes.ToLower(b[:min(len(b), 512)])
	for _, p := range []string{"<!doctype html", "<html", "<head", "<!--"} {
		if bytes.HasPrefix(head, []byte(p)) {
			return p != "<!--" || bytes.Contains(bytes.ToLower(b), []byte("<html"))
		}
	}
	return false
}

// headerRe is the header of the seed files: " date 2021-03-18 WASHINGTON...".
var headerRe = regexp.MustCompile(`^\s*(?i:date):?[ \t]+(\d{4}-\d{2}-\d{2})(?:\s+|$)`)

// readText reads the whole stream as one document.
func (r *reader) readText(name string, br *bufio.Reader) error {
	limit := r.opts.maxBytes()
	b, err := io.ReadAll(io.LimitReader(br, int64(limit)+1))
	if err != nil {
		return r.fail(name, "cannot read: %s", pathError(err))
	}
	if len(b) > limit {
		return r.fail(name, "document is over the limit of %d bytes (--max-bytes)", limit)
	}
	d, err := textDocument(name, b)
	if err != nil {
		return r.emit(Item{Doc: doc.Document{Name: name}, Err: err})
	}
	return r.emit(Item{Doc: d})
}

// textDocument turns the bytes of a text file into a document: it refuses
// empty and binary content, repairs invalid UTF-8 with a warning, and
// takes the published date from a "date YYYY-MM-DD" header.
func textDocument(name string, b []byte) (doc.Document, error) {
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	d := doc.Document{Name: name}
	if len(bytes.TrimSpace(b)) == 0 {
		return d, fmt.Errorf("%s: empty document", name)
	}
	if why := binaryReason(b); why != "" {
		return d, fmt.Errorf("%s: binary file, not text (%s)", name, why)
	}
	text, warn := repairUTF8(b)
	if warn != "" {
		d.Warnings = append(d.Warnings, warn)
	}
	text, warns := repairPlain(text)
	d.Warnings = append(d.Warnings, warns...)
	if m := headerRe.FindStringSubmatchIndex(text); m != nil {
		date := text[m[2]:m[3]]
		if _, err := time.Parse(doc.DateLayout, date); err != nil {
			return d, fmt.Errorf("%s: header date %q is not a valid date", name, date)
		}
		d.Published = date
		text = text[m[1]:]
		if strings.TrimSpace(text) == "" {
			return d, fmt.Errorf("%s: empty document (only a date header)", name)
		}
	}
	d.Text = strings.TrimLeft(text, " \t\r\n")
	return d, nil
}

// binaryReason says why content is not text ("" when it is text): a NUL
// byte, or more than 10% of control characters and invalid UTF-8 bytes in
// its first 8 KB.
func binaryReason(b []byte) string {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return fmt.Sprintf("NUL byte at offset %d", i)
	}
	head := b
	truncated := len(head) > 8<<10
	if truncated {
		head = head[:8<<10]
	}
	bad := 0
	for i := 0; i < len(head); {
		c := head[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' || c == 0x7f {
				bad++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && n == 1 && !(truncated && i+utf8.UTFMax > len(head)) {
			bad++ // an invalid byte (a rune cut at the 8 KB mark is not)
		}
		i += n
	}
	if bad*10 > len(head) {
		return fmt.Sprintf("%d of the first %d bytes are control characters or invalid UTF-8", bad, len(head))
	}
	return ""
}

// repairUTF8 returns b as a string with invalid UTF-8 replaced by U+FFFD,
// and a warning when it had to.
func repairUTF8(b []byte) (string, string) {
	if utf8.Valid(b) {
		return string(b), ""
	}
	return strings.ToValidUTF8(string(b), "\uFFFD"), "invalid UTF-8 replaced with U+FFFD"
}

// jsonRecord is one line of a JSON Lines file. Body, Date and Dateline are
// accepted as aliases (body for text, date for published; a dateline field,
// as in Reuters-21578, is put in front of the text).
type jsonRecord struct {
	ID        json.RawMessage `json:"id"`
	Text      *string         `json:"text"`
	Body      *string         `json:"body"`
	Published *string         `json:"published"`
	Date      *string         `json:"date"`
	Title     string          `json:"title"`
	URL       string          `json:"url"`
	Source    string          `json:"source"`
	Language  string          `json:"language"`
	Dateline  string          `json:"dateline"`
}

// readJSONL reads one document per line; blank lines are skipped.
func (r *reader) readJSONL(name string, br *bufio.Reader) error {
	limit := r.opts.maxBytes()
	// A JSON line may be longer than its text (escapes); allow room, and
	// check the text itself against the limit after decoding.
	lineLimit := limit
	if lineLimit < int(^uint(0)>>4) {
		lineLimit = 2*limit + 64<<10
	}
	for n := 1; ; n++ {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		line, tooLong, err := readLine(br, lineLimit)
		lname := fmt.Sprintf("%s:%d", name, n)
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\xEF\xBB\xBF"))
		}
		switch {
		case tooLong:
			if ferr := r.fail(lname, "line is over the limit of %d bytes (--max-bytes)", lineLimit); ferr != nil {
				return ferr
			}
		case len(bytes.TrimSpace(line)) > 0:
			d, derr := jsonDocument(lname, line, limit)
			if ferr := r.emit(Item{Doc: d, Err: derr}); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return r.fail(lname, "cannot read: %s", pathError(err))
		}
	}
}

// readLine reads one line of any length up to limit bytes (without the
// newline). A longer line is consumed and reported as too long, without
// holding it in memory.
func readLine(br *bufio.Reader, limit int) (line []byte, tooLong bool, err error) {
	for {
		chunk, e := br.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(chunk) > limit+2 { // +2: the "\r\n" itself
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if e == bufio.ErrBufferFull {
			continue
		}
		if e == nil {
			line = bytes.TrimRight(line, "\r\n")
		}
		if e == io.EOF && len(line) == 0 && !tooLong {
			return nil, false, io.EOF
		}
		if e == io.EOF {
			return line, tooLong, io.EOF
		}
		return line, tooLong, e
	}
}

// jsonDocument decodes one JSON line into a document.
func jsonDocument(name string, line []byte, limit int) (doc.Document, error) {
	d := doc.Document{Name: name}
	var warn string
	if !utf8.Valid(line) {
		line = bytes.ToValidUTF8(line, []byte("\uFFFD"))
		warn = "invalid UTF-8 replaced with U+FFFD"
	}
	if t := bytes.TrimSpace(line); len(t) == 0 || t[0] != '{' {
		return d, fmt.Errorf("%s: malformed JSON: want an object {...} on each line", name)
	}
	var rec jsonRecord
	dec := json.NewDecoder(bytes.NewReader(line))
	if err := dec.Decode(&rec); err != nil {
		return d, fmt.Errorf("%s: malformed JSON: %v", name, err)
	}
	if dec.More() {
		return d, fmt.Errorf("%s: malformed JSON: more than one value on the line", name)
	}
	text := rec.Text
	if text == nil {
		text = rec.Body
	}
	if text == nil {
		return d, fmt.Errorf("%s: no \"text\" field", name)
	}
	body := *text
	if strings.TrimSpace(body) == "" {
		return d, fmt.Errorf("%s: empty \"text\" field", name)
	}
	if dl := strings.TrimSpace(rec.Dateline); dl != "" && !strings.HasPrefix(strings.TrimSpace(body), dl) {
		body = dl + " " + body
	}
	if len(body) > limit {
		return d, fmt.Errorf("%s: document is %d bytes, over the limit of %d (--max-bytes)", name, len(body), limit)
	}
	if strings.IndexByte(body, 0) >= 0 {
		return d, fmt.Errorf("%s: text holds NUL bytes (binary content)", name)
	}
	id, err := idString(rec.ID)
	if err != nil {
		return d, fmt.Errorf("%s: %v", name, err)
	}
	d.ID = id
	body, warns := repairPlain(body)
	d.Warnings = append(d.Warnings, warns...)
	d.Text = body
	if rec.Published != nil {
		d.Published = strings.TrimSpace(*rec.Published)
	} else if rec.Date != nil {
		d.Published = strings.TrimSpace(*rec.Date)
	}
	d.Title, d.URL, d.Source, d.Language = rec.Title, rec.URL, rec.Source, rec.Language
	if warn != "" {
		d.Warnings = append(d.Warnings, warn)
	}
	return d, nil
}

// idString reads an id given as a JSON string or number.
func idString(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	if raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", fmt.Errorf("bad \"id\": %v", err)
		}
		return strings.TrimSpace(s), nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err != nil {
		return "", fmt.Errorf("bad \"id\": want a string or a number")
	}
	return n.String(), nil
}

// CheckPublished validates a --published value (a date YYYY-MM-DD or a
// bare year YYYY) and returns the year it gives for dateline dates of
// undated documents (0 when empty). The error wraps ErrUsage.
func CheckPublished(s string) (int, error) {
	if err := ValidatePublished(s); err != nil {
		return 0, err
	}
	return Options{Published: s}.DefaultYear(), nil
}
