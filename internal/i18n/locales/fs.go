// Package locales embeds iksplan's message files: one YAML file per
// language and area (locales/<lang>/<area>.yaml, go-i18n's nested format).
// The embed directive must sit next to the files.
package locales

import "embed"

// FS holds every <lang>/<area>.yaml file.
//
//go:embed */*.yaml
var FS embed.FS
