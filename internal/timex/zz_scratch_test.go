package timex

import (
	"context"
	"fmt"
	"testing"

	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/text"
)

func TestZZScratch(t *testing.T) {
	ts, _ := text.New()
	for _, s := range []string{
		"He said on Wednesday that Sept. 30, 1989 third-quarter profit rose in the 1990s and the '80s.",
		"The meeting is at 10:00 GMT on 2021-03-20 and 5 p.m. EST Nov. 9, or 10 a.m. Friday's two-year 2 1/2 years 3/20/2021 90-day mid-November.",
		"Antonov will fly to Moscow on March 20. It will meet Monday. It was the 20th. He'll go. Mar. 20 and 20 March 2021. U.S. May rose 5%.",
	} {
		a := doc.New(doc.Document{Text: s})
		ts.Process(context.Background(), a)
		for _, tk := range a.Tokens {
			fmt.Printf("%s/%s ", tk.Text, tk.Tag)
		}
		fmt.Println()
	}
}
