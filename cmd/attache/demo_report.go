package main

import (
	"context"
	"fmt"
	"io"

	"github.com/attache-project/attache/internal/store"
)

// demoReport prints what the demo found: the busiest dyads and a few events.
func demoReport(ctx context.Context, w io.Writer, st *store.SQLite) error {
	rows, err := st.DB().QueryContext(ctx, `SELECT src_country, tgt_country, COUNT(*), ROUND(SUM(goldstein),1)
		FROM events WHERE src_country IS NOT NULL AND tgt_country IS NOT NULL AND src_country != tgt_country
		GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 8`)
	if err != nil {
		return err
	}
	defer rows.Close()
	fmt.Fprintln(w, "\ntop dyads (events, sum Goldstein)")
	for rows.Next() {
		var s, t string
		var n int
		var g float64
		if err := rows.Scan(&s, &t, &n, &g); err != nil {
			return err
		}
		fmt.Fprintf(w, "  %s -> %s  %4d  %+7.1f\n", s, t, n, g)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	evs, err := st.Events(ctx, store.EventFilter{DocID: "demo-002"})
	if err != nil {
		return err
	}
	if len(evs) > 0 {
		fmt.Fprintln(w, "\nevents in demo-002 (TASS, 2021-03-18)")
		for _, r := range evs {
			e := r.Event
			src, tgt := "-", "-"
			if e.Source != nil && e.Source.Code != nil {
				src = *e.Source.Code
			}
			if e.Target != nil && e.Target.Code != nil {
				tgt = *e.Target.Code
			}
			date := "-"
			if e.Date != nil {
				date = *e.Date
			}
			fmt.Fprintf(w, "  %-5s %-10s %-8s -> %-8s %s %-9s %q\n", e.CAMEO, e.PLOVER, src, tgt, date, e.Modality, e.Text)
		}
	}
	return nil
}
