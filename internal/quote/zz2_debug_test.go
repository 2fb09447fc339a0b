package quote

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/text"
)

func TestZZCues(t *testing.T) {
	f := os.Getenv("QTOK")
	if f == "" {
		t.Skip()
	}
	a := doc.New(doc.Document{Text: f})
	tx, _ := text.New()
	tx.Process(context.Background(), a)
	s, _ := New(Options{})
	p := &proc{s: s, a: a, text: a.Text}
	p.run(context.Background())
	for _, c := range p.cues {
		fmt.Println(c.t0, c.t1, c.sent, c.e.Lemma, c.used)
	}
	for _, d := range p.dirs {
		fmt.Printf("%+v\n", d)
	}
	for i, se := range a.Sentences {
		fmt.Println(i, se.Tokens, a.Text[se.Span[0]:se.Span[1]])
	}
}

func TestZZKeys(t *testing.T) {
	s, _ := New(Options{})
	for _, m := range s.lex.media {
		fmt.Printf("%-40q %s\n", m.key, m.Pattern)
	}
}
