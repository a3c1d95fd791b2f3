package battery

import (
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/render"
)

func renderAll(cat *catalog.Catalog, d *model.Design) ([]render.Artifact, error) {
	return render.All(render.Input{Design: d, SourceName: "x.yaml", Catalog: cat})
}
