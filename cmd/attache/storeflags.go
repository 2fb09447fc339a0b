package main

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/attache-project/attache/internal/store"
	"github.com/spf13/cobra"
)

// openExisting opens the database for reading commands, refusing to create
// an empty one by accident.
func openExisting(c *cobra.Command) (*store.SQLite, error) {
	path := dbPath(c)
	if !strings.Contains(path, "://") {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("no database at %s (run attache ingest or attache demo --db %s first, or pass --db)", path, path)
		}
	}
	if sch := store.Scheme(path); sch != "" && sch != "sqlite" && sch != "file" {
		return nil, fmt.Errorf("attache %s reads SQLite databases only for now; %s:// databases are served by the commands that use openStore", c.Name(), sch)
	}
	return store.Open(c.Context(), path)
}

// openStore opens the database named by --db for commands that need only
// the store.Store interface: SQLite (refusing to create an empty file) or
// any registered engine (postgres://).
func openStore(c *cobra.Command) (store.Store, error) {
	path := dbPath(c)
	if store.Scheme(path) == "" {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("no database at %s (run attache ingest or attache demo --db %s first, or pass --db)", path, path)
		}
	}
	return store.OpenAny(c.Context(), path)
}

// dateFlag reads a YYYY-MM-DD flag.
func dateFlag(c *cobra.Command, name string) (string, error) {
	v, _ := c.Flags().GetString(name)
	if v == "" {
		return "", nil
	}
	if _, err := time.Parse("2006-01-02", v); err != nil {
		return "", usagef("--%s must be a date YYYY-MM-DD, not %q", name, v)
	}
	return v, nil
}
