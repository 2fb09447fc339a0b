package eval

import (
	"context"
	"os"
	"testing"

	"github.com/attache-project/attache/internal/actor"
)

func TestZZBrat(t *testing.T) {
	dir := os.Getenv("ZZDIR")
	if dir == "" {
		t.Skip()
	}
	ac, _ := actor.New(actor.Options{})
	f, _ := os.Create("/tmp/qz/miss.tsv")
	defer f.Close()
	s, err := RunBrat(context.Background(), dir, BratOptions{Actor: ac, Misses: f})
	if err != nil {
		t.Fatal(err)
	}
	WriteBratScore(os.Stdout, s)
}
