package registry

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/attache-project/attache/internal/actor"
	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/store"
)

func person(docID, date, name, country, role string) *doc.Analysis {
	text := "Spokeswoman " + name + " said."
	a := doc.New(doc.Document{ID: docID, Text: text})
	a.Anchor = &doc.Anchor{Date: date, From: "published"}
	a.Sentences = []doc.Sentence{{Span: doc.S(0, len(text))}}
	a.Entities = []doc.Entity{{ID: "E1", Name: name, Type: "PERSON", Country: doc.Str(country), Sectors: []string{"GOV"}, Role: doc.Str(role),
		Mentions: []doc.Mention{{Span: doc.S(12, 12+len(name)), Text: name, Kind: actor.KindName}}}}
	return a
}

func TestLearnWidensDatesAndResolvesSurname(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "r.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	db := st.DB()
	if err := Learn(ctx, db, []*doc.Analysis{
		person("d1", "2021-03-18", "Maria Zakharova", "RUS", "spokesperson"),
		person("d2", "2022-10-08", "Maria Zakharova", "RUS", "spokesperson"),
		person("d3", "2021-05-01", "Ned Price", "USA", "spokesperson"),
	}); err != nil {
		t.Fatal(err)
	}
	rows, err := ListStored(ctx, db, "Zakharova", 0)
	if err != nil || len(rows) != 1 {
		t.Fatalf("ListStored = %+v, %v", rows, err)
	}
	z := rows[0]
	if z.FirstSeen != "2021-03-18" || z.LastSeen != "2022-10-08" || z.Mentions != 2 || len(z.Evidence) != 2 || z.Evidence[1].Doc != "d2" {
		t.Fatalf("entry not merged: %+v", z)
	}
	reg, err := Load(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	e, ok := reg.Lookup("Zakharova", "2021-06-01")
	if !ok || e.Name != "Maria Zakharova" || e.Country != "RUS" {
		t.Fatalf("surname lookup = %+v, %v", e, ok)
	}
	// A user override wins over what was learned.
	if err := Override(ctx, db, []actor.Entry{{Name: "Maria Zakharova", Type: "PERSON", Country: "RUS", Role: "director", Sectors: []string{"GOV"}}}); err != nil {
		t.Fatal(err)
	}
	reg, _ = Load(ctx, db)
	if e, _ := reg.Lookup("Zakharova", "2021-06-01"); e.Role != "director" || !e.Override {
		t.Fatalf("override not preferred: %+v", e)
	}
	if rows, _ := ListStored(ctx, db, "USA", 0); len(rows) != 1 || rows[0].Name != "Ned Price" {
		t.Fatalf("country search = %+v", rows)
	}
}
