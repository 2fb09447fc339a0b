package eval

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/text"
	"github.com/attache-project/attache/internal/timex"
)

// TimeMLDoc is one TimeML (.tml) document: the plain text of its <TEXT>
// element with tags stripped and entities decoded, its creation time (DCT)
// and the gold TIMEX3 expressions inside the text, with spans as byte
// offsets into Text.
type TimeMLDoc struct {
	Name string
	Text string
	// DCT is the document creation time, YYYY-MM-DD ("" when absent).
	DCT   string
	Gold  []doc.Timex
	Error error
}

// ReadTimeML parses a TimeML document. The DCT is the TIMEX3 with
// functionInDocument="CREATION_TIME"; only TIMEX3 tags inside <TEXT> are
// gold expressions (TempEval-3 does not score the DCT).
func ReadTimeML(name string, data []byte) (*TimeMLDoc, error) {
	src := string(data)
	d := &TimeMLDoc{Name: name}
	if i := strings.Index(src, `functionInDocument="CREATION_TIME"`); i >= 0 {
		tagStart := strings.LastIndex(src[:i], "<TIMEX3")
		tagEnd := strings.IndexByte(src[i:], '>')
		if tagStart >= 0 && tagEnd >= 0 {
			v := attr(src[tagStart:i+tagEnd], "value")
			if len(v) >= 10 {
				d.DCT = v[:10]
			} else if len(v) == 8 && !strings.Contains(v, "-") {
				d.DCT = v[:4] + "-" + v[4:6] + "-" + v[6:8]
			}
		}
	}
	start := strings.Index(src, "<TEXT>")
	end := strings.LastIndex(src, "</TEXT>")
	if start < 0 || end < start {
		return nil, fmt.Errorf("%s: no <TEXT> element", name)
	}
	body := src[start+len("<TEXT>") : end]
	var b strings.Builder
	type open struct {
		start int
		attrs string
	}
	var stack []open
	for i := 0; i < len(body); {
		c := body[i]
		switch c {
		case '<':
			j := strings.IndexByte(body[i:], '>')
			if j < 0 {
				return nil, fmt.Errorf("%s: unterminated tag at byte %d of <TEXT>", name, i)
			}
			tag := body[i+1 : i+j]
			i += j + 1
			switch {
			case strings.HasPrefix(tag, "TIMEX3"):
				if strings.HasSuffix(tag, "/") {
					continue // empty TIMEX3 (implicit times) has no span
				}
				stack = append(stack, open{start: b.Len(), attrs: tag})
			case tag == "/TIMEX3":
				if len(stack) == 0 {
					return nil, fmt.Errorf("%s: </TIMEX3> without an opening tag", name)
				}
				o := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				s := b.String()
				d.Gold = append(d.Gold, doc.Timex{
					Span:  doc.S(o.start, len(s)),
					Text:  s[o.start:],
					Type:  attr(o.attrs, "type"),
					Value: attr(o.attrs, "value"),
				})
			}
		case '&':
			j := strings.IndexByte(body[i:], ';')
			if j > 0 && j < 10 {
				if r, ok := entities[body[i+1:i+j]]; ok {
					b.WriteString(r)
					i += j + 1
					continue
				}
			}
			b.WriteByte(c)
			i++
		default:
			b.WriteByte(c)
			i++
		}
	}
	if len(stack) > 0 {
		return nil, fmt.Errorf("%s: unclosed <TIMEX3>", name)
	}
	d.Text = b.String()
	for i := range d.Gold {
		g := &d.Gold[i]
		g.Text = d.Text[g.Span[0]:g.Span[1]]
	}
	sort.SliceStable(d.Gold, func(i, j int) bool { return d.Gold[i].Span[0] < d.Gold[j].Span[0] })
	return d, nil
}

var entities = map[string]string{"amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"}

// attr returns the value of attribute name in a tag's text.
func attr(tag, name string) string {
	key := name + `="`
	for i := 0; ; {
		k := strings.Index(tag[i:], key)
		if k < 0 {
			return ""
		}
		k += i
		if k == 0 || tag[k-1] == ' ' || tag[k-1] == '\t' || tag[k-1] == '\n' {
			rest := tag[k+len(key):]
			if e := strings.IndexByte(rest, '"'); e >= 0 {
				return rest[:e]
			}
			return ""
		}
		i = k + 1
	}
}

// TimexScores are TempEval-3 measures of a set of documents.
type TimexScores struct {
	Docs, Gold, System int
	// StrictMatch counts system expressions whose span equals a gold span;
	// RelaxedMatch those overlapping one (one-to-one).
	StrictMatch, RelaxedMatch int
	// TypeMatch and ValueMatch count relaxed matches with the right type
	// and value.
	TypeMatch, ValueMatch int
	// Errors lists value, type and span errors for inspection.
	Errors []TimexError
}

// TimexError is one disagreement with the gold, for error analysis.
type TimexError struct {
	Doc               string
	Kind              string // missed | spurious | value | type
	GoldText, SysText string
	GoldType, SysType string
	GoldVal, SysVal   string
	Context           string
}

func timexPRF(match, sys, gold int) (p, r, f float64) {
	if sys > 0 {
		p = float64(match) / float64(sys)
	}
	if gold > 0 {
		r = float64(match) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// Strict returns strict span precision, recall and F1.
func (s *TimexScores) Strict() (p, r, f float64) { return timexPRF(s.StrictMatch, s.System, s.Gold) }

// Relaxed returns relaxed (overlap) span precision, recall and F1.
func (s *TimexScores) Relaxed() (p, r, f float64) { return timexPRF(s.RelaxedMatch, s.System, s.Gold) }

// TypeAccuracy is the share of relaxed matches with the gold type.
func (s *TimexScores) TypeAccuracy() float64 { return timexRatio(s.TypeMatch, s.RelaxedMatch) }

// ValueAccuracy is the share of relaxed matches with the gold value.
func (s *TimexScores) ValueAccuracy() float64 { return timexRatio(s.ValueMatch, s.RelaxedMatch) }

// ValueF1 is TempEval-3's value F1: relaxed F1 times value accuracy.
func (s *TimexScores) ValueF1() float64 { _, _, f := s.Relaxed(); return f * s.ValueAccuracy() }

// TypeF1 is relaxed F1 times type accuracy.
func (s *TimexScores) TypeF1() float64 { _, _, f := s.Relaxed(); return f * s.TypeAccuracy() }

func timexRatio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Add merges o into s.
func (s *TimexScores) Add(o *TimexScores) {
	s.Docs += o.Docs
	s.Gold += o.Gold
	s.System += o.System
	s.StrictMatch += o.StrictMatch
	s.RelaxedMatch += o.RelaxedMatch
	s.TypeMatch += o.TypeMatch
	s.ValueMatch += o.ValueMatch
	s.Errors = append(s.Errors, o.Errors...)
}

// NormalizeTimexValue puts a TIMEX3 value in a canonical form for
// comparison: upper case, and week numbers without a leading zero written
// with one ("2000-W7" = "2000-W07"), a spelling difference TimeBank has.
func NormalizeTimexValue(v string) string {
	v = strings.ToUpper(strings.TrimSpace(v))
	if i := strings.Index(v, "-W"); i == 4 && len(v) >= 7 {
		rest := v[i+2:]
		n := 0
		for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
			n++
		}
		if n == 1 {
			v = v[:i+2] + "0" + rest
		}
	}
	return v
}

// ScoreTimexes compares system expressions with gold ones over one text.
func ScoreTimexes(name, txt string, gold, sys []doc.Timex) *TimexScores {
	sc := &TimexScores{Docs: 1, Gold: len(gold), System: len(sys)}
	used := make([]bool, len(sys))
	for _, g := range gold {
		best := -1
		for j, x := range sys {
			if used[j] || !x.Span.Overlaps(g.Span) {
				continue
			}
			if best < 0 || x.Span == g.Span {
				best = j
			}
		}
		if best < 0 {
			sc.Errors = append(sc.Errors, TimexError{Doc: name, Kind: "missed", GoldText: g.Text, GoldType: g.Type, GoldVal: g.Value, Context: snippet(txt, g.Span)})
			continue
		}
		used[best] = true
		x := sys[best]
		sc.RelaxedMatch++
		if x.Span == g.Span {
			sc.StrictMatch++
		} else {
			sc.Errors = append(sc.Errors, TimexError{Doc: name, Kind: "span", GoldText: g.Text, SysText: x.Text, GoldType: g.Type, SysType: x.Type, GoldVal: g.Value, SysVal: x.Value, Context: snippet(txt, g.Span)})
		}
		if x.Type == g.Type {
			sc.TypeMatch++
		}
		if NormalizeTimexValue(x.Value) == NormalizeTimexValue(g.Value) {
			sc.ValueMatch++
		} else {
			sc.Errors = append(sc.Errors, TimexError{Doc: name, Kind: "value", GoldText: g.Text, SysText: x.Text, GoldType: g.Type, SysType: x.Type, GoldVal: g.Value, SysVal: x.Value, Context: snippet(txt, g.Span)})
		}
	}
	for j, x := range sys {
		if !used[j] {
			sc.Errors = append(sc.Errors, TimexError{Doc: name, Kind: "spurious", SysText: x.Text, SysType: x.Type, SysVal: x.Value, Context: snippet(txt, x.Span)})
		}
	}
	return sc
}

func snippet(txt string, sp doc.Span) string {
	a, b := sp[0]-60, sp[1]+60
	if a < 0 {
		a = 0
	}
	if b > len(txt) {
		b = len(txt)
	}
	return strings.Join(strings.Fields(txt[a:sp[0]]+"[["+txt[sp[0]:sp[1]]+"]]"+txt[sp[1]:b]), " ")
}

// TimeMLRun runs the text and timex stages over the TEXT of a TimeML
// document, anchored at its DCT, and scores the result.
func TimeMLRun(ctx context.Context, d *TimeMLDoc) (*TimexScores, error) {
	ts, err := text.New()
	if err != nil {
		return nil, err
	}
	tx, err := timex.New(timex.Options{})
	if err != nil {
		return nil, err
	}
	a := doc.New(doc.Document{ID: d.Name, Text: d.Text})
	if d.DCT != "" {
		a.Anchor = &doc.Anchor{Date: d.DCT, From: "published"}
	}
	if err := ts.Process(ctx, a); err != nil {
		return nil, fmt.Errorf("%s: text stage: %w", d.Name, err)
	}
	if err := tx.Process(ctx, a); err != nil {
		return nil, fmt.Errorf("%s: timex stage: %w", d.Name, err)
	}
	return ScoreTimexes(d.Name, d.Text, d.Gold, a.Timexes), nil
}

// EvalTimeMLDir scores every .tml file under dir (recursively) and
// returns the scores per sub-directory (corpus) and in total, keyed by the
// directory path relative to dir ("" for the total).
func EvalTimeMLDir(ctx context.Context, dir string) (map[string]*TimexScores, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() && strings.HasSuffix(p, ".tml") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no .tml files", dir)
	}
	sort.Strings(files)
	out := map[string]*TimexScores{"": {}}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		d, err := ReadTimeML(f, data)
		if err != nil {
			return nil, err
		}
		sc, err := TimeMLRun(ctx, d)
		if err != nil {
			return nil, err
		}
		rel, _ := filepath.Rel(dir, filepath.Dir(f))
		if rel == "." {
			rel = filepath.Base(dir)
		}
		if out[rel] == nil {
			out[rel] = &TimexScores{}
		}
		out[rel].Add(sc)
		out[""].Add(sc)
	}
	return out, nil
}

// WriteTimexReport prints the TempEval-3 table of scores.
func WriteTimexReport(w io.Writer, scores map[string]*TimexScores) {
	keys := make([]string, 0, len(scores))
	for k := range scores {
		if k != "" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	keys = append(keys, "")
	fmt.Fprintf(w, "%-12s %5s %5s %5s | %-17s | %-17s | %6s %6s | %6s %6s\n", "corpus", "docs", "gold", "sys",
		"strict P/R/F1", "relaxed P/R/F1", "typeA", "valA", "typeF1", "valF1")
	for _, k := range keys {
		s := scores[k]
		name := k
		if name == "" {
			if len(keys) == 2 {
				continue
			}
			name = "all"
		}
		sp, sr, sf := s.Strict()
		rp, rr, rf := s.Relaxed()
		fmt.Fprintf(w, "%-12s %5d %5d %5d | %.3f %.3f %.3f | %.3f %.3f %.3f | %.3f  %.3f | %.3f  %.3f\n", name, s.Docs, s.Gold, s.System,
			sp, sr, sf, rp, rr, rf, s.TypeAccuracy(), s.ValueAccuracy(), s.TypeF1(), s.ValueF1())
	}
}
