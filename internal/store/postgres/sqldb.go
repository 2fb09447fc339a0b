package postgres

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/stdlib"
)

// SQLDB returns a database/sql handle on the store's pool, for the layers
// of attache written against database/sql with SQLite's "?" placeholders
// (the actor registry): each "?" outside quotes is rewritten to $1, $2...
// before the query reaches PostgreSQL, so portable SQL runs unchanged.
// (PostgreSQL's own jsonb "?" operators therefore cannot be used through
// it.) The handle is shared and closed by Close (it holds connections of
// the store's pool); closing it earlier does not close the store.
func (s *Store) SQLDB() *sql.DB {
	s.sqlOnce.Do(func() { s.sqlDB = sql.OpenDB(rebindConnector{stdlib.GetPoolConnector(s.pool)}) })
	return s.sqlDB
}

// Serialized runs fn while holding a session-level advisory lock on key,
// so that read-modify-write work of several workers (registry learning,
// clustering) runs one at a time across machines.
func (s *Store) Serialized(ctx context.Context, key int64, fn func() error) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, key); err != nil {
		return err
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, key)
	return fn()
}

// Advisory lock keys for Serialized.
const (
	// RegistryLock serialises actor registry learning.
	RegistryLock = 0x617474616303
	// RelationsLock serialises event clustering (relations.Update takes it
	// per transaction with pg_advisory_xact_lock).
	RelationsLock = 0x617474616304
	// NeardupLock serialises near-duplicate linking, so that two workers
	// storing copies of one story at once link the second to the first.
	NeardupLock = 0x617474616305
)

// OrderedWrites reports whether write transactions make seqs visible in
// commit order (the default; see OrderedWritesParam). Layers that follow
// the tables by a seq watermark (event clustering) may only be maintained
// from the workers when it is on.
func (s *Store) OrderedWrites() bool { return s.ordered }

// rebind rewrites "?" placeholders to "$n", leaving quoted strings,
// quoted identifiers and comments alone.
func rebind(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'' || c == '"':
			j := i + 1
			for j < len(q) && q[j] != c {
				j++
			}
			b.WriteString(q[i:min(j+1, len(q))])
			i = j
		case c == '-' && i+1 < len(q) && q[i+1] == '-':
			j := strings.IndexByte(q[i:], '\n')
			if j < 0 {
				j = len(q) - i
			}
			b.WriteString(q[i : i+j])
			i += j - 1
		case c == '?':
			n++
			b.WriteString("$" + strconv.Itoa(n))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

type rebindConnector struct{ inner driver.Connector }

func (c rebindConnector) Connect(ctx context.Context) (driver.Conn, error) {
	cn, err := c.inner.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return &rebindConn{cn}, nil
}

func (c rebindConnector) Driver() driver.Driver { return c.inner.Driver() }

// rebindConn forwards everything to pgx's database/sql connection,
// rewriting the query text on the way.
type rebindConn struct{ driver.Conn }

var errUnsupported = errors.New("postgres: the database/sql connection lacks a needed interface")

func (c *rebindConn) Prepare(q string) (driver.Stmt, error) { return c.Conn.Prepare(rebind(q)) }

func (c *rebindConn) PrepareContext(ctx context.Context, q string) (driver.Stmt, error) {
	if p, ok := c.Conn.(driver.ConnPrepareContext); ok {
		return p.PrepareContext(ctx, rebind(q))
	}
	return c.Conn.Prepare(rebind(q))
}

func (c *rebindConn) QueryContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Rows, error) {
	if qc, ok := c.Conn.(driver.QueryerContext); ok {
		return qc.QueryContext(ctx, rebind(q), args)
	}
	return nil, driver.ErrSkip
}

func (c *rebindConn) ExecContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Result, error) {
	if ec, ok := c.Conn.(driver.ExecerContext); ok {
		return ec.ExecContext(ctx, rebind(q), args)
	}
	return nil, driver.ErrSkip
}

func (c *rebindConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	if bt, ok := c.Conn.(driver.ConnBeginTx); ok {
		return bt.BeginTx(ctx, opts)
	}
	return nil, errUnsupported
}

func (c *rebindConn) Ping(ctx context.Context) error {
	if p, ok := c.Conn.(driver.Pinger); ok {
		return p.Ping(ctx)
	}
	return nil
}

func (c *rebindConn) ResetSession(ctx context.Context) error {
	if r, ok := c.Conn.(driver.SessionResetter); ok {
		return r.ResetSession(ctx)
	}
	return nil
}

func (c *rebindConn) IsValid() bool {
	if v, ok := c.Conn.(driver.Validator); ok {
		return v.IsValid()
	}
	return true
}

func (c *rebindConn) CheckNamedValue(nv *driver.NamedValue) error {
	if ch, ok := c.Conn.(driver.NamedValueChecker); ok {
		return ch.CheckNamedValue(nv)
	}
	return driver.ErrSkip
}
