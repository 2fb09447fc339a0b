package quote_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/attache-project/attache/internal/dateline"
	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/quote"
	"github.com/attache-project/attache/internal/text"
)

func TestZZDebug(t *testing.T) {
	f := os.Getenv("QDBG")
	if f == "" {
		t.Skip()
	}
	b, err := os.ReadFile(f)
	if err != nil {
		b = []byte(f)
	}
	a := doc.New(doc.Document{Text: string(b)})
	dl, _ := dateline.New(dateline.Options{DefaultYear: 2021})
	tx, _ := text.New()
	qs, err := quote.New(quote.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	dl.Process(ctx, a)
	tx.Process(ctx, a)
	qs.Process(ctx, a)
	for _, q := range a.Quotes {
		j, _ := json.Marshal(q.Speaker)
		c, _ := json.Marshal(q.Cue)
		tx := q.Text
		if len(tx) > 60 {
			tx = tx[:60]
		}
		fmt.Printf("%s %q spk=%s cue=%s med=%s occ=%s date=%s\n", q.Kind, tx, j, c, doc.Val(q.Medium), doc.Val(q.Occasion), doc.Val(q.Date))
	}
	if err := doc.CheckSpans(a); err != nil {
		t.Fatal(err)
	}
}

func TestZZTok(t *testing.T) {
	f := os.Getenv("QTOK")
	if f == "" {
		t.Skip()
	}
	a := doc.New(doc.Document{Text: f})
	tx, _ := text.New()
	tx.Process(context.Background(), a)
	for _, tk := range a.Tokens {
		fmt.Printf("%s/%s ", tk.Text, tk.Tag)
	}
	fmt.Println()
}
