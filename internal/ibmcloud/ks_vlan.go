package ibmcloud

import (
	"fmt"
	"strings"

	"github.com/iksplan/iksplan/model"
)

// VLAN is a classic VLAN of the account: one IBM created with the first
// cluster in a zone, or one the account had before (an earlier cluster,
// an order in classic infrastructure). Router is its primary router:
// bcrNNx.ZONE for a private VLAN, fcrNNx.ZONE for a public one.
type VLAN struct {
	ID     string `json:"id"`
	Zone   string `json:"zone"`
	Type   string `json:"type"` // private | public
	Router string `json:"router"`
	Number string `json:"number"`
}

// srcVLANs is IBM's rule for the VLAN flags of `cluster create classic`
// and `zone add classic` (ibm-cloud-docs/containers
// kubernetes-service-cli.md, lastupdated 2023-06-06, --private-vlan and
// --public-vlan): the first standard cluster in a zone omits them and IBM
// creates the VLANs; "If you created a standard cluster before in this
// zone or created a private VLAN in IBM Cloud infrastructure before, you
// must specify that private VLAN"; the number and letter after bcr/fcr
// must match between the private and the public VLAN; `ibmcloud ks vlan ls
// --zone ZONE` lists them.
const srcVLANs = srcKS + "#cs_cluster_create"

// dcVLAN is `ks vlan ls --output json`'s item: bluemix-go
// api/container/containerv1/properties.go DCVlan and DCVlanProperties
// (576d2f8), GET /v1/datacenters/{dc}/vlans, a bare array.
type dcVLAN struct {
	ID         string      `json:"id"`
	Properties dcVLANProps `json:"properties"`
	Type       string      `json:"type"`
}

type dcVLANProps struct {
	LocalDiskStorageCapability string `json:"local_disk_storage_capability"`
	Location                   string `json:"location"`
	Name                       string `json:"name"`
	Note                       string `json:"note"`
	PrimaryRouter              string `json:"primary_router"`
	SANStorageCapability       string `json:"san_storage_capability"`
	VlanNumber                 string `json:"vlan_number"`
	VlanType                   string `json:"vlan_type"`
}

// ksVLANLs is `ibmcloud ks vlan ls --zone ZONE`: the account's VLANs in a
// classic zone.
func ksVLANLs(c *Call) error {
	zone := c.Get("zone")
	if _, err := checkZone(model.InfraClassic, zone); err != nil {
		return err
	}
	out := []dcVLAN{}
	for _, v := range c.env.State.VLANs {
		if v.Zone != zone {
			continue
		}
		// bluemix-go's test response has vlan_type "standard" and both
		// capabilities "true"; location there is a number IBM does not
		// explain, here the zone (INFERRED).
		out = append(out, dcVLAN{ID: v.ID, Type: v.Type, Properties: dcVLANProps{
			LocalDiskStorageCapability: "true", Location: v.Zone, PrimaryRouter: v.Router,
			SANStorageCapability: "true", VlanNumber: v.Number, VlanType: "standard"}})
	}
	if c.Get("output") != "" {
		return printJSON(c.env.Out, out)
	}
	// Columns of IBM's example output: ID, Name, Number, Type, Router,
	// Supports Virtual Workers.
	fmt.Fprintf(c.env.Out, "OK\nID        Name   Number   Type      Router         Supports Virtual Workers\n")
	for _, v := range out {
		fmt.Fprintf(c.env.Out, "%-9s -      %-8s %-9s %-14s true\n", v.ID, v.Properties.VlanNumber, v.Type, v.Properties.PrimaryRouter)
	}
	return nil
}

// vlanIn is the account's VLAN id of type typ in zone, or nil.
func (s *State) vlanIn(zone, typ, id string) *VLAN {
	for i := range s.VLANs {
		v := &s.VLANs[i]
		if v.Zone == zone && v.Type == typ && v.ID == id {
			return v
		}
	}
	return nil
}

// hasVLANIn reports whether the account has a VLAN of type typ in zone.
func (s *State) hasVLANIn(zone, typ string) bool {
	for _, v := range s.VLANs {
		if v.Zone == zone && v.Type == typ {
			return true
		}
	}
	return false
}

// routerPod is a router's name without its bcr/fcr prefix: 01a.tok02.
func routerPod(router string) string {
	return strings.TrimPrefix(strings.TrimPrefix(router, "bcr"), "fcr")
}

// classicVLANs checks the VLAN flags of a classic cluster create or zone
// add in zone as IBM documents them (srcVLANs) and returns the private and
// public VLAN the workers get: the ones named, or the IDs of the new ones
// IBM creates when the zone has none. It changes nothing: the caller
// records the VLANs with addVLANs once the command succeeded (the double
// saves its state after a failed call too).
func classicVLANs(c *Call, zone string) (private, public string, err error) {
	st := c.env.State
	private, public = c.Get("private-vlan"), c.Get("public-vlan")
	privateOnly := c.Has("private-only")
	if private == "" {
		if public != "" {
			return "", "", &UsageError{"Incorrect Usage. '--public-vlan' requires '--private-vlan'."}
		}
		if st.hasVLANIn(zone, "private") || (!privateOnly && st.hasVLANIn(zone, "public")) {
			// IBM's wording of this failure is not published; the rule is
			// (srcVLANs). INFERRED text.
			return "", "", failf("The zone '%s' already has VLANs in this account: specify them with '--private-vlan' and '--public-vlan' (or '--private-only'). List them with 'ibmcloud ks vlan ls --zone %s'.", zone, zone)
		}
		private = vlanID(st, zone, "private")
		if !privateOnly {
			public = vlanID(st, zone, "public")
		}
		return private, public, nil
	}
	if public == "" && !privateOnly {
		return "", "", &UsageError{"Incorrect Usage. '--private-vlan' requires '--public-vlan' or '--private-only'."}
	}
	pv := st.vlanIn(zone, "private", private)
	if pv == nil {
		return "", "", failf("The private VLAN '%s' was not found in zone '%s'. List the VLANs with 'ibmcloud ks vlan ls --zone %s'.", private, zone, zone)
	}
	if public == "" {
		return private, "", nil
	}
	pub := st.vlanIn(zone, "public", public)
	if pub == nil {
		return "", "", failf("The public VLAN '%s' was not found in zone '%s'. List the VLANs with 'ibmcloud ks vlan ls --zone %s'.", public, zone, zone)
	}
	if routerPod(pv.Router) != routerPod(pub.Router) {
		return "", "", failf("The private VLAN '%s' (router %s) and the public VLAN '%s' (router %s) are not on matching routers.", private, pv.Router, public, pub.Router)
	}
	return private, public, nil
}

// addVLANs records the VLANs a classic create or zone add put workers on:
// the ones IBM created with the first cluster of the zone are new to the
// account (router pod 01a); named ones are there already.
func (s *State) addVLANs(zone, private, public string) {
	s.SeedVLANs(zone, "01a", private, public)
}

// SeedVLANs puts a private and a public VLAN on router pod pod (e.g.
// "02a") into the account in zone, as an earlier cluster or an order in
// classic infrastructure leaves them. Rehearsals use it for designs that
// reuse VLANs.
func (s *State) SeedVLANs(zone, pod, private, public string) {
	if private != "" && s.vlanIn(zone, "private", private) == nil {
		s.VLANs = append(s.VLANs, VLAN{ID: private, Zone: zone, Type: "private", Router: "bcr" + pod + "." + zone, Number: lastDigits(private)})
	}
	if public != "" && s.vlanIn(zone, "public", public) == nil {
		s.VLANs = append(s.VLANs, VLAN{ID: public, Zone: zone, Type: "public", Router: "fcr" + pod + "." + zone, Number: lastDigits(public)})
	}
}

func lastDigits(id string) string {
	if len(id) > 4 {
		return id[len(id)-4:]
	}
	return id
}
