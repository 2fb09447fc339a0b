package eval

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/attache-project/attache/internal/doc"
)

// RoleSentence is one sentence of the ConfliBERT CAMEO NER data: tokens
// with BIO tags for the event's source (S) and target (T).
type RoleSentence struct {
	Text   string     // tokens joined by single spaces
	Source []doc.Span // gold source spans (byte offsets into Text)
	Target []doc.Span // gold target spans
}

// ReadRoleSentences reads "token TAG" lines, sentences separated by blank
// lines, tags O, B-S, I-S, B-T, I-T.
func ReadRoleSentences(r io.Reader) ([]RoleSentence, error) {
	var out []RoleSentence
	var b strings.Builder
	cur := RoleSentence{}
	open := byte(0)
	start := 0
	flush := func() {
		if open != 0 {
			sp := doc.S(start, b.Len())
			if open == 'S' {
				cur.Source = append(cur.Source, sp)
			} else {
				cur.Target = append(cur.Target, sp)
			}
			open = 0
		}
	}
	end := func() {
		flush()
		if b.Len() > 0 {
			cur.Text = b.String()
			out = append(out, cur)
		}
		cur = RoleSentence{}
		b.Reset()
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			end()
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		if i <= 0 {
			return nil, fmt.Errorf("line %d: want \"token TAG\"", n)
		}
		tok, tag := line[:i], line[i+1:]
		switch {
		case tag == "O":
			flush()
		case strings.HasPrefix(tag, "B-") || strings.HasPrefix(tag, "I-") && open == 0:
			flush()
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			open, start = tag[2], b.Len()
			b.WriteString(tok)
			continue
		case strings.HasPrefix(tag, "I-"):
		default:
			return nil, fmt.Errorf("line %d: unknown tag %q", n, tag)
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(tok)
	}
	end()
	return out, sc.Err()
}

// RoleScore counts gold source/target spans met by an event's actor.
type RoleScore struct {
	Sentences, GoldS, MetS, GoldT, MetT int
}

// ScoreRoles analyses each sentence and counts the gold S (T) spans that
// overlap the mention of some event's source (target) in the sentence.
func ScoreRoles(ctx context.Context, items []RoleSentence, analyze func(context.Context, string) (*doc.Analysis, error)) (*RoleScore, error) {
	s := &RoleScore{}
	for i, it := range items {
		a, err := analyze(ctx, it.Text)
		if err != nil {
			return nil, fmt.Errorf("sentence %d: %w", i+1, err)
		}
		s.Sentences++
		var srcs, tgts []doc.Span
		for _, e := range a.Events {
			srcs = append(srcs, actorSpans(a, e.Sentence, e.Source)...)
			tgts = append(tgts, actorSpans(a, e.Sentence, e.Target)...)
		}
		s.GoldS += len(it.Source)
		s.GoldT += len(it.Target)
		s.MetS += countOverlaps(it.Source, srcs)
		s.MetT += countOverlaps(it.Target, tgts)
	}
	return s, nil
}

// actorSpans returns where the actor is named in sentence si: its span,
// else the mentions of its entity whose text is the actor's text.
func actorSpans(a *doc.Analysis, si int, ac *doc.Actor) []doc.Span {
	if ac == nil || si < 0 || si >= len(a.Sentences) {
		return nil
	}
	if ac.Span != nil {
		return []doc.Span{*ac.Span}
	}
	if ac.Entity == nil {
		return nil
	}
	e := a.EntityByID(*ac.Entity)
	if e == nil {
		return nil
	}
	var out []doc.Span
	for _, m := range e.Mentions {
		if a.Sentences[si].Span.Contains(m.Span) && m.Text == ac.Text {
			out = append(out, m.Span)
		}
	}
	return out
}

func countOverlaps(gold, sys []doc.Span) int {
	n := 0
	for _, g := range gold {
		for _, x := range sys {
			if g.Overlaps(x) {
				n++
				break
			}
		}
	}
	return n
}

// EvalRolesFile reads path and scores it with analyze.
func EvalRolesFile(ctx context.Context, path string, analyze func(context.Context, string) (*doc.Analysis, error)) (*RoleScore, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	items, err := ReadRoleSentences(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return ScoreRoles(ctx, items, analyze)
}

// WriteRoleReport prints the shares of gold sources and targets met.
func WriteRoleReport(w io.Writer, s *RoleScore) {
	share := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return float64(a) / float64(b)
	}
	fmt.Fprintf(w, "sentences %d  source met %d/%d (%.3f)  target met %d/%d (%.3f)\n",
		s.Sentences, s.MetS, s.GoldS, share(s.MetS, s.GoldS), s.MetT, s.GoldT, share(s.MetT, s.GoldT))
}
