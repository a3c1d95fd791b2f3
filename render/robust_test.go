package render_test

import (
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/model/presets"
	"github.com/iksplan/iksplan/render"
)

// The wizard previews designs while they are being written, so rendering
// must never panic on an incomplete design: it renders or returns an error.
func TestIncompleteDesignsNeverPanic(t *testing.T) {
	designs := map[string]*model.Design{"blank": model.New(""), "named": model.New("shop")}
	for _, p := range presets.All() {
		base, err := p.Design()
		if err != nil {
			t.Fatal(err)
		}
		specType := reflect.TypeOf(base.Spec)
		for i := range specType.NumField() {
			d := base.Clone()
			f := reflect.ValueOf(&d.Spec).Elem().Field(i)
			f.Set(reflect.Zero(f.Type()))
			designs[fmt.Sprintf("%s without %s", p.Name, specType.Field(i).Name)] = d
		}
	}
	for name, d := range designs {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("render panicked: %v", r)
				}
			}()
			_, err := render.All(render.Input{Design: d, SourceName: "x.yaml", Catalog: catalog.Default()})
			var ie *render.IncompleteError
			if (len(d.Spec.Zones) == 0 || len(d.Spec.WorkerPools) == 0) && !errors.As(err, &ie) {
				t.Fatalf("want an IncompleteError, got %v", err)
			}
		})
	}
}
