package eval

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/attache-project/attache/internal/actor"
	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/text"
)

// CoNLLDoc is one document of a CoNLL-2003 file: its text rebuilt from the
// given tokens (tokens joined by spaces, sentences by newlines) and the
// gold PER, ORG, LOC and MISC spans as byte offsets into Text.
type CoNLLDoc struct {
	Text string
	Gold []NERSpan
}

// NERSpan is one labelled entity span.
type NERSpan struct {
	Span  doc.Span
	Label string // PER, ORG, LOC, MISC
}

// CoNLLLabels are the labels scored (MISC is not).
var CoNLLLabels = []string{"PER", "ORG", "LOC"}

// ReadCoNLL reads a CoNLL-2003 file: one token per line with its tags,
// the NER tag (IOB1 or IOB2) last; blank lines end sentences;
// "-DOCSTART-" lines separate documents.
func ReadCoNLL(r io.Reader) ([]CoNLLDoc, error) {
	var docs []CoNLLDoc
	var sb strings.Builder
	var gold []NERSpan
	var sent []string
	var tags []string
	line := 0
	flushSent := func() {
		if len(sent) == 0 {
			return
		}
		if sb.Len() > 0 {
			sb.WriteByte('\n')
		}
		starts := make([]int, len(sent))
		for i, w := range sent {
			if i > 0 {
				sb.WriteByte(' ')
			}
			starts[i] = sb.Len()
			sb.WriteString(w)
		}
		// IOB1/IOB2 chunks.
		cur, cs := "", -1
		closeChunk := func(end int) {
			if cur != "" {
				gold = append(gold, NERSpan{Span: doc.S(starts[cs], starts[end-1]+len(sent[end-1])), Label: cur})
			}
			cur, cs = "", -1
		}
		for i, t := range tags {
			if t == "O" || len(t) < 3 {
				closeChunk(i)
				continue
			}
			lab := t[2:]
			if t[0] == 'B' || lab != cur {
				closeChunk(i)
				cur, cs = lab, i
			}
		}
		closeChunk(len(tags))
		sent, tags = sent[:0], tags[:0]
	}
	flushDoc := func() {
		flushSent()
		if sb.Len() > 0 {
			docs = append(docs, CoNLLDoc{Text: sb.String(), Gold: gold})
		}
		sb.Reset()
		gold = nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			flushSent()
			continue
		}
		if f[0] == "-DOCSTART-" {
			flushDoc()
			continue
		}
		if len(f) < 2 {
			return nil, fmt.Errorf("line %d: want a token and tags, got %q", line, sc.Text())
		}
		sent = append(sent, f[0])
		tags = append(tags, f[len(f)-1])
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flushDoc()
	return docs, nil
}

// NERScore counts exact-span matches per label.
type NERScore struct {
	Match, System, Gold map[string]int
	Docs                int
}

func newNERScore() *NERScore {
	return &NERScore{Match: map[string]int{}, System: map[string]int{}, Gold: map[string]int{}}
}

// PRF returns precision, recall and F1 for label ("" = all scored labels).
func (s *NERScore) PRF(label string) (p, r, f float64) {
	m, sy, g := 0, 0, 0
	for _, l := range CoNLLLabels {
		if label == "" || l == label {
			m += s.Match[l]
			sy += s.System[l]
			g += s.Gold[l]
		}
	}
	if sy > 0 {
		p = float64(m) / float64(sy)
	}
	if g > 0 {
		r = float64(m) / float64(g)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// SystemNER maps the entities of an analysis to CoNLL labels: mentions
// that name (name, alias, metonym) a PERSON -> PER, an ORG -> ORG, a GPE or
// LOC -> LOC. Pronouns, nominals, titles and adjectives are not names;
// NORP would be MISC and is not scored. A leading "the" is dropped (CoNLL
// spans do not include it); of overlapping mentions the longest is kept.
func SystemNER(a *doc.Analysis) []NERSpan {
	var out []NERSpan
	// Country words that open a longer mention ("French" in "French
	// Interior Ministry", "Japan 's" in "Japan 's Agriculture Ministry"):
	// CoNLL labels the country word on its own (MISC or LOC) and the
	// ministry without it.
	countryAt := map[int]int{}
	for _, e := range a.Entities {
		if e.Type != "GPE" {
			continue
		}
		for _, m := range e.Mentions {
			// An adjective ("French") or a possessive ("Japan 's"); an
			// abbreviation stays in the name ("U.S. District Court").
			poss := strings.HasPrefix(a.Text[m.Span.End():], " 's ") || strings.HasPrefix(a.Text[m.Span.End():], "'s ")
			if m.Kind == actor.KindAdjective || (m.Kind == actor.KindName || m.Kind == actor.KindAlias) && poss {
				if m.Span.End() > countryAt[m.Span.Start()] {
					countryAt[m.Span.Start()] = m.Span.End()
				}
			}
		}
	}
	for _, e := range a.Entities {
		lab := ""
		switch e.Type {
		case "PERSON":
			lab = "PER"
		case "ORG":
			lab = "ORG"
		case "GPE", "LOC":
			lab = "LOC"
		default:
			continue
		}
		for _, m := range e.Mentions {
			switch m.Kind {
			case actor.KindName, actor.KindAlias, actor.KindMetonym, "":
			default:
				continue
			}
			// "Iraqi troops", "the Russian embassy": national institutions
			// named by a common noun are not names in CoNLL.
			if lab == "ORG" && !startsUpper(lastWord(strings.TrimSuffix(strings.TrimSuffix(m.Text, "'s"), " "))) {
				continue
			}
			sp := m.Span
			if len(m.Text) > 4 && strings.EqualFold(m.Text[:3], "the") && (m.Text[3] == ' ' || m.Text[3] == '\n') {
				sp[0] += 4
			}
			// Only ministries lose their adjective ("Interior Ministry");
			// parties and other names keep it ("Macedonian Communist
			// Party", "Palestinian Authority").
			if end, ok := countryAt[sp[0]]; ok && lab == "ORG" && e.Type == "ORG" && e.Country != nil && end < sp[1] &&
				(strings.HasPrefix(a.Text[end:], " 's") || strings.HasSuffix(m.Text, "Ministry")) {
				rest := a.Text[end:sp[1]]
				rest = strings.TrimPrefix(strings.TrimPrefix(rest, " 's"), "'s")
				if t := strings.TrimLeft(rest, " "); t != "" && startsUpper(t) {
					sp[0] = sp[1] - len(t)
				}
			}
			out = append(out, NERSpan{Span: sp, Label: lab})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Span[0] != out[j].Span[0] {
			return out[i].Span[0] < out[j].Span[0]
		}
		return out[i].Span.Len() > out[j].Span.Len()
	})
	var kept []NERSpan
	for _, s := range out {
		if n := len(kept); n > 0 && kept[n-1].Span.Overlaps(s.Span) {
			continue
		}
		kept = append(kept, s)
	}
	return kept
}

// ScoreNER adds the exact-span comparison of sys against gold to s.
func (s *NERScore) add(gold, sys []NERSpan) {
	g := map[NERSpan]bool{}
	for _, x := range gold {
		g[x] = true
		s.Gold[x.Label]++
	}
	for _, x := range sys {
		s.System[x.Label]++
		if g[x] {
			s.Match[x.Label]++
		}
	}
}

// NERError is a disagreement with the gold.
type NERError struct {
	Kind    string // missed | spurious
	Label   string
	Text    string
	Context string
}

// EvalCoNLL runs the text and actor stages over every document of a
// CoNLL-2003 file and scores exact-span PER/ORG/LOC. It returns the
// disagreements too (at most maxErrors, -1 for all).
func EvalCoNLL(ctx context.Context, path string, opts actor.Options, maxErrors int) (*NERScore, []NERError, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	docs, err := ReadCoNLL(f)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	ts, err := text.New()
	if err != nil {
		return nil, nil, err
	}
	as, err := actor.New(opts)
	if err != nil {
		return nil, nil, err
	}
	score := newNERScore()
	var errs []NERError
	for i, d := range docs {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		a := doc.New(doc.Document{ID: fmt.Sprintf("conll-%d", i+1), Text: d.Text})
		if err := ts.Process(ctx, a); err != nil {
			return nil, nil, fmt.Errorf("%s document %d: %w", path, i+1, err)
		}
		if err := as.Process(ctx, a); err != nil {
			return nil, nil, fmt.Errorf("%s document %d: %w", path, i+1, err)
		}
		sys := SystemNER(a)
		score.add(d.Gold, sys)
		score.Docs++
		if maxErrors != 0 {
			errs = append(errs, nerErrors(d.Text, d.Gold, sys)...)
		}
	}
	if maxErrors > 0 && len(errs) > maxErrors {
		errs = errs[:maxErrors]
	}
	return score, errs, nil
}

func nerErrors(txt string, gold, sys []NERSpan) []NERError {
	var out []NERError
	g, s := map[NERSpan]bool{}, map[NERSpan]bool{}
	for _, x := range gold {
		g[x] = true
	}
	for _, x := range sys {
		s[x] = true
	}
	for _, x := range gold {
		if x.Label != "MISC" && !s[x] {
			out = append(out, NERError{Kind: "missed", Label: x.Label, Text: x.Span.Of(txt), Context: snippet(txt, x.Span)})
		}
	}
	for _, x := range sys {
		if !g[x] {
			out = append(out, NERError{Kind: "spurious", Label: x.Label, Text: x.Span.Of(txt), Context: snippet(txt, x.Span)})
		}
	}
	return out
}

// WriteNERReport prints precision, recall and F1 per label and overall.
func WriteNERReport(w io.Writer, s *NERScore) {
	fmt.Fprintf(w, "documents\t%d\n", s.Docs)
	fmt.Fprintf(w, "label\tgold\tsystem\tmatch\tP\tR\tF1\n")
	for _, l := range append(append([]string{}, CoNLLLabels...), "") {
		p, r, f := s.PRF(l)
		name, g, sy, m := l, s.Gold[l], s.System[l], s.Match[l]
		if l == "" {
			name, g, sy, m = "ALL", 0, 0, 0
			for _, x := range CoNLLLabels {
				g += s.Gold[x]
				sy += s.System[x]
				m += s.Match[x]
			}
		}
		fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%.4f\t%.4f\t%.4f\n", name, g, sy, m, p, r, f)
	}
}

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
