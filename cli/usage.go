package cli

import "strings"

// isCobraUsageError recognises the argument errors cobra returns as plain
// errors (unknown command, wrong number of arguments, unknown flag).
func isCobraUsageError(err error) bool {
	msg := err.Error()
	for _, s := range []string{"unknown command", "accepts ", "requires at least", "requires at most", "unknown flag", "unknown shorthand flag", "flag needs an argument", "invalid argument"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}
