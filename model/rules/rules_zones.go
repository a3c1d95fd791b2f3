package rules

import (
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

func zoneRules() []Rule {
	return []Rule{
		{
			ID: "ZON001", Severity: Error, Area: AreaZones, Path: "spec.region", FixedAtCreate: true,
			Title: "Region unknown or without zones for the infrastructure",
			Why: "A cluster lives in one IBM Cloud region for its whole life. IKS locations differ by infrastructure: " +
				"classic multizone metros are data centers (tok02, tok04, tok05), VPC regions have zones such as jp-tok-1, " +
				"and eu-es, ca-tor and br-sao are VPC-only. The 2019 deck (slide 11): in an MZR the cluster stays inside one country; " +
				"still true, but it knew only classic data centers, where VPC regions now name zones (IBM regions-and-zones).",
			DocURL: doc("regions-and-zones"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				if s.Region == "" {
					return []Hit{hit("spec.region", "no region is set; choose one such as jp-tok")}
				}
				if _, ok := c.Catalog.Region(s.Region); !ok {
					var known []string
					regions := c.Catalog.Locations.Regions
					if s.Infrastructure.Valid() {
						regions = c.Catalog.RegionsFor(s.Infrastructure)
					}
					for _, r := range regions {
						known = append(known, r.Name)
					}
					return []Hit{hit("spec.region", "region %s is not in the catalog (known: %s)", s.Region, commaList(known))}
				}
				if s.Infrastructure.Valid() && len(c.Catalog.ZonesIn(s.Infrastructure, s.Region)) == 0 {
					return []Hit{hit("spec.region", "region %s has no %s zones in the catalog", s.Region, infraLabel(s.Infrastructure))}
				}
				return nil
			},
		},
		{
			ID: "ZON002", Severity: Error, Area: AreaZones, Path: "spec.zones[*]",
			Title: "Zone unknown for the infrastructure",
			Why: "Classic clusters take a data center as zone (tok02) and VPC clusters a VPC zone (jp-tok-1); " +
				"`ibmcloud ks cluster create` and `zone add` reject any other name.",
			DocURL: doc("regions-and-zones"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				if !s.Infrastructure.Valid() {
					return nil
				}
				var hits []Hit
				for i, z := range s.Zones {
					if _, _, ok := c.Catalog.Zone(s.Infrastructure, z); ok {
						continue
					}
					p := pathf("spec.zones[%d]", i)
					if _, _, other := c.Catalog.Zone(otherInfra(s.Infrastructure), z); other {
						hits = append(hits, hit(p, "zone %s is a %s zone; %s clusters use zones such as %s", z,
							infraLabel(otherInfra(s.Infrastructure)), infraLabel(s.Infrastructure), exampleZone(c.Catalog, s.Infrastructure, s.Region)))
					} else {
						hits = append(hits, hit(p, "zone %s is not a %s zone in the catalog", z, infraLabel(s.Infrastructure)))
					}
				}
				return hits
			},
		},
		{
			ID: "ZON003", Severity: Error, Area: AreaZones, Path: "spec.zones[*]",
			Title: "Zone outside the chosen region",
			Why: "All zones of a cluster belong to the cluster's region; `zone add` accepts only zones of that region. " +
				"The 2019 deck (slide 11): Tokyo's three data centers form one MZR; today jp-tok is that MZR on classic " +
				"(tok02, tok04, tok05) and has zones jp-tok-1 to jp-tok-3 on VPC.",
			DocURL: doc("regions-and-zones"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				var hits []Hit
				for i, z := range s.Zones {
					_, r, ok := c.Catalog.Zone(s.Infrastructure, z)
					if ok && s.Region != "" && r.Name != s.Region {
						hits = append(hits, hit(pathf("spec.zones[%d]", i), "zone %s is in %s, not %s", z, r.Name, s.Region))
					}
				}
				return hits
			},
		},
		{
			ID: "ZON004", Severity: Error, Area: AreaZones, Path: "spec.zones[*]",
			Title: "Zone closed or deprecated",
			Why: "IBM closes classic data centers (mil01 closed 2025-10-31; new London clusters must use lon05 instead of " +
				"lon02). A closed zone cannot take new workers; a deprecated one will close.",
			DocURL: doc("regions-and-zones"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				var hits []Hit
				for i, name := range s.Zones {
					z, _, ok := c.Catalog.Zone(s.Infrastructure, name)
					if !ok {
						continue
					}
					note := ""
					if z.Note != "" {
						note = " (" + z.Note + ")"
					}
					switch z.Status {
					case catalog.ZoneClosed:
						hits = append(hits, hitSev(Error, pathf("spec.zones[%d]", i), "zone %s is closed%s", name, note))
					case catalog.ZoneDeprecated:
						hits = append(hits, hitSev(Warning, pathf("spec.zones[%d]", i), "zone %s is deprecated%s; plan another zone", name, note))
					}
				}
				return hits
			},
		},
		{
			ID: "ZON005", Severity: Error, Area: AreaZones, Path: "spec.zones[*]",
			Title: "Zone listed twice",
			Why: "Each zone is added once to each worker pool; a repeated zone would be counted twice in the capacity plan " +
				"(the 2019 deck, slide 10) while IBM places workers in it only once.",
			DocURL: doc("regions-and-zones"),
			Check: func(c *Context) []Hit {
				var hits []Hit
				for _, i := range dupIndexes(c.Spec.Zones) {
					hits = append(hits, hit(pathf("spec.zones[%d]", i), "zone %s is listed more than once", c.Spec.Zones[i]))
				}
				return hits
			},
		},
		{
			ID: "ZON006", Severity: Error, Area: AreaZones, Path: "spec.zones",
			Title:  "No zones",
			Why:    "`ibmcloud ks cluster create` needs the zone of the default worker pool; a design without zones cannot be created.",
			DocURL: doc("regions-and-zones"),
			Check: func(c *Context) []Hit {
				if len(c.Spec.Zones) > 0 {
					return nil
				}
				return []Hit{hit("spec.zones", "no zones are set; list the zones of a multizone metro, e.g. %s", exampleZone(c.Catalog, c.Spec.Infrastructure, c.Spec.Region))}
			},
		},
		{
			ID: "ZON007", Severity: Error, Area: AreaZones, Path: "spec.zones[*]",
			Title: "Multizone cluster outside one multizone metro",
			Why: "The 2019 deck (slides 11–12): a multizone cluster spans the data centers of one multizone metro, as today. `zone add` only accepts " +
				"multizone-capable zones of the cluster's metro; single-zone data centers (che01, sng01 in jp-tok) cannot join.",
			DocURL: doc("regions-and-zones"),
			Check: func(c *Context) []Hit {
				s := c.Spec
				if !s.Multizone() {
					return nil
				}
				metro := ""
				for _, name := range s.Zones {
					if z, r, ok := c.Catalog.Zone(s.Infrastructure, name); ok && r.Name == s.Region && z.Metro != "" {
						metro = z.Metro
						break
					}
				}
				var hits []Hit
				for i, name := range s.Zones {
					z, r, ok := c.Catalog.Zone(s.Infrastructure, name)
					if !ok || r.Name != s.Region {
						continue // ZON002 and ZON003 report these
					}
					p := pathf("spec.zones[%d]", i)
					switch {
					case z.Metro == "":
						hits = append(hits, hit(p, "zone %s is a single-zone data center; a multizone cluster needs zones of one multizone metro%s",
							name, metroHint(c, metro)))
					case z.Metro != metro:
						hits = append(hits, hit(p, "zone %s is in the %s metro, the other zones in %s", name, z.Metro, metro))
					}
				}
				return hits
			},
		},
	}
}

// metroHint names a metro's zones for a message: " (Tokyo: tok02, tok04, tok05)".
func metroHint(c *Context, metro string) string {
	zs := metroZones(c.Catalog, c.Spec.Infrastructure, c.Spec.Region, metro)
	if len(zs) == 0 {
		return ""
	}
	return " (" + metro + ": " + strings.Join(zs, ", ") + ")"
}

// exampleZone returns a zone of the region for the infrastructure (or of
// any region) for a message.
func exampleZone(cat *catalog.Catalog, infra model.Infrastructure, region string) string {
	if zs := cat.ZonesIn(infra, region); len(zs) > 0 {
		return zs[0].Name
	}
	for _, r := range cat.RegionsFor(infra) {
		if zs := cat.ZonesIn(infra, r.Name); len(zs) > 0 {
			return zs[0].Name
		}
	}
	if infra == model.InfraVPC {
		return "jp-tok-1"
	}
	return "tok02"
}
