package rules

import (
	"os"
	"testing"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

// BenchmarkLoadEvaluate is what `iksplan render` and `check` spend on a
// design before rendering: the strict Load of the largest preset's file
// and one rule run with its lines (cli.loadAndJudge). Its allocations are
// fresh heap pages, and page faults, in a one-shot process (issue 15).
func BenchmarkLoadEvaluate(b *testing.B) {
	data, err := os.ReadFile("../presets/tokyo-vpc-production.yaml")
	if err != nil {
		b.Fatal(err)
	}
	cat := catalog.Default()
	b.ReportAllocs()
	for b.Loop() {
		d, src, err := model.Load(data, "design.yaml")
		if err != nil {
			b.Fatal(err)
		}
		Evaluate(d, cat, src)
	}
}

// BenchmarkLoad is BenchmarkLoadEvaluate's Load alone.
func BenchmarkLoad(b *testing.B) {
	data, err := os.ReadFile("../presets/tokyo-vpc-production.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := model.Load(data, "design.yaml"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluate is BenchmarkLoadEvaluate's rule run alone.
func BenchmarkEvaluate(b *testing.B) {
	data, err := os.ReadFile("../presets/tokyo-vpc-production.yaml")
	if err != nil {
		b.Fatal(err)
	}
	d, src, err := model.Load(data, "design.yaml")
	if err != nil {
		b.Fatal(err)
	}
	cat := catalog.Default()
	b.ReportAllocs()
	for b.Loop() {
		Evaluate(d, cat, src)
	}
}
