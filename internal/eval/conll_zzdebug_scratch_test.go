package eval

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/attache-project/attache/internal/actor"
	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/text"
)

func TestZZDebug(t *testing.T) {
	txt := os.Getenv("DBG")
	if txt == "" {
		t.Skip()
	}
	ts, _ := text.New()
	as, _ := actor.New(actor.Options{})
	a := doc.New(doc.Document{ID: "x", Text: txt})
	ts.Process(context.Background(), a)
	as.Process(context.Background(), a)
	for _, tk := range a.Tokens {
		fmt.Printf("%s/%s ", tk.Text, tk.Tag)
	}
	fmt.Println()
	for _, e := range a.Entities {
		fmt.Printf("%s %s [%s]:", e.Type, e.Name, doc.Val(e.Code))
		for _, m := range e.Mentions {
			fmt.Printf(" %q/%s", m.Text, m.Kind)
		}
		fmt.Println()
	}
	for _, s := range SystemNER(a) {
		fmt.Println(s.Label, s.Span.Of(txt))
	}
}

func TestZZEval(t *testing.T) {
	path := os.Getenv("CONLL")
	if path == "" {
		t.Skip()
	}
	s, errs, err := EvalCoNLL(context.Background(), path, actor.Options{}, -1)
	if err != nil {
		t.Fatal(err)
	}
	WriteNERReport(os.Stdout, s)
	f, _ := os.Create(os.Getenv("ERRS"))
	for _, e := range errs {
		fmt.Fprintf(f, "%s\t%s\t%q\t%s\n", e.Kind, e.Label, e.Text, e.Context)
	}
	f.Close()
}
