package event

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBuiltinDictionary(t *testing.T) {
	d, err := LoadDictionary("")
	if err != nil {
		t.Fatal(err)
	}
	st := d.Stats()
	t.Logf("stats: %+v", st)
	for _, p := range d.Check() {
		t.Log(p)
	}
	if st.Roots != 20 {
		t.Errorf("roots covered = %d, want 20", st.Roots)
	}
	if st.Codes < 200 {
		t.Errorf("codes covered = %d, want >= 200", st.Codes)
	}
	if st.Patterns < 1500 {
		t.Errorf("patterns = %d, want >= 1500", st.Patterns)
	}
	for _, c := range d.Codes {
		if c.Quad < 1 || c.Quad > 4 {
			t.Errorf("code %s: quad %d", c.Code, c.Quad)
		}
	}
}

func TestUserDictionaryMerge(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "event"), 0o755); err != nil {
		t.Fatal(err)
	}
	user := `"111":
  verbs: ["excoriate", "pillory"]
"-":
  stops: ["slam * door"]
`
	if err := os.WriteFile(filepath.Join(dir, "event", "mine.yaml"), []byte(user), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := LoadDictionary(dir)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range d.Patterns {
		if p.Text == "pillory" && p.Code == "111" {
			found = true
		}
	}
	if !found {
		t.Error("user pattern not loaded")
	}
	conflict := false
	for _, p := range d.Check() {
		if strings.Contains(p, "excoriate") && strings.HasPrefix(p, "duplicate") {
			conflict = true
		}
	}
	if !conflict {
		t.Errorf("re-defined pattern not reported: %v", d.Check())
	}
	bad := `"999":
  verbs: [frobnicate]
`
	if err := os.WriteFile(filepath.Join(dir, "event", "mine.yaml"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadDictionary(dir); err == nil || !strings.Contains(err.Error(), "unknown CAMEO code") {
		t.Errorf("want an unknown-code error naming the file, got %v", err)
	}
}

func TestPatternSyntaxErrors(t *testing.T) {
	d := &Dictionary{Synsets: map[string][][]string{}}
	for _, bad := range []string{"* attack", "attack *99", "attack $X", "attack ~nosuch", "attack a||b"} {
		if _, err := d.parse(pendingPattern{code: "180", kind: KindVerb, text: bad, origin: "test"}); err == nil {
			t.Errorf("pattern %q: want an error", bad)
		}
	}
}
