package main

import (
	"context"
	"fmt"
	"io"

	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/relations"
	"github.com/attache-project/attache/internal/store"
)

// demoReport prints what the demo found: the busiest dyads (happenings,
// i.e. event clusters), the alerts, and the events of one story.
func demoReport(ctx context.Context, w io.Writer, st *store.SQLite) error {
	dyads, err := relations.TopDyads(ctx, st.DB(), "", "", 20)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "\ntop dyads between countries (happenings: events merged across reports)")
	shown := 0
	for _, d := range dyads {
		if d.Source == d.Target || shown == 8 {
			continue // domestic events are not relations between countries
		}
		shown++
		fmt.Fprintf(w, "  %s -> %s  %4d\n", d.Source, d.Target, d.Clusters)
	}
	alerts, err := relations.Alerts(ctx, st.DB(), relations.AlertOptions{})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nalerts: relations turning (%d)\n", len(alerts))
	for _, a := range alerts {
		fmt.Fprintf(w, "  %s  %s -> %s  towards %s: mean Goldstein %+.1f -> %+.1f over %d happenings\n",
			a.Date, a.Source, a.Target, a.Direction, a.Before, a.After, a.Clusters)
	}
	evs, err := st.Events(ctx, store.EventFilter{DocID: "demo-002"})
	if err != nil {
		return err
	}
	if len(evs) > 0 {
		fmt.Fprintln(w, "\nevents in demo-002 (TASS, 2021-03-18)")
		for _, r := range evs {
			e := r.Event
			fmt.Fprintf(w, "  %-5s %-10s %-8s -> %-8s %s %-9s %q\n", e.CAMEO, e.PLOVER, actorLabel(e.Source), actorLabel(e.Target),
				dash(doc.Val(e.Date)), e.Modality, e.Text)
		}
	}
	fmt.Fprintln(w, "\nnext: attache events --dyad RUS-USA, attache relations RUS USA, attache demo --serve")
	return nil
}
