package wizard

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/huh"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

// Step 2, Zones: the region (multizone metros first), one zone or several
// (the seed recommends multizone), which zones, and the network the zones
// need: classic — VRF or VLAN spanning and the VLANs per zone; VPC — a new
// or an existing VPC and a subnet per zone.

const (
	zoneModeMulti  = "multi"
	zoneModeSingle = "single"
)

func registerZones() {
	Register(Step{
		ID:    StepZones,
		Title: "Zones",
		Enter: enterZones,
		Pages: []Page{{
			ID:          "region",
			Title:       "Region",
			Description: "Where the cluster runs. Regions with a multizone metro come first.",
			Fields: func(c *Ctx) []huh.Field {
				return []huh.Field{Pick(c, "spec.region", "Region", "", &c.D.Spec.Region, regionOpts(c))}
			},
			Done: func(c *Ctx) {
				// The registry that was the default for the old region follows.
				s := c.Spec()
				z := &c.UI.Zones
				changed := z.OldRegion != s.Region
				// An unset registry takes the region's own (catalog registries).
				if changed || s.CICD.Registry.Region == "" {
					if was, _ := c.Cat.RegistryRegion(z.OldRegion); s.CICD.Registry.Region == "" || s.CICD.Registry.Region == was {
						s.CICD.Registry.Region, _ = c.Cat.RegistryRegion(s.Region)
					}
				}
				// Zones of another region are dropped, with their subnets and VLANs.
				s.Zones = slices.DeleteFunc(s.Zones, func(z string) bool { return !zoneIn(c, z) })
				normalizeZoneNetwork(c)
				if changed || z.Mode == "" || len(metroZones(c)) < 2 {
					z.Mode = defaultZoneMode(c)
				}
				z.OldRegion = s.Region
			},
		}, {
			ID:    "layout",
			Title: "Single zone or multizone",
			Skip:  func(c *Ctx) bool { return len(metroZones(c)) < 2 },
			Fields: func(c *Ctx) []huh.Field {
				return []huh.Field{Pick(c, "zones.mode", "Zones", "", &c.UI.Zones.Mode, []Opt[string]{
					{zoneModeMulti, "Multizone (recommended)", c.trf("workers in %d zones of the %s metro: survives the loss of a zone (IBM's 2019 guidance, slide 8)", len(metroZones(c)), c.tr(metroName(c)))},
					{zoneModeSingle, "Single zone", "one data center: cheaper, but a zone outage stops the cluster; fine for development"},
				})}
			},
		}, {
			ID:    "zones",
			Title: "Zones",
			Enter: func(c *Ctx) {
				s := c.Spec()
				switch {
				case multizone(c) && len(s.Zones) < 2:
					s.Zones = nil
					for _, z := range metroZones(c) {
						s.Zones = append(s.Zones, z.Name)
					}
				case !multizone(c):
					usable := zoneOpts(c, usableZones(c))
					if len(s.Zones) > 1 {
						s.Zones = s.Zones[:1]
					}
					if len(s.Zones) == 1 && !slices.ContainsFunc(usable, func(o Opt[string]) bool { return o.Value == s.Zones[0] }) {
						s.Zones = nil
					}
				}
			},
			Fields: func(c *Ctx) []huh.Field {
				s := c.Spec()
				if multizone(c) {
					opts := zoneOpts(c, metroZones(c))
					return []huh.Field{PickMany(c, "spec.zones", "Zones", "space toggles; three zones give the 2019 guidance's 50%+50%+50% (slide 10)", &s.Zones, opts).
						Validate(func(z []string) error {
							if len(z) < 2 {
								return errors.New("choose at least two zones for a multizone cluster")
							}
							return nil
						})}
				}
				opts := zoneOpts(c, usableZones(c))
				sel := PickFunc(c, "spec.zones", "Zone", "the data center or VPC zone of every worker",
					func() string { return first(s.Zones) }, func(z string) { s.Zones = []string{z} }, opts)
				return []huh.Field{sel}
			},
			Validate: func(c *Ctx) error {
				if len(c.Spec().Zones) == 0 {
					return errors.New("choose a zone")
				}
				return nil
			},
			Done: normalizeZoneNetwork,
		}, {
			ID:          "routing",
			Title:       "Routing between VLANs (classic)",
			Description: "Workers in different zones sit on different VLANs; the account must route between them.",
			Skip:        func(c *Ctx) bool { return !c.Spec().IsClassic() },
			Enter:       func(c *Ctx) { model.ApplyDefaults(c.D) },
			Fields: func(c *Ctx) []huh.Field {
				return []huh.Field{
					Choose(c, "spec.network.classic.accountRouting", "Account routing", &c.D.Spec.Network.Classic.AccountRouting, model.AccountRouting("").Choices()),
					Note(c, c.tr("How to check"), c.tr("ibmcloud account show   (Service Endpoint Enabled: true means VRF)\nibmcloud ks vlan spanning get")),
				}
			},
		}, {
			ID:    "vlans",
			Title: "VLANs (classic)",
			Skip:  func(c *Ctx) bool { return !c.Spec().IsClassic() },
			Fields: func(c *Ctx) []huh.Field {
				return []huh.Field{YesNo(c, "zones.vlans.create", "Let IBM create the VLANs in every zone?",
					"yes for the first cluster in a zone; no to reuse the VLANs of another cluster", &c.UI.Zones.CreateVLANs)}
			},
			Done: func(c *Ctx) {
				if c.UI.Zones.CreateVLANs {
					c.D.Spec.Network.Classic.VLANs = nil
				}
			},
		}, {
			ID:          "vlan-ids",
			Title:       "VLAN IDs per zone",
			Description: "`ibmcloud ks vlan ls --zone ZONE` lists them. Leave a zone empty to let IBM create its VLANs.",
			Skip: func(c *Ctx) bool {
				return !c.Spec().IsClassic() || c.UI.Zones.CreateVLANs
			},
			Enter:  vlanRows,
			Fields: vlanFields,
			Validate: func(c *Ctx) error {
				for _, v := range c.D.Spec.Network.Classic.VLANs {
					if v.PrivateVLAN == "" && v.PublicVLAN != "" {
						return fmt.Errorf("%s: a public VLAN needs its private VLAN too", v.Zone)
					}
				}
				return nil
			},
			Done: func(c *Ctx) {
				n := c.D.Spec.Network.Classic
				n.VLANs = slices.DeleteFunc(n.VLANs, func(v model.ZoneVLANs) bool { return v.PrivateVLAN == "" && v.PublicVLAN == "" })
			},
		}, {
			ID:    "vpc",
			Title: "VPC",
			Skip:  func(c *Ctx) bool { return !c.Spec().IsVPC() },
			Enter: func(c *Ctx) { model.ApplyDefaults(c.D) },
			Fields: func(c *Ctx) []huh.Field {
				return []huh.Field{YesNo(c, "zones.vpc.create", "Create a new VPC for the cluster?",
					"no: use an existing VPC and its subnets", &c.UI.Zones.CreateVPC)}
			},
		}, {
			ID:    "vpc-new",
			Title: "New VPC",
			Skip:  func(c *Ctx) bool { return !c.Spec().IsVPC() || !c.UI.Zones.CreateVPC },
			Fields: func(c *Ctx) []huh.Field {
				v := c.D.Spec.Network.VPC
				size := &c.UI.Zones.SubnetSize
				return []huh.Field{
					Input(c, "spec.network.vpc.vpcName", "VPC name", "the runbook creates it with a subnet in each zone", &v.VPCName, required(model.ValidateInstanceName)),
					Pick(c, "spec.network.vpc.subnets[*].ipv4AddressCount", "Addresses per subnet", "", size, []Opt[int]{
						{64, "64", "small: fine for a few workers"},
						{256, "256", "IBM's default: room for workers, load balancers and growth"},
						{1024, "1024", "large clusters; a subnet cannot grow later"},
					}),
				}
			},
			Done: func(c *Ctx) {
				v := c.D.Spec.Network.VPC
				v.VPCID = ""
				size := c.UI.Zones.SubnetSize
				v.Subnets = nil
				for _, z := range c.Spec().Zones {
					sub := model.ZoneSubnet{Zone: z}
					if size != 256 {
						sub.IPv4AddressCount = size
					}
					v.Subnets = append(v.Subnets, sub)
				}
			},
		}, {
			ID:          "vpc-existing",
			Title:       "Existing VPC",
			Description: "`ibmcloud is vpcs` and `ibmcloud is subnets` list the IDs. Leave a zone's subnet empty to create one.",
			Skip:        func(c *Ctx) bool { return !c.Spec().IsVPC() || c.UI.Zones.CreateVPC },
			Enter:       subnetRows,
			Fields:      vpcExistingFields,
			Done: func(c *Ctx) {
				v := c.D.Spec.Network.VPC
				v.VPCName = ""
			},
		}},
	})

	RegisterWhy(
		Why{
			Key: "spec.region",
			Text: "A multizone region (MZR) spreads the cluster over three data centers of one metro " +
				"and keeps data in the country (IBM's 2019 guidance, slide 11: the Tokyo MZR, tok02/tok04/tok05, with " +
				"the master itself spread over the three). Put the cluster where its users and its " +
				"databases are.",
			Alternatives: "Single-zone data centers (che01, sng01, …) are managed from a region but " +
				"cannot host a multizone cluster.",
			Doc:           "https://cloud.ibm.com/docs/containers?topic=containers-regions-and-zones",
			FixedAtCreate: true,
		},
		Why{
			Key: "zones.mode",
			Text: "IBM's 2019 guidance recommends a multizone cluster for availability (slide 8): the workers " +
				"spread over the metro's zones, and when a zone fails the others carry on. IBM's HA " +
				"guidance is at least two workers per zone in a multizone cluster.",
			Alternatives: "A single zone is cheaper and simpler, and fine for development; in " +
				"production it is an error (HA001) unless waived.",
			Doc: "https://cloud.ibm.com/docs/containers?topic=containers-ha_clusters",
		},
		Why{
			Key: "spec.zones",
			Text: "Each zone gets the same number of workers of every pool. With three zones each " +
				"carries 50% of the demand, 150% in all, so losing one zone still leaves 100% (IBM's 2019 guidance, " +
				"slide 10). Zone-bound storage (classic block/file, VPC block) stays in its zone: " +
				"plan it in the storage step.",
			Alternatives: "Two zones need 100% in each (200% in all) to survive a zone loss.",
			Doc:          "https://cloud.ibm.com/docs/containers?topic=containers-ha_clusters#mz-clusters",
		},
		Why{
			Key: "spec.network.classic.accountRouting",
			Text: "A classic multizone cluster needs VRF (or VLAN spanning) so that workers on the " +
				"private VLANs of different zones can talk (IBM's 2019 guidance, slide 12: check with `ibmcloud " +
				"account show`). VRF is also what the private service endpoint needs. With VRF on, " +
				"VLAN spanning goes away.",
			Alternatives: "VLAN spanning (`ibmcloud ks vlan spanning get`) is the older way. " +
				"\"Not checked yet\" is allowed: the runbook's preflight checks and stops.",
			Doc: "https://cloud.ibm.com/docs/account?topic=account-vrf-service-endpoint",
		},
		Why{
			Key: "zones.vlans.create",
			Text: "For the first cluster in a zone, omit the VLAN flags and IBM creates a private and " +
				"a public VLAN. A second cluster can join existing VLANs; their routers must match " +
				"(private bcr…, public fcr…, same pod suffix).",
			Doc:           "https://cloud.ibm.com/docs/containers?topic=containers-subnets",
			FixedAtCreate: true,
		},
		Why{
			Key:           "spec.network.classic.vlans[*].privateVLAN",
			Text:          "The private VLAN carries worker-to-worker and worker-to-master traffic. Its router starts with bcr.",
			Doc:           "https://cloud.ibm.com/docs/containers?topic=containers-subnets",
			FixedAtCreate: true,
		},
		Why{
			Key:           "spec.network.classic.vlans[*].publicVLAN",
			Text:          "The public VLAN gives workers a public IP (router fcr…). Leave it empty with a private VLAN for private-only workers, which then need a gateway or the private endpoint.",
			Doc:           "https://cloud.ibm.com/docs/containers?topic=containers-subnets",
			FixedAtCreate: true,
		},
		Why{
			Key: "zones.vpc.create",
			Text: "A VPC cluster needs a VPC and one subnet in each of its zones. A new VPC per " +
				"cluster keeps address planning simple; an existing VPC lets the cluster reach " +
				"servers already in it privately.",
			Doc:           "https://cloud.ibm.com/docs/containers?topic=containers-vpc-subnets",
			FixedAtCreate: true,
		},
		Why{
			Key:  "spec.network.vpc.vpcName",
			Text: "The runbook creates the VPC with this name, then a subnet per zone, and reads their IDs back.",
			Doc:  "https://cloud.ibm.com/docs/vpc?topic=vpc-creating-a-vpc-using-cli",
		},
		Why{
			Key: "spec.network.vpc.subnets[*].ipv4AddressCount",
			Text: "Every worker and every VPC load balancer takes addresses from the zone's subnet, and " +
				"a VPC subnet cannot be resized later: leave room for growth and rolling updates.",
			Doc:           "https://cloud.ibm.com/docs/containers?topic=containers-vpc-subnets",
			FixedAtCreate: true,
		},
		Why{
			Key:           "spec.network.vpc.vpcID",
			Text:          "The existing VPC's ID as `ibmcloud is vpcs` prints it (r022-…).",
			Doc:           "https://cloud.ibm.com/docs/containers?topic=containers-vpc-subnets",
			FixedAtCreate: true,
		},
		Why{
			Key:  "spec.network.vpc.subnets[*].subnetID",
			Text: "A subnet in this zone of the VPC (`ibmcloud is subnets`); empty creates one. Workers of every pool in the zone use it.",
			Doc:  "https://cloud.ibm.com/docs/containers?topic=containers-vpc-subnets",
		},
	)
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// regionOpts lists the regions of the infrastructure, multizone first.
func regionOpts(c *Ctx) []Opt[string] {
	infra := c.Spec().Infrastructure
	var mz, sz []Opt[string]
	for _, r := range c.Cat.RegionsFor(infra) {
		zones := c.Cat.ZonesIn(infra, r.Name)
		metro := 0
		for _, z := range zones {
			if z.Multizone() && z.Status != catalog.ZoneClosed {
				metro++
			}
		}
		// The region's ID is data; its city name is prose (locales
		// catalog.region).
		o := Opt[string]{Value: r.Name, Label: fmt.Sprintf("%s (%s)", r.Name, c.tr(r.Label))}
		if metro >= 2 {
			o.Help = c.trf("multizone metro %s: %d zones", c.tr(r.Label), metro)
			if n := len(zones) - metro; n > 0 {
				o.Help += c.trf(", plus %d single-zone data centers", n)
			}
			mz = append(mz, o)
		} else {
			o.Help = "single-zone data centers only"
			sz = append(sz, o)
		}
	}
	return append(mz, sz...)
}

// usableZones are the region's zones for the infrastructure that are not
// closed, multizone metro zones first.
func usableZones(c *Ctx) []catalog.Zone {
	s := c.Spec()
	var out []catalog.Zone
	for _, z := range c.Cat.ZonesIn(s.Infrastructure, s.Region) {
		if z.Status != catalog.ZoneClosed {
			out = append(out, z)
		}
	}
	return out
}

// metroZones are the usable zones of the region's multizone metro.
func metroZones(c *Ctx) []catalog.Zone {
	var out []catalog.Zone
	for _, z := range usableZones(c) {
		if z.Multizone() && z.Status == catalog.ZoneAvailable {
			out = append(out, z)
		}
	}
	return out
}

func metroName(c *Ctx) string {
	if m := metroZones(c); len(m) > 0 {
		return m[0].Metro
	}
	return c.Spec().Region
}

func zoneIn(c *Ctx, zone string) bool {
	return slices.ContainsFunc(usableZones(c), func(z catalog.Zone) bool { return z.Name == zone })
}

func defaultZoneMode(c *Ctx) string {
	s := c.Spec()
	switch {
	case len(metroZones(c)) < 2:
		return zoneModeSingle
	case len(s.Zones) == 1:
		return zoneModeSingle
	case len(s.Zones) == 0 && s.Environment == model.EnvDevelopment:
		return zoneModeSingle
	}
	return zoneModeMulti
}

func multizone(c *Ctx) bool {
	return len(metroZones(c)) >= 2 && c.UI.Zones.Mode == zoneModeMulti
}

func zoneOpts(c *Ctx, zones []catalog.Zone) []Opt[string] {
	out := make([]Opt[string], 0, len(zones))
	for _, z := range zones {
		label := z.Name
		var help []string
		switch {
		case z.Metro != "":
			label += " (" + c.tr(z.Metro) + ")"
		case z.City != "":
			label = c.trf("%s (%s, single zone)", z.Name, c.tr(z.City))
		}
		if z.Status == catalog.ZoneDeprecated {
			label += " " + c.tr("deprecated")
		}
		if z.Note != "" {
			help = append(help, c.tr(z.Note))
		}
		out = append(out, Opt[string]{Value: z.Name, Label: label, Help: strings.Join(help, " ")})
	}
	return out
}

func vlansCreated(c *Ctx) bool {
	n := c.D.Spec.Network.Classic
	if n == nil {
		return true
	}
	for _, v := range n.VLANs {
		if !v.Create() {
			return false
		}
	}
	return true
}

// vlanFields asks the VLAN IDs of each zone.
// vlanRows gives every zone its row of VLAN IDs (empty for a new zone),
// in zone order, before the VLAN page shows them.
func vlanRows(c *Ctx) {
	n := c.D.Spec.Network.Classic
	var keep []model.ZoneVLANs
	for _, z := range c.Spec().Zones {
		keep = append(keep, n.VLANsFor(z))
	}
	n.VLANs = keep
}

func vlanFields(c *Ctx) []huh.Field {
	n := c.D.Spec.Network.Classic
	var fields []huh.Field
	for i := range n.VLANs {
		v := &n.VLANs[i]
		fields = append(fields,
			Input(c, "spec.network.classic.vlans[*].privateVLAN", c.trf("%s: private VLAN", v.Zone), "numeric ID; router bcr…", &v.PrivateVLAN, Optional(model.ValidateVLANID)),
			Input(c, "spec.network.classic.vlans[*].publicVLAN", c.trf("%s: public VLAN", v.Zone), "numeric ID; router fcr…; empty for private-only workers", &v.PublicVLAN, Optional(model.ValidateVLANID)),
		)
	}
	return fields
}

func subnetSize(v *model.VPCNetwork) int {
	for _, s := range v.Subnets {
		if s.IPv4AddressCount > 0 {
			return s.IPv4AddressCount
		}
	}
	return 256
}

// vpcExistingFields asks the VPC ID and a subnet per zone.
// subnetRows gives every zone its subnet row (empty for a new zone), in
// zone order, before the existing-VPC page shows them.
func subnetRows(c *Ctx) {
	v := c.D.Spec.Network.VPC
	var subs []model.ZoneSubnet
	for _, z := range c.Spec().Zones {
		subs = append(subs, v.SubnetFor(z))
	}
	v.Subnets = subs
}

func vpcExistingFields(c *Ctx) []huh.Field {
	v := c.D.Spec.Network.VPC
	fields := []huh.Field{Input(c, "spec.network.vpc.vpcID", "VPC ID", "e.g. r022-1a2b3c4d-…", &v.VPCID, required(model.ValidateVPCResourceID))}
	for i := range v.Subnets {
		s := &v.Subnets[i]
		fields = append(fields, Input(c, "spec.network.vpc.subnets[*].subnetID", c.trf("%s: subnet ID", s.Zone), "empty: create one", &s.SubnetID, Optional(model.ValidateVPCResourceID)))
	}
	return fields
}

// enterZones derives the step's own answers from the design: one zone or
// several from the zones, "create the VLANs/VPC" from whether IDs are
// given, the subnet size from the subnets.
func enterZones(c *Ctx) {
	s := c.Spec()
	z := &c.UI.Zones
	z.OldRegion = s.Region
	z.Mode = defaultZoneMode(c)
	z.CreateVLANs = vlansCreated(c)
	z.CreateVPC = s.Network.VPC == nil || s.Network.VPC.VPCID == ""
	z.SubnetSize = 256
	if s.Network.VPC != nil {
		z.SubnetSize = subnetSize(s.Network.VPC)
	}
}

// normalizeZoneNetwork drops the subnets and VLAN rows of zones the design
// no longer uses, so removing a zone removes its network at once.
func normalizeZoneNetwork(c *Ctx) {
	s := c.Spec()
	if v := s.Network.VPC; v != nil {
		v.Subnets = slices.DeleteFunc(v.Subnets, func(sub model.ZoneSubnet) bool { return !slices.Contains(s.Zones, sub.Zone) })
	}
	if n := s.Network.Classic; n != nil {
		n.VLANs = slices.DeleteFunc(n.VLANs, func(v model.ZoneVLANs) bool { return !slices.Contains(s.Zones, v.Zone) })
	}
}
