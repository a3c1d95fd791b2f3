package i18n

import (
	"io/fs"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
)

// countingFS counts the reads of each file.
type countingFS struct {
	fs.FS
	mu    sync.Mutex
	reads map[string]int
}

func (c *countingFS) ReadFile(name string) ([]byte, error) {
	c.mu.Lock()
	c.reads[name]++
	c.mu.Unlock()
	return fs.ReadFile(c.FS, name)
}

// TestAreasParsedOnceAndOnlyWhenUsed: many goroutines asking for one area at
// once parse its file exactly once, and no other file is read.
func TestAreasParsedOnceAndOnlyWhenUsed(t *testing.T) {
	cfs := &countingFS{FS: fstest.MapFS{
		"locales/en/doc.yaml": {Data: []byte("title: \"Design\"\n")},
		"locales/ja/doc.yaml": {Data: []byte("title: \"設計\"\n")},
		"locales/en/cli.yaml": {Data: []byte("usage: \"Usage\"\n")},
	}, reads: map[string]int{}}
	files := lazyFiles(cfs)
	var wg sync.WaitGroup
	var got atomic.Int32
	for range 32 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if m, ok := files[EN]["doc"]().messages["doc.title"]; ok && m.Other == "Design" {
				got.Add(1)
			}
		}()
	}
	wg.Wait()
	if got.Load() != 32 {
		t.Errorf("%d of 32 goroutines saw doc.title", got.Load())
	}
	want := map[string]int{"locales/en/doc.yaml": 1}
	if len(cfs.reads) != len(want) || cfs.reads["locales/en/doc.yaml"] != 1 {
		t.Errorf("reads = %v, want %v", cfs.reads, want)
	}
}

// TestLoadAreaReportsABrokenFile: a file that does not parse is an error of
// its area only.
func TestLoadAreaReportsABrokenFile(t *testing.T) {
	files := lazyFiles(fstest.MapFS{
		"locales/en/doc.yaml": {Data: []byte("title: [unclosed\n")},
		"locales/en/cli.yaml": {Data: []byte("usage: \"Usage\"\n")},
	})
	if files[EN]["doc"]().err == nil {
		t.Error("broken doc.yaml parsed without error")
	}
	if err := files[EN]["cli"]().err; err != nil {
		t.Errorf("cli.yaml: %v", err)
	}
}

// BenchmarkColdCatalogue is what a fresh process pays for its messages.
// "all" is the former Load, which parsed every file of both languages into
// one bundle on first use, English render included; the others are the
// files a render now parses on first use (the CLI's flag help and the
// document's messages; a Japanese render also reads the rules, terms and
// runbook messages of both languages, since findings and runbook lines are
// looked up by their English text).
func BenchmarkColdCatalogue(b *testing.B) {
	parse := func(b *testing.B, want map[Lang][]string) {
		for b.Loop() {
			files := lazyFiles(localesFS)
			for l, areas := range want {
				for _, a := range areas {
					if f := files[l][a](); f.err != nil {
						b.Fatalf("%s/%s: %v", l, a, f.err)
					}
				}
			}
		}
	}
	b.Run("all", func(b *testing.B) {
		for b.Loop() {
			if c := parseCatalogue(localesFS); c.err != nil {
				b.Fatal(c.err)
			}
		}
	})
	b.Run("render-en", func(b *testing.B) {
		parse(b, map[Lang][]string{EN: {"cli", "doc"}})
	})
	b.Run("render-ja", func(b *testing.B) {
		parse(b, map[Lang][]string{EN: {"cli", "rules", "terms", "runbook"}, JA: {"cli", "doc", "rules", "terms", "runbook"}})
	})
}
