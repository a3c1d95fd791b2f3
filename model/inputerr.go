package model

import "fmt"

// InputError is an answer that breaks a naming or format rule (names.go).
// Its text is English, as everywhere in the model; Format is also the
// message's English in the catalogue (internal/i18n locales/*/model.yaml),
// so a screen in another language finds the translation by Format and
// fills it with Args (the values, already quoted with QuoteValue). The
// error stays typed: callers test it with errors.As, not by its words.
type InputError struct {
	Format string
	Args   []any
}

func (e *InputError) Error() string { return fmt.Sprintf(e.Format, e.Args...) }

// inputErr returns an *InputError.
func inputErr(format string, args ...any) error { return &InputError{Format: format, Args: args} }
