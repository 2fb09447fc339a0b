package ingest

import (
	"os"
	"testing"
)

func TestZZOne(t *testing.T) {
	b, _ := os.ReadFile(os.Getenv("ZZPAGE"))
	p, err := ExtractPage(b, "", "")
	t.Logf("%v\n%q\n%q", err, p.Title, p.Text)
}
