package catalog

// Addons lists managed IKS add-ons with the Kubernetes versions they
// support.
type Addons struct {
	Section `yaml:",inline" json:",inline"`
	Items   []Addon `yaml:"items" json:"items"`
}

// Addon is one managed add-on version and the Kubernetes minor versions
// it supports: from MinKube up to, not including, BelowKube ("1.31",
// "1.36" for IBM's range ">=1.31 <1.36").
type Addon struct {
	Name      string `yaml:"name" json:"name"`
	Version   string `yaml:"version" json:"version"`
	MinKube   string `yaml:"minKube" json:"minKube"`
	BelowKube string `yaml:"belowKube" json:"belowKube"`
	Note      string `yaml:"note,omitempty" json:"note,omitempty"`
}

// Addon returns the catalog entry of a managed add-on.
func (c *Catalog) Addon(name string) (Addon, bool) {
	for _, a := range c.Addons.Items {
		if a.Name == name {
			return a, true
		}
	}
	return Addon{}, false
}
