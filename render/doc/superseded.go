package doc

import (
	"strings"

	"github.com/iksplan/iksplan/model/catalog"
)

// superseded is the table of the seed's advice that no longer holds,
// beyond logging and monitoring (which have their own box).
func (b *builder) superseded() Table {
	s := b.s
	t := newTable(b.t("sup.col.seed"), b.t("sup.col.today"), b.t("sup.col.design"))
	gw := md(label(b.translator, s.Firewall.GatewayAppliance))
	if !s.IsClassic() {
		gw = b.t("sup.gw.vpc")
	}
	t.add(b.t("sup.gw.seed"), b.t("sup.gw.today"), gw)
	t.add(b.t("sup.iam.seed"), b.t("sup.iam.today"), b.t("sup.iam.design", "Link", b.secLink(secIAM)))
	sg := b.t("sup.sg.classic")
	if s.IsVPC() {
		sg = b.t("sup.sg.vpc", "Link", b.secLink(secNetwork))
	}
	t.add(b.t("sup.sg.seed"), b.t("sup.sg.today"), sg)
	routing := b.t("sup.vrf.vpc")
	if s.IsClassic() && s.Network.Classic != nil {
		routing = md(label(b.translator, s.Network.Classic.AccountRouting))
	}
	t.add(b.t("sup.vrf.seed", "Cmd", lit("ibmcloud account show")),
		b.t("sup.vrf.today", "Cmd", lit("ibmcloud ks vlan spanning get")),
		routing)
	var supported []string
	for _, v := range b.versionsNewestFirst() {
		st := v.StatusAsOf(b.c.AsOf)
		if st == catalog.VersionDefault || st == catalog.VersionSupported {
			supported = append(supported, code(v.Version))
		}
	}
	now := b.t("sup.ver.see", "Link", b.secLink(secVersion))
	if len(supported) > 0 {
		now = b.t("sup.ver.supported", "AsOf", md(b.c.AsOf), "Versions", strings.Join(supported, ", "))
	}
	t.add(b.t("sup.ver.seed"), b.t("sup.ver.today", "Now", now), code(s.KubernetesVersion))
	t.add(b.t("sup.cli.seed", "Cmd", lit("ibmcloud ks cluster-create … --machine-type")),
		b.t("sup.cli.today", "Create", lit("ibmcloud ks cluster create classic"), "VPC", lit("vpc-gen2"), "Flavor", lit("--flavor"), "ZoneAdd", lit("zone add"), "Pool", lit("--worker-pool")),
		b.t("sup.cli.design"))
	t.add(b.t("sup.kms.seed"), b.t("sup.kms.today", "Cmd", lit("ibmcloud ks kms enable")), md(label(b.translator, s.Security.KMS.Provider)))
	t.add(b.t("sup.obs.seed"), b.t("sup.obs.today", "Link", b.secLink(secObservability)), md(label(b.translator, s.Logging.Backend)))
	return t
}
