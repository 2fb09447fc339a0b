package timex

import (
	"fmt"
	"os"
	"testing"
)

func TestScratchDebug(t *testing.T) {
	txt := os.Getenv("TX")
	if txt == "" {
		t.Skip()
	}
	a := analyse(t, txt, os.Getenv("TA"))
	for _, tk := range a.Tokens {
		fmt.Printf("%s/%s ", tk.Text, tk.Tag)
	}
	fmt.Println()
	for _, x := range a.Timexes {
		fmt.Printf("%q %s %s\n", x.Text, x.Type, x.Value)
	}
}
