package doc

import "testing"

// TestFixedMessagesKeepNoFailure checks that the memo of placeholder-free
// messages (lang.go: fixed) never keeps a failure: every translator that
// asks for a missing message reports it, not only the first; and a memoised
// message prints what it printed the first time.
func TestFixedMessagesKeepNoFailure(t *testing.T) {
	for _, lang := range []string{langEN, langJA} {
		for i := range 2 {
			tr, err := newTranslator(lang)
			if err != nil {
				t.Fatal(err)
			}
			if s := tr.t("no.such.message"); s != "" || tr.err == nil {
				t.Errorf("%s, call %d: missing message gave %q, error %v; want an error", lang, i+1, s, tr.err)
			}
			first := tr.t("sec.summary")
			tr2, _ := newTranslator(lang)
			if again := tr2.t("sec.summary"); again != first || first == "" || tr2.err != nil {
				t.Errorf("%s: sec.summary printed %q, then %q (error %v)", lang, first, again, tr2.err)
			}
		}
	}
}
