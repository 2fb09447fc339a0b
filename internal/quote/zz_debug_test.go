package quote

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/text"
)

func TestZZDebug(t *testing.T) {
	b, err := os.ReadFile("/tmp/qz/dbg.txt")
	if err != nil {
		t.Skip()
	}
	a := doc.New(doc.Document{Text: string(b)})
	tx, _ := text.New()
	tx.Process(context.Background(), a)
	st, _ := New(Options{Beliefs: true})
	st.Process(context.Background(), a)
	for _, tk := range a.Tokens {
		fmt.Printf("%s/%s ", tk.Text, tk.Tag)
	}
	fmt.Println()
	for _, q := range a.Quotes {
		g := got(q)
		fmt.Printf("%s | %s | %s | %s\n", g.kind, g.lemma, g.speaker, g.content)
	}
}
