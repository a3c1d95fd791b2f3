package ibmcloud

import (
	"encoding/json"
	"strings"
	"testing"
)

// vpeWorld is an account with a VPC (two zones, a subnet each), a VPC
// cluster in it and a Cloud Logs instance in ca-mon.
func vpeWorld(t *testing.T) (dir, crn string) {
	t.Helper()
	dir = t.TempDir()
	st := NewState()
	st.Session.LoggedIn, st.Session.Region, st.Session.ResourceGroup = true, "ca-mon", "Default"
	st.VPCs = []VPC{{ID: "r058-vpc1", Name: "vpc1", ResourceGroup: "Default"}}
	st.Subnets = []Subnet{
		{ID: "0757-sn1", Name: "sn1", VPC: "r058-vpc1", Zone: "ca-mon-1", CIDR: "10.1.1.0/24", Addresses: 256, ResourceGroup: "Default"},
		{ID: "0757-sn1b", Name: "sn1b", VPC: "r058-vpc1", Zone: "ca-mon-1", CIDR: "10.1.2.0/24", Addresses: 256, ResourceGroup: "Default"},
		{ID: "0757-sn2", Name: "sn2", VPC: "r058-vpc1", Zone: "ca-mon-2", CIDR: "10.2.1.0/24", Addresses: 256, ResourceGroup: "Default"},
	}
	st.Clusters = []*Cluster{{ID: "cl0000000000000000001", Name: "demo", Provider: "vpc-gen2", Region: "ca-mon", VPC: "r058-vpc1"}}
	st.Instances = []Instance{{GUID: "0f1e2d3c-logs", Name: "logs1", Service: "logs", Plan: "standard", Location: "ca-mon", ResourceGroup: "Default"}}
	crn = st.Instances[0].CRN()
	if err := st.Save(dir); err != nil {
		t.Fatal(err)
	}
	return dir, crn
}

// TestEndpointGatewayCreateFollowsIBMsRules: a gateway to an instance CRN
// with a reserved IP per zone and the workers' security group is created
// and listed with the VPC API's names (target.crn, lifecycle_state, ips);
// IBM's rules refuse a second gateway to the same service in the VPC, two
// IPs in one zone, a target that is no instance of the account and a
// security group the VPC does not have.
func TestEndpointGatewayCreateFollowsIBMsRules(t *testing.T) {
	ip := func(sn string) string { return `{"subnet": {"id": "` + sn + `"}}` }
	base := func(crn string) []string {
		return []string{"is", "endpoint-gateway-create", "--target", crn, "--target-type", "provider_cloud_service", "--vpc", "r058-vpc1", "--name", "logs-vpe"}
	}
	t.Run("created and listed", func(t *testing.T) {
		dir, crn := vpeWorld(t)
		args := append(base(crn), "--new-reserved-ip", ip("0757-sn1"), "--new-reserved-ip", ip("0757-sn2"), "--sg", "kube-cl0000000000000000001")
		if code, _, errs := call(t, dir, "", args...); code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		_, out, _ := call(t, dir, "", "is", "endpoint-gateways", "--vpc", "vpc1", "--output", "JSON")
		var gs []struct {
			Name   string `json:"name"`
			Target struct {
				CRN          string `json:"crn"`
				ResourceType string `json:"resource_type"`
			} `json:"target"`
			LifecycleState string `json:"lifecycle_state"`
			IPs            []struct {
				Address string `json:"address"`
			} `json:"ips"`
			SecurityGroups []struct {
				Name string `json:"name"`
			} `json:"security_groups"`
		}
		if err := json.Unmarshal([]byte(out), &gs); err != nil || len(gs) != 1 {
			t.Fatalf("endpoint-gateways: %v\n%s", err, out)
		}
		g := gs[0]
		if g.Name != "logs-vpe" || g.Target.CRN != crn || g.Target.ResourceType != "provider_cloud_service" || g.LifecycleState != "stable" ||
			len(g.IPs) != 2 || len(g.SecurityGroups) != 1 || g.SecurityGroups[0].Name != "kube-cl0000000000000000001" {
			t.Fatalf("listed %+v", g)
		}
		if code, _, _ := call(t, dir, "", "is", "endpoint-gateway", "logs-vpe", "--vpc", "vpc1", "--output", "JSON"); code != 0 {
			t.Fatal("endpoint-gateway NAME --vpc did not find the gateway")
		}
		code, _, errs := call(t, dir, "", append(base(crn)[:len(base(crn))-1], "logs-vpe-2")...)
		if code == 0 || !strings.Contains(errs, "already exists in this VPC") {
			t.Fatalf("a second gateway to the same instance: exit %d, %q; IBM allows one VPE per service in a VPC", code, errs)
		}
	})
	for _, tc := range []struct {
		name  string
		extra []string
		crn   string
		fail  string
	}{
		{"two IPs in one zone", []string{"--new-reserved-ip", ip("0757-sn1"), "--new-reserved-ip", ip("0757-sn1b")}, "", "one reserved IP per zone"},
		{"not an instance", nil, "crn:v1:bluemix:public:logs:ca-mon:a/x:nope::", "not a service instance CRN"},
		{"unknown security group", []string{"--sg", "kube-someone-else"}, "", "could not be found"},
		{"subnet of another VPC", []string{"--new-reserved-ip", ip("0757-elsewhere")}, "", "could not be found in the VPC"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, crn := vpeWorld(t)
			if tc.crn != "" {
				crn = tc.crn
			}
			code, _, errs := call(t, dir, "", append(base(crn), tc.extra...)...)
			if code == 0 || !strings.Contains(errs, tc.fail) {
				t.Fatalf("exit %d, %q; want a refusal saying %q", code, errs, tc.fail)
			}
			st, err := LoadState(dir)
			if err != nil {
				t.Fatal(err)
			}
			if len(st.EndpointGateways) != 0 {
				t.Fatalf("a refused create left %d gateways", len(st.EndpointGateways))
			}
		})
	}
}
