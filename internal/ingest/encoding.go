package ingest

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"
)

// decodeHTML converts an HTML page to UTF-8. The encoding comes from the
// Content-Type header, a byte order mark or a <meta charset> in the first
// 1024 bytes (the HTML5 sniffing algorithm, x/net/html/charset); a page
// with none that is valid UTF-8 is taken as UTF-8, else as windows-1252.
// It returns the decoded bytes and the encoding's name.
func decodeHTML(raw []byte, contentType string) ([]byte, string) {
	enc, name, certain := charset.DetermineEncoding(raw, contentType)
	if !certain && utf8.Valid(raw) {
		return raw, "utf-8"
	}
	if name == "utf-8" {
		return bytes.ToValidUTF8(raw, []byte("\uFFFD")), name
	}
	out, _, err := transform.Bytes(enc.NewDecoder(), raw)
	if err != nil {
		return bytes.ToValidUTF8(raw, []byte("\uFFFD")), "utf-8"
	}
	return out, name
}

// cp1252 maps the characters that windows-1252 puts in 0x80-0x9F back to
// their bytes. Double-encoded UTF-8 was decoded as windows-1252 (or
// latin-1) once too often; encoding it back gives the original bytes.
var cp1252 = func() map[rune]byte {
	m := map[rune]byte{}
	for b := 0x80; b < 0x100; b++ {
		r := charmap.Windows1252.DecodeByte(byte(b))
		if r != utf8.RuneError {
			m[r] = byte(b)
		}
	}
	return m
}()

// mojibakeByte returns the windows-1252 (or latin-1) byte a character
// came from, if it is one of the characters mojibake is made of.
func mojibakeByte(r rune) (byte, bool) {
	if r >= 0x80 && r <= 0xFF {
		return byte(r), true // latin-1, including C1 controls
	}
	b, ok := cp1252[r]
	return b, ok
}

// repairMojibake undoes double-encoded UTF-8 ("â€™" -> "’", "Ã©" -> "é"):
// it looks for runs of windows-1252/latin-1 characters whose bytes form
// valid multi-byte UTF-8 sequences and decodes them. In strict mode (plain
// text and JSON Lines, where an odd "Ã©" may be meant) it repairs only
// when the text is clearly mojibake: at least two sequences, and no
// non-ASCII letter outside them. It returns the text and the number of
// sequences repaired.
func repairMojibake(s string, strict bool) (string, int) {
	if !strings.ContainsAny(s, "ÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ") {
		return s, 0 // no lead byte of a two-, three- or four-byte sequence
	}
	var out strings.Builder
	fixed, strays := 0, 0
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		b, ok := mojibakeByte(r)
		if !ok || b < 0xC2 || b > 0xF4 {
			if r >= 0x80 && !isPunctOrSpace(r) {
				strays++
			}
			out.WriteString(s[i : i+n])
			i += n
			continue
		}
		// A lead byte: how many continuation bytes does it need?
		need := 1
		switch {
		case b >= 0xF0:
			need = 3
		case b >= 0xE0:
			need = 2
		}
		buf := []byte{b}
		j := i + n
		for k := 0; k < need && j < len(s); k++ {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			b2, ok2 := mojibakeByte(r2)
			if !ok2 || b2 < 0x80 || b2 > 0xBF {
				break
			}
			buf = append(buf, b2)
			j += n2
		}
		if len(buf) == need+1 && utf8.Valid(buf) {
			out.Write(buf)
			fixed++
			i = j
			continue
		}
		if !isPunctOrSpace(r) {
			strays++
		}
		out.WriteString(s[i : i+n])
		i += n
	}
	if fixed == 0 || strict && (fixed < 2 || strays > 0) {
		return s, 0
	}
	return out.String(), fixed
}

func isPunctOrSpace(r rune) bool {
	switch {
	case r == 0xA0, r >= 0x2000 && r <= 0x206F: // no-break space, general punctuation
		return true
	}
	return false
}

// entityRe finds HTML character references: named (&amp;) and numeric
// (&#8217; &#x2019;).
var entityRe = regexp.MustCompile(`&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});`)

// unescapeEntities decodes HTML character references left in plain text
// (feeds and scrapes often escape twice). Only complete references that
// HTML knows are decoded; a bare "&" or "AT&T" stays as it is. It returns
// the text and the number of references decoded.
func unescapeEntities(s string) (string, int) {
	if !strings.Contains(s, "&") {
		return s, 0
	}
	n := 0
	out := entityRe.ReplaceAllStringFunc(s, func(m string) string {
		u := html.UnescapeString(m)
		if strings.HasSuffix(u, ";") && m != "&semi;" {
			return m // only a prefix was a reference ("&notanentity;")
		}
		if u != m {
			n++
		}
		return u
	})
	return out, n
}

// repairText repairs the text of a document from the web (HTML page,
// feed): double-encoded UTF-8 and HTML references left in the text. It
// returns the text and warnings saying what was repaired.
func repairText(s string) (string, []string) {
	return repair(s, false)
}

// repairPlain repairs a plain-text or JSON Lines document, conservatively.
func repairPlain(s string) (string, []string) {
	return repair(s, true)
}

func repair(s string, strict bool) (string, []string) {
	var warns []string
	s, n := repairMojibake(s, strict)
	if n > 0 {
		warns = append(warns, plural(n, "double-encoded UTF-8 sequence")+" repaired")
	}
	s, m := unescapeEntities(s)
	if m > 0 {
		warns = append(warns, plural(m, "HTML character reference")+" decoded")
	}
	return s, warns
}

// repairInline repairs a one-line field (title, author) and collapses its
// white space.
func repairInline(s string) (string, []string) {
	s, w := repair(s, false)
	return collapseSpace(s), w
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}
