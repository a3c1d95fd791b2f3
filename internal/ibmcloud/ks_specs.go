package ibmcloud

// srcKS is IBM's generated `ibmcloud ks` reference (cli-ks-plugin-v2.md in
// ibm-cloud-docs/containers, lastupdated 2026-08-04): every ks flag below is
// listed there for its command.
const srcKS = "https://cloud.ibm.com/docs/containers?topic=containers-kubernetes-service-cli"

// srcMigration is IBM's Ingress-NGINX → Traefik migration page
// (ibm-cloud-docs/containers, topic ingress-controller-migration, 2026):
// `ingress alb disable|enable classic|vpc-gen2 --alb --cluster [--version]`,
// `ingress load-balancer backend set --cluster --public-backend traefik
// [--private-backend traefik]`, `ingress load-balancer get --cluster`.
const srcMigration = "https://cloud.ibm.com/docs/containers?topic=containers-ingress-controller-migration"

// Flags most ks commands share.
var (
	fCluster  = Flag{Names: []string{"cluster", "c"}, Value: true, Required: true}
	fOutput   = Flag{Names: []string{"output"}, Value: true}
	fQuiet    = Flag{Names: []string{"q"}}
	fForce    = Flag{Names: []string{"f"}}
	fYes      = Flag{Names: []string{"y"}}
	fPool     = Flag{Names: []string{"worker-pool", "p"}, Value: true, Required: true}
	fZone     = Flag{Names: []string{"zone"}, Value: true, Required: true}
	fOptZone  = Flag{Names: []string{"zone"}, Value: true}
	fRegion   = Flag{Names: []string{"region"}, Value: true}
	fProvider = Flag{Names: []string{"provider"}, Value: true}
)

func opt(name string, value bool) Flag { return Flag{Names: []string{name}, Value: value} }
func req(name string) Flag             { return Flag{Names: []string{name}, Value: true, Required: true} }

func ksSpecs() []*Spec {
	return []*Spec{
		{Path: "ks versions", Flags: []Flag{fOutput, fQuiet, opt("show-version", true)}, Source: srcKS, Run: ksVersions},
		{Path: "ks flavor ls", Flags: []Flag{fZone, fProvider, fOutput, fQuiet, opt("show-os", false), opt("show-storage", false)}, Source: srcKS, Run: ksFlavors},
		{Path: "ks cluster create vpc-gen2", Mutating: true, Source: srcKS, Run: ksCreateVPC, Flags: []Flag{
			req("name"), fZone, req("vpc-id"), req("subnet-id"), req("flavor"), opt("version", true), opt("workers", true),
			opt("operating-system", true), opt("cos-instance", true), opt("disable-outbound-traffic-protection", false),
			opt("disable-public-service-endpoint", false), opt("pod-subnet", true), opt("service-subnet", true),
			opt("kms-account-id", true), opt("kms-instance", true), opt("crk", true), opt("sm-group", true), opt("sm-instance", true),
			opt("secondary-storage", true), opt("dedicated-host-pool", true), opt("entitlement", true),
			opt("skip-advance-permissions-check", false), opt("secure-by-default", true), fQuiet}},
		{Path: "ks cluster create classic", Mutating: true, Source: srcKS, Run: ksCreateClassic, Flags: []Flag{
			req("name"), fZone, opt("flavor", true), opt("hardware", true), opt("workers", true), opt("version", true),
			opt("operating-system", true), opt("private-vlan", true), opt("public-vlan", true), opt("private-only", false),
			opt("private-service-endpoint", false), opt("public-service-endpoint", false), opt("pod-subnet", true),
			opt("service-subnet", true), opt("disable-disk-encrypt", false), opt("entitlement", true), opt("sm-group", true),
			opt("sm-instance", true), opt("skip-advance-permissions-check", false), fQuiet}},
		{Path: "ks cluster get", Flags: []Flag{fCluster, fOutput, fQuiet, opt("show-resources", false)}, Source: srcKS, Run: ksClusterGet},
		{Path: "ks cluster ls", Flags: []Flag{fProvider, fOutput, fQuiet, opt("location", true)}, Source: srcKS, Run: ksClusterLs},
		{Path: "ks cluster config", Flags: []Flag{fCluster, opt("admin", false), opt("network", false), fOutput, opt("endpoint", true), opt("skip-rbac", false), fQuiet}, Source: srcKS, Run: ksClusterConfig},
		{Path: "ks cluster ca get", Flags: []Flag{fCluster, fOutput, fQuiet}, Source: srcKS, Run: ksCAGet},
		{Path: "ks workers", Flags: []Flag{fCluster, opt("worker-pool", true), opt("show-deleted", false), fOutput, fQuiet}, Source: srcKS, Run: ksWorkers},
		{Path: "ks worker-pool get", Flags: []Flag{fCluster, fPool, fOutput, fQuiet}, Source: srcKS, Run: ksPoolGet},
		{Path: "ks worker-pool ls", Flags: []Flag{fCluster, fOutput, fQuiet}, Source: srcKS, Run: ksPoolLs},
		{Path: "ks worker-pool create vpc-gen2", Mutating: true, Source: srcKS, Run: ksPoolCreateVPC, Flags: []Flag{
			req("name"), fCluster, req("flavor"), req("size-per-zone"), req("vpc-id"), opt("operating-system", true),
			{Names: []string{"label", "l"}, Value: true, Repeat: true}, opt("entitlement", true), opt("dedicated-host-pool", true),
			opt("kms-instance", true), opt("crk", true), opt("kms-account-id", true), opt("secondary-storage", true), fOutput, fQuiet}},
		{Path: "ks worker-pool create classic", Mutating: true, Source: srcKS, Run: ksPoolCreateClassic, Flags: []Flag{
			req("name"), fCluster, req("flavor"), req("size-per-zone"), opt("hardware", true), opt("operating-system", true),
			{Names: []string{"label", "l"}, Value: true, Repeat: true}, opt("entitlement", true), opt("disable-disk-encrypt", false), fOutput, fQuiet}},
		{Path: "ks worker-pool taint set", Mutating: true, Source: srcKS, Run: ksPoolTaint, Flags: []Flag{
			fCluster, fPool, {Names: []string{"taint"}, Value: true, Required: true, Repeat: true}, fForce, fQuiet}},
		{Path: "ks worker-pool label set", Mutating: true, Source: srcKS, Run: ksPoolLabel, Flags: []Flag{
			fCluster, fPool, {Names: []string{"label"}, Value: true, Required: true, Repeat: true}, fForce, fQuiet}},
		{Path: "ks zone add vpc-gen2", Mutating: true, Source: srcKS, Run: ksZoneAddVPC, Flags: []Flag{
			fZone, req("subnet-id"), fCluster, {Names: []string{"worker-pool", "p"}, Value: true, Required: true, Repeat: true}, fOutput, fQuiet}},
		{Path: "ks zone add classic", Mutating: true, Source: srcKS, Run: ksZoneAddClassic, Flags: []Flag{
			fZone, fCluster, {Names: []string{"worker-pool", "p"}, Value: true, Required: true, Repeat: true},
			opt("private-vlan", true), opt("public-vlan", true), opt("private-only", false), fOutput, fQuiet}},
		{Path: "ks kms enable", Mutating: true, Source: srcKS, Run: ksKMSEnable, Flags: []Flag{
			fCluster, req("instance-id"), req("crk"), opt("public-endpoint", false), opt("account-id", true), fQuiet}},
		{Path: "ks cluster addon ls", Flags: []Flag{fCluster, fOutput, fQuiet}, Source: srcKS, Run: ksAddonLs},
		{Path: "ks cluster addon enable", Args: []string{"ADDON"}, Mutating: true, Source: srcKS, Run: ksAddonEnable, Flags: []Flag{
			fCluster, opt("version", true), {Names: []string{"param"}, Value: true, Repeat: true}, fYes, fQuiet}},
		{Path: "ks cluster image-security enable", Mutating: true, Flags: []Flag{fCluster, fForce, fQuiet}, Source: srcKS, Run: ksImageSecurity},
		{Path: "ks cluster master refresh", Mutating: true, Flags: []Flag{fCluster, fQuiet}, Source: srcKS, Run: ksMasterRefresh},
		{Path: "ks cluster master private-service-endpoint enable", Mutating: true, Flags: []Flag{fCluster, fForce, fYes, fQuiet}, Source: srcKS, Run: ksPrivateSE},
		{Path: "ks cluster master public-service-endpoint disable", Mutating: true, Flags: []Flag{fCluster, fForce, fYes, fQuiet}, Source: srcKS, Run: ksPublicSEDisable},
		{Path: "ks cluster master public-service-endpoint enable", Mutating: true, Flags: []Flag{fCluster, fForce, fYes, fQuiet}, Source: srcKS, Run: ksPublicSEEnable},
		{Path: "ks cluster master audit-webhook set", Mutating: true, Source: srcKS, Run: ksAuditSet, Flags: []Flag{
			fCluster, req("remote-server"), opt("ca-cert", true), opt("client-cert", true), opt("client-key", true), opt("policy", true), fQuiet}},
		{Path: "ks cluster master audit-webhook get", Flags: []Flag{fCluster, fOutput, fQuiet}, Source: srcKS, Run: ksAuditGet},
		{Path: "ks cluster service bind", Mutating: true, Source: srcKS, Run: ksServiceBind, Flags: []Flag{
			fCluster, req("namespace"), req("service"), opt("key", true), opt("role", true), fQuiet}},
		{Path: "ks cluster service ls", Flags: []Flag{fCluster, opt("namespace", true), opt("all-namespaces", false), fOutput, fQuiet}, Source: srcKS, Run: ksServiceLs},
		{Path: "ks ingress alb ls", Flags: []Flag{fCluster, fOutput, fQuiet}, Source: srcKS, Run: ksALBLs},
		{Path: "ks ingress alb versions", Flags: []Flag{fRegion, fOutput, fQuiet}, Source: srcKS, Run: ksALBVersions},
		{Path: "ks ingress alb enable classic", Mutating: true, Flags: []Flag{req("alb"), fCluster, opt("version", true), opt("ip", true), fQuiet}, Source: srcKS, Run: ksALBEnable},
		{Path: "ks ingress alb enable vpc-gen2", Mutating: true, Flags: []Flag{req("alb"), fCluster, opt("version", true), fQuiet}, Source: srcKS, Run: ksALBEnable},
		{Path: "ks ingress alb disable", Mutating: true, Flags: []Flag{req("alb"), fCluster, opt("disable-deployment", false), fQuiet}, Source: srcKS, Run: ksALBDisable},
		// The provider forms are the ones IBM's Traefik migration page uses.
		{Path: "ks ingress alb disable classic", Mutating: true, Flags: []Flag{req("alb"), fCluster, opt("disable-deployment", false), fQuiet}, Source: srcMigration, Run: ksALBDisable},
		{Path: "ks ingress alb disable vpc-gen2", Mutating: true, Flags: []Flag{req("alb"), fCluster, fQuiet}, Source: srcMigration, Run: ksALBDisable},
		{Path: "ks ingress instance ls", Flags: []Flag{fCluster, fOutput, fQuiet}, Source: srcKS, Run: ksIngressInstances},
		{Path: "ks ingress instance register", Mutating: true, Flags: []Flag{fCluster, req("crn"), opt("is-default", false), opt("secret-group-id", true), fQuiet}, Source: srcKS, Run: ksIngressRegister},
		{Path: "ks ingress instance default set", Mutating: true, Flags: []Flag{fCluster, req("name"), fQuiet}, Source: srcKS, Run: ksIngressDefault},
		{Path: "ks ingress load-balancer get", Flags: []Flag{fCluster, fOutput, fQuiet}, Source: srcKS, Run: ksLBGet},
		{Path: "ks ingress load-balancer backend set", Mutating: true, Flags: []Flag{fCluster, opt("public-backend", true), opt("private-backend", true), fQuiet}, Source: srcMigration, Run: ksLBBackendSet},
		{Path: "ks ingress alb autoupdate enable", Mutating: true, Flags: []Flag{fCluster, fQuiet}, Source: srcKS, Run: ksAutoupdate(true)},
		{Path: "ks ingress alb autoupdate disable", Mutating: true, Flags: []Flag{fCluster, fQuiet}, Source: srcKS, Run: ksAutoupdate(false)},
		{Path: "ks ingress alb autoupdate get", Flags: []Flag{fCluster, fOutput, fQuiet}, Source: srcKS, Run: ksAutoupdateGet},
		{Path: "ks vlan ls", Flags: []Flag{fZone, fOutput, fQuiet}, Source: srcVLANs, Run: ksVLANLs},
		{Path: "ks vpc outbound-traffic-protection disable", Mutating: true, Flags: []Flag{fCluster, fForce, fQuiet}, Source: srcKS, Run: ksOTP(false)},
		{Path: "ks vpc outbound-traffic-protection enable", Mutating: true, Flags: []Flag{fCluster, fForce, fQuiet}, Source: srcKS, Run: ksOTP(true)},
	}
}
