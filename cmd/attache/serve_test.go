package main

import (
	"bufio"
	"encoding/json"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestDemoServe runs `attache demo --serve` on a free port, reads the API,
// stops it with SIGTERM and checks that it exits cleanly.
func TestDemoServe(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	cmd := attacheCmd(t, "demo", "--serve", "--addr", "127.0.0.1:0")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	addrc := make(chan string, 1)
	go func() {
		re := regexp.MustCompile(`serving .* on (http://[0-9.:]+/)`)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				addrc <- m[1]
			}
		}
	}()
	var base string
	select {
	case base = <-addrc:
	case <-time.After(90 * time.Second):
		t.Fatal("attache demo --serve did not start serving")
	}
	resp, err := http.Get(base + "api/v1/stats")
	if err != nil {
		t.Fatal(err)
	}
	var st struct {
		Documents int  `json:"documents"`
		Events    int  `json:"events"`
		Writable  bool `json:"writable"`
	}
	err = json.NewDecoder(resp.Body).Decode(&st)
	resp.Body.Close()
	if err != nil || st.Documents == 0 || st.Events == 0 || st.Writable {
		t.Errorf("stats of the demo server: %+v %v", st, err)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("attache demo --serve after SIGTERM: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("attache demo --serve did not stop on SIGTERM")
	}
}

// TestServeNeedsDatabase refuses to serve a database that does not exist.
func TestServeNeedsDatabase(t *testing.T) {
	_, stderr, code := runAttache(t, "", "serve", "--db", filepath.Join(t.TempDir(), "none.db"))
	if code == 0 || !strings.Contains(stderr, "no database at") {
		t.Errorf("serve without a database: exit %d, %q", code, stderr)
	}
}
