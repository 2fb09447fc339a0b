package main

import (
	"context"

	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/store"
)

// afterPut returns what runs after each stored batch: the layers built over
// the store (event clusters, the actor registry).
func afterPut(st *store.SQLite) func(ctx context.Context, stored []*doc.Analysis) error {
	return func(ctx context.Context, stored []*doc.Analysis) error { return nil }
}
