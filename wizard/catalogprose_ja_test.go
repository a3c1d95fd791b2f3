package wizard

import (
	"strings"
	"testing"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model/catalog"
)

// catalogProse returns the catalog's English prose the wizard shows, by
// the locale ID (locales/*/catalog.yaml) that translates it: region
// labels (also the metros' names), single-zone cities, zone, flavor and
// registry notes, flavor families.
func catalogProse(cat *catalog.Catalog) map[string]string {
	out := map[string]string{}
	places := map[string]bool{}
	for _, r := range cat.Locations.Regions {
		out["catalog.region."+r.Name] = r.Label
		places[r.Label] = true
	}
	for _, r := range cat.Locations.Regions {
		for _, z := range r.Zones {
			if z.City != "" && !places[z.City] {
				out["catalog.city."+z.Name] = z.City
				places[z.City] = true
			}
			if z.Note != "" {
				out["catalog.zoneNote."+z.Name] = z.Note
			}
		}
	}
	for _, f := range cat.Flavors.Items {
		out["catalog.flavorClass."+f.Class] = f.Class
		if f.Note != "" {
			out["catalog.flavorNote."+f.Name] = f.Note
		}
	}
	for _, d := range cat.Registries.Items {
		if d.Note != "" {
			out["catalog.registryNote."+d.Region] = d.Note
		}
	}
	return out
}

// TestCatalogProseHasJapanese: every catalog text the wizard shows as
// prose has a Japanese message keyed by its catalog ID whose English is
// the catalog's text word for word, and no such message outlives its
// text. The Japanese pages cover the presets' regions only; this covers
// every region, zone and flavor of the catalog. It fails when a note
// changes in catalog.yaml without its locales (shown by changing the
// English of catalog.flavorNote.gx3.16x80.l4), or when a metro is not a
// region's label (its name would have no Japanese).
func TestCatalogProseHasJapanese(t *testing.T) {
	cat := catalog.Default()
	for _, r := range cat.Locations.Regions {
		for _, z := range r.Zones {
			if z.Metro != "" && z.Metro != r.Label {
				t.Errorf("zone %s: metro %q is not its region's label %q: no Japanese for it", z.Name, z.Metro, r.Label)
			}
		}
	}
	reportEach(t, checkCatalogProse(catalogProse(cat)))
}

func reportEach(t *testing.T, problems []string) {
	t.Helper()
	for _, p := range problems {
		t.Error(p)
	}
}

// checkCatalogProse returns what is wrong between the catalog's prose and
// the locales' catalog area.
func checkCatalogProse(prose map[string]string) []string {
	var out []string
	for _, id := range sortedKeys(prose) {
		en, ok := i18n.Message(i18n.EN, id)
		switch {
		case !ok:
			out = append(out, id+": no message for the catalog's "+quoteShort(prose[id]))
			continue
		case en.Other != prose[id]:
			out = append(out, id+": the English "+quoteShort(en.Other)+" is not the catalog's "+quoteShort(prose[id]))
			continue
		}
		ja, ok := i18n.Message(i18n.JA, id)
		if !ok || ja.Other == "" {
			out = append(out, id+": no Japanese")
			continue
		}
		// NB: notes shared by flavors are found by their English: each
		// copy must say the same.
		if got := trIn(i18n.JA, prose[id]); got != ja.Other {
			out = append(out, id+": the wizard shows "+quoteShort(got))
		}
	}
	for _, id := range i18n.IDs(i18n.EN) {
		if strings.HasPrefix(id, catalogArea) {
			if _, ok := prose[id]; !ok {
				out = append(out, id+": no such text in the catalog")
			}
		}
	}
	return out
}

// TestCatalogProseCheckFails: the check reports a changed note, a note
// with no message and a message whose catalog text is gone.
func TestCatalogProseCheckFails(t *testing.T) {
	prose := catalogProse(catalog.Default())
	prose["catalog.flavorNote.gx3.16x80.l4"] = "No NVIDIA drivers; a changed note."
	prose["catalog.flavorNote.bx2.2x8"] = "A new note."
	delete(prose, "catalog.zoneNote.che01")
	got := strings.Join(checkCatalogProse(prose), "\n")
	for _, want := range []string{
		"catalog.flavorNote.gx3.16x80.l4: the English",
		"catalog.flavorNote.bx2.2x8: no message",
		"catalog.zoneNote.che01: no such text",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("not reported: %s\nreport:\n%s", want, got)
		}
	}
}
