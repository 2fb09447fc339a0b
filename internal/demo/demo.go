// Package demo holds the sample corpus of `attache demo`: wire-style stories
// written for attache that retell well-known diplomatic events of 2021-2022
// (RUS-USA, CHN-USA, RUS-UKR and others) with varied agencies and dateline
// styles, so that trends and alerts can be shown on real-looking data.
package demo

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"

	"github.com/attache-project/attache/internal/doc"
)

//go:embed corpus/stories.jsonl
var stories []byte

// Documents returns the demo corpus in date order.
func Documents() ([]doc.Document, error) {
	var out []doc.Document
	sc := bufio.NewScanner(bytes.NewReader(stories))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var d doc.Document
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, fmt.Errorf("demo corpus line %d: %w", line, err)
		}
		d.Name = fmt.Sprintf("demo:%s", d.ID)
		out = append(out, d)
	}
	return out, sc.Err()
}
