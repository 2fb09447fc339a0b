package eval

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/quote"
	"github.com/attache-project/attache/internal/text"
)

// BratDoc is one document of a brat attribution corpus (PolNeAR style):
// the text and its attribution relations, with spans converted to byte
// offsets into Text.
type BratDoc struct {
	Name         string
	Text         string
	Attributions []BratAttribution
}

// BratAttribution is one attribution relation: who (Source), through which
// cue, said or thought what (Content). Each part may be discontinuous.
type BratAttribution struct {
	Source  []doc.Span
	Cue     []doc.Span
	Content []doc.Span
}

// Direct reports whether the attribution's content is a direct quote: it
// opens with a quotation mark.
func (b BratAttribution) Direct(text string) bool {
	if len(b.Content) == 0 {
		return false
	}
	s := strings.TrimLeft(b.Content[0].Of(text), " \t\r\n")
	for _, m := range []string{"\"", "“", "«", "„", "‘", "'"} {
		if strings.HasPrefix(s, m) {
			return true
		}
	}
	return false
}

// annotatorSuffix is the "_<annotator>.ann" ending of PolNeAR file names.
var annotatorSuffix = regexp.MustCompile(`_[0-9a-f]{4}\.ann$`)

// ReadBrat reads a brat attribution corpus from dir. It accepts the PolNeAR
// layout (dir/text/NAME.txt with dir/attributions/NAME_<annotator>.ann) and
// the plain brat layout (NAME.txt next to NAME.ann). When several
// annotators annotated a text, the first annotation file in name order is
// used.
func ReadBrat(dir string) ([]BratDoc, error) {
	textDir, annDir := filepath.Join(dir, "text"), filepath.Join(dir, "attributions")
	if _, err := os.Stat(annDir); err != nil {
		textDir, annDir = dir, dir
	}
	anns, err := filepath.Glob(filepath.Join(annDir, "*.ann"))
	if err != nil {
		return nil, err
	}
	if len(anns) == 0 {
		return nil, fmt.Errorf("%s: no .ann files (want text/*.txt + attributions/*.ann, or *.txt next to *.ann)", dir)
	}
	sort.Strings(anns)
	seen := map[string]bool{}
	var docs []BratDoc
	for _, ann := range anns {
		base := filepath.Base(ann)
		name := strings.TrimSuffix(base, ".ann")
		txt := filepath.Join(textDir, name+".txt")
		if _, err := os.Stat(txt); err != nil {
			name = strings.TrimSuffix(annotatorSuffix.ReplaceAllString(base, ".ann"), ".ann")
			txt = filepath.Join(textDir, name+".txt")
		}
		if seen[name] {
			continue
		}
		seen[name] = true
		d, err := ReadBratFile(txt, ann)
		if err != nil {
			return nil, err
		}
		d.Name = name
		docs = append(docs, d)
	}
	return docs, nil
}

// ReadBratFile reads one text and its brat annotation file.
func ReadBratFile(txtPath, annPath string) (BratDoc, error) {
	b, err := os.ReadFile(txtPath)
	if err != nil {
		return BratDoc{}, err
	}
	if !utf8.Valid(b) {
		return BratDoc{}, fmt.Errorf("%s: text is not valid UTF-8", txtPath)
	}
	f, err := os.Open(annPath)
	if err != nil {
		return BratDoc{}, err
	}
	defer f.Close()
	d := BratDoc{Name: txtPath, Text: string(b)}
	d.Attributions, err = ParseBratAttributions(f, d.Text)
	if err != nil {
		return BratDoc{}, fmt.Errorf("%s: %w", annPath, err)
	}
	return d, nil
}

// ParseBratAttributions reads the attribution relations of a brat
// annotation file: text-bound annotations (T lines) of types Source, Cue
// and Content, joined by event lines (E lines) of type Attribution or
// Attribution-no-source. Brat offsets count Unicode code points; they are
// converted to byte offsets into text.
func ParseBratAttributions(r io.Reader, text string) ([]BratAttribution, error) {
	// byteAt[i] is the byte offset of code point i.
	byteAt := make([]int, 0, len(text)+1)
	for i := range text {
		byteAt = append(byteAt, i)
	}
	byteAt = append(byteAt, len(text))
	spans := map[string][]doc.Span{}
	var events [][]string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		if l == "" {
			continue
		}
		fields := strings.SplitN(l, "\t", 3)
		if len(fields) < 2 || !isBratID(fields[0]) {
			// The covered text of an annotation may hold line breaks: the
			// rest of it comes on lines of its own.
			continue
		}
		switch fields[0][0] {
		case 'T':
			typ, rest, ok := strings.Cut(fields[1], " ")
			if !ok {
				return nil, fmt.Errorf("line %d: text annotation without offsets", line)
			}
			var ss []doc.Span
			for _, frag := range strings.Split(rest, ";") {
				a, b, ok := strings.Cut(strings.TrimSpace(frag), " ")
				if !ok {
					return nil, fmt.Errorf("line %d: bad offsets %q", line, frag)
				}
				s, err1 := strconv.Atoi(a)
				e, err2 := strconv.Atoi(b)
				if err1 != nil || err2 != nil || s < 0 || e < s || e >= len(byteAt) {
					return nil, fmt.Errorf("line %d: offsets %q outside the text of %d characters", line, frag, len(byteAt)-1)
				}
				ss = append(ss, doc.S(byteAt[s], byteAt[e]))
			}
			_ = typ
			spans[fields[0]] = ss
		case 'E':
			events = append(events, strings.Fields(fields[1]))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	var out []BratAttribution
	for _, ev := range events {
		if len(ev) == 0 || !strings.HasPrefix(ev[0], "Attribution") {
			continue
		}
		var at BratAttribution
		for _, arg := range ev[1:] {
			role, id, ok := strings.Cut(arg, ":")
			if !ok {
				continue
			}
			switch strings.TrimRight(role, "0123456789") {
			case "Source":
				at.Source = append(at.Source, spans[id]...)
			case "Cue":
				at.Cue = append(at.Cue, spans[id]...)
			case "Content":
				at.Content = append(at.Content, spans[id]...)
			}
		}
		if len(at.Content) > 0 {
			out = append(out, at)
		}
	}
	return out, nil
}

// QuotePRF counts matches for precision, recall and F1.
type QuotePRF struct {
	Pred, Gold, MatchedPred, MatchedGold int
}

// P returns the precision.
func (s QuotePRF) P() float64 { return bratRatio(s.MatchedPred, s.Pred) }

// R returns the recall.
func (s QuotePRF) R() float64 { return bratRatio(s.MatchedGold, s.Gold) }

// F1 returns the harmonic mean of precision and recall.
func (s QuotePRF) F1() float64 {
	p, r := s.P(), s.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func bratRatio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// QuoteScore holds the scores of one class of quotes (all, direct,
// indirect).
type QuoteScore struct {
	// Loose counts content matches at overlap >= 0.3, Strict at >= 0.8.
	Loose, Strict QuotePRF
	// CueExact counts loose matches whose cue span is exactly the gold
	// cue; CueMatched is the number of loose matches with a gold cue.
	CueExact, CueMatched int
	// SpeakerOK counts loose matches whose speaker is right; SpeakerMatched
	// is the number of loose matches whose gold has a source.
	SpeakerOK, SpeakerMatched int
}

// CueAccuracy is the share of matched quotes with the exact gold cue.
func (s QuoteScore) CueAccuracy() float64 { return bratRatio(s.CueExact, s.CueMatched) }

// SpeakerAccuracy is the share of matched quotes with the right speaker.
func (s QuoteScore) SpeakerAccuracy() float64 { return bratRatio(s.SpeakerOK, s.SpeakerMatched) }

// BratScore is the result of scoring quotes against a brat corpus.
type BratScore struct {
	Docs     int
	All      QuoteScore
	Direct   QuoteScore
	Indirect QuoteScore
	// Speech scores the statements only: gold attributions whose content
	// is a direct quote or whose cue holds a verb of saying (see
	// SpeechCue), and the predictions not matched to other attributions.
	// PolNeAR also annotates beliefs, perceptions and poll findings
	// ("seemed", "endorsed", "polls show"), which a quote layer does not
	// aim at.
	Speech QuoteScore
}

// speechWords are the verbs of saying that make a gold attribution a
// statement for the Speech score. The list is fixed here, apart from the
// quote stage's lexicon, so that growing the lexicon cannot move the gold.
var speechWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`say says said saying tell tells told telling according
		add adds added adding write writes wrote writing written ask asks asked asking
		note notes noted noting state states stated stating announce announces announced announcing
		explain explains explained explaining argue argues argued arguing claim claims claimed claiming
		insist insists insisted insisting warn warns warned warning tweet tweets tweeted tweeting
		declare declares declared declaring stress stresses stressed stressing reply replies replied replying
		respond responds responded responding recall recalls recalled recalling acknowledge acknowledges
		acknowledged acknowledging admit admits admitted admitting report reports reported reporting
		urge urges urged urging deny denies denied denying accuse accuses accused accusing
		promise promises promised promising vow vows vowed vowing predict predicts predicted predicting
		suggest suggests suggested suggesting describe describes described describing
		call calls called calling comment comments commented commenting testify testified
		confirm confirms confirmed confirming agree agrees agreed agreeing criticize criticized criticizes criticizing
		praise praised praises praising conclude concluded concludes concluding continue continued continues continuing
		emphasize emphasized emphasizes emphasizing point pointed points pointing added`) {
		speechWords[w] = true
	}
}

// SpeechCue reports whether a gold attribution is a statement: its
// content opens with a quotation mark or its cue holds a verb of saying.
func SpeechCue(text string, g BratAttribution) bool {
	if g.Direct(text) {
		return true
	}
	for _, c := range g.Cue {
		for _, w := range strings.FieldsFunc(strings.ToLower(c.Of(text)), func(r rune) bool { return r < 'a' || r > 'z' }) {
			if speechWords[w] {
				return true
			}
		}
	}
	return false
}

// Thresholds of content overlap for a loose and a strict match.
const (
	LooseOverlap  = 0.3
	StrictOverlap = 0.8
)

// overlap is |p ∩ g| / max(|p|, |g|) in bytes: a prediction matches only
// when it covers much of the gold and is not much longer.
func bratOverlap(p, g []doc.Span) float64 {
	inter, glen, plen := 0, 0, 0
	for _, x := range p {
		plen += x.Len()
	}
	for _, s := range g {
		glen += s.Len()
		for _, x := range p {
			if lo, hi := max(x.Start(), s.Start()), min(x.End(), s.End()); hi > lo {
				inter += hi - lo
			}
		}
	}
	den := max(plen, glen)
	if den == 0 {
		return 0
	}
	return float64(inter) / float64(den)
}

// matchQuotes pairs predicted and gold quotes one-to-one, greedily by
// overlap, keeping pairs at or above the threshold. It returns, for each
// prediction, the index of its gold attribution or -1.
func bratMatch(pred []bratUnit, gold []BratAttribution, th float64) []int {
	type pair struct {
		p, g int
		ov   float64
	}
	var pairs []pair
	for i, q := range pred {
		for j, g := range gold {
			if ov := bratOverlap(q.spans, g.Content); ov >= th {
				pairs = append(pairs, pair{i, j, ov})
			}
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].ov > pairs[b].ov })
	m := make([]int, len(pred))
	for i := range m {
		m[i] = -1
	}
	usedG := make([]bool, len(gold))
	for _, pr := range pairs {
		if m[pr.p] >= 0 || usedG[pr.g] {
			continue
		}
		m[pr.p], usedG[pr.g] = pr.g, true
	}
	return m
}

// speakerRight reports whether the predicted speaker of q is the gold
// source: its span overlaps the source, or its entity has a mention that
// does.
func bratSpeakerRight(a *doc.Analysis, q doc.Quote, src []doc.Span) bool {
	if q.Speaker == nil {
		return false
	}
	for _, s := range src {
		if q.Speaker.Span != nil && q.Speaker.Span.Overlaps(s) {
			return true
		}
		if q.Speaker.Entity != nil {
			if e := a.EntityByID(*q.Speaker.Entity); e != nil {
				for _, m := range e.Mentions {
					if m.Span.Overlaps(s) {
						return true
					}
				}
			}
		}
	}
	return false
}

// cueExact reports whether the cue of q is exactly one gold cue fragment
// (or all of them, joined).
func bratCueExact(q doc.Quote, cue []doc.Span) bool {
	if q.Cue == nil || len(cue) == 0 {
		return false
	}
	if q.Cue.Span == doc.S(cue[0].Start(), cue[len(cue)-1].End()) {
		return true
	}
	for _, c := range cue {
		if q.Cue.Span == c {
			return true
		}
	}
	return false
}

// bratUnit is one predicted attribution: the quotes that share a cue
// ("“A,” said X. “B.”" gives two quotes and one attribution, as PolNeAR
// annotates it with a discontinuous content).
type bratUnit struct {
	spans []doc.Span
	q     doc.Quote
}

// units groups the quotes of a by cue.
func bratUnits(a *doc.Analysis) []bratUnit {
	var out []bratUnit
	byCue := map[doc.Span]int{}
	for _, q := range a.Quotes {
		if q.Cue != nil {
			if i, ok := byCue[q.Cue.Span]; ok {
				out[i].spans = append(out[i].spans, q.Span)
				continue
			}
			byCue[q.Cue.Span] = len(out)
		}
		out = append(out, bratUnit{spans: []doc.Span{q.Span}, q: q})
	}
	return out
}

// ScoreQuotes adds the scores of the quotes of a against the gold
// attributions of the same text to s.
func ScoreQuotes(s *BratScore, a *doc.Analysis, gold []BratAttribution) {
	s.Docs++
	pred := bratUnits(a)
	classOf := func(direct bool) *QuoteScore {
		if direct {
			return &s.Direct
		}
		return &s.Indirect
	}
	scoreInto(s, a, pred, gold, classOf)
	// The statements-only score: gold restricted to statements, and
	// predictions matched to other attributions left out.
	var sgold []BratAttribution
	var other []BratAttribution
	for _, g := range gold {
		if SpeechCue(a.Text, g) {
			sgold = append(sgold, g)
		} else {
			other = append(other, g)
		}
	}
	var spred []bratUnit
	m := bratMatch(pred, other, LooseOverlap)
	for i, j := range m {
		if j < 0 {
			spred = append(spred, pred[i])
		}
	}
	var tmp BratScore
	scoreInto(&tmp, a, spred, sgold, func(bool) *QuoteScore { return &tmp.Direct })
	addQuoteScore(&s.Speech, tmp.All)
}

// addQuoteScore adds the counts of b to a.
func addQuoteScore(a *QuoteScore, b QuoteScore) {
	for _, p := range []struct{ x, y *QuotePRF }{{&a.Loose, &b.Loose}, {&a.Strict, &b.Strict}} {
		p.x.Pred += p.y.Pred
		p.x.Gold += p.y.Gold
		p.x.MatchedPred += p.y.MatchedPred
		p.x.MatchedGold += p.y.MatchedGold
	}
	a.CueExact += b.CueExact
	a.CueMatched += b.CueMatched
	a.SpeakerOK += b.SpeakerOK
	a.SpeakerMatched += b.SpeakerMatched
}

// scoreInto scores predicted units against gold attributions into s.All
// and the per-class scores that classOf picks.
func scoreInto(s *BratScore, a *doc.Analysis, pred []bratUnit, gold []BratAttribution, classOf func(direct bool) *QuoteScore) {
	gdirect := make([]bool, len(gold))
	for j, g := range gold {
		gdirect[j] = g.Direct(a.Text)
		for _, c := range []*QuoteScore{&s.All, classOf(gdirect[j])} {
			c.Loose.Gold++
			c.Strict.Gold++
		}
	}
	for _, q := range pred {
		for _, c := range []*QuoteScore{&s.All, classOf(q.q.Kind == "direct")} {
			c.Loose.Pred++
			c.Strict.Pred++
		}
	}
	for k, th := range []float64{LooseOverlap, StrictOverlap} {
		m := bratMatch(pred, gold, th)
		for i, j := range m {
			if j < 0 {
				continue
			}
			pc, gc := classOf(pred[i].q.Kind == "direct"), classOf(gdirect[j])
			for _, c := range []*QuoteScore{&s.All, pc} {
				if k == 0 {
					c.Loose.MatchedPred++
				} else {
					c.Strict.MatchedPred++
				}
			}
			for _, c := range []*QuoteScore{&s.All, gc} {
				if k == 0 {
					c.Loose.MatchedGold++
				} else {
					c.Strict.MatchedGold++
				}
			}
			if k != 0 {
				continue
			}
			g := gold[j]
			for _, c := range []*QuoteScore{&s.All, gc} {
				if len(g.Cue) > 0 {
					c.CueMatched++
					if bratCueExact(pred[i].q, g.Cue) {
						c.CueExact++
					}
				}
				if len(g.Source) > 0 {
					c.SpeakerMatched++
					if bratSpeakerRight(a, pred[i].q, g.Source) {
						c.SpeakerOK++
					}
				}
			}
		}
	}
}

// BratOptions configures RunBrat.
type BratOptions struct {
	// Actor is the actor stage, run between text and quote so that
	// speakers resolve to entities; nil judges speakers by their spans
	// only. (The caller builds it, so that this package does not depend on
	// the actor stage's dictionaries.)
	Actor doc.Stage
	// Speech limits the quote stage to statements; by default it also
	// reports attributed beliefs, which PolNeAR annotates.
	Speech bool
	// DictDir is passed to the quote stage.
	DictDir string
	// Misses, when set, receives one line per gold attribution that no
	// prediction matched (MISS) and per prediction that matched no gold
	// (FALSE), per loose match under the strict overlap (LOOSE: cue,
	// predicted and gold content, overlap) and per matched prediction whose
	// speaker is wrong (SPEAKER: cue, predicted speaker, gold source), for
	// error analysis; a MISS line ends with the best overlap
	// of any prediction with the gold content.
	Misses io.Writer
}

// RunBrat analyses every document of the brat corpus in dir with the
// stages quotes need (text, actor, quote) and scores the quotes.
func RunBrat(ctx context.Context, dir string, opts BratOptions) (*BratScore, error) {
	docs, err := ReadBrat(dir)
	if err != nil {
		return nil, err
	}
	tx, err := text.New()
	if err != nil {
		return nil, err
	}
	stages := []doc.Stage{tx}
	if opts.Actor != nil {
		stages = append(stages, opts.Actor)
	}
	qs, err := quote.New(quote.Options{DictDir: opts.DictDir, Beliefs: !opts.Speech})
	if err != nil {
		return nil, err
	}
	stages = append(stages, qs)
	s := &BratScore{}
	for _, d := range docs {
		a := doc.New(doc.Document{ID: d.Name, Text: d.Text, Name: d.Name})
		for _, st := range stages {
			if err := st.Process(ctx, a); err != nil {
				return nil, fmt.Errorf("%s: %s stage: %w", d.Name, st.Name(), err)
			}
		}
		ScoreQuotes(s, a, d.Attributions)
		if opts.Misses != nil {
			WriteBratMisses(opts.Misses, d.Name, a, d.Attributions)
		}
	}
	return s, nil
}

// WriteBratMisses writes the gold attributions of one document that no
// predicted quote matches at overlap >= 0.3 and the predictions that match
// no gold, one tab-separated line each: MISS/FALSE, document, cue, source
// (or speaker) and content; MISS lines add the best overlap of any
// prediction with the gold content.
func WriteBratMisses(w io.Writer, name string, a *doc.Analysis, gold []BratAttribution) {
	pred := bratUnits(a)
	m := bratMatch(pred, gold, LooseOverlap)
	matched := make([]bool, len(gold))
	join := func(ss []doc.Span) string {
		var parts []string
		for _, s := range ss {
			parts = append(parts, s.Of(a.Text))
		}
		return strings.Join(strings.Fields(strings.Join(parts, " | ")), " ")
	}
	for i, j := range m {
		if j >= 0 {
			matched[j] = true
			if ov := bratOverlap(pred[i].spans, gold[j].Content); ov < StrictOverlap {
				fmt.Fprintf(w, "LOOSE\t%s\t%s\t%s\t%s\t%.2f\n", name, join(gold[j].Cue), join(pred[i].spans), join(gold[j].Content), ov)
			}
			if g := gold[j]; len(g.Source) > 0 && !bratSpeakerRight(a, pred[i].q, g.Source) {
				spk := ""
				if q := pred[i].q; q.Speaker != nil {
					spk = q.Speaker.Text
				}
				fmt.Fprintf(w, "SPEAKER\t%s\t%s\t%s\t%s\n", name, join(g.Cue), spk, join(g.Source))
			}
			continue
		}
		q := pred[i].q
		cue, spk := "", ""
		if q.Cue != nil {
			cue = q.Cue.Text
		}
		if q.Speaker != nil {
			spk = q.Speaker.Text
		}
		fmt.Fprintf(w, "FALSE\t%s\t%s\t%s\t%s\n", name, cue, spk, join(pred[i].spans))
	}
	for j, g := range gold {
		if !matched[j] {
			best := 0.0
			for _, u := range pred {
				best = max(best, bratOverlap(u.spans, g.Content))
			}
			fmt.Fprintf(w, "MISS\t%s\t%s\t%s\t%s\t%.2f\n", name, join(g.Cue), join(g.Source), join(g.Content), best)
		}
	}
}

// WriteBratScore prints a score table.
func WriteBratScore(w io.Writer, s *BratScore) {
	fmt.Fprintf(w, "documents: %d\n", s.Docs)
	fmt.Fprintf(w, "%-9s %6s %6s | %6s %6s %6s | %6s %6s %6s | %6s %8s\n", "class", "gold", "pred", "P@.3", "R@.3", "F1@.3", "P@.8", "R@.8", "F1@.8", "cue=", "speaker")
	for _, c := range []struct {
		name string
		q    QuoteScore
	}{{"all", s.All}, {"direct", s.Direct}, {"indirect", s.Indirect}, {"speech", s.Speech}} {
		q := c.q
		fmt.Fprintf(w, "%-9s %6d %6d | %6.3f %6.3f %6.3f | %6.3f %6.3f %6.3f | %6.3f %8.3f\n", c.name, q.Loose.Gold, q.Loose.Pred,
			q.Loose.P(), q.Loose.R(), q.Loose.F1(), q.Strict.P(), q.Strict.R(), q.Strict.F1(), q.CueAccuracy(), q.SpeakerAccuracy())
	}
}

// isBratID reports whether s is an annotation id such as T12 or E3.
func isBratID(s string) bool {
	if len(s) < 2 || !strings.ContainsRune("TERAN#M", rune(s[0])) {
		return false
	}
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
