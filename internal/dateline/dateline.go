// Package dateline is a placeholder being replaced by the real dateline stage.
package dateline

import (
	"context"

	"github.com/attache-project/attache/internal/doc"
)

// Options configures the stage.
type Options struct{ DefaultYear int }

// Stage is the dateline annotator.
type Stage struct{}

// New returns the stage.
func New(opts Options) (*Stage, error) { return &Stage{}, nil }

// Name implements doc.Stage.
func (*Stage) Name() string { return "dateline" }

// Process implements doc.Stage.
func (*Stage) Process(ctx context.Context, a *doc.Analysis) error { return nil }
