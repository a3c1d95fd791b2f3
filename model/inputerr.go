package model

import "fmt"

// InputError is an answer that breaks a naming or format rule (names.go),
// or a part of a design file the strict load refuses (load.go, enum and
// range checks). Its text is English, as everywhere in the model; Format
// is also the message's English in the catalogue (internal/i18n
// locales/*/model.yaml), so a screen in another language finds the
// translation by Format and fills it with Args (the values, already quoted
// with QuoteValue, and Phrases). The error stays typed: callers test it
// with errors.As, not by its words.
type InputError struct {
	Format string
	Args   []any
}

func (e *InputError) Error() string { return fmt.Sprintf(e.Format, e.Args...) }

// inputErr returns an *InputError.
func inputErr(format string, args ...any) error { return &InputError{Format: format, Args: args} }

// Phrase is a fixed English phrase the model passes as an argument of a
// message ("a whole number", "a list"): a screen in another language swaps
// it for its translation in the terms catalogue (locales/*/terms.yaml). It
// is typed so that only these phrases are swapped, never a design value
// that happens to read the same (a pool named "text").
type Phrase string
