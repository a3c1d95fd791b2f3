package catalog

import "testing"

func TestEmbeddedAsOf(t *testing.T) {
	if got, want := EmbeddedAsOf(), Default().AsOf; got != want || got == "" {
		t.Fatalf("EmbeddedAsOf() = %q, the parsed catalog says %q", got, want)
	}
}

func BenchmarkStartupCatalog(b *testing.B) {
	b.Run("EmbeddedAsOf", func(b *testing.B) {
		for b.Loop() {
			EmbeddedAsOf()
		}
	})
	b.Run("Parse", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Parse(embedded, "embedded catalog"); err != nil {
				b.Fatal(err)
			}
		}
	})
}
