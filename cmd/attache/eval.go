package main

import "github.com/spf13/cobra"

var evalCmd = &cobra.Command{
	Use:   "eval",
	Short: "Score attache against standard gold data",
	Long: `Score attache against standard gold data sets: CoNLL-2003 (entities), TimeML
(time expressions), brat attributions such as PolNeAR (quotes) and CAMEO PentaClass
sentences (events).`,
	Example: "  attache eval timeml ../shared/data/timeml/TimeBank",
}

func init() { rootCmd.AddCommand(evalCmd) }
