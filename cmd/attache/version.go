package main

import (
	"fmt"
	"runtime"

	"github.com/attache-project/attache"
	"github.com/spf13/cobra"
)

func init() {
	rootCmd.AddCommand(&cobra.Command{
		Use:     "version",
		Short:   "Print the version of attache and of its analysis schema",
		Example: "  attache version",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprintf(cmd.OutOrStdout(), "attache %s (schema %s, %s %s/%s)\n", attache.Version, attache.Schema, runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return nil
		},
	})
}
