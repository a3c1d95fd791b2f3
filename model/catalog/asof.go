package catalog

import (
	"bytes"
	"strconv"
)

// EmbeddedAsOf returns the embedded catalog's asOf date without parsing
// the catalog: `iksplan version` needs only the date, and parsing and
// checking the whole catalog was most of that command's time. It reads the
// top-level `asOf:` line; TestEmbeddedAsOf keeps it equal to Default().AsOf.
func EmbeddedAsOf() string {
	for line := range bytes.SplitSeq(embedded, []byte("\n")) {
		rest, ok := bytes.CutPrefix(line, []byte("asOf:"))
		if !ok {
			continue
		}
		v := string(bytes.TrimSpace(rest))
		if u, err := strconv.Unquote(v); err == nil {
			return u
		}
		return v
	}
	return ""
}
