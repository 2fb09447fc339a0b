package quote

import (
	"unicode"
	"unicode/utf8"

	"github.com/attache-project/attache/internal/doc"
)

// direct is one span of text between quotation marks.
type direct struct {
	open, close int // offsets of the opening mark and of the closing mark (or the end)
	s, e        int // content, without the marks, trimmed
	closed      bool
	single      bool
}

// quote-mark classes.
const (
	markNone = iota
	markOpen
	markClose
	markStraight
	markSingleOpen
	markSingleClose
	markSingleStraight
)

// markAt classifies the rune at text[i] and returns its class and length.
func markAt(text string, i int) (int, int) {
	switch c := text[i]; c {
	case '"':
		return markStraight, 1
	case '\'':
		if i+1 < len(text) && text[i+1] == '\'' {
			return markStraight, 2 // '' as a double mark (old wire and NYT copy)
		}
		return markSingleStraight, 1
	case '`':
		if i+1 < len(text) && text[i+1] == '`' {
			return markOpen, 2 // `` as an opening double mark
		}
	case 0xC2:
		if i+1 < len(text) {
			switch text[i+1] {
			case 0xAB: // «
				return markOpen, 2
			case 0xBB: // »
				return markClose, 2
			}
		}
	case 0xE2:
		if i+2 < len(text) && text[i+1] == 0x80 {
			switch text[i+2] {
			case 0x9C, 0x9E: // “ „
				return markOpen, 3
			case 0x9D: // ”
				return markClose, 3
			case 0x98: // ‘
				return markSingleOpen, 3
			case 0x99: // ’
				return markSingleClose, 3
			}
		}
	}
	return markNone, 0
}

// isWordRune reports whether r is part of a word (letter or digit).
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func runeBefore(text string, i int) rune {
	if i <= 0 {
		return ' '
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r
}

func runeAfter(text string, i int) rune {
	if i >= len(text) {
		return ' '
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r
}

// findDirect returns the quoted spans of text, paragraph by paragraph. A
// quote left open at the end of a paragraph continues when the next
// paragraph opens with a quotation mark (the wire convention for quotes
// running over several paragraphs) and ends with the paragraph otherwise.
// Single quotation marks inside double ones are nested quotes and stay part
// of the content; outside they are quotes only when they pair up around at
// least two words, so that apostrophes (Washington’s, ’90s, rock ’n’ roll)
// are never taken for quotes.
func findDirect(text string, paras []doc.Span) []direct {
	var out []direct
	var cur *direct
	finish := func(d *direct, end int, closed bool) {
		d.close, d.closed = end, closed
		s, e := trimContent(text, d.s, end)
		if e > s {
			d.s, d.e = s, e
			out = append(out, *d)
		}
	}
	for pi, p := range paras {
		i := p.Start()
		if cur != nil {
			// Continuing quote: skip the re-opening mark.
			if k, n := markAt(text, i); k == markOpen || k == markStraight {
				i += n
			}
		}
		for i < p.End() {
			c := text[i]
			if c != '"' && c != '\'' && c != 0xC2 && c != 0xE2 && c != '`' {
				i++
				continue
			}
			k, n := markAt(text, i)
			if k == markNone {
				i++
				continue
			}
			pr, nr := runeBefore(text, i), runeAfter(text, i+n)
			switch k {
			case markOpen:
				if cur == nil {
					cur = &direct{open: i, s: i + n}
				} else if !isWordRune(nr) {
					// “ used as a closing mark.
					finish(cur, i, true)
					cur = nil
				} else {
					// A new opening mark while a quote is open: the first
					// was never closed.
					finish(cur, i, false)
					cur = &direct{open: i, s: i + n}
				}
			case markClose:
				if cur != nil {
					finish(cur, i, true)
					cur = nil
				}
			case markStraight:
				if cur == nil {
					if !isWordRune(pr) {
						cur = &direct{open: i, s: i + n}
					}
				} else {
					finish(cur, i, true)
					cur = nil
				}
			case markSingleOpen, markSingleStraight:
				if cur == nil && !isWordRune(pr) && unicode.IsLetter(nr) {
					if j, m := singleClose(text, i+n, p.End()); j > 0 && words(text[i+n:j]) >= 2 {
						d := &direct{open: i, s: i + n, single: true}
						finish(d, j, true)
						i = j + m
						continue
					}
				}
			}
			i += n
		}
		if cur != nil {
			next := pi + 1
			if next < len(paras) {
				if k, _ := markAt(text, paras[next].Start()); k == markOpen || k == markStraight {
					continue
				}
			}
			finish(cur, p.End(), false)
			cur = nil
		}
	}
	return out
}

// singleClose finds the closing single mark of a single-quoted span that
// opens at from: a ’ or ' after a non-space and not followed by a letter.
// It returns the offset and length of the mark, or -1.
func singleClose(text string, from, end int) (int, int) {
	for j := from; j < end; j++ {
		c := text[j]
		if c != '\'' && c != 0xE2 && c != '"' && c != '`' {
			continue
		}
		k, n := markAt(text, j)
		if k == markStraight || k == markOpen || k == markClose {
			return -1, 0 // a double mark inside: not a single-quoted quote
		}
		if k != markSingleClose && k != markSingleStraight {
			continue
		}
		if unicode.IsSpace(runeBefore(text, j)) || isWordRune(runeAfter(text, j+n)) {
			continue
		}
		return j, n
	}
	return -1, 0
}

// trimContent trims white space, and a trailing comma, from text[s:e].
func trimContent(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) && r != ',' {
			break
		}
		e -= n
	}
	return s, e
}

// words counts the words of s.
func words(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		sp := s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}
