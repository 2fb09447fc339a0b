package bench

import (
	"context"
	"strings"
	"testing"

	"github.com/attache-project/attache"
	"github.com/attache-project/attache/internal/doc"
)

func TestRunMeasures(t *testing.T) {
	an, err := attache.New(attache.Options{Layers: "text"})
	if err != nil {
		t.Fatal(err)
	}
	docs := []doc.Document{
		{Text: "MOSCOW (Reuters) - Russia recalled its ambassador on Wednesday, the ministry said."},
		{Text: strings.Repeat("Kyiv said it would talk. ", 20)},
		{Text: " "}, // fails: empty
	}
	r, err := Run(context.Background(), an, docs, Options{Runs: 3})
	if err != nil {
		t.Fatal(err)
	}
	if r.Documents != 3 || r.Failed != 1 || r.Words < 100 || len(r.Seconds) != 3 || r.DocsPerS <= 0 || r.WordsPerS <= 0 {
		t.Fatalf("result %+v", r)
	}
	if r.Stages["text"] <= 0 || r.Stages["dateline"] <= 0 {
		t.Fatalf("stages not timed: %v", r.Stages)
	}
	if r.PeakRSS <= 0 {
		t.Fatalf("peak RSS %d", r.PeakRSS)
	}
	var b strings.Builder
	r.Print(&b)
	if !strings.Contains(b.String(), "words/s") {
		t.Fatal(b.String())
	}
}

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		in   []float64
		want float64
	}{{nil, 0}, {[]float64{3}, 3}, {[]float64{5, 1, 3}, 3}, {[]float64{4, 1, 3, 2}, 2.5}} {
		if got := median(tc.in); got != tc.want {
			t.Errorf("median(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
