// Package timex is a placeholder being replaced by the real timex stage.
package timex

import (
	"context"

	"github.com/attache-project/attache/internal/doc"
)

// Options configures the stage.
type Options struct{}

// Stage is the timex annotator.
type Stage struct{}

// New returns the stage.
func New(opts Options) (*Stage, error) { return &Stage{}, nil }

// Name implements doc.Stage.
func (*Stage) Name() string { return "timex" }

// Process implements doc.Stage.
func (*Stage) Process(ctx context.Context, a *doc.Analysis) error { return nil }
