package relationstest

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/attache-project/attache/internal/doc"
)

// Generator makes synthetic coded stories: happenings between random
// dyads, each reported by one to four outlets on the day or the day after,
// with ten events per story.
type Generator struct {
	r *rand.Rand
	// Next is the number of the last story made; stories are "gen-<n>".
	Next  int
	start time.Time
	days  int
	codes []struct {
		code string
		quad int
		g    float64
	}
	nations []string
	outlets []string
}

// NewGenerator returns a generator seeded with seed.
func NewGenerator(seed uint64) *Generator {
	g := &Generator{r: rand.New(rand.NewPCG(seed, 7)), start: time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC), days: 730}
	g.codes = []struct {
		code string
		quad int
		g    float64
	}{{"010", 1, 0}, {"036", 1, 4}, {"042", 1, 1.9}, {"043", 1, 2.8}, {"057", 1, 8}, {"061", 2, 6.4}, {"071", 2, 7.4},
		{"111", 3, -2}, {"112", 3, -2}, {"130", 3, -4.4}, {"138", 3, -7}, {"161", 4, -4}, {"163", 4, -8}, {"172", 4, -5}, {"190", 4, -10}}
	for i := 0; i < 60; i++ {
		g.nations = append(g.nations, fmt.Sprintf("%c%c%c", 'A'+i/26, 'A'+i%26, 'X'))
	}
	g.nations[0], g.nations[1] = "RUS", "USA"
	for i := 0; i < 25; i++ {
		g.outlets = append(g.outlets, "outlet"+strconv.Itoa(i))
	}
	return g
}

// Stories returns analyses holding about n events. Each event has its own
// sentence naming two topic words of its happening, so the reports of one
// happening share words and those of different happenings mostly do not.
func (g *Generator) Stories(n int) []*doc.Analysis {
	var out []*doc.Analysis
	var cur *doc.Analysis
	finish := func() {
		if cur != nil {
			cur.Text = cur.Text[:len(cur.Text)-1] // drop the last newline
		}
	}
	for made := 0; made < n; {
		// one happening, reported 1-4 times
		c := g.codes[g.r.IntN(len(g.codes))]
		src := g.nations[min(g.r.IntN(len(g.nations)), g.r.IntN(len(g.nations)))]
		tgt := g.nations[min(g.r.IntN(len(g.nations)), g.r.IntN(len(g.nations)))]
		day := g.start.AddDate(0, 0, g.r.IntN(g.days))
		topic := fmt.Sprintf("topic%03d and matter%03d", g.r.IntN(500), g.r.IntN(500))
		for k := 1 + g.r.IntN(4); k > 0 && made < n; k-- {
			if cur == nil || len(cur.Events) == 10 {
				finish()
				g.Next++
				pub := day.AddDate(0, 0, g.r.IntN(2)).Format("2006-01-02")
				const head = "WIRE, Jan 1 -\n"
				cur = doc.New(doc.Document{ID: "gen-" + strconv.Itoa(g.Next), Text: head, Published: pub, Source: g.outlets[g.r.IntN(len(g.outlets))]})
				cur.Anchor = &doc.Anchor{Date: pub, From: "published"}
				cur.Sentences = []doc.Sentence{{Span: doc.S(0, len(head)-1)}}
				out = append(out, cur)
			}
			start := len(cur.Text)
			sentence := "Officials of " + src + " and " + tgt + " discussed " + topic + " on Monday, an official said."
			cur.Text += sentence + "\n"
			cur.Sentences = append(cur.Sentences, doc.Sentence{Span: doc.S(start, start+len(sentence))})
			at := start + strings.Index(sentence, "discussed")
			cur.Events = append(cur.Events, doc.Event{ID: "e" + strconv.Itoa(len(cur.Events)+1), Sentence: len(cur.Sentences) - 1,
				Span: doc.S(at, at+len("discussed")), Text: "discussed",
				CAMEO: c.code, Quad: c.quad, Goldstein: c.g, Modality: "asserted", Confidence: 0.7, Date: doc.Str(day.Format("2006-01-02")),
				Source: &doc.Actor{Country: doc.Str(src), Code: doc.Str(src + "GOV"), Text: src},
				Target: &doc.Actor{Country: doc.Str(tgt), Code: doc.Str(tgt), Text: tgt}})
			made++
		}
	}
	finish()
	return out
}
