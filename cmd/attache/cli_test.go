package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExitCodes checks the documented exit codes: 0 success, 1 some
// documents failed (named on stderr), 2 usage error.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte(" date 2021-03-18 MOSCOW, March 18. /TASS/. Russia said on Wednesday it would recall its envoy."), 0o644)
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte("{\"text\":\"Kyiv said on Monday it had expelled a diplomat.\"}\n{not json\n{\"id\":\"x\"}\n"), 0o644)

	tests := []struct {
		name    string
		args    []string
		code    int
		stderr  []string
		stdoutN int // JSON lines on stdout
	}{
		{"one good file", []string{"analyze", good}, 0, nil, 1},
		{"empty file fails alone", []string{"analyze", good, empty}, 1, []string{"empty.txt"}, 1},
		{"bad jsonl lines named", []string{"analyze", bad}, 1, []string{"bad.jsonl:2", "bad.jsonl:3"}, 1},
		{"missing path", []string{"analyze", filepath.Join(dir, "nope.txt"), good}, 1, []string{"nope.txt"}, 1},
		{"bad format", []string{"analyze", "--format", "xml", good}, 2, []string{"--format"}, 0},
		{"bad published", []string{"analyze", "--published", "soon", good}, 2, []string{"published"}, 0},
		{"unknown flag", []string{"analyze", "--frobnicate", good}, 2, []string{"unknown flag"}, 0},
		{"unknown command", []string{"frobnicate"}, 2, []string{"unknown command"}, 0},
		{"show without db", []string{"show", "--db", filepath.Join(dir, "none.db"), "abc"}, 1, []string{"no database"}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runAttache(t, "", tc.args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tc.code, stderr)
			}
			for _, s := range tc.stderr {
				if !strings.Contains(stderr, s) {
					t.Errorf("stderr does not mention %q: %s", s, stderr)
				}
			}
			n := 0
			for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
				if line == "" {
					continue
				}
				var m map[string]any
				if err := json.Unmarshal([]byte(line), &m); err != nil {
					t.Fatalf("stdout line is not JSON: %v: %q", err, line)
				}
				n++
			}
			if n != tc.stdoutN {
				t.Errorf("%d analyses on stdout, want %d", n, tc.stdoutN)
			}
		})
	}
}

// TestHelpHasExamples checks that every command documents itself with examples.
func TestHelpHasExamples(t *testing.T) {
	for _, c := range rootCmd.Commands() {
		if c.Name() == "help" || c.Name() == "completion" {
			continue
		}
		if c.Short == "" {
			t.Errorf("%s has no short description", c.Name())
		}
		if c.Example == "" && !c.HasSubCommands() {
			t.Errorf("%s --help has no examples", c.Name())
		}
		for _, sub := range c.Commands() {
			if sub.Example == "" {
				t.Errorf("%s %s --help has no examples", c.Name(), sub.Name())
			}
		}
	}
}
