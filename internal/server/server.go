// Package server is attache's HTTP side: a JSON API under /api/v1 over the
// store (documents, events, quotes, actors, event clusters, dyad relations
// and alerts), document ingestion by POST, an OpenAPI 3.1 description of
// the API, Prometheus metrics, and a dashboard of plain HTML, CSS and
// JavaScript embedded in the binary (no build step, no CDN).
//
// Security: every query is parameterised (the store and the queries here
// bind values, never splice them); the dashboard builds the DOM with
// textContent only; every response carries a strict Content-Security-Policy
// and the usual hardening headers; request bodies and document lines are
// size-limited; writes need a bearer token and are refused when none is
// configured. See docs/server.md.
package server

import (
	"context"
	"crypto/subtle"
	"embed"
	"errors"
	"io/fs"
	"log"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/attache-project/attache"
	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/registry"
	"github.com/attache-project/attache/internal/store"
)

//go:embed web
var webFS embed.FS

//go:embed openapi.json
var openapiJSON []byte

// Defaults of Options.
const (
	DefaultAddr         = "127.0.0.1:8080"
	DefaultMaxBody      = 32 << 20 // bytes of one POST body
	DefaultMaxLine      = 2 << 20  // bytes of one document (one JSONL line)
	DefaultReadTimeout  = 30 * time.Second
	DefaultWriteTimeout = 60 * time.Second
	DefaultIdleTimeout  = 120 * time.Second
	// maxLimit caps the page size of every listing.
	maxLimit = 1000
)

// Options configures a Server.
type Options struct {
	// Store is the database served. Required.
	Store store.SQLStore
	// Token is the bearer token that POST requests must carry. Empty means
	// writes are refused (403).
	Token string
	// Analyzer analyses posted documents; nil means one is built for each
	// POST with DictDir and a snapshot of the stored actor registry (as
	// attache ingest does at the start of a run).
	Analyzer *attache.Analyzer
	// DictDir is the user dictionary directory for the lazily built analyzer.
	DictDir string
	// AfterPut runs after each stored ingest batch (the CLI's hooks).
	AfterPut func(ctx context.Context, stored []*doc.Analysis) error
	// NoClustering stops the server from clustering new events itself
	// (PostgreSQL written without ordered writes, where a seq watermark
	// may skip rows committed late); the relations are then served as
	// they are.
	NoClustering bool
	// MaxBody limits a POST body in bytes (default DefaultMaxBody).
	MaxBody int64
	// MaxLine limits one posted document / JSONL line in bytes (default
	// DefaultMaxLine).
	MaxLine int
	// Logger receives request errors; nil means the standard logger.
	Logger *log.Logger
}

// Server serves the API and the dashboard over one store.
type Server struct {
	opts    Options
	st      store.SQLStore
	mux     *http.ServeMux
	metrics *metrics
	log     *log.Logger

	an    *attache.Analyzer
	cache aggCache

	// bg is the context of background work (clustering); Serve cancels it
	// when it stops.
	bg     context.Context
	stopBg context.CancelFunc

	// writeMu serialises ingestion and relation updates: SQLite has one
	// writer at a time, and serialising here keeps requests from queueing
	// on the busy timeout.
	writeMu     sync.Mutex
	relMu       sync.Mutex
	relChecked  time.Time
	relationsOK bool
}

// New builds a server over opts.Store.
func New(opts Options) (*Server, error) {
	if opts.Store == nil {
		return nil, errors.New("server: no store")
	}
	if opts.MaxBody <= 0 {
		opts.MaxBody = DefaultMaxBody
	}
	if opts.MaxLine <= 0 {
		opts.MaxLine = DefaultMaxLine
	}
	s := &Server{opts: opts, st: opts.Store, mux: http.NewServeMux(), metrics: newMetrics(), log: opts.Logger, an: opts.Analyzer}
	s.bg, s.stopBg = context.WithCancel(context.Background())
	if s.log == nil {
		s.log = log.Default()
	}
	for _, r := range s.routes() {
		s.mux.Handle(r.Method+" "+r.Pattern, r.Handler)
	}
	web, err := fs.Sub(webFS, "web")
	if err != nil {
		return nil, err
	}
	static := http.FileServerFS(web)
	s.mux.Handle("GET /", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Files only: no directory listings.
		if r.URL.Path != "/" && strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r)
			return
		}
		static.ServeHTTP(w, r)
	}))
	s.mux.Handle("GET /api/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such API route: "+r.URL.Path)
	}))
	return s, nil
}

// Handler returns the server's HTTP handler with its middleware: security
// headers, metrics and panic recovery.
func (s *Server) Handler() http.Handler {
	return s.secure(s.instrument(s.recoverer(s.mux)))
}

// Serve listens on addr and serves until ctx is cancelled, then shuts down
// gracefully (in-flight requests get up to ten seconds). ready, when not
// nil, receives the listening address once the socket is open.
func (s *Server) Serve(ctx context.Context, addr string, ready func(net.Addr)) error {
	if addr == "" {
		addr = DefaultAddr
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadTimeout:       DefaultReadTimeout,
		ReadHeaderTimeout: 10 * time.Second,
		WriteTimeout:      DefaultWriteTimeout,
		IdleTimeout:       DefaultIdleTimeout,
		MaxHeaderBytes:    1 << 16,
		ErrorLog:          s.log,
	}
	// Cluster what is stored but not yet clustered, in the background: a
	// large backlog (a big attache ingest) must not delay the dashboard.
	defer s.stopBg()
	go s.refreshRelations(s.bg, true)
	if ready != nil {
		ready(ln.Addr())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// contentSecurityPolicy allows only the server's own scripts, styles and
// API: no inline scripts, no framing, no plugins.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
	"font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// secure sets the hardening headers on every response.
func (s *Server) secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		if strings.HasPrefix(r.URL.Path, "/api/") {
			h.Set("Cache-Control", "no-store")
		}
		next.ServeHTTP(w, r)
	})
}

// recoverer turns a panicking handler into a 500 instead of a dropped
// connection.
func (s *Server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Printf("attache serve: panic in %s %s: %v", r.Method, r.URL.Path, v)
				writeError(w, http.StatusInternalServerError, "internal error")
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// authorize checks the bearer token of a write request and writes the
// refusal when it fails.
func (s *Server) authorize(w http.ResponseWriter, r *http.Request) bool {
	if s.opts.Token == "" {
		writeError(w, http.StatusForbidden, "writes are disabled: start attache serve with --token or ATTACHE_TOKEN to accept documents")
		return false
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(s.opts.Token)) != 1 {
		w.Header().Set("WWW-Authenticate", `Bearer realm="attache"`)
		writeError(w, http.StatusUnauthorized, "a valid bearer token is required (Authorization: Bearer <token>)")
		return false
	}
	return true
}

// analyzer returns the analyzer of one ingest request: the configured one,
// or one reading the registry as stored now.
func (s *Server) analyzer(ctx context.Context) (*attache.Analyzer, error) {
	if s.an != nil {
		return s.an, nil
	}
	ao := attache.Options{DictDir: s.opts.DictDir}
	if s.hasTable(ctx, "actors") {
		reg, err := registry.Load(ctx, s.st.SQLDB())
		if err != nil {
			return nil, err
		}
		ao.Registry = reg
	}
	return attache.New(ao)
}

// hasTable reports whether the database has a table (features of newer
// schemas degrade to 501 on older databases).
func (s *Server) hasTable(ctx context.Context, name string) bool {
	ok, err := store.HasTables(ctx, s.st.SQLDB(), name)
	return err == nil && ok
}
