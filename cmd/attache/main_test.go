package main

import (
	"bytes"
	"os"
	"os/exec"
	"testing"
)

// TestMain lets tests run the attache command in a child process: when
// ATTACHE_TEST_MAIN is set, the test binary behaves as the attache binary.
func TestMain(m *testing.M) {
	if os.Getenv("ATTACHE_TEST_MAIN") == "1" {
		os.Args = append([]string{"attache"}, os.Args[1:]...)
		os.Exit(execute())
	}
	os.Exit(m.Run())
}

// attacheCmd returns a command that runs attache with args in a child process.
func attacheCmd(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), "ATTACHE_TEST_MAIN=1")
	return cmd
}

// runAttache runs attache and returns stdout, stderr and the exit code.
func runAttache(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	cmd := attacheCmd(t, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if stdin != "" {
		cmd.Stdin = bytes.NewBufferString(stdin)
	}
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}
