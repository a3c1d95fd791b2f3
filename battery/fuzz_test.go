package battery

import (
	"testing"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/model/presets"
)

// FuzzFields mutates one free-text field of a valid design at a time —
// the field picked by index among those the schema walk finds, the value
// from the fuzzer — and takes it through load, rules and render, where
// byte-level FuzzLoad rarely arrives (few mutated files even load). Each
// value must be refused at its path and line, or render a runbook that
// parses with the same command count as a harmless value there and
// manifests with the same document count.
func FuzzFields(f *testing.F) {
	cat := catalog.Default()
	var hs []*harness
	var fields [][]field
	var wants [][]*shape // the harmless value's shape per field, computed on first use
	for _, p := range presets.All() {
		d, err := p.Design()
		if err != nil {
			f.Fatal(err)
		}
		h := newHarness(cat, d)
		fs := freeTextFields(d)
		hs, fields, wants = append(hs, h), append(fields, fs), append(wants, make([]*shape, len(fs)))
	}
	for i, v := range hostileStrings("/tmp/iksplan-fuzz-marker") {
		f.Add(uint8(i%len(hs)), uint16(i*7), v)
	}
	f.Add(uint8(0), uint16(0), "shop")
	f.Fuzz(func(t *testing.T, which uint8, at uint16, v string) {
		k := int(which) % len(hs)
		h := hs[k]
		i := int(at) % len(fields[k])
		fl := fields[k][i]
		if wants[k][i] == nil {
			wants[k][i] = h.baseline(fl)
		}
		h.runbooks = map[[32]byte]runbookCase{} // no batch checks here: keep memory flat
		if o, detail := h.try(fl, v, wants[k][i]); o == unsafe {
			t.Fatalf("%s = %s: %s", fl.Path, model.QuoteValue(v), detail)
		}
	})
}
