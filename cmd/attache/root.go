package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

// Exit codes of the attache command.
const (
	exitOK      = 0 // success
	exitPartial = 1 // some documents failed (each reported on stderr)
	exitUsage   = 2 // usage error: bad flags or arguments
)

// errPartial marks a run in which some documents failed; they have already
// been reported on stderr.
var errPartial = errors.New("some documents failed")

// usageError marks a usage error (exit code 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

var rootCmd = &cobra.Command{
	Use:   "attache",
	Short: "Read news and file what happened: actors, dates, quotes and coded events",
	Long: `attache reads news stories and files what happened: who did or said what to whom,
when and where, and what it means for relations between countries. It codes events in
CAMEO and PLOVER, keeps an embedded database, and exports GDELT-compatible data.`,
	Example: `  attache demo
  attache analyze story.txt
  attache ingest --db news.db corpus/
  attache show sha256:1f2e...`,
	SilenceUsage:  true,
	SilenceErrors: true,
}

func init() {
	rootCmd.PersistentFlags().String("db", "", "database path or DSN (default $ATTACHE_DB or attache.db)")
	rootCmd.PersistentFlags().String("dict", "", "directory of user dictionaries merged over the built-in ones")
	rootCmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageError{err} })
}

// dbPath returns the database named by --db, $ATTACHE_DB or the default.
func dbPath(cmd *cobra.Command) string {
	if p, _ := cmd.Flags().GetString("db"); p != "" {
		return p
	}
	if p := os.Getenv("ATTACHE_DB"); p != "" {
		return p
	}
	return "attache.db"
}

// execute runs the command line and maps errors to exit codes.
func execute() int {
	err := rootCmd.Execute()
	if err == nil {
		return exitOK
	}
	if errors.Is(err, errPartial) {
		return exitPartial
	}
	fmt.Fprintln(os.Stderr, "attache:", err)
	var ue usageError
	if errors.As(err, &ue) || isCobraUsage(err) {
		return exitUsage
	}
	return exitPartial
}

// isCobraUsage recognises cobra's own argument errors, which are not typed.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand", "accepts ", "requires at least", "requires at most", "invalid argument"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}
