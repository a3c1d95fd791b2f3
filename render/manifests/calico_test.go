package manifests

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/render/view"
)

// ibmDefaultPolicies are the host policies IKS creates and recreates; the
// rendered files must never redefine them.
var ibmDefaultPolicies = []string{
	"allow-all-outbound", "allow-all-private-default", "allow-bigfix-port", "allow-icmp",
	"allow-node-port-dnat", "allow-sys-mgmt", "allow-vrrp",
}

// decodeCalico strictly decodes the Calico files into the typed structs
// (an unknown field fails) and validates every policy.
func decodeCalico(t *testing.T, files map[string][]byte) map[string][]calicoPolicy {
	t.Helper()
	out := map[string][]calicoPolicy{}
	for path, data := range files {
		if !strings.HasPrefix(path, "calico/") {
			continue
		}
		seen := map[string]bool{}
		for i, d := range splitDocs(data) {
			var p calicoPolicy
			if err := yaml.UnmarshalStrict(d, &p); err != nil {
				t.Fatalf("%s doc %d: strict decode: %v", path, i+1, err)
			}
			where := fmt.Sprintf("%s %s", path, p.Metadata.Name)
			if err := validateCalico(p); err != nil {
				t.Errorf("%s: %v", where, err)
			}
			key := p.Metadata.Namespace + "/" + p.Metadata.Name
			if seen[key] {
				t.Errorf("%s: defined twice", where)
			}
			seen[key] = true
			out[path] = append(out[path], p)
		}
	}
	return out
}

func checkCalicoFiles(t *testing.T, files map[string][]byte) {
	t.Helper()
	decodeCalico(t, files)
}

// validateCalico applies the rules Calico's API server would: the CRD
// schema checks structure only, so the values are checked here.
func validateCalico(p calicoPolicy) error {
	if p.APIVersion != calicoAPIVersion {
		return fmt.Errorf("apiVersion %q", p.APIVersion)
	}
	switch p.Kind {
	case kindGlobalNetworkPolicy:
		if p.Metadata.Namespace != "" {
			return fmt.Errorf("a GlobalNetworkPolicy has no namespace")
		}
	case kindCalicoNetworkPolicy:
		if p.Metadata.Namespace == "" {
			return fmt.Errorf("a NetworkPolicy needs a namespace")
		}
	default:
		return fmt.Errorf("kind %q", p.Kind)
	}
	if slices.Contains(ibmDefaultPolicies, p.Metadata.Name) {
		return fmt.Errorf("redefines IBM's default policy")
	}
	if p.Metadata.Name == "" || len(p.Metadata.Name) > 253 || strings.Trim(p.Metadata.Name, "abcdefghijklmnopqrstuvwxyz0123456789-.") != "" {
		return fmt.Errorf("name %q is not a DNS subdomain", p.Metadata.Name)
	}
	s := p.Spec
	if s.Order == nil || *s.Order < 0 {
		return fmt.Errorf("no order")
	}
	if err := parseSelector(s.Selector); err != nil {
		return fmt.Errorf("selector %q: %w", s.Selector, err)
	}
	if len(s.Types) == 0 {
		return fmt.Errorf("no types")
	}
	for _, ty := range s.Types {
		if ty != typeIngress && ty != typeEgress {
			return fmt.Errorf("type %q", ty)
		}
	}
	if len(s.Ingress) > 0 && !slices.Contains(s.Types, typeIngress) || len(s.Egress) > 0 && !slices.Contains(s.Types, typeEgress) {
		return fmt.Errorf("rules for a type not in types %v", s.Types)
	}
	if s.PreDNAT {
		if s.DoNotTrack || !s.ApplyOnForward || len(s.Egress) > 0 || !slices.Equal(s.Types, []policyType{typeIngress}) {
			return fmt.Errorf("preDNAT needs applyOnForward, Ingress only and no doNotTrack")
		}
		if p.Kind != kindGlobalNetworkPolicy {
			return fmt.Errorf("preDNAT is for GlobalNetworkPolicy only")
		}
	}
	if s.DoNotTrack && !s.ApplyOnForward {
		return fmt.Errorf("doNotTrack needs applyOnForward")
	}
	for _, r := range append(slices.Clone(s.Ingress), s.Egress...) {
		if err := validateRule(r); err != nil {
			return err
		}
	}
	return nil
}

func validateRule(r rule) error {
	switch r.Action {
	case actionAllow, actionDeny, actionLog, actionPass:
	default:
		return fmt.Errorf("action %q", r.Action)
	}
	hasPorts := false
	for _, e := range []*entityRule{r.Source, r.Destination} {
		if e == nil {
			continue
		}
		for _, n := range append(slices.Clone(e.Nets), e.NotNets...) {
			pfx, err := netip.ParsePrefix(n)
			if err != nil || pfx.Masked() != pfx {
				return fmt.Errorf("net %q is not a CIDR network address", n)
			}
		}
		for _, sel := range []string{e.Selector, e.NamespaceSelector} {
			if err := parseSelector(sel); err != nil {
				return fmt.Errorf("selector %q: %w", sel, err)
			}
		}
		for _, pt := range e.Ports {
			if pt.Min < 1 || pt.Max > 65535 || pt.Min > pt.Max {
				return fmt.Errorf("port range %d:%d", pt.Min, pt.Max)
			}
			hasPorts = true
		}
	}
	if r.Protocol != nil {
		switch {
		case r.Protocol.Name != "":
			if !slices.Contains([]string{"TCP", "UDP", "ICMP", "ICMPv6", "SCTP", "UDPLite"}, r.Protocol.Name) {
				return fmt.Errorf("protocol %q", r.Protocol.Name)
			}
		case r.Protocol.Number < 1 || r.Protocol.Number > 255:
			return fmt.Errorf("protocol number %d", r.Protocol.Number)
		}
	}
	if hasPorts && (r.Protocol == nil || (r.Protocol.Name != "TCP" && r.Protocol.Name != "UDP" && r.Protocol.Name != "SCTP" && r.Protocol.Name != "UDPLite")) {
		return fmt.Errorf("ports need TCP, UDP, SCTP or UDPLite")
	}
	return nil
}

// parseSelector checks Calico selector syntax for the subset the
// policies use: label == 'v', label != 'v', has(label), all(), !, &&,
// || and parentheses. An empty selector is valid (it selects nothing
// special: Calico treats it as all()).
func parseSelector(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	ps := &selParser{s: s}
	if err := ps.expr(); err != nil {
		return err
	}
	ps.space()
	if ps.i != len(ps.s) {
		return fmt.Errorf("unexpected %q", ps.s[ps.i:])
	}
	return nil
}

type selParser struct {
	s string
	i int
}

func (p *selParser) space() {
	for p.i < len(p.s) && p.s[p.i] == ' ' {
		p.i++
	}
}

func (p *selParser) eat(tok string) bool {
	p.space()
	if strings.HasPrefix(p.s[p.i:], tok) {
		p.i += len(tok)
		return true
	}
	return false
}

func (p *selParser) expr() error {
	if err := p.term(); err != nil {
		return err
	}
	for p.eat("||") || p.eat("&&") {
		if err := p.term(); err != nil {
			return err
		}
	}
	return nil
}

func (p *selParser) term() error {
	switch {
	case p.eat("!"):
		return p.term()
	case p.eat("("):
		if err := p.expr(); err != nil {
			return err
		}
		if !p.eat(")") {
			return fmt.Errorf("missing )")
		}
		return nil
	case p.eat("all()"):
		return nil
	case p.eat("has("):
		if err := p.label(); err != nil {
			return err
		}
		if !p.eat(")") {
			return fmt.Errorf("missing ) after has(")
		}
		return nil
	}
	if err := p.label(); err != nil {
		return err
	}
	if !p.eat("==") && !p.eat("!=") {
		return fmt.Errorf("want == or != at %d", p.i)
	}
	return p.quoted()
}

func (p *selParser) label() error {
	p.space()
	start := p.i
	for p.i < len(p.s) && strings.ContainsRune("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./", rune(p.s[p.i])) {
		p.i++
	}
	if p.i == start {
		return fmt.Errorf("want a label at %d", start)
	}
	return nil
}

func (p *selParser) quoted() error {
	p.space()
	if p.i >= len(p.s) || (p.s[p.i] != '\'' && p.s[p.i] != '"') {
		return fmt.Errorf("want a quoted value at %d", p.i)
	}
	q := p.s[p.i]
	end := strings.IndexByte(p.s[p.i+1:], q)
	if end < 0 {
		return fmt.Errorf("unterminated value")
	}
	p.i += end + 2
	return nil
}

func TestSelectorParser(t *testing.T) {
	good := []string{"", selWorkerPublic, selAllPods, "app == 'konnectivity-agent' || k8s-app == 'konnectivity-agent'",
		"has(ibm.role) && !(a != \"b\")", "all()"}
	bad := []string{"ibm.role == worker", "a == 'b", "(a == 'b'", "a = 'b'", "== 'x'", "a == 'b' ||"}
	for _, s := range good {
		if err := parseSelector(s); err != nil {
			t.Errorf("%q: %v", s, err)
		}
	}
	for _, s := range bad {
		if parseSelector(s) == nil {
			t.Errorf("%q parsed", s)
		}
	}
}

// classicVariant is the classic preset with every Calico set on.
func classicVariant(t *testing.T, edit func(d *model.Design)) *view.Context {
	t.Helper()
	d := presetDesign(t, "tokyo-classic-production")
	d.Spec.Firewall.CalicoPolicies = []model.CalicoPolicySet{
		model.CalicoPublicIsolation, model.CalicoPrivateIsolation, model.CalicoCISOnlyIngress,
	}
	if edit != nil {
		edit(d)
	}
	return designContext(t, d)
}

func policyNamed(ps []calicoPolicy, name string) (calicoPolicy, bool) {
	for _, p := range ps {
		if p.Metadata.Name == name {
			return p, true
		}
	}
	return calicoPolicy{}, false
}

func TestCalicoAllSets(t *testing.T) {
	c := classicVariant(t, nil)
	files := renderMap(t, c)
	want := []string{calicoPublicPath, calicoPrivatePath, calicoCISPath}
	if got := CalicoFiles(c); !slices.Equal(got, want) {
		t.Fatalf("CalicoFiles = %v, want %v", got, want)
	}
	pols := decodeCalico(t, files)

	// IBM's required public policies, deny last, and the order that makes
	// the deny come after the allows but before IBM's allow-all-outbound.
	pub := pols[calicoPublicPath]
	var names []string
	for _, p := range pub {
		names = append(names, p.Metadata.Name)
	}
	wantPub := []string{"allow-egress-pods-public", "allow-ibm-ports-public", "allow-public-service-endpoint",
		"allow-konnectivity", "allow-k8s-master-to-dashboard-via-vpn", "deny-all-outbound-public"}
	if !slices.Equal(names, wantPub) {
		t.Errorf("public set = %v, want %v", names, wantPub)
	}
	if d, _ := policyNamed(pub, "deny-all-outbound-public"); *d.Spec.Order != 1850 || d.Spec.Egress[0].Action != actionDeny {
		t.Errorf("deny-all-outbound-public: order %v", *d.Spec.Order)
	}
	ports, _ := policyNamed(pub, "allow-ibm-ports-public")
	if !hasNet(ports.Spec.Egress, "172.30.0.0/16") {
		t.Error("allow-ibm-ports-public lacks the default pod subnet")
	}
	var open []int
	for _, r := range ports.Spec.Egress {
		if r.Destination != nil && len(r.Destination.Nets) == 0 {
			for _, p := range r.Destination.Ports {
				open = append(open, p.Min)
			}
		}
	}
	for _, p := range []int{53, 2049, 443, 3260} {
		if !slices.Contains(open, p) {
			t.Errorf("allow-ibm-ports-public does not open %d", p)
		}
	}
	if !hasPortSpan(ports.Spec.Egress, 2040, 2041) {
		t.Error("allow-ibm-ports-public does not open 2040:2041")
	}
	ep, _ := policyNamed(pub, "allow-public-service-endpoint")
	tok, _ := catalog.Default().ClassicNetsFor("jp-tok")
	for _, ip := range tok.PublicMaster {
		if !hasNet(ep.Spec.Egress, ip) {
			t.Errorf("allow-public-service-endpoint lacks master %s", ip)
		}
	}

	priv := pols[calicoPrivatePath]
	if last := priv[len(priv)-1]; last.Metadata.Name != "deny-all-private-default" || *last.Spec.Order != 99900 {
		t.Errorf("private set does not end with deny-all-private-default: %s", last.Metadata.Name)
	}
	if vrrp, ok := policyNamed(priv, "allow-vrrp-private"); !ok || vrrp.Spec.Ingress[0].Protocol.Number != 112 {
		t.Error("allow-vrrp-private missing or not protocol 112")
	}

	cis := pols[calicoCISPath]
	allow, _ := policyNamed(cis, "allow-cis-to-public-ingress")
	deny, _ := policyNamed(cis, "deny-public-ingress-except-cis")
	if !allow.Spec.PreDNAT || !deny.Spec.PreDNAT || *allow.Spec.Order >= *deny.Spec.Order {
		t.Error("the CIS allowlist must be pre-DNAT and ordered before the deny")
	}
	if allow.Spec.Selector != selWorkerPublic || !slices.Equal(allow.Spec.Ingress[0].Source.Nets, catalog.Default().Networks.CIS.Ranges) {
		t.Error("the CIS allowlist does not select public workers from the CIS ranges")
	}
	if !hasPortSpan(deny.Spec.Ingress, 30000, 32767) {
		t.Error("public NodePorts stay open")
	}
	if !strings.Contains(string(files[calicoCISPath]), catalog.Default().Networks.CIS.API) {
		t.Error("the CIS file does not tell the operator where to refresh the ranges")
	}
}

func hasNet(rs []rule, n string) bool {
	for _, r := range rs {
		if r.Destination != nil && slices.Contains(r.Destination.Nets, n) {
			return true
		}
	}
	return false
}

func hasPortSpan(rs []rule, lo, hi int) bool {
	for _, r := range rs {
		if r.Destination != nil && slices.Contains(r.Destination.Ports, portSpan(lo, hi)) {
			return true
		}
	}
	return false
}

func TestCalicoCustomSubnetsAndDatabase(t *testing.T) {
	c := classicVariant(t, func(d *model.Design) {
		d.Spec.Network.PodSubnet = "172.24.0.0/18"
		d.Spec.Network.ServiceSubnet = "172.25.0.0/24"
		d.Spec.Storage.DatabaseOnIaaS = model.DatabaseOnIaaS{Enabled: true, Engine: "Oracle", PrivateCIDR: "10.10.20.0/24"}
	})
	pols := decodeCalico(t, renderMap(t, c))
	ports, _ := policyNamed(pols[calicoPublicPath], "allow-ibm-ports-public")
	if !hasNet(ports.Spec.Egress, "172.24.0.0/18") || hasNet(ports.Spec.Egress, "172.30.0.0/16") {
		t.Error("allow-ibm-ports-public does not use the design's pod subnet")
	}
	if !hasNet(ports.Spec.Egress, "172.25.0.1/32") {
		t.Error("allow-ibm-ports-public lacks the custom service subnet's kubernetes service IP")
	}
	workers, _ := policyNamed(pols[calicoPrivatePath], "allow-all-workers-private")
	if !hasNet(workers.Spec.Egress, "172.24.0.0/18") {
		t.Error("allow-all-workers-private does not use the design's pod subnet")
	}
	db, ok := policyNamed(pols[calicoPrivatePath], "allow-egress-pods-database-iaas")
	if !ok || !hasNet(db.Spec.Egress, "10.10.20.0/24") {
		t.Error("the self-run database network is not allowed")
	}
}

func TestCalicoEveryClassicRegion(t *testing.T) {
	for _, nets := range catalog.Default().Networks.Classic.Regions {
		region := nets.Region
		if len(nets.PublicMaster) == 0 || len(nets.PrivateMaster) == 0 || len(nets.SysMgmtPrivate) == 0 || len(nets.HealthCheck) == 0 {
			t.Errorf("%s: incomplete IBM addresses", region)
		}
		c := classicVariant(t, func(d *model.Design) { d.Spec.Region = region })
		decodeCalico(t, renderMap(t, c))
	}
}

func TestCalicoUnknownRegionFails(t *testing.T) {
	c := classicVariant(t, func(d *model.Design) { d.Spec.Region = "xx-nowhere" })
	if _, err := Render(c); err == nil || !strings.Contains(err.Error(), "xx-nowhere") {
		t.Errorf("err = %v, want one naming the region", err)
	}
}

func TestCISOnlyNeedsCIS(t *testing.T) {
	c := classicVariant(t, func(d *model.Design) { d.Spec.Firewall.CIS.Enabled = false })
	if slices.Contains(CalicoFiles(c), calicoCISPath) {
		t.Error("cis-only-ingress rendered without CIS")
	}
}

func TestCalicoPortJSON(t *testing.T) {
	for _, p := range []portOrSpan{onePort(53), portSpan(2040, 2041)} {
		b, err := p.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var back portOrSpan
		if err := back.UnmarshalJSON(b); err != nil || back != p {
			t.Errorf("%s: round trip %v, %v", b, back, err)
		}
	}
	var bad portOrSpan
	if bad.UnmarshalJSON([]byte(`"80-90"`)) == nil {
		t.Error(`"80-90" accepted`)
	}
}
