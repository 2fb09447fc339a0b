package dateline

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/attache-project/attache/internal/doc"
)

// sharedData returns the path of a file under ../shared/data (relative to
// the repository root), skipping the test when it is absent.
func sharedData(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join("..", "..", "..", "shared", "data", rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s not available: %v", p, err)
	}
	return p
}

// goldDatelineRe reads the place and the month and day out of a
// Reuters-21578 DATELINE field ("PORTLAND, Ore., Feb 26 -"). It is the
// reference for TestReutersDatelines, written independently of the stage's
// pattern: the field is known to be a dateline, so it only splits it.
var goldDatelineRe = regexp.MustCompile(`^\**\s*([^,]+?)\s*,.*?\b([A-Za-z]{3,9})\.?\s+(\d{1,2})\s*,?\s*(?:Reuters?\s*)?-+\s*$`)

// reutersRecord is one line of reuters21578.jsonl.
type reutersRecord struct {
	Dateline string `json:"dateline"`
	Body     string `json:"body"`
	Date     string `json:"date"`
}

// TestReutersDatelines measures the stage on Reuters-21578: each record's
// dateline field is put in front of its body, the stage runs with the
// record's date as published date, and place (case-insensitive) and
// month/day must equal those of the dateline field.
func TestReutersDatelines(t *testing.T) {
	path := sharedData(t, "news/reuters21578.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	var total, gold, exact, placeOK, dateOK, found, noDateGold, noDateFound int
	var misses []string
	r := bufio.NewReaderSize(f, 1<<20)
	for {
		line, err := r.ReadString('\n')
		if strings.TrimSpace(line) != "" {
			var rec reutersRecord
			if jerr := json.Unmarshal([]byte(line), &rec); jerr != nil {
				t.Fatalf("bad record: %v", jerr)
			}
			if rec.Dateline != "" && rec.Body != "" {
				total++
				a := doc.New(doc.Document{Text: rec.Dateline + " " + rec.Body, Published: rec.Date})
				if perr := st.Process(context.Background(), a); perr != nil {
					t.Fatal(perr)
				}
				if cerr := doc.CheckSpans(a); cerr != nil {
					t.Fatalf("%q: %v", rec.Dateline, cerr)
				}
				if a.Dateline != nil {
					found++
				}
				g := goldDatelineRe.FindStringSubmatch(rec.Dateline)
				mon := 0
				if g != nil {
					mon = monthNumber(g[2])
				}
				if g == nil || mon == 0 {
					// Not a place-and-date dateline (tables, "TOKYO -").
					noDateGold++
					if a.Dateline != nil {
						noDateFound++
					}
				} else {
					gold++
					day := atoi(g[3])
					pOK := a.Dateline != nil && strings.EqualFold(a.Dateline.Place, strings.TrimSpace(g[1]))
					dOK := a.Dateline != nil && a.Dateline.Date != nil && len(*a.Dateline.Date) == 10 &&
						atoi((*a.Dateline.Date)[5:7]) == mon && atoi((*a.Dateline.Date)[8:10]) == day
					if pOK {
						placeOK++
					}
					if dOK {
						dateOK++
					}
					if pOK && dOK {
						exact++
					} else if len(misses) < 40 {
						got := "none"
						if a.Dateline != nil {
							got = a.Dateline.Place + " | " + doc.Val(a.Dateline.Date)
						}
						misses = append(misses, rec.Dateline+"  =>  "+got)
					}
				}
			}
		}
		if err != nil {
			break
		}
	}
	share := float64(exact) / float64(gold)
	t.Logf("records with dateline and body: %d; with a place+month/day dateline: %d", total, gold)
	t.Logf("place and month/day exact: %d/%d = %.2f%% (place %.2f%%, date %.2f%%)",
		exact, gold, 100*share, 100*float64(placeOK)/float64(gold), 100*float64(dateOK)/float64(gold))
	t.Logf("other datelines (no date / tables): %d, of which a dateline was found in %d", noDateGold, noDateFound)
	for _, m := range misses {
		t.Logf("miss: %s", m)
	}
	if share < 0.995 {
		t.Errorf("exact share %.4f under the gate 0.995", share)
	}
}
