package server

import (
	"context"
	"fmt"
	"net/http"
	"sync"
)

// The overview's aggregates (stats, timeline, top dyads) scan whole tables
// (hundreds of milliseconds on a million events). Their answers change
// only when rows are added, so they are cached under the database's
// generation: the largest document, event and cluster sequence numbers,
// which SQLite reads in constant time.

// aggCache holds cached aggregate responses by request URI.
type aggCache struct {
	mu      sync.Mutex
	gen     string
	entries map[string][]byte
}

// maxCacheEntries bounds the cache (distinct query strings).
const maxCacheEntries = 256

// generation identifies the database's content for the aggregates.
func (s *Server) generation(ctx context.Context) (string, error) {
	var d, e int64
	if err := s.st.SQLDB().QueryRowContext(ctx, `SELECT COALESCE((SELECT MAX(seq) FROM documents), 0), COALESCE((SELECT MAX(seq) FROM events), 0)`).Scan(&d, &e); err != nil {
		return "", err
	}
	var c int64
	if s.refreshRelations(ctx, false) {
		if err := s.st.SQLDB().QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM rel_clusters`).Scan(&c); err != nil {
			return "", err
		}
	}
	return fmt.Sprintf("%d/%d/%d", d, e, c), nil
}

// cached serves a GET from the cache when the database has not changed
// since it was computed, and otherwise runs f and keeps a 200 answer.
func (s *Server) cached(f func(http.ResponseWriter, *http.Request) error) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		gen, err := s.generation(r.Context())
		if err != nil {
			return err
		}
		key := r.URL.RequestURI()
		s.cache.mu.Lock()
		if s.cache.gen != gen {
			s.cache.gen, s.cache.entries = gen, map[string][]byte{}
		}
		body, ok := s.cache.entries[key]
		s.cache.mu.Unlock()
		if ok {
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			w.Header().Set("X-Cache", "hit")
			w.Write(body)
			return nil
		}
		rec := &recorder{ResponseWriter: w}
		if err := f(rec, r); err != nil {
			return err
		}
		if rec.code == http.StatusOK {
			s.cache.mu.Lock()
			if s.cache.gen == gen && len(s.cache.entries) < maxCacheEntries {
				s.cache.entries[key] = rec.body
			}
			s.cache.mu.Unlock()
		}
		return nil
	}
}

// recorder passes a response through and keeps a copy of its body.
type recorder struct {
	http.ResponseWriter
	code int
	body []byte
}

func (r *recorder) WriteHeader(code int) {
	r.code = code
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.code == 0 {
		r.code = http.StatusOK
	}
	r.body = append(r.body, b...)
	return r.ResponseWriter.Write(b)
}
