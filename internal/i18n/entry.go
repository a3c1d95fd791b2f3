package i18n

// Entry is one catalogue message: its ID and its text in each plural form
// that iksplan's languages have. CLDR gives English two cardinal forms for
// whole numbers (one for 1, other for the rest) and Japanese one (other),
// so those two are all a message holds; the message files' readers reject
// the other CLDR forms (zero, two, few, many) rather than keep text no
// language would print. iksplan's own type, not go-i18n's Message, so the
// binary does not link go-i18n and the golang.org/x/text language tables
// it pulls in, whose package inits were ~2% of every start's CPU (issue
// 15); the tests hold rendering to go-i18n's (TestRenderMatchesGoI18n).
type Entry struct {
	// ID is the message's area and key path: "rules.HA001.title".
	ID string
	// One is the text for a count of one, in a plural message; "" in a
	// plain one. Japanese never uses it.
	One string
	// Other is the text: a plain message's only one, a plural message's
	// text for every count that is not "one" in its language.
	Other string
}
