package i18n

import "embed"

// localesFS is the message files, for the tests that parse them
// (TestCompiledCatalogueIsCurrent generates compiled_gen.go from them).
// The binary reads compiled_gen.go and does not hold the files.
//
//go:embed locales
var localesFS embed.FS
