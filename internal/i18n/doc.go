// Package i18n is iksplan's message catalogue: every user-facing string in
// English and Japanese, chosen per run by --lang or the locale (Resolve), and
// per design by spec.documentLanguage so a re-render speaks the language the
// document was written in.
//
// The message files are in the format of github.com/nicksnyder/go-i18n/v2
// (the library the IBM Cloud CLI itself uses), the part of it English and
// Japanese need, and plurals follow CLDR rules per language rather than
// string concatenation. iksplan reads and renders them itself (Entry,
// render.go): go-i18n and the golang.org/x/text tables it brings are the
// tests' reference only, out of the binary, whose every start paid their
// package inits (issue 15). Message files are embedded: one directory per
// language and one YAML file per area of the program, so helpers working
// on different areas never edit the same file:
//
//	locales/en/rules.yaml    locales/ja/rules.yaml
//	locales/en/cli.yaml      locales/ja/cli.yaml   ...
//
// A message's ID is its area (the file name) and its YAML key path joined
// by dots: key HA001.title in rules.yaml is "rules.HA001.title".
//
// # Adding a message
//
//  1. Add the key to locales/en/AREA.yaml and the same key to
//     locales/ja/AREA.yaml. A plain string is one message; a map with one
//     and other (English) is a plural, of which Japanese needs only other
//     (CLDR's other forms, zero, two, few and many, are an error).
//  2. Placeholders are Go templates, {{.Name}}, filled from the data passed
//     to T; plurals get {{.Count}}. Catalogue strings that feed fmt (the
//     rules' hit messages, see F) use printf verbs instead, and Japanese may
//     reorder them with explicit indexes (%[2]s).
//  3. Use IBM Japan's terms: glossary.yaml lists them, with wrong variants.
//  4. go test ./internal/i18n fails when a key is in one language only,
//     when the two languages' placeholders differ, when an English message
//     uses a glossary term whose Japanese term its translation lacks, or
//     when any Japanese message uses a known wrong variant.
//
// Write the Japanese anew in IBM Japan's style (full-width punctuation 、。,
// nakaguro between katakana words of one term); don't copy sentences from the
// seed deck or IBM's pages, and when a text paraphrases the 2019 deck, say
// which slide (スライド 10).
package i18n
