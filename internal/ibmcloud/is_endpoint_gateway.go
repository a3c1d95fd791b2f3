package ibmcloud

import (
	"fmt"
	"strings"
)

// EndpointGateway is a VPE gateway of a VPC: a private IP per zone (a
// reserved IP in one of the VPC's subnets there) in front of one IBM Cloud
// service or service instance.
type EndpointGateway struct {
	ID             string   `json:"id"`
	Name           string   `json:"name"`
	VPC            string   `json:"vpc"`
	Target         string   `json:"target"` // a service instance CRN or a provider infrastructure service name
	TargetType     string   `json:"targetType"`
	IPs            []EGWIP  `json:"ips"`
	SecurityGroups []string `json:"securityGroups"`
	ResourceGroup  string   `json:"resourceGroup"`
}

// EGWIP is a reserved IP bound to an endpoint gateway.
type EGWIP struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Subnet  string `json:"subnet"`
	Address string `json:"address"`
}

// srcVPE: the commands and flags are ibm-cloud-docs/vpc-infrastructure-cli-plugin
// vpc-cli-reference.md (d61b6f4, lastupdated 2026-08-14): endpoint-gateway
// ENDPOINT_GATEWAY [--vpc VPC] [--output JSON]; endpoint-gateways [--vpc VPC]
// [--resource-group-name …] [--output JSON]; endpoint-gateway-create --target
// TARGET [--target-type …] [--vpc VPC] [--name NAME] [--new-reserved-ip JSON …]
// [--sg SG] [--resource-group-name …] [--output JSON]. The rules the double
// enforces are ibm-cloud-docs/vpc vpe-planning.md (lastupdated 2025-09-02):
// one VPE per service in a VPC, one IP per VPC zone, the VPC's default
// security group when --sg is left out; and the CLI reference's "At most,
// one reserved IP per zone is allowed".
const srcVPE = "https://cloud.ibm.com/docs/vpc?topic=vpc-vpc-reference#endpoint-gateway-create"

// egwJSON is an endpoint gateway as the VPC API returns it (EndpointGateway
// of vpc-go-sdk vpcv1; the attribute names the Terraform provider's
// ibm_is_virtual_endpoint_gateway data source documents, 332eb0d: crn,
// created_at, health_state, lifecycle_state, ips {address, id, name,
// resource_type}, resource_group, target {crn, resource_type},
// security_groups, vpc). The nested reference shapes follow the double's
// other VPC items (INFERRED beyond those names).
func egwJSON(st *State, g *EndpointGateway) map[string]any {
	v := st.vpc(g.VPC)
	ips := []map[string]string{}
	for _, ip := range g.IPs {
		ips = append(ips, map[string]string{"id": ip.ID, "name": ip.Name, "address": ip.Address, "resource_type": "subnet_reserved_ip"})
	}
	sgs := []map[string]string{}
	for _, sg := range g.SecurityGroups {
		sgs = append(sgs, map[string]string{"id": sg, "name": sg})
	}
	target := map[string]string{"resource_type": g.TargetType}
	if g.TargetType == "provider_infrastructure_service" {
		target["name"] = g.Target
	} else {
		target["crn"] = g.Target
	}
	return map[string]any{
		"id": g.ID, "crn": fmt.Sprintf("crn:v1:bluemix:public:is:%s:a/%s::endpoint-gateway:%s", st.Session.Region, st.Account.ID, g.ID),
		"name": g.Name, "resource_type": "endpoint_gateway", "created_at": "2026-12-01T00:00:00Z",
		"lifecycle_state": "stable", "health_state": "ok", "dns_resolution_binding_mode": "primary",
		"ips": ips, "security_groups": sgs, "target": target,
		"vpc":            vpcRef{ID: v.ID, CRN: st.vpcCRN(v), Name: v.Name},
		"resource_group": map[string]string{"id": groupID(st, g.ResourceGroup), "name": g.ResourceGroup},
	}
}

func (s *State) endpointGateway(ref, vpc string) *EndpointGateway {
	return find(s.EndpointGateways, func(g *EndpointGateway) bool {
		return (g.ID == ref || g.Name == ref) && (vpc == "" || g.VPC == vpc)
	})
}

// vpcFlag is the VPC --vpc names (ID or name), "" when not given.
func (c *Call) vpcFlag() (string, error) {
	ref := c.Get("vpc")
	if ref == "" {
		return "", nil
	}
	v := c.env.State.vpc(ref)
	if v == nil {
		return "", failf("VPC %s could not be found.", ref)
	}
	return v.ID, nil
}

func isEndpointGateway(c *Call) error {
	if err := vpcOutput(c); err != nil {
		return err
	}
	vpc, err := c.vpcFlag()
	if err != nil {
		return err
	}
	g := c.env.State.endpointGateway(c.Args[0], vpc)
	if g == nil {
		return failf("Endpoint gateway %s could not be found.", c.Args[0])
	}
	if c.Get("output") != "" {
		return printJSON(c.env.Out, egwJSON(c.env.State, g))
	}
	fmt.Fprintf(c.env.Out, "ID                %s\nName              %s\nLifecycle state   stable\nTarget            %s\n", g.ID, g.Name, g.Target)
	return nil
}

func isEndpointGateways(c *Call) error {
	if err := vpcOutput(c); err != nil {
		return err
	}
	vpc, err := c.vpcFlag()
	if err != nil {
		return err
	}
	st := c.env.State
	out := []map[string]any{}
	for i := range st.EndpointGateways {
		if g := &st.EndpointGateways[i]; vpc == "" || g.VPC == vpc {
			out = append(out, egwJSON(st, g))
		}
	}
	if c.Get("output") != "" {
		return printJSON(c.env.Out, out)
	}
	fmt.Fprintln(c.env.Out, "ID   Name   Lifecycle state")
	for _, g := range out {
		fmt.Fprintf(c.env.Out, "%s   %s   stable\n", g["id"], g["name"])
	}
	return nil
}

// newReservedIP is --new-reserved-ip's JSON (the CLI reference's examples:
// {"subnet": {"id": …} or {"name": …}, "name", "address", "auto_delete"}).
type newReservedIP struct {
	Subnet struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"subnet"`
	Name       string `json:"name"`
	Address    string `json:"address"`
	AutoDelete *bool  `json:"auto_delete"`
}

func isEndpointGatewayCreate(c *Call) error {
	if err := vpcOutput(c); err != nil {
		return err
	}
	st := c.env.State
	vpc, err := c.vpcFlag()
	if err != nil {
		return err
	}
	if vpc == "" {
		// The double has no default VPC; IBM's examples always pass --vpc.
		return failf("Specify the VPC with '--vpc'.")
	}
	target, typ := c.Get("target"), c.Get("target-type")
	if typ == "" {
		typ = "provider_cloud_service"
		if !strings.HasPrefix(target, "crn:") {
			typ = "provider_infrastructure_service"
		}
	}
	switch typ {
	case "provider_cloud_service":
		if len(st.instancesNamed(target)) == 0 || !strings.HasPrefix(target, "crn:") {
			return failf("The target '%s' is not a service instance CRN of this account. List targets with 'ibmcloud is endpoint-gateway-targets'.", target)
		}
	case "provider_infrastructure_service", "private_path_service_gateway":
	default:
		return &UsageError{fmt.Sprintf("Incorrect Usage. The value '%s' of '--target-type' must be private_path_service_gateway, provider_cloud_service or provider_infrastructure_service.", typ)}
	}
	for _, g := range st.EndpointGateways {
		if g.VPC == vpc && g.Target == target {
			// "You can create only one VPE per service within a single VPC."
			return failf("An endpoint gateway for target %s already exists in this VPC: %s.", target, g.Name)
		}
	}
	name := c.Get("name")
	if name == "" {
		name = "egw-" + uuidish(st.newID("egw-name", vpc+"/"+target, 0))[:8]
	}
	if st.endpointGateway(name, vpc) != nil {
		return failf("Error code: validation_unique_failed. The endpoint gateway name '%s' is already in use.", name)
	}
	id := "r022-" + uuidish(st.newID("egw", vpc+"/"+name, 0))
	g := EndpointGateway{ID: id, Name: name, VPC: vpc, Target: target, TargetType: typ, SecurityGroups: []string{"default"}}
	zones := map[string]bool{}
	for i, raw := range c.All("new-reserved-ip") {
		var r newReservedIP
		if err := jsonUnmarshalStrict(raw, &r); err != nil {
			return &UsageError{fmt.Sprintf("Incorrect Usage. '--new-reserved-ip' is not valid reserved IP JSON: %v", err)}
		}
		ref := r.Subnet.ID
		if ref == "" {
			ref = r.Subnet.Name
		}
		sn := st.subnet(ref, vpc)
		if sn == nil {
			return failf("Subnet %s could not be found in the VPC.", ref)
		}
		if zones[sn.Zone] {
			return failf("At most one reserved IP per zone is allowed; zone %s has two.", sn.Zone)
		}
		zones[sn.Zone] = true
		ipName := r.Name
		if ipName == "" {
			ipName = fmt.Sprintf("%s-ip-%d", name, i+1)
		}
		g.IPs = append(g.IPs, EGWIP{ID: "0727-" + uuidish(st.newID("rip", id+"/"+sn.ID, i)), Name: ipName, Subnet: sn.ID,
			Address: subnetAddress(sn, 10)})
	}
	if sgs := c.Get("sg"); sgs != "" {
		g.SecurityGroups = nil
		for _, sg := range strings.Split(sgs, ",") {
			if !st.managedSecurityGroup(sg, vpc) {
				return failf("Security group %s could not be found in the VPC.", sg)
			}
			g.SecurityGroups = append(g.SecurityGroups, sg)
		}
	}
	if g.ResourceGroup, err = c.rgFlag(); err != nil {
		return err
	}
	st.EndpointGateways = append(st.EndpointGateways, g)
	return printIS(c, egwJSON(st, &st.EndpointGateways[len(st.EndpointGateways)-1]), "Creating endpoint gateway "+name)
}

// managedSecurityGroup reports whether sg names one of the security groups
// IKS creates in vpc (ibm-cloud-docs/containers vpc-security-group-reference,
// 2026-10-09): kube-<clusterID> for the workers, kube-vpegw-<clusterID>
// and kube-vpegw-<vpcID>, or the VPC's default group. The double models no
// other security groups.
func (s *State) managedSecurityGroup(sg, vpc string) bool {
	if sg == "default" || sg == "kube-vpegw-"+vpc {
		return true
	}
	for _, cl := range s.Clusters {
		if cl.VPC == vpc && (sg == "kube-"+cl.ID || sg == "kube-vpegw-"+cl.ID) {
			return true
		}
	}
	return false
}

// subnetAddress is the n-th address of a subnet's CIDR (a.b.c.0/24 → a.b.c.n).
func subnetAddress(sn *Subnet, n int) string {
	base := strings.SplitN(sn.CIDR, "/", 2)[0]
	if i := strings.LastIndex(base, "."); i > 0 {
		return fmt.Sprintf("%s.%d", base[:i], n)
	}
	return base
}

// CRN is the instance's CRN as the double writes it (IBM's CRN format).
func (in *Instance) CRN() string { return in.crn() }
