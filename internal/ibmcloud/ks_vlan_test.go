package ibmcloud

import (
	"strings"
	"testing"
)

// bmxDCVlan is bluemix-go api/container/containerv1/properties.go DCVlan
// with DCVlanProperties (576d2f8), copied field by field: `ks vlan ls
// --output json` must decode into it with no field left over.
type bmxDCVlan struct {
	ID         string `json:"id"`
	Properties struct {
		LocalDiskStorageCapability string `json:"local_disk_storage_capability"`
		Location                   string `json:"location"`
		Name                       string `json:"name"`
		Note                       string `json:"note"`
		PrimaryRouter              string `json:"primary_router"`
		SANStorageCapability       string `json:"san_storage_capability"`
		VlanNumber                 string `json:"vlan_number"`
		VlanType                   string `json:"vlan_type"`
	} `json:"properties"`
	Type string `json:"type"`
}

func vlanWorld(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	st := NewState()
	st.Session.LoggedIn = true
	st.Session.Region = "jp-tok"
	st.SeedVLANs("tok02", "02a", "3200001", "3300001")
	st.SeedVLANs("tok02", "03a", "3100001", "")
	if err := st.Save(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestVLANLsHasBluemixShape: the listing is a bare array of DCVlan items
// of the zone asked for, and nothing else.
func TestVLANLsHasBluemixShape(t *testing.T) {
	dir := vlanWorld(t)
	code, out, errs := call(t, dir, "", "ks", "vlan", "ls", "--zone", "tok02", "--output", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var vs []bmxDCVlan
	if err := jsonUnmarshalStrict(out, &vs); err != nil {
		t.Fatalf("not bluemix-go's []DCVlan: %v\n%s", err, out)
	}
	if len(vs) != 3 || vs[0].ID != "3200001" || vs[0].Type != "private" || vs[0].Properties.PrimaryRouter != "bcr02a.tok02" ||
		vs[1].Type != "public" || vs[1].Properties.PrimaryRouter != "fcr02a.tok02" {
		t.Fatalf("tok02 lists %+v", vs)
	}
	_, out, _ = call(t, dir, "", "ks", "vlan", "ls", "--zone", "tok04", "--output", "json")
	if strings.TrimSpace(out) != "[]" {
		t.Fatalf("tok04 has no VLANs, lists %s", out)
	}
}

// TestClassicCreateNeedsTheZonesVLANs: with VLANs in the zone, IBM wants
// them named (kubernetes-service-cli.md --private-vlan), on matching
// routers; a zone without VLANs gets new ones.
func TestClassicCreateNeedsTheZonesVLANs(t *testing.T) {
	base := []string{"ks", "cluster", "create", "classic", "--name", "c1", "--zone", "tok02", "--flavor", "b3c.4x16", "--workers", "1"}
	for _, tc := range []struct {
		name  string
		flags []string
		fail  string
	}{
		{"no flags", nil, "already has VLANs"},
		{"routers differ", []string{"--private-vlan", "3100001", "--public-vlan", "3300001"}, "not on matching routers"},
		{"unknown VLAN", []string{"--private-vlan", "9999999", "--public-vlan", "3300001"}, "was not found"},
		{"private without public", []string{"--private-vlan", "3200001"}, "requires '--public-vlan' or '--private-only'"},
		{"the account's pair", []string{"--private-vlan", "3200001", "--public-vlan", "3300001"}, ""},
		{"private only", []string{"--private-vlan", "3100001", "--private-only"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := vlanWorld(t)
			code, _, errs := call(t, dir, "", append(append([]string{}, base...), tc.flags...)...)
			if tc.fail == "" && code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			if tc.fail != "" && (code == 0 || !strings.Contains(errs, tc.fail)) {
				t.Fatalf("exit %d, %q; want a failure saying %q", code, errs, tc.fail)
			}
			st, err := LoadState(dir)
			if err != nil {
				t.Fatal(err)
			}
			if len(st.VLANs) != 3 {
				t.Fatalf("the account has %d VLANs, want its 3: nothing is created in a zone that has VLANs", len(st.VLANs))
			}
		})
	}
	t.Run("empty zone", func(t *testing.T) {
		dir := vlanWorld(t)
		args := append([]string{}, base...)
		args[7] = "tok04"
		if code, _, errs := call(t, dir, "", args...); code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		_, out, _ := call(t, dir, "", "ks", "vlan", "ls", "--zone", "tok04", "--output", "json")
		var vs []bmxDCVlan
		if err := jsonUnmarshalStrict(out, &vs); err != nil || len(vs) != 2 || vs[0].Type != "private" || vs[1].Type != "public" {
			t.Fatalf("after the first cluster in tok04 the zone lists %s (%v); want the private and public VLAN IBM created", out, err)
		}
	})
}
