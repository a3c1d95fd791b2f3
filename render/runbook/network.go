package runbook

import (
	"strings"

	"github.com/iksplan/iksplan/render/manifests"
	"github.com/iksplan/iksplan/render/view"
)

const (
	iksService = "containers-kubernetes"
	apiTypeCRN = "crn:v1:bluemix:public:containers-kubernetes::::api-type:"
)

// loopVar is a reference to a shell loop variable (not in the variables
// block).
func loopVar(name string) word { return word{text: `"$` + name + `"`} }

// wantsCBR reports whether the design restricts the cluster's APIs with
// context-based restrictions: on VPC the VPC and the allowed addresses; on
// classic the public endpoint to the allowed addresses (a classic master
// without a public endpoint has nothing public to restrict).
func (b *builder) wantsCBR() bool {
	cbr := b.s.CBR()
	if cbr == nil || !cbr.Enabled {
		return false
	}
	return b.s.IsVPC() || b.s.Network.ServiceEndpoints.HasPublic()
}

// network applies the firewall (Calico on classic, security groups and
// context-based restrictions on VPC), the master endpoints, the Ingress
// ALBs and CIS.
func (b *builder) network() {
	bd := b.cur
	s := b.s
	if s.IsClassic() {
		b.calico()
	} else {
		b.securityGroups()
	}
	b.endpoints()
	if b.wantsCBR() {
		b.cbr()
	}
	bd.blank()
	b.albs()
	b.cis()
}

// calico applies the Calico policies the manifests renderer wrote, in its
// order, with calicoctl on the kubeconfig of the access step (IBM's
// network_policies page: DATASTORE_TYPE=kubernetes).
func (b *builder) calico() {
	bd := b.cur
	files := manifests.CalicoFiles(b.c)
	if len(files) == 0 {
		bd.comment("No Calico policy sets chosen: IBM's default host policies stay as they are.")
		return
	}
	bd.comment("Calico host policies on the workers' public and private interfaces (IBM's 2019 guidance, slides 36–37), added")
	bd.comment("next to IBM's default host policies, which stay (they come back on every master refresh).")
	bd.raw("export DATASTORE_TYPE=kubernetes")
	for _, f := range files {
		bd.run(cmd("calicoctl", "apply", "-f", f)...)
	}
}

// securityGroups says which VPC security group rules apply: VPC clusters
// use security groups, not Calico host policies.
func (b *builder) securityGroups() {
	bd := b.cur
	bd.comment("VPC clusters are guarded by VPC security groups, not Calico host policies. IBM manages:")
	bd.comment("  kube-<clusterID>         the workers: traffic between workers and to the master; keep IBM's rules.")
	bd.comment("  kube-vpegw-<clusterID>   the master's VPE gateway: to run kubectl over a VPN, add an inbound TCP rule")
	bd.comment("                           for the VPE port (ibmcloud ks cluster get) from the VPN's CIDR with")
	bd.comment("                           ibmcloud is security-group-rule-add kube-vpegw-<clusterID> inbound tcp ...")
	bd.comment("  kube-lbaas-<clusterID>   VPC load balancers of LoadBalancer services and ALBs: IBM opens their ports.")
	bd.comment("The design names no extra CIDRs and ports, so no rule is added here. Custom network ACLs are not")
	bd.comment("recommended for IKS. Kubernetes NetworkPolicies in manifests/ isolate the namespaces.")
}

// endpoints makes an existing cluster's master endpoints match the design.
// A cluster this runbook created already has them; the checks matter on
// re-runs against an older cluster.
func (b *builder) endpoints() {
	bd := b.cur
	s := b.s
	get := cmd("", "ibmcloud", "ks", "cluster", "get", "--cluster", b.clusterVar(), "--output", "json")
	if s.IsClassic() && s.Network.ServiceEndpoints.HasPrivate() {
		bd.blank()
		bd.comment("Private service endpoint (workers talk to the master privately; IBM's 2019 guidance, slide 39).")
		bd.ifElse(when("json_has", append(cmd(b.jqPrivateEndpointOn()), get...)...), func() {
			bd.say("the private service endpoint is on")
		}, func() {
			bd.raw("mark_refresh")
			bd.run(cmd("ibmcloud", "ks", "cluster", "master", "private-service-endpoint", "enable", "--cluster", b.clusterVar(), "-f")...)
			bd.note("reload the workers (ibmcloud ks worker reload) so they use the private endpoint")
		})
		b.refreshIfPending()
	}
	if b.privateOnlyMaster() {
		bd.blank()
		bd.comment("Private-only master: no public endpoint. kubectl needs the IBM private network (VPN, Direct Link).")
		bd.ifNot(when("json_has", append(cmd(b.jqPublicEndpointOff()), get...)...), func() {
			bd.raw("mark_refresh")
			bd.run(cmd("ibmcloud", "ks", "cluster", "master", "public-service-endpoint", "disable", "--cluster", b.clusterVar(), "-f")...)
		})
		b.refreshIfPending()
	}
}

// refreshIfPending refreshes the master when a change that needs it was
// made, in this run or in one that stopped before the refresh succeeded:
// the change itself is then already made, so its "already done?" check
// alone would never refresh (IBM: a master refresh applies endpoint and
// audit webhook changes).
func (b *builder) refreshIfPending() {
	bd := b.cur
	bd.ifElse(when("refresh_pending"), func() {
		bd.run(cmd("ibmcloud", "ks", "cluster", "master", "refresh", "--cluster", b.clusterVar())...)
		bd.raw("refresh_done")
	}, nil)
}

// cbrStartMode is the enforcement mode a CBR rule for the API type starts
// in, so this runbook cannot lock itself out halfway (the verify step
// enforces the rules). IBM: rules for the cluster API type do not support
// report-only (https://cloud.ibm.com/docs/containers?topic=containers-cbr,
// "Limitations"; terraform-ibm-modules/terraform-ibm-cbr creates them
// disabled), so that rule starts disabled and only the management rule
// reports.
func cbrStartMode(api string) string {
	if api == "cluster" {
		return "disabled"
	}
	return "report"
}

// reCBREnforced matches `ibmcloud cbr rule ID` text output of an enforced
// rule (the CBR CLI reference's example output: "enforcement_mode   enabled").
const reCBREnforced = `enforcement_mode[[:space:]]+enabled`

// cbr limits who may call the cluster's APIs (kubectl: api-type cluster;
// ibmcloud ks: api-type management) to the design's CIDRs and the cluster's
// VPC. IBM's replacement for the private endpoint allowlist. The rules start
// unenforced (cbrStartMode); the verify step enforces them.
func (b *builder) cbr() {
	bd := b.cur
	cbr := b.s.CBR()
	vpc := b.s.IsVPC()
	bd.blank()
	bd.comment("Context-based restrictions on the cluster's APIs (they replace the retired private endpoint allow list).")
	if !vpc {
		bd.comment("Classic: private-network calls stay allowed (workers, VPN, Direct Link); the public endpoint only")
		bd.comment("from the zone's addresses (IBM cbr page: endpointType=private, endpointType=public,networkZoneId=ZONE).")
	}
	zone := b.val("CBR_ZONE_NAME", b.c.Design.Metadata.Name+"-allowed", hNetwork, "CBR network zone: who may call the cluster's APIs")
	if vpc {
		b.readBack("capture", "VPC_CRN", view.StepNetwork, "CRN of the VPC",
			cmd("<crn of the VPC>", ".crn", "", "ibmcloud", "is", "vpc", b.vpcID(), "--output", "JSON")...)
	}
	b.readBack("find_id", "CBR_ZONE_ID", view.StepNetwork, "ID of the CBR network zone",
		cmd("", "", "ibmcloud", "cbr", "zones", "--name", zone)...)
	bd.rawUses(`if [[ -z "$CBR_ZONE_ID" ]]; then`, "CBR_ZONE_ID")
	bd.block(func() {
		ws := cmd("ibmcloud", "cbr", "zone-create", "--name", zone, "--description", "iksplan: networks allowed to call the cluster APIs")
		if len(cbr.AllowedCIDRs) > 0 {
			addr := b.val("CBR_ADDRESSES", strings.Join(cbr.AllowedCIDRs, ","), hNetwork, "allowed addresses (office, VPN, CI)")
			ws = append(ws, lit("--addresses"), addr)
		}
		if vpc {
			ws = append(ws, lit("--vpc"), ref("VPC_CRN"))
		}
		bd.run(ws...)
		bd.call("find_id", cmd("CBR_ZONE_ID", "<id of the CBR network zone>", "", "ibmcloud", "cbr", "zones", "--name", zone)...)
	})
	bd.raw("fi")
	bd.rawUses(`[[ -n "$CBR_ZONE_ID" ]] || die `+bd.msg("the CBR network zone was not found after creating it").text, "CBR_ZONE_ID")
	for _, api := range []string{"cluster", "management"} {
		name := "CBR_RULE_" + strings.ToUpper(api) + "_ID"
		desc := cat("iksplan ", varRef("CLUSTER"), " "+api+" API")
		list := cmd("ibmcloud", "cbr", "rules", "--service-name", iksService, "--service-instance", b.clusterID())
		b.readBack("find_id", name, view.StepNetwork, b.text("ID of the CBR rule for the ", textArg(api), " API"), append(cmd("", desc), list...)...)
		bd.rawUses(`if [[ -z "$`+name+`" ]]; then`, name)
		bd.block(func() {
			who := cmd("--zone-id", ref("CBR_ZONE_ID"))
			if !vpc {
				who = cmd("--context-attributes", "endpointType=private",
					"--context-attributes", cat("endpointType=public,networkZoneId=", varRef("CBR_ZONE_ID")))
			}
			ws := cmd("ibmcloud", "cbr", "rule-create", "--description", desc, "--service-name", iksService,
				"--service-instance", b.clusterID(), "--api-types", apiTypeCRN+api)
			ws = append(append(ws, who...), cmd("--enforcement-mode", cbrStartMode(api))...)
			bd.run(ws...)
			bd.call("find_id", append(cmd(name, "<id of the CBR rule for the "+api+" API>", desc), list...)...)
		})
		bd.raw("fi")
	}
	if b.has(view.StepVerify) {
		bd.comment("The cluster API rule starts disabled (IBM offers no report-only mode for that API type), the")
		bd.comment("management API rule in report-only mode; %s enforces both.", b.stepRef(view.StepVerify))
	}
}

// cis creates the Cloud Internet Services instance when the catalog
// confirms its service name and plan; its DNS, GLB and WAF settings are
// made in the CIS console.
func (b *builder) cis() {
	bd := b.cur
	c := b.s.Firewall.CIS
	if !c.Enabled {
		return
	}
	bd.blank()
	bd.comment("Cloud Internet Services in front of the Ingress (IBM's 2019 guidance, slide 38): DDoS, WAF, GLB, TLS, DNS, CDN.")
	e, ok := b.c.Catalog.Service("cis")
	if !ok || e.ServiceName == "" || e.Plan == "" {
		bd.comment("iksplan's catalog does not confirm CIS's catalog name and plan, so no command is generated:")
		bd.comment("create the instance in the console (https://cloud.ibm.com/catalog/services/internet-services).")
		bd.note("create the Cloud Internet Services instance in the console; then add the domain and its DNS, GLB and WAF settings")
		return
	}
	sv := b.catalogService("cis", hNetwork)
	inst := b.val("CIS_INSTANCE", c.InstanceName, hNetwork, "Cloud Internet Services instance")
	bd.unlessExists(cmd("ibmcloud", "resource", "service-instance", inst), []any{"CIS instance ", varRef("CIS_INSTANCE")}, func() {
		bd.run(cmd("ibmcloud", "resource", "service-instance-create", inst, sv.name, sv.plan, sv.location(b), "-g", ref("RESOURCE_GROUP"))...)
	})
	bd.comment("Add the domain and point its name servers at CIS, then set up the GLB with the cluster's Ingress")
	bd.comment("subdomain as origin, in the CIS console.")
	bd.note("finish CIS in its console: domain, name servers, GLB origin (the Ingress subdomain), WAF")
}
