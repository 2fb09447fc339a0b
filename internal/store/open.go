package store

import (
	"context"
	"fmt"
	"strings"
	"sync"
)

// Opener opens a Store from a DSN. Engines other than SQLite register one
// with RegisterEngine so that this package does not depend on their
// drivers (internal/store/postgres registers "postgres" and "postgresql").
type Opener func(ctx context.Context, dsn string) (Store, error)

var (
	enginesMu sync.RWMutex
	engines   = map[string]Opener{}
)

// RegisterEngine makes OpenAny open DSNs of the form scheme://... with
// open. It is called from the init function of an engine's package.
func RegisterEngine(scheme string, open Opener) {
	enginesMu.Lock()
	defer enginesMu.Unlock()
	engines[strings.ToLower(scheme)] = open
}

// Scheme returns the lower-cased URL scheme of a DSN ("postgres" for
// "postgres://host/db"), or "" for a plain file path.
func Scheme(dsn string) string {
	i := strings.Index(dsn, "://")
	if i <= 0 {
		return ""
	}
	return strings.ToLower(dsn[:i])
}

// OpenAny opens the store named by dsn: a registered engine for a URL
// whose scheme has one (postgres://, postgresql://), SQLite for a file path
// or a file: / sqlite:// URL.
func OpenAny(ctx context.Context, dsn string) (Store, error) {
	switch sch := Scheme(dsn); sch {
	case "":
		return Open(ctx, dsn)
	case "sqlite", "file":
		return Open(ctx, dsn[len(sch)+3:])
	default:
		enginesMu.RLock()
		open := engines[sch]
		enginesMu.RUnlock()
		if open == nil {
			return nil, fmt.Errorf("database %s: no store for %s:// (known: sqlite file paths%s)", redact(dsn), sch, known())
		}
		return open(ctx, dsn)
	}
}

func known() string {
	enginesMu.RLock()
	defer enginesMu.RUnlock()
	var s string
	for k := range engines {
		s += ", " + k + "://"
	}
	return s
}

// redact hides the password of a DSN for messages.
func redact(dsn string) string {
	at := strings.LastIndex(dsn, "@")
	i := strings.Index(dsn, "://")
	if at < 0 || i < 0 || at < i {
		return dsn
	}
	user := dsn[i+3 : at]
	if j := strings.Index(user, ":"); j >= 0 {
		user = user[:j] + ":xxxxx"
	}
	return dsn[:i+3] + user + dsn[at:]
}

// Redact hides the password of a DSN so that it can be printed.
func Redact(dsn string) string { return redact(dsn) }
