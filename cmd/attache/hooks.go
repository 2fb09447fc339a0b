package main

import (
	"context"

	"github.com/attache-project/attache"
	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/neardup"
	"github.com/attache-project/attache/internal/registry"
	"github.com/attache-project/attache/internal/relations"
	"github.com/attache-project/attache/internal/store"
)

// afterPut returns what runs after each stored batch: the layers built over
// the store: near-duplicate links first (later layers skip copies), the
// actor registry, then event clusters, dyad series and tone.
func afterPut(st *store.SQLite) func(ctx context.Context, stored []*doc.Analysis) error {
	return func(ctx context.Context, stored []*doc.Analysis) error {
		// Near-duplicates first: layers that count stories skip copies.
		if _, err := neardup.AddAnalyses(ctx, st.DB(), stored); err != nil {
			return err
		}
		if err := registry.Learn(ctx, st.DB(), stored); err != nil {
			return err
		}
		_, err := relations.Update(ctx, st.DB(), relations.Options{})
		return err
	}
}

// withRegistry loads the stored actor registry into the analyzer options.
func withRegistry(ctx context.Context, st *store.SQLite, ao *attache.Options) error {
	reg, err := registry.Load(ctx, st.DB())
	if err != nil {
		return err
	}
	ao.Registry = reg
	return nil
}
