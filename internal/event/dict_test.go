package event

import (
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
