package actor

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/text"
)

// sharedDir is ../shared relative to the repository root.
var sharedDir = filepath.Join("..", "..", "..", "shared")

// analyse runs the text and actor stages on a document. When the text
// opens with a wire dateline ("WASHINGTON, March 18. /TASS/."), the
// dateline is set here so that the test does not depend on the dateline
// stage.
func analyse(t testing.TB, st *Stage, body string) *doc.Analysis {
	t.Helper()
	a := doc.New(doc.Document{ID: "test", Text: body})
	if i := strings.Index(body, "/TASS/. "); i >= 0 && i < 80 {
		place := strings.TrimSpace(body[:strings.Index(body, ",")])
		if f := strings.Fields(place); len(f) > 0 {
			place = f[len(f)-1]
		}
		a.Dateline = &doc.Dateline{Place: place, Span: doc.S(0, i+7), BodyStart: i + 8}
	}
	ts, err := text.New()
	if err != nil {
		t.Fatal(err)
	}
	if err := ts.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if err := st.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if err := doc.CheckSpans(a); err != nil {
		t.Fatal(err)
	}
	return a
}

type seedEntity struct {
	Name            string   `json:"name"`
	Type            string   `json:"type"`
	Country         string   `json:"country"`
	SectorsInclude  []string `json:"sectors_include"`
	Role            string   `json:"role"`
	MentionsInclude []string `json:"mentions_include"`
}

func TestSeed(t *testing.T) {
	seed := filepath.Join(sharedDir, "seed")
	body, err := os.ReadFile(filepath.Join(seed, "tass-2021-03-18-antonov.txt"))
	if err != nil {
		t.Skip("seed not available:", err)
	}
	raw, err := os.ReadFile(filepath.Join(seed, "expected.json"))
	if err != nil {
		t.Skip("expected.json not available:", err)
	}
	var exp struct {
		Document struct {
			Dateline struct {
				Country string `json:"country"`
			} `json:"dateline"`
		} `json:"document"`
		Entities []seedEntity `json:"entities"`
	}
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatal(err)
	}
	st := stage(t)
	text := string(body)
	// The seed file opens with a " date YYYY-MM-DD " header before the
	// dateline; the body proper starts at the place name.
	a := analyse(t, st, strings.TrimPrefix(text, " date 2021-03-18 "))
	if testing.Verbose() {
		dump(t, a)
	}
	if got := doc.Val(a.Dateline.Country); got != exp.Document.Dateline.Country {
		t.Errorf("dateline country = %q, want %q", got, exp.Document.Dateline.Country)
	}
	for _, want := range exp.Entities {
		e := findEntity(a, want.Name)
		if e == nil {
			t.Errorf("no entity named %q", want.Name)
			continue
		}
		if e.Type != want.Type {
			t.Errorf("%s: type %s, want %s", want.Name, e.Type, want.Type)
		}
		if want.Country != "" && doc.Val(e.Country) != want.Country {
			t.Errorf("%s: country %q, want %q", want.Name, doc.Val(e.Country), want.Country)
		}
		for _, s := range want.SectorsInclude {
			if !containsStr(e.Sectors, s) {
				t.Errorf("%s: sectors %v lack %s", want.Name, e.Sectors, s)
			}
		}
		if want.Role != "" && doc.Val(e.Role) != want.Role {
			t.Errorf("%s: role %q, want %q", want.Name, doc.Val(e.Role), want.Role)
		}
		for _, m := range want.MentionsInclude {
			found := false
			for _, x := range e.Mentions {
				if strings.EqualFold(x.Text, m) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: no mention %q", want.Name, m)
			}
		}
	}
}

// findEntity returns the entity with the name (case-insensitive).
func findEntity(a *doc.Analysis, name string) *doc.Entity {
	for i := range a.Entities {
		if strings.EqualFold(a.Entities[i].Name, name) {
			return &a.Entities[i]
		}
	}
	return nil
}

func dump(t testing.TB, a *doc.Analysis) {
	for _, e := range a.Entities {
		var ms []string
		for _, m := range e.Mentions {
			ms = append(ms, m.Text+"/"+m.Kind)
		}
		t.Logf("%s %s %q country=%s sectors=%v role=%s code=%s: %s", e.ID, e.Type, e.Name, doc.Val(e.Country), e.Sectors, doc.Val(e.Role), doc.Val(e.Code), strings.Join(ms, " | "))
	}
}
