package i18n

import "sync"

// compiledArea is one embedded message file as parseFile reads it: its
// messages sorted by ID, the IDs prefixed with the area, the Japanese
// counters joined. compiled_gen.go holds every file of locales/ so, as
// static data: a run reads its messages without parsing the YAML, which
// (readFlat and the tree walk of flatMessages, the sort, the map) was
// about 9% of `iksplan render`'s CPU, by perf (issue 15).
// TestCompiledCatalogueIsCurrent fails when compiled_gen.go and the
// files differ; -update rewrites it.
type compiledArea struct {
	lang Lang
	area string
	msgs []Entry
}

// compiledFiles is lazyFiles of the embedded catalogue, from
// compiledAreas.
func compiledFiles() map[Lang]map[string]func() *areaFile {
	out := map[Lang]map[string]func() *areaFile{}
	for _, l := range Langs {
		out[l] = map[string]func() *areaFile{}
	}
	for i := range compiledAreas {
		c := &compiledAreas[i]
		out[c.lang][c.area] = sync.OnceValue(func() *areaFile { return compiledArea2File(c) })
	}
	return out
}

// compiledArea2File is the areaFile of c, as parseArea makes it.
func compiledArea2File(c *compiledArea) *areaFile {
	msgs := make([]*Entry, len(c.msgs))
	for i := range c.msgs {
		msgs[i] = &c.msgs[i]
	}
	return newAreaFile(msgs, nil)
}
