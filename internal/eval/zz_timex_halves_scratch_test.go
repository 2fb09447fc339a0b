package eval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// scratch: per-corpus and per-half scores; delete before finishing.
func TestScratchTimexHalves(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "data", "timeml")
	if os.Getenv("SCRATCH") == "" {
		t.Skip()
	}
	var files []string
	filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() && strings.HasSuffix(p, ".tml") {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	out := map[string]*TimexScores{"": {}}
	add := func(k string, sc *TimexScores) {
		if out[k] == nil {
			out[k] = &TimexScores{}
		}
		out[k].Add(sc)
	}
	for i, f := range files {
		data, _ := os.ReadFile(f)
		d, err := ReadTimeML(f, data)
		if err != nil {
			t.Fatal(err)
		}
		sc, err := TimeMLRun(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, filepath.Dir(f))
		add(rel, sc)
		add(fmt.Sprintf("half%d", i%2), sc)
		out[""].Add(sc)
	}
	WriteTimexReport(os.Stdout, out)
	if p := os.Getenv("SCRATCH_ERR"); p != "" {
		ef, _ := os.Create(p)
		for _, e := range out[""].Errors {
			fmt.Fprintf(ef, "%s\t%s\t%q %s %s\t%q %s %s\t%s\n", e.Kind, filepath.Base(e.Doc), e.GoldText, e.GoldType, e.GoldVal, e.SysText, e.SysType, e.SysVal, e.Context)
		}
		ef.Close()
	}
}

func TestScratchTimexDoc(t *testing.T) {
	name := os.Getenv("SCRATCH_DOC")
	if name == "" {
		t.Skip()
	}
	matches, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "data", "timeml", "*", name+"*"))
	for _, f := range matches {
		data, _ := os.ReadFile(f)
		d, _ := ReadTimeML(f, data)
		sc, _ := TimeMLRun(context.Background(), d)
		fmt.Println("DCT", d.DCT)
		for _, g := range d.Gold {
			fmt.Printf("G %6d %-30q %-8s %s\n", g.Span[0], g.Text, g.Type, g.Value)
		}
		for _, e := range sc.Errors {
			fmt.Printf("E %-8s G:%q %s %s  S:%q %s %s\n", e.Kind, e.GoldText, e.GoldType, e.GoldVal, e.SysText, e.SysType, e.SysVal)
		}
	}
}
