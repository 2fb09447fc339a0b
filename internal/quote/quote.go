// Package quote is a placeholder being replaced by the real quote stage.
package quote

import (
	"context"

	"github.com/attache-project/attache/internal/doc"
)

// Options configures the stage.
type Options struct{ DictDir string }

// Stage is the quote annotator.
type Stage struct{}

// New returns the stage.
func New(opts Options) (*Stage, error) { return &Stage{}, nil }

// Name implements doc.Stage.
func (*Stage) Name() string { return "quote" }

// Process implements doc.Stage.
func (*Stage) Process(ctx context.Context, a *doc.Analysis) error { return nil }
