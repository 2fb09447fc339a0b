package main

import (
	"fmt"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/attache-project/attache/internal/server"
	"github.com/attache-project/attache/internal/store"
	"github.com/spf13/cobra"
)

func init() {
	c := &cobra.Command{
		Use:   "serve",
		Short: "Serve the HTTP API and the web dashboard over a database",
		Long: `Serve a JSON API under /api/v1 (documents, events, quotes, actors, clusters, relations,
alerts; OpenAPI at /api/v1/openapi.json), /healthz, /metrics, and the dashboard at /.
Binds to localhost by default. POST /api/v1/documents ingests documents and needs a bearer
token (--token or ATTACHE_TOKEN); without one, writes are refused. Stops gracefully on
SIGINT or SIGTERM. See docs/server.md.`,
		Example: `  attache serve --db news.db
  attache serve --db postgres://attache@db1/attache
  ATTACHE_TOKEN=s3cret attache serve --db news.db --addr 127.0.0.1:9000
  attache demo --serve`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			st, err := openExisting(c)
			if err != nil {
				return err
			}
			defer st.Close()
			return serveStore(c, st, dbPath(c))
		},
	}
	addServeFlags(c)
	rootCmd.AddCommand(c)
}

// addServeFlags adds the server's flags (serve, demo --serve).
func addServeFlags(c *cobra.Command) {
	c.Flags().String("addr", server.DefaultAddr, "address to listen on (host:port)")
	c.Flags().String("token", "", "bearer token for POST /api/v1/documents (default $ATTACHE_TOKEN; none: writes refused)")
}

// serveStore serves st (the database at path) until SIGINT or SIGTERM.
func serveStore(c *cobra.Command, db store.Store, path string) error {
	st, ok := db.(store.SQLStore)
	if !ok {
		return fmt.Errorf("attache serve: the store of %s has no SQL handle", store.Redact(path))
	}
	addr, _ := c.Flags().GetString("addr")
	token, _ := c.Flags().GetString("token")
	if token == "" {
		token = os.Getenv("ATTACHE_TOKEN")
	}
	dict, _ := c.Flags().GetString("dict")
	// The server's writes run the same layers as ingest and worker.
	cluster := relationsInHook(st)
	srv, err := server.New(server.Options{Store: st, Token: token, DictDir: dict, AfterPut: afterPut(st, cluster), NoClustering: !cluster})
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(c.Context(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	out := c.ErrOrStderr()
	return srv.Serve(ctx, addr, func(a net.Addr) {
		fmt.Fprintf(out, "attache: serving %s on http://%s/ (API: /api/v1, docs: /api/v1/openapi.json)\n", store.Redact(path), a)
		if token == "" {
			fmt.Fprintln(out, "attache: no token set: POST /api/v1/documents is disabled (use --token or ATTACHE_TOKEN)")
		}
	})
}
