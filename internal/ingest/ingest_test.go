package ingest

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// collect reads paths and returns every item.
func collect(t testing.TB, paths []string, stdin string, opts Options) []Item {
	t.Helper()
	var items []Item
	err := Read(context.Background(), paths, strings.NewReader(stdin), opts, func(it Item) error {
		items = append(items, it)
		return nil
	})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return items
}

// write creates a file under dir and returns its path.
func write(t testing.TB, dir, name string, content []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const story = "WASHINGTON, March 18. /TASS/. Russia's ambassador will fly to Moscow for consultations."

func TestTextFile(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name, content       string
		wantText, published string
		wantWarn            bool
	}{
		{"plain.txt", story + "\n", story + "\n", "", false},
		{"header.txt", " date 2021-03-18 " + story, story, "2021-03-18", false},
		{"header-newline.txt", "date 2021-03-18\n\n" + story, story, "2021-03-18", false},
		{"bom.txt", "\xEF\xBB\xBF" + story, story, "", false},
		{"latin1.text", "Caf\xe9 talks. " + story, "Caf\uFFFD talks. " + story, "", true},
		{"leading-space.txt", "\n\n   " + story, story, "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := write(t, dir, c.name, []byte(c.content))
			items := collect(t, []string{p}, "", Options{})
			if len(items) != 1 {
				t.Fatalf("got %d items, want 1", len(items))
			}
			it := items[0]
			if it.Err != nil {
				t.Fatal(it.Err)
			}
			if it.Doc.Text != c.wantText {
				t.Errorf("text = %q, want %q", it.Doc.Text, c.wantText)
			}
			if it.Doc.Published != c.published {
				t.Errorf("published = %q, want %q", it.Doc.Published, c.published)
			}
			if it.Doc.Name != p {
				t.Errorf("name = %q, want %q", it.Doc.Name, p)
			}
			if (len(it.Doc.Warnings) > 0) != c.wantWarn {
				t.Errorf("warnings = %q, want warning: %v", it.Doc.Warnings, c.wantWarn)
			}
		})
	}
}

func TestJSONL(t *testing.T) {
	dir := t.TempDir()
	content := `{"id":"a1","text":"First story.","published":"2021-03-18","title":"T","url":"http://x","source":"TASS","language":"en"}

{"text":"Second story."}
   
{"id":7,"body":"Third story.","date":"1987-02-26T15:01:01"}
{"body":"Showers continued.","dateline":"SALVADOR, Feb 26 -","date":"1987-02-26"}
`
	p := write(t, dir, "docs.jsonl", []byte(content))
	items := collect(t, []string{p}, "", Options{})
	if len(items) != 4 {
		t.Fatalf("got %d items, want 4", len(items))
	}
	want := []struct{ name, id, text, published, source string }{
		{p + ":1", "a1", "First story.", "2021-03-18", "TASS"},
		{p + ":3", "", "Second story.", "", ""},
		{p + ":5", "7", "Third story.", "1987-02-26T15:01:01", ""},
		{p + ":6", "", "SALVADOR, Feb 26 - Showers continued.", "1987-02-26", ""},
	}
	for i, w := range want {
		d := items[i].Doc
		if items[i].Err != nil {
			t.Errorf("item %d: %v", i, items[i].Err)
			continue
		}
		if d.Name != w.name || d.ID != w.id || d.Text != w.text || d.Published != w.published || d.Source != w.source {
			t.Errorf("item %d = %+v, want %+v", i, d, w)
		}
	}
	if d := items[0].Doc; d.Title != "T" || d.URL != "http://x" || d.Language != "en" {
		t.Errorf("metadata lost: %+v", d)
	}
}

// TestBadInput covers every kind of bad input: each gives one item with an
// error naming the document and the problem, and the good document read
// after it is unaffected.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	longLine := `{"text":"` + strings.Repeat("x", 100<<10) + `"}`
	cases := []struct {
		name    string
		file    string
		content []byte
		opts    Options
		errName string // document name expected in the error
		errHas  string // part of the error message
	}{
		{"empty file", "empty.txt", nil, Options{}, "empty.txt", "empty document"},
		{"only spaces", "spaces.txt", []byte(" \n\t\n"), Options{}, "spaces.txt", "empty document"},
		{"only header", "header.txt", []byte("date 2021-03-18 \n"), Options{}, "header.txt", "only a date header"},
		{"bad header date", "baddate.txt", []byte("date 2021-13-45 Text."), Options{}, "baddate.txt", "not a valid date"},
		{"NUL bytes", "nul.txt", []byte("abc\x00def"), Options{}, "nul.txt", "binary file"},
		{"mostly non-text", "noise.txt", bytes.Repeat([]byte{0xff, 0x01, 0xfe, 'a'}, 100), Options{}, "noise.txt", "binary file"},
		{"over max bytes", "big.txt", []byte(strings.Repeat("word ", 100)), Options{MaxBytes: 100}, "big.txt", "over the limit"},
		{"malformed JSON", "bad.jsonl", []byte(`{"text": "unterminated}` + "\n"), Options{}, "bad.jsonl:1", "malformed JSON"},
		{"not an object", "arr.jsonl", []byte(`["text"]` + "\n"), Options{}, "arr.jsonl:1", "want an object"},
		{"two values", "two.jsonl", []byte(`{"text":"a"} {"text":"b"}` + "\n"), Options{}, "two.jsonl:1", "more than one value"},
		{"missing text", "notext.jsonl", []byte(`{"title":"x"}` + "\n"), Options{}, "notext.jsonl:1", `no "text" field`},
		{"empty text", "emptytext.jsonl", []byte(`{"text":"  "}` + "\n"), Options{}, "emptytext.jsonl:1", `empty "text"`},
		{"text not a string", "num.jsonl", []byte(`{"text":5}` + "\n"), Options{}, "num.jsonl:1", "malformed JSON"},
		{"bad id", "badid.jsonl", []byte(`{"id":{"a":1},"text":"x"}` + "\n"), Options{}, "badid.jsonl:1", `bad "id"`},
		{"NUL in JSON text", "nuljson.jsonl", []byte(`{"text":"a\u0000b"}` + "\n"), Options{}, "nuljson.jsonl:1", "NUL"},
		{"JSON text over max bytes", "bigjson.jsonl", []byte(`{"text":"` + strings.Repeat("a", 200) + `"}` + "\n"), Options{MaxBytes: 150}, "bigjson.jsonl:1", "over the limit"},
		{"very long line", "long.jsonl", []byte(longLine + "\n"), Options{MaxBytes: 1000}, "long.jsonl:1", "line is over the limit"},
		{"nonexistent", "", nil, Options{}, "does-not-exist.txt", "no such file"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var p string
			if c.file == "" {
				p = filepath.Join(dir, "does-not-exist.txt")
			} else {
				p = write(t, dir, c.file, c.content)
			}
			good := write(t, dir, "good-"+c.file+".txt", []byte(story))
			items := collect(t, []string{p, good}, "", c.opts)
			if len(items) != 2 {
				t.Fatalf("got %d items, want 2: %+v", len(items), items)
			}
			err := items[0].Err
			if err == nil {
				t.Fatalf("no error for %s: %+v", c.name, items[0].Doc)
			}
			if !strings.Contains(err.Error(), c.errName) || !strings.Contains(err.Error(), c.errHas) {
				t.Errorf("error %q does not name %q and %q", err, c.errName, c.errHas)
			}
			if !strings.HasSuffix(items[0].Doc.Name, c.errName) {
				t.Errorf("item name %q, want %q", items[0].Doc.Name, c.errName)
			}
			if items[1].Err != nil || items[1].Doc.Text != story {
				t.Errorf("good document after the bad one: %+v, %v", items[1].Doc, items[1].Err)
			}
		})
	}
}

// TestBadLinesDoNotStopTheFile checks that the lines after a bad one are
// read and keep their line numbers.
func TestBadLinesDoNotStopTheFile(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "mixed.ndjson", []byte("{\"text\":\"one\"}\n{oops\n{\"text\":\"three\"}\n{\"text\":\"no newline at end\"}"))
	items := collect(t, []string{p}, "", Options{})
	if len(items) != 4 {
		t.Fatalf("got %d items", len(items))
	}
	if items[1].Err == nil || !strings.Contains(items[1].Err.Error(), "mixed.ndjson:2") {
		t.Errorf("line 2: %v", items[1].Err)
	}
	if items[2].Doc.Text != "three" || items[2].Doc.Name != p+":3" {
		t.Errorf("line 3: %+v", items[2])
	}
	if items[3].Doc.Text != "no newline at end" || items[3].Err != nil {
		t.Errorf("line 4: %+v", items[3])
	}
}

// TestLongLine reads a JSON line far longer than the reader's buffer.
func TestLongLine(t *testing.T) {
	dir := t.TempDir()
	text := strings.Repeat("The ministry said talks would go on. ", 30000) // ~1.1 MB
	p := write(t, dir, "long.jsonl", []byte(`{"text":"`+text+`"}`+"\n"+`{"text":"next"}`+"\n"))
	items := collect(t, []string{p}, "", Options{})
	if len(items) != 2 || items[0].Err != nil || items[0].Doc.Text != text || items[1].Doc.Text != "next" {
		t.Fatalf("long line not read whole: %d items, err %v", len(items), items[0].Err)
	}
}

func TestInvalidUTF8InJSONL(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "latin1.jsonl", []byte("{\"text\":\"Caf\xe9 talks\"}\n"))
	items := collect(t, []string{p}, "", Options{})
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("items: %+v", items)
	}
	if items[0].Doc.Text != "Caf\uFFFD talks" || len(items[0].Doc.Warnings) != 1 {
		t.Errorf("got %q, warnings %q", items[0].Doc.Text, items[0].Doc.Warnings)
	}
}

func TestUnreadableFile(t *testing.T) {
	if os.Getuid() == 0 {
		t.Skip("root can read files without permission")
	}
	dir := t.TempDir()
	p := write(t, dir, "secret.txt", []byte(story))
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	items := collect(t, []string{p}, "", Options{})
	if len(items) != 1 || items[0].Err == nil || !strings.Contains(items[0].Err.Error(), "permission denied") {
		t.Errorf("items: %+v", items)
	}
}

func TestDirectoryOrder(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "b.txt", []byte("B story."))
	write(t, dir, "a/z.jsonl", []byte("{\"text\":\"AZ1\"}\n{\"text\":\"AZ2\"}\n"))
	write(t, dir, "a/b.TXT", []byte("AB story."))
	write(t, dir, "c.md", []byte("not read"))
	write(t, dir, ".hidden/x.txt", []byte("not read"))
	write(t, dir, "d.ndjson", []byte("{\"text\":\"D\"}\n"))
	for i := 0; i < 3; i++ { // the order never changes
		items := collect(t, []string{dir}, "", Options{})
		var got []string
		for _, it := range items {
			if it.Err != nil {
				t.Fatal(it.Err)
			}
			got = append(got, it.Doc.Text)
		}
		want := "AB story.|AZ1|AZ2|B story.|D"
		if strings.Join(got, "|") != want {
			t.Fatalf("order %q, want %q", strings.Join(got, "|"), want)
		}
	}
}

func TestStdin(t *testing.T) {
	cases := []struct {
		name, input string
		opts        Options
		texts       []string
		names       []string
	}{
		{"sniff jsonl", "\n  {\"text\":\"one\"}\n{\"text\":\"two\"}\n", Options{}, []string{"one", "two"}, []string{"stdin:2", "stdin:3"}},
		{"sniff text", story, Options{}, []string{story}, []string{"stdin"}},
		{"forced text", "{\"text\":\"one\"}", Options{Input: InputText}, []string{"{\"text\":\"one\"}"}, []string{"stdin"}},
		{"forced jsonl", "{\"text\":\"one\"}", Options{Input: InputJSONL}, []string{"one"}, []string{"stdin:1"}},
		{"seed header", " date 2021-03-18 " + story, Options{}, []string{story}, []string{"stdin"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			items := collect(t, []string{"-"}, c.input, c.opts)
			if len(items) != len(c.texts) {
				t.Fatalf("got %d items", len(items))
			}
			for i, it := range items {
				if it.Err != nil || it.Doc.Text != c.texts[i] || it.Doc.Name != c.names[i] {
					t.Errorf("item %d = %+v (err %v), want %q named %q", i, it.Doc, it.Err, c.texts[i], c.names[i])
				}
			}
		})
	}
}

func TestUnknownExtension(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "feed.dat", []byte("{\"text\":\"one\"}\n"))
	items := collect(t, []string{p}, "", Options{})
	if len(items) != 1 || items[0].Doc.Text != "one" {
		t.Errorf("sniffed: %+v", items)
	}
	items = collect(t, []string{p}, "", Options{Input: InputText})
	if len(items) != 1 || items[0].Doc.Text != "{\"text\":\"one\"}\n" {
		t.Errorf("forced text: %+v", items)
	}
}

func TestOverrides(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "a.jsonl", []byte("{\"text\":\"x\",\"published\":\"2020-01-01\",\"source\":\"AP\"}\n"))
	items := collect(t, []string{p}, "", Options{Published: "2021-03-18", Source: "TASS"})
	if d := items[0].Doc; d.Published != "2021-03-18" || d.Source != "TASS" {
		t.Errorf("overrides not applied: %+v", d)
	}
	items = collect(t, []string{p}, "", Options{Published: "1987"})
	if d := items[0].Doc; d.Published != "2020-01-01" {
		t.Errorf("a bare year must not override the published date: %+v", d)
	}
}

func TestPublishedOption(t *testing.T) {
	cases := []struct {
		in       string
		ok       bool
		year     int
		override string
	}{
		{"", true, 0, ""},
		{"2021-03-18", true, 2021, "2021-03-18"},
		{"1987", true, 1987, ""},
		{"2021-02-30", false, 0, ""},
		{"18.03.2021", false, 0, ""},
		{"87", false, 0, ""},
		{"yesterday", false, 0, ""},
	}
	for _, c := range cases {
		err := ValidatePublished(c.in)
		if _, cerr := CheckPublished(c.in); (cerr == nil) != c.ok {
			t.Errorf("CheckPublished(%q) = %v, want ok %v", c.in, cerr, c.ok)
		}
		if (err == nil) != c.ok {
			t.Errorf("ValidatePublished(%q) = %v, want ok %v", c.in, err, c.ok)
		}
		if err != nil && !errors.Is(err, ErrUsage) {
			t.Errorf("ValidatePublished(%q) error does not wrap ErrUsage", c.in)
		}
		if !c.ok {
			continue
		}
		if y, err := CheckPublished(c.in); err != nil || y != c.year {
			t.Errorf("CheckPublished(%q) = %d, %v, want %d", c.in, y, err, c.year)
		}
		o := Options{Published: c.in}
		if o.DefaultYear() != c.year || o.PublishedOverride() != c.override {
			t.Errorf("%q: year %d override %q, want %d %q", c.in, o.DefaultYear(), o.PublishedOverride(), c.year, c.override)
		}
	}
	err := Read(context.Background(), []string{"-"}, strings.NewReader("x"), Options{Published: "soon"}, func(Item) error { return nil })
	if !errors.Is(err, ErrUsage) {
		t.Errorf("Read with a bad --published: %v", err)
	}
	err = Read(context.Background(), []string{"-"}, strings.NewReader("x"), Options{Input: "xml"}, func(Item) error { return nil })
	if !errors.Is(err, ErrUsage) {
		t.Errorf("Read with a bad --input: %v", err)
	}
}

func TestStopping(t *testing.T) {
	input := strings.Repeat("{\"text\":\"x\"}\n", 10)
	stop := errors.New("stop")
	n := 0
	err := Read(context.Background(), []string{"-"}, strings.NewReader(input), Options{}, func(Item) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Errorf("fn error: err %v after %d items", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	n = 0
	err = Read(ctx, []string{"-"}, strings.NewReader(input), Options{}, func(Item) error {
		n++
		if n == 2 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || n != 2 {
		t.Errorf("cancel: err %v after %d items", err, n)
	}
}

// TestSeed reads the mission's seed story.
func TestSeed(t *testing.T) {
	p := filepath.Join("..", "..", "..", "shared", "seed", "tass-2021-03-18-antonov.txt")
	if _, err := os.Stat(p); err != nil {
		t.Skipf("seed not available: %v", err)
	}
	items := collect(t, []string{p}, "", Options{})
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("items: %+v", items)
	}
	d := items[0].Doc
	if d.Published != "2021-03-18" || !strings.HasPrefix(d.Text, "WASHINGTON, March 18. /TASS/.") {
		t.Errorf("published %q, text %.40q", d.Published, d.Text)
	}
}

func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte("{\"text\":\"one\"}\n{\"text\":\"two\",\"id\":3}\n"))
	f.Add([]byte("{oops\n\n{\"body\":\"x\",\"date\":\"1987-02-26\",\"dateline\":\"PARIS -\"}"))
	f.Add([]byte("{\"text\":\"Caf\xe9\"}\r\n{\"text\":\"\\u0000\"}\n"))
	f.Add([]byte("\xEF\xBB\xBF{\"text\":5}\n[1]\n{\"text\":\"a\"} {\"text\":\"b\"}"))
	f.Add([]byte(strings.Repeat("x", 5000)))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, data, InputJSONL)
	})
}

func FuzzReadText(f *testing.F) {
	f.Add([]byte(" date 2021-03-18 " + story))
	f.Add([]byte("date 2021-13-45 x"))
	f.Add([]byte("\x00\x01\x02"))
	f.Add([]byte("Caf\xe9"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, data, InputText)
	})
}

// checkRead reads data from stdin in the given format and checks the
// items: each is a document with text or an error naming it.
func checkRead(t *testing.T, data []byte, format string) {
	opts := Options{Input: format, MaxBytes: 4096}
	err := Read(context.Background(), []string{"-"}, bytes.NewReader(data), opts, func(it Item) error {
		if !strings.HasPrefix(it.Doc.Name, "stdin") {
			t.Fatalf("item without a name: %+v", it)
		}
		if it.Err != nil {
			if !strings.Contains(it.Err.Error(), it.Doc.Name) {
				t.Fatalf("error %q does not name %q", it.Err, it.Doc.Name)
			}
			return nil
		}
		if strings.TrimSpace(it.Doc.Text) == "" {
			t.Fatalf("document without text: %+v", it.Doc)
		}
		if len(it.Doc.Text) > 4096 {
			t.Fatalf("document over the limit: %d bytes", len(it.Doc.Text))
		}
		if !utf8ValidString(it.Doc.Text) {
			t.Fatalf("invalid UTF-8 in %q", it.Doc.Text)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func utf8ValidString(s string) bool { return strings.ToValidUTF8(s, "") == s }
