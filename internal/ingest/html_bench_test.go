package ingest

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// readabilityPages loads the source pages of Mozilla readability's test
// suite from ../shared, or skips.
func readabilityPages(tb testing.TB) [][]byte {
	tb.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "data", "html", "readability", "test", "test-pages")
	paths, _ := filepath.Glob(filepath.Join(dir, "*", "source.html"))
	if len(paths) == 0 {
		tb.Skipf("%s not available", dir)
	}
	var pages [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		pages = append(pages, b)
	}
	return pages
}

// BenchmarkExtractPage extracts the readability test pages one after the
// other; pages/s is reported per core (the benchmark is sequential).
func BenchmarkExtractPage(b *testing.B) {
	pages := readabilityPages(b)
	b.ResetTimer()
	cpu0 := cpuTime()
	n := 0
	for i := 0; i < b.N; i++ {
		p := pages[i%len(pages)]
		b.SetBytes(int64(len(p)))
		if _, err := ExtractPage(p, "", ""); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(n)/(cpuTime()-cpu0).Seconds(), "pages/cpu-s")
}

// cpuTime is the CPU time (user + system) used by the process so far: on
// a shared machine, pages per CPU second is the per-core speed, whatever
// else runs.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
