// Package render writes analyses for people to read in a terminal.
package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/attache-project/attache/internal/doc"
)

// Text writes a readable view of an analysis: metadata, dateline, then one
// section per layer.
func Text(w io.Writer, a *doc.Analysis) {
	fmt.Fprintf(w, "== %s\n", a.ID)
	if a.Title != nil {
		fmt.Fprintf(w, "title:     %s\n", *a.Title)
	}
	fmt.Fprintf(w, "source:    %s\n", orDash(a.Source))
	fmt.Fprintf(w, "published: %s\n", orDash(a.Published))
	if a.Anchor != nil {
		fmt.Fprintf(w, "anchor:    %s (from %s)\n", a.Anchor.Date, a.Anchor.From)
	}
	if d := a.Dateline; d != nil {
		place := d.Place
		if d.Region != nil {
			place += " /" + *d.Region + "/"
		}
		fmt.Fprintf(w, "dateline:  %s, %s, %s, %s\n", place, orDash(d.Country), orDash(d.Date), orDash(d.Agency))
	}
	fmt.Fprintf(w, "text:      %d bytes, %d sentences, %d tokens\n", len(a.Text), len(a.Sentences), len(a.Tokens))
	for _, m := range a.Warnings {
		fmt.Fprintf(w, "warning:   %s\n", m)
	}
	if len(a.Entities) > 0 {
		fmt.Fprintf(w, "\nactors (%d)\n", len(a.Entities))
		for _, e := range a.Entities {
			var extra []string
			if e.Code != nil {
				extra = append(extra, *e.Code)
			} else if e.Country != nil {
				extra = append(extra, *e.Country)
			}
			if e.Role != nil {
				extra = append(extra, *e.Role)
			}
			var ms []string
			seen := map[string]bool{}
			for _, m := range e.Mentions {
				if !seen[m.Text] {
					seen[m.Text] = true
					ms = append(ms, m.Text)
				}
			}
			fmt.Fprintf(w, "  %-4s %-6s %-32s %-20s %s\n", e.ID, e.Type, clip(e.Name, 32), strings.Join(extra, " "), clip(strings.Join(ms, " | "), 60))
		}
	}
	if len(a.Timexes) > 0 {
		fmt.Fprintf(w, "\ndates (%d)\n", len(a.Timexes))
		for _, t := range a.Timexes {
			fmt.Fprintf(w, "  %-9s %-16s %s\n", t.Type, t.Value, t.Text)
		}
	}
	if len(a.Quotes) > 0 {
		fmt.Fprintf(w, "\nquotes (%d)\n", len(a.Quotes))
		for _, q := range a.Quotes {
			who := "?"
			if q.Speaker != nil {
				who = q.Speaker.Text
				if q.Speaker.Entity != nil {
					if e := a.EntityByID(*q.Speaker.Entity); e != nil {
						who = e.Name
					}
				}
			}
			cue := ""
			if q.Cue != nil {
				cue = q.Cue.Lemma
			}
			fmt.Fprintf(w, "  [%s] %s (%s", q.Kind, who, cue)
			if q.Medium != nil {
				fmt.Fprintf(w, ", %s", *q.Medium)
			}
			if q.Date != nil {
				fmt.Fprintf(w, ", %s", *q.Date)
			}
			fmt.Fprintf(w, "): %s\n", clip(q.Text, 100))
		}
	}
	if len(a.Events) > 0 {
		fmt.Fprintf(w, "\nevents (%d)\n", len(a.Events))
		for _, e := range a.Events {
			fmt.Fprintf(w, "  %-4s %-5s %-10s %-8s -> %-8s %s %-10s %q\n", e.ID, e.CAMEO, e.PLOVER, actor(e.Source), actor(e.Target),
				orDash(e.Date), e.Modality, e.Text)
		}
	}
}

func actor(a *doc.Actor) string {
	if a == nil {
		return "-"
	}
	if a.Code != nil {
		return *a.Code
	}
	if a.Country != nil {
		return *a.Country
	}
	return clip(a.Text, 12)
}

func orDash(p *string) string {
	if p == nil || *p == "" {
		return "-"
	}
	return *p
}

// clip shortens s to at most n runes, marking the cut.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
