package ingest_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/attache-project/attache/internal/eval"
	"github.com/attache-project/attache/internal/ingest"
)

func TestTune(t *testing.T) {
	if os.Getenv("TUNE") == "" {
		t.Skip()
	}
	for _, dir := range []string{"../../../shared/data/html/readability/test/test-pages", "../../../shared/data/html/newspaper4k"} {
		cases, _ := eval.LoadHTMLCases(dir)
		for _, cfg := range []struct {
			skip   bool
			below  int
			always bool
		}{{false, 0, true}, {false, 1500, false}, {false, 500, false}, {true, 1500, false}, {true, 0, false}} {
			ingest.SetExtractTuning(cfg.skip, cfg.below, cfg.always)
			s := eval.ScoreHTML(cases)
			fmt.Printf("%v %s F1 %.3f mean %.3f title %.3f date %.3f (%d/%d) %.1f p/s\n", cfg, dir[len(dir)-12:], s.MicroF1, s.MeanF1, s.TitleAccuracy(), s.DateAccuracy(), s.DateOK, s.DateN, float64(len(cases))/s.Elapsed.Seconds())
		}
	}
}

func BenchmarkTune(b *testing.B) {
	cases, _ := eval.LoadHTMLCases("../../../shared/data/html/readability/test/test-pages")
	var pages [][]byte
	for _, c := range cases {
		p, _ := os.ReadFile(c.Source)
		pages = append(pages, p)
	}
	for _, skip := range []bool{false, true} {
		b.Run(fmt.Sprint(skip), func(b *testing.B) {
			ingest.SetExtractTuning(skip, 1500, false)
			cpu0 := ingest.CPUTime()
			for i := 0; i < b.N; i++ {
				ingest.ExtractPage(pages[i%len(pages)], "", "")
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
			b.ReportMetric(float64(b.N)/(ingest.CPUTime()-cpu0).Seconds(), "pages/cpu-s")
		})
	}
}
