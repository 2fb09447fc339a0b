package relations

import (
	"sort"
	"testing"
)

// FuzzScore checks that tone scoring never panics and stays in range on
// any text, and that signatures are sorted and bounded.
func FuzzScore(f *testing.F) {
	for _, s := range []string{"", "not", "The talks were not constructive.", "kill* ban\t+1", "\xff\xfe broken utf-8 attack", "n't n't n't peace"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		s := Score(text)
		if s.Tone < -100 || s.Tone > 100 || s.Positive < 0 || s.Negative < 0 || s.Words < 0 {
			t.Fatalf("Score(%q) = %+v", text, s)
		}
		sig := signature(text, text[:len(text)/2])
		if len(sig) > maxSig || !sort.StringsAreSorted(sig) {
			t.Fatalf("signature(%q) = %v", text, sig)
		}
	})
}
