// Command attache reads news stories and files what happened as coded
// political events. See README.md for the commands.
package main

import (
	"os"
)

func main() {
	os.Exit(execute())
}
