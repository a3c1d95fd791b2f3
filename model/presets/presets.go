// Package presets holds iksplan's built-in designs: complete, valid starting
// points that `iksplan init --preset NAME` writes and the wizard offers.
package presets

import (
	"bytes"
	"embed"
	"fmt"
	"sort"
	"strings"

	"github.com/iksplan/iksplan/model"
)

//go:embed *.yaml
var files embed.FS

// Preset is one built-in design.
type Preset struct {
	Name string
	// Summary is the one line `iksplan presets` prints.
	Summary string
	// Data is the file as shipped, with its explanatory comments.
	Data []byte
}

var summaries = map[string]string{
	"tokyo-classic-production": "IBM's 2019 guidance (slides 10–12): classic jp-tok tok02/tok04/tok05, dedicated VSIs, 150% sizing, Cloud Databases + Object Storage, CIS + Calico",
	"tokyo-vpc-production":     "VPC jp-tok-1..3, Secure by Default egress, context-based restrictions, metro block storage, Cloud Databases + Object Storage",
	"dev-single-zone":          "one VPC zone, shared bx2.4x16 workers at the HA minimum: the cheapest sane development cluster",
}

// All lists the presets by name.
func All() []Preset {
	entries, err := files.ReadDir(".")
	if err != nil {
		panic(fmt.Sprintf("presets: %v", err)) // embedded: cannot fail
	}
	out := make([]Preset, 0, len(entries))
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".yaml")
		data, err := files.ReadFile(e.Name())
		if err != nil {
			panic(fmt.Sprintf("presets: %v", err))
		}
		out = append(out, Preset{Name: name, Summary: summaries[name], Data: data})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Names lists the preset names.
func Names() []string {
	var out []string
	for _, p := range All() {
		out = append(out, p.Name)
	}
	return out
}

// Get returns the preset called name.
func Get(name string) (Preset, error) {
	for _, p := range All() {
		if p.Name == name {
			return p, nil
		}
	}
	return Preset{}, fmt.Errorf("no preset %q; choose one of: %s", name, strings.Join(Names(), ", "))
}

// Design loads the preset as a design (defaults not applied).
func (p Preset) Design() (*model.Design, error) {
	d, _, err := model.Load(bytes.Clone(p.Data), p.Name+".yaml")
	if err != nil {
		return nil, fmt.Errorf("preset %s: %w", p.Name, err)
	}
	return d, nil
}

// Design loads the preset called name as a design (defaults not applied).
func Design(name string) (*model.Design, error) {
	p, err := Get(name)
	if err != nil {
		return nil, err
	}
	return p.Design()
}
