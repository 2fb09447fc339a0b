package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/attache-project/attache/internal/store"
	"github.com/spf13/cobra"
)

// openExisting opens the database for reading commands, refusing to create
// an empty SQLite file by accident: SQLite or any registered engine whose
// store exposes a database/sql handle (postgres://).
func openExisting(c *cobra.Command) (store.SQLStore, error) {
	st, err := openStore(c)
	if err != nil {
		return nil, err
	}
	sq, ok := st.(store.SQLStore)
	if !ok {
		st.Close()
		return nil, fmt.Errorf("attache %s: the store of %s has no SQL handle", c.Name(), store.Redact(dbPath(c)))
	}
	return sq, nil
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

// writeJSONLines writes rows as JSON lines, leaving <, > and & as they are
// (the output is data, not HTML).
func writeJSONLines[T any](w io.Writer, rows []T) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range rows {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return nil
}
