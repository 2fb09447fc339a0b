package attache_test

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/attache-project/attache"
	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/eval"
)

func TestZZPenta(t *testing.T) {
	if os.Getenv("ZZ") == "" {
		t.Skip()
	}
	an, _ := attache.New(attache.Options{})
	analyze := func(ctx context.Context, s string) (*doc.Analysis, error) {
		return an.Analyze(ctx, attache.Document{Text: s})
	}
	_, errs, _ := eval.EvalPentaClassFile(context.Background(), "../shared/data/conflibert/cameo_class_train.tsv", analyze)
	f, _ := os.Create("/tmp/ev/errs.txt")
	for _, e := range errs {
		fmt.Fprintf(f, "gold %d\tsystem %d\t%s\t%s\n", e.Gold, e.System, e.Rule, e.Text)
	}
	f.Close()
}
