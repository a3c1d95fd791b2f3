// Package templates embeds the text templates of the design document and
// the runbook. Go's embed cannot reach parent directories, so the embed
// directive lives next to the files; render parses them once.
//
// Templates get typed view-models from render and do no arithmetic: every
// number arrives formatted. They run with missingkey=error.
package templates

import "embed"

// FS holds every *.tmpl file of this directory.
//
//go:embed *.tmpl
var FS embed.FS
