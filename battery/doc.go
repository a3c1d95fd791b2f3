// Package battery holds iksplan's bad-input and fault battery (issue 11):
// hostile strings in every free-text field found by walking the design's
// schema, a field-level fuzz target, YAML bombs with time and memory
// bounds, and file-safety cases (symlinks, umask, kill -9 during render,
// signals) run against the built binary. It has no code of its own besides
// these tests; `go test ./battery` runs it and .ci/run fuzzes FuzzFields.
package battery
