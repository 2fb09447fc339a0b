// Package registry keeps attache's actor registry in the database: people
// and organisations learned across documents, each in a role over a date
// range with the evidence that taught it, and user overrides.
//
// Learning happens after each stored batch, in input order, and analyses
// read a snapshot loaded when a run starts. That keeps a run's results
// independent of the number of workers: what one document teaches is used
// by the documents of later runs, never by its concurrent neighbours.
package registry

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/attache-project/attache/internal/actor"
	"github.com/attache-project/attache/internal/doc"
)

// maxEvidence bounds the evidence kept per entry.
const maxEvidence = 5

// Load reads every stored entry into an in-memory registry.
func Load(ctx context.Context, db *sql.DB) (*actor.MemoryRegistry, error) {
	entries, err := List(ctx, db, "", 0)
	if err != nil {
		return nil, err
	}
	reg := actor.NewMemoryRegistry()
	for _, e := range entries {
		if e.Override {
			reg.Override(e)
		} else {
			reg.Learn(e)
		}
	}
	return reg, nil
}

// Learn stores what the analyses teach, in order, in one transaction.
func Learn(ctx context.Context, db *sql.DB, analyses []*doc.Analysis) error {
	var entries []actor.Entry
	for _, a := range analyses {
		entries = append(entries, actor.Learned(a)...)
	}
	if len(entries) == 0 {
		return nil
	}
	return upsert(ctx, db, entries, false)
}

// Override stores user entries that win over learned ones.
func Override(ctx context.Context, db *sql.DB, entries []actor.Entry) error {
	return upsert(ctx, db, entries, true)
}

func upsert(ctx context.Context, db *sql.DB, entries []actor.Entry, override bool) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	get, err := tx.PrepareContext(ctx, `SELECT id, sectors, aliases, first_seen, last_seen, evidence FROM actors
		WHERE name = ? AND role = ? AND country = ? AND override = ?`)
	if err != nil {
		return err
	}
	defer get.Close()
	ov := 0
	if override {
		ov = 1
	}
	for _, e := range entries {
		if strings.TrimSpace(e.Name) == "" {
			continue
		}
		var id int64
		var sectors, aliases, first, last, evJSON string
		err := get.QueryRowContext(ctx, e.Name, e.Role, e.Country, ov).Scan(&id, &sectors, &aliases, &first, &last, &evJSON)
		switch {
		case err == sql.ErrNoRows:
			ev, _ := json.Marshal(limitEvidence(e.Evidence))
			_, err = tx.ExecContext(ctx, `INSERT INTO actors(name, type, country, role, sectors, code, aliases, first_seen, last_seen, mentions, evidence, override)
				VALUES(?,?,?,?,?,?,?,?,?,1,?,?)`, e.Name, e.Type, e.Country, e.Role, strings.Join(e.Sectors, ","), e.Code,
				strings.Join(e.Aliases, "|"), e.FirstSeen, e.LastSeen, string(ev), ov)
			if err != nil {
				return err
			}
		case err != nil:
			return err
		default:
			var ev []actor.Evidence
			json.Unmarshal([]byte(evJSON), &ev)
			ev = limitEvidence(append(ev, e.Evidence...))
			evb, _ := json.Marshal(ev)
			if e.FirstSeen != "" && (first == "" || e.FirstSeen < first) {
				first = e.FirstSeen
			}
			if e.LastSeen > last {
				last = e.LastSeen
			}
			_, err = tx.ExecContext(ctx, `UPDATE actors SET sectors = ?, aliases = ?, first_seen = ?, last_seen = ?, evidence = ?,
				mentions = mentions + 1, type = CASE WHEN ? != '' THEN ? ELSE type END, code = CASE WHEN ? != '' THEN ? ELSE code END WHERE id = ?`,
				union(sectors, e.Sectors, ","), union(aliases, e.Aliases, "|"), first, last, string(evb), e.Type, e.Type, e.Code, e.Code, id)
			if err != nil {
				return err
			}
		}
	}
	return tx.Commit()
}

func limitEvidence(ev []actor.Evidence) []actor.Evidence {
	if len(ev) > maxEvidence {
		ev = ev[:maxEvidence]
	}
	if ev == nil {
		ev = []actor.Evidence{}
	}
	return ev
}

// union merges items into a sep-separated set, keeping the first order.
func union(stored string, items []string, sep string) string {
	var out []string
	seen := map[string]bool{}
	for _, s := range append(strings.Split(stored, sep), items...) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return strings.Join(out, sep)
}

func split(s, sep string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, sep)
}

// Stored is one registry row with its mention count.
type Stored struct {
	actor.Entry
	Mentions int `json:"mentions"`
}

// List returns stored entries whose name, alias, role or country contains
// search (all when empty), overrides first, then by number of mentions.
// limit <= 0 means no limit.
func List(ctx context.Context, db *sql.DB, search string, limit int) ([]actor.Entry, error) {
	rows, err := ListStored(ctx, db, search, limit)
	if err != nil {
		return nil, err
	}
	out := make([]actor.Entry, len(rows))
	for i, r := range rows {
		out[i] = r.Entry
	}
	return out, nil
}

// ListStored is List with mention counts.
func ListStored(ctx context.Context, db *sql.DB, search string, limit int) ([]Stored, error) {
	q := `SELECT name, type, country, role, sectors, code, aliases, first_seen, last_seen, mentions, evidence, override FROM actors`
	var args []any
	if search != "" {
		p := "%" + search + "%"
		q += ` WHERE name LIKE ? OR aliases LIKE ? OR role LIKE ? OR country = ? OR code LIKE ?`
		args = append(args, p, p, p, strings.ToUpper(search), strings.ToUpper(search)+"%")
	}
	q += ` ORDER BY override DESC, mentions DESC, name`
	if limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", limit)
	}
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Stored
	for rows.Next() {
		var s Stored
		var sectors, aliases, ev string
		var ov int
		if err := rows.Scan(&s.Name, &s.Type, &s.Country, &s.Role, &sectors, &s.Code, &aliases, &s.FirstSeen, &s.LastSeen, &s.Mentions, &ev, &ov); err != nil {
			return nil, err
		}
		s.Sectors, s.Aliases, s.Override = split(sectors, ","), split(aliases, "|"), ov == 1
		json.Unmarshal([]byte(ev), &s.Evidence)
		out = append(out, s)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Override && !out[j].Override })
	return out, rows.Err()
}
