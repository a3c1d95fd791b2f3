package wizard

import "github.com/iksplan/iksplan/internal/i18n"

// trn formats the wizard text for a count n in the run's language: one
// when n is 1, other otherwise (both English, as the step files write
// them). Japanese has one form, so its catalogue gives both the same
// translation; the count stays a printf verb the translation may move.
func (c *Ctx) trn(n int, one, other string, args ...any) string {
	format := other
	if n == 1 {
		format = one
	}
	return c.trf(format, args...)
}

// countIn is "%d error" / "%d errors" for n in language l: a count is a
// whole message, so a language puts the number where it goes ("エラー 1").
func countIn(l i18n.Lang, n int, one, other string) string {
	if n == 1 {
		return trfIn(l, one, n)
	}
	return trfIn(l, other, n)
}
