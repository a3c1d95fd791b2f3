package model_test

import (
	"testing"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/presets"
)

// FuzzLoad checks that no input makes the loader panic, and that whatever
// loads cleanly also marshals and loads back.
func FuzzLoad(f *testing.F) {
	for _, p := range presets.All() {
		f.Add(p.Data)
	}
	f.Add([]byte(valid))
	f.Add([]byte("apiVersion: iksplan/v1alpha1\nkind: ClusterDesign\nspec: {zones: [a, *b]}\n"))
	f.Add([]byte("a: &x [*x]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, _, err := model.Load(data, "fuzz.yaml")
		if err != nil {
			return
		}
		model.ApplyDefaults(d)
		out, err := model.Marshal(d)
		if err != nil {
			t.Fatalf("marshal a loaded design: %v", err)
		}
		if _, _, err := model.Load(out, "again.yaml"); err != nil {
			t.Fatalf("a marshalled design does not load: %v\n%s", err, out)
		}
	})
}
