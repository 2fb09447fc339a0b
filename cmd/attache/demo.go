package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"github.com/attache-project/attache"
	"github.com/attache-project/attache/internal/demo"
	"github.com/attache-project/attache/internal/run"
	"github.com/attache-project/attache/internal/store"
	"github.com/spf13/cobra"
)

func init() {
	c := &cobra.Command{
		Use:   "demo",
		Short: "Ingest the built-in sample corpus and show what attache files from it",
		Long: `Ingest the built-in sample corpus (wire stories about diplomatic events of 2021-2022,
written for attache) into a fresh database and print a summary of what was found.
Without --db the database is temporary and removed at the end.`,
		Example: `  attache demo
  attache demo --serve
  attache demo --db demo.db && attache events --db demo.db --dyad RUS-USA`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			docs, err := demo.Documents()
			if err != nil {
				return err
			}
			path, _ := c.Flags().GetString("db")
			if path == "" {
				dir, err := os.MkdirTemp("", "attache-demo-")
				if err != nil {
					return err
				}
				defer os.RemoveAll(dir)
				path = filepath.Join(dir, "demo.db")
			} else if _, err := os.Stat(path); err == nil {
				return usagef("%s exists: the demo writes a fresh database (remove it or choose another --db)", path)
			}
			dict, _ := c.Flags().GetString("dict")
			an, err := attache.New(attache.Options{DictDir: dict})
			if err != nil {
				return err
			}
			st, err := store.Open(c.Context(), path)
			if err != nil {
				return err
			}
			defer st.Close()
			sum, err := run.Ingest(c.Context(), an, st, run.Options{Docs: docs, Workers: runtime.NumCPU(), Stderr: os.Stderr, AfterPut: afterPut(st, true)})
			if err != nil {
				return err
			}
			out := c.OutOrStdout()
			fmt.Fprintf(out, "attache demo: %d stories from %s\n", len(docs), "the built-in corpus")
			sum.Print(out, "stored")
			if err := demoReport(c.Context(), out, st); err != nil {
				return err
			}
			if keep, _ := c.Flags().GetString("db"); keep != "" {
				fmt.Fprintf(out, "\ndatabase: %s (try: attache show --db %s demo-002)\n", keep, keep)
			}
			if serve, _ := c.Flags().GetBool("serve"); serve {
				// The deferred cleanup removes a temporary database only
				// once the server has stopped.
				return serveStore(c, st, path)
			}
			return nil
		},
	}
	c.Flags().Bool("serve", false, "after the demo, serve the API and dashboard on the demo database (see attache serve)")
	addServeFlags(c)
	rootCmd.AddCommand(c)
}
