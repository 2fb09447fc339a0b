package main

import (
	"context"

	"github.com/attache-project/attache"
	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/neardup"
	"github.com/attache-project/attache/internal/registry"
	"github.com/attache-project/attache/internal/relations"
	"github.com/attache-project/attache/internal/store"
	"github.com/attache-project/attache/internal/store/postgres"
)

// afterPut returns what runs after each stored batch: the layers built over
// the store: near-duplicate links first (later layers skip copies), the
// actor registry, then event clusters, dyad series and tone. On a store
// shared by several workers (PostgreSQL) near-duplicate linking and
// registry learning each run under a database lock, and relations.Update
// takes its own; with relations false (PostgreSQL without ordered writes)
// clustering is left out.
func afterPut(st store.SQLStore, withRelations bool) func(ctx context.Context, stored []*doc.Analysis) error {
	db := st.SQLDB()
	return func(ctx context.Context, stored []*doc.Analysis) error {
		// Near-duplicates first: layers that count stories skip copies.
		if err := serialized(ctx, st, postgres.NeardupLock, func() error {
			_, err := neardup.AddAnalyses(ctx, db, stored)
			return err
		}); err != nil {
			return err
		}
		if err := serialized(ctx, st, postgres.RegistryLock, func() error { return registry.Learn(ctx, db, stored) }); err != nil {
			return err
		}
		if !withRelations {
			return nil
		}
		_, err := relations.Update(ctx, db, relations.Options{})
		return err
	}
}

// serialized runs fn under the store's lock key when the store is shared
// by several processes, else directly.
func serialized(ctx context.Context, st store.Store, key int64, fn func() error) error {
	if s, ok := st.(store.Serializer); ok {
		return s.Serialized(ctx, key, fn)
	}
	return fn()
}

// withRegistry loads the stored actor registry into the analyzer options.
func withRegistry(ctx context.Context, st store.SQLStore, ao *attache.Options) error {
	reg, err := registry.Load(ctx, st.SQLDB())
	if err != nil {
		return err
	}
	ao.Registry = reg
	return nil
}
