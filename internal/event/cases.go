package event

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/attache-project/attache/internal/doc"
	"gopkg.in/yaml.v3"
)

// Case is one dictionary test case: a sentence and the event it must
// yield. Code is a CAMEO code or a prefix of one ("16" accepts any 16x);
// Source and Target are country or actor codes ("" means not checked, "-"
// means none expected); Modality is checked when set. An empty Code means
// the sentence must yield no event (guards, idioms).
type Case struct {
	Sentence string `yaml:"sentence"`
	Code     string `yaml:"code"`
	Source   string `yaml:"source"`
	Target   string `yaml:"target"`
	Modality string `yaml:"modality"`
	File     string `yaml:"-"`
}

//go:embed testdata/cases/*.yaml
var builtinCases embed.FS

// BuiltinCases returns the dictionary test cases shipped with attache.
func BuiltinCases() ([]Case, error) {
	sub, err := fs.Sub(builtinCases, "testdata/cases")
	if err != nil {
		return nil, err
	}
	return ReadCases(sub, "builtin:cases")
}

// ReadCases reads every *.yaml case file of fsys (a list of cases each).
func ReadCases(fsys fs.FS, where string) ([]Case, error) {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []Case
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		var cs []Case
		if err := yaml.Unmarshal(b, &cs); err != nil {
			return nil, fmt.Errorf("%s: %v", filepath.Join(where, n), err)
		}
		for i := range cs {
			cs[i].File = filepath.Join(where, n)
		}
		out = append(out, cs...)
	}
	return out, nil
}

// ReadCaseDir reads the case files of a directory.
func ReadCaseDir(dir string) ([]Case, error) { return ReadCases(os.DirFS(dir), dir) }

// CaseResult is the outcome of one case.
type CaseResult struct {
	Case   Case
	OK     bool
	Got    string // the events found, for the report
	Reason string
}

// RunCases analyses each case's sentence with analyze and checks that one
// of its events meets the expectation.
func RunCases(ctx context.Context, cases []Case, analyze func(context.Context, string) (*doc.Analysis, error)) ([]CaseResult, error) {
	var out []CaseResult
	for _, c := range cases {
		a, err := analyze(ctx, c.Sentence)
		if err != nil {
			return nil, fmt.Errorf("%s: %q: %w", c.File, c.Sentence, err)
		}
		out = append(out, CheckCase(c, a.Events))
	}
	return out, nil
}

// CheckCase checks events against one case.
func CheckCase(c Case, evs []doc.Event) CaseResult {
	var got []string
	for _, e := range evs {
		got = append(got, fmt.Sprintf("%s %s->%s %s [%s]", e.CAMEO, actorCode(e.Source), actorCode(e.Target), e.Modality, e.Rule))
	}
	r := CaseResult{Case: c, Got: strings.Join(got, "; ")}
	if c.Code == "" {
		r.OK = len(evs) == 0
		if !r.OK {
			r.Reason = "expected no event"
		}
		return r
	}
	for _, e := range evs {
		if !strings.HasPrefix(e.CAMEO, c.Code) {
			continue
		}
		if !actorMatches(c.Source, e.Source) || !actorMatches(c.Target, e.Target) {
			r.Reason = "code found, actors differ"
			continue
		}
		if c.Modality != "" && c.Modality != e.Modality {
			r.Reason = "code found, modality differs"
			continue
		}
		r.OK = true
		r.Reason = ""
		return r
	}
	if r.Reason == "" {
		r.Reason = "code not found"
	}
	return r
}

func actorCode(a *doc.Actor) string {
	if a == nil {
		return "-"
	}
	if a.Country != nil {
		return *a.Country
	}
	return doc.Val(a.Code)
}

func actorMatches(want string, a *doc.Actor) bool {
	switch want {
	case "":
		return true
	case "-":
		return a == nil
	}
	if a == nil {
		return false
	}
	return doc.Val(a.Country) == want || doc.Val(a.Code) == want || strings.HasPrefix(doc.Val(a.Code), want)
}
