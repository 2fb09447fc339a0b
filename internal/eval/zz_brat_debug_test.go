package eval

import (
	"fmt"
	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/quote"
	"github.com/attache-project/attache/internal/text"
	"context"
	"os"
	"testing"
)

func TestZZBrat(t *testing.T) {
	dir := os.Getenv("BRATDIR")
	if dir == "" {
		t.Skip()
	}
	s, err := RunBrat(context.Background(), dir, BratOptions{Speech: os.Getenv("SPEECH") != ""})
	if err != nil {
		t.Fatal(err)
	}
	WriteBratScore(os.Stdout, s)
}

func TestZZBratErrors(t *testing.T) {
	dir := os.Getenv("BRATERR")
	if dir == "" {
		t.Skip()
	}
	docs, _ := ReadBrat(dir)
	tx, _ := text.New()
	qs, _ := quote.New(quote.Options{Beliefs: true})
	mode := os.Getenv("MODE")
	for _, d := range docs {
		a := doc.New(doc.Document{Text: d.Text})
		tx.Process(context.Background(), a)
		qs.Process(context.Background(), a)
		us := bratUnits(a)
		m := bratMatch(us, d.Attributions, LooseOverlap)
		usedG := map[int]bool{}
		for i, j := range m {
			if j >= 0 {
				usedG[j] = true
				g := d.Attributions[j]
				if mode == "spk" && len(g.Source) > 0 && !bratSpeakerRight(a, us[i].q, g.Source) {
					sp := "<nil>"
					if us[i].q.Speaker != nil {
						sp = us[i].q.Speaker.Text
					}
					fmt.Printf("SPK pred=%q gold=%q cue=%q | %.80q\n", sp, g.Source[0].Of(d.Text), g.Cue[0].Of(d.Text), us[i].q.Text)
				}
				continue
			}
			if mode == "fp" {
				q := us[i].q
				cue := ""
				if q.Cue != nil {
					cue = q.Cue.Text
				}
				fmt.Printf("FP %s cue=%q | %.100q\n", q.Kind, cue, q.Text)
			}
		}
		if mode == "fn" {
			for j, g := range d.Attributions {
				if usedG[j] || !SpeechCue(d.Text, g) {
					continue
				}
				cue := ""
				if len(g.Cue) > 0 {
					cue = g.Cue[0].Of(d.Text)
				}
				fmt.Printf("FN direct=%v cue=%q | %.100q\n", g.Direct(d.Text), cue, g.Content[0].Of(d.Text))
				if os.Getenv("CTX") != "" && len(g.Cue) > 0 {
					si := a.SentenceAt(g.Cue[0].Start())
					if si >= 0 {
						se := a.Sentences[si].Span
						fmt.Printf("   SENT %q\n", se.Of(d.Text))
						for _, q := range a.Quotes {
							if q.Span.Overlaps(se) {
								c := ""
								if q.Cue != nil {
									c = q.Cue.Text
								}
								fmt.Printf("   PRED %s cue=%q %q\n", q.Kind, c, q.Text)
							}
						}
					}
				}
			}
		}
	}
}
