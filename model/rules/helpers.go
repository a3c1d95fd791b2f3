package rules

import (
	"fmt"
	"net/netip"
	"slices"
	"strconv"
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

// docBase is the IBM Cloud Kubernetes Service documentation root; topics
// are addressed by their anchor.
const docBase = "https://cloud.ibm.com/docs/containers?topic=containers-"

// doc returns the IBM docs URL of an IKS topic anchor.
func doc(anchor string) string { return docBase + anchor }

// prodSeverity returns sev in production and other elsewhere: most rules
// are strictest for production clusters.
func prodSeverity(s *model.Spec, sev, other Severity) Severity {
	if s.IsProduction() {
		return sev
	}
	return other
}

// hit builds a Hit with a formatted message. format must be a constant:
// it is also the key of the message's Japanese text (see localize.go), and
// the catalogue test reads every format from the source.
func hit(path, format string, args ...any) Hit {
	return Hit{Path: path, Message: fmt.Sprintf(format, args...), format: format, args: args}
}

// hitSev builds a Hit that overrides the rule's severity.
func hitSev(sev Severity, path, format string, args ...any) Hit {
	h := hit(path, format, args...)
	h.Severity = sev
	return h
}

// pathf formats an indexed YAML path, e.g. pathf("spec.zones[%d]", 2).
func pathf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

// num prints a quantity with at most one decimal: 40, 26.9.
func num(f float64) string {
	s := strconv.FormatFloat(f, 'f', 1, 64)
	return strings.TrimSuffix(s, ".0")
}

// demandText prints a demand as "40 vCPU / 160 GiB".
func demandText(d model.Demand) string {
	return num(d.CPU) + " vCPU / " + num(d.MemoryGiB) + " GiB"
}

// builtinNamespaces exist in every IKS cluster, so a design may refer to
// them without creating them.
var builtinNamespaces = []string{"default", "kube-system", "kube-public", "kube-node-lease"}

// namespaceKnown reports whether ns is created by the design or exists in
// every cluster.
func namespaceKnown(s *model.Spec, ns string) bool {
	if slices.Contains(builtinNamespaces, ns) {
		return true
	}
	return slices.ContainsFunc(s.Namespaces, func(n model.Namespace) bool { return n.Name == ns })
}

// namespaceKnownIn returns namespaceKnown for s, with the design's
// namespaces in a set when there are many: IAM002 asks for every
// namespace of every access group, n x n at 1,000 of each.
func namespaceKnownIn(s *model.Spec) func(ns string) bool {
	if len(s.Namespaces) < 16 {
		return func(ns string) bool { return namespaceKnown(s, ns) }
	}
	set := make(map[string]bool, len(s.Namespaces)+len(builtinNamespaces))
	for _, n := range builtinNamespaces {
		set[n] = true
	}
	for _, n := range s.Namespaces {
		set[n.Name] = true
	}
	return func(ns string) bool { return set[ns] }
}

// namespaceList prints the design's namespaces for a message.
func namespaceList(s *model.Spec) string {
	if len(s.Namespaces) == 0 {
		return "spec.namespaces is empty"
	}
	names := make([]string, len(s.Namespaces))
	for i, n := range s.Namespaces {
		names[i] = n.Name
	}
	return "spec.namespaces has " + strings.Join(names, ", ")
}

// poolIndex returns the index of the pool called name, or -1.
func poolIndex(s *model.Spec, name string) int {
	return slices.IndexFunc(s.WorkerPools, func(p model.WorkerPool) bool { return p.Name == name })
}

// flavorOf looks up pool i's flavor in the catalog.
func flavorOf(c *Context, i int) (catalog.Flavor, bool) {
	return c.Catalog.Flavor(c.Spec.Infrastructure, c.Spec.WorkerPools[i].Flavor)
}

// otherInfra returns the infrastructure that is not i.
func otherInfra(i model.Infrastructure) model.Infrastructure {
	if i == model.InfraVPC {
		return model.InfraClassic
	}
	return model.InfraVPC
}

// infraLabel names an infrastructure for a message.
func infraLabel(i model.Infrastructure) string {
	switch i {
	case model.InfraClassic:
		return "classic"
	case model.InfraVPC:
		return "VPC"
	}
	return fmt.Sprintf("%q", string(i))
}

// parseMinor returns the major and minor of a version such as 1.33,
// 1.33.4 or 1.33.4_1510 (v1.33 too): what ^(\d+)\.(\d+)(?:[._].*)?$ reads,
// in a loop, since compiling that pattern was 40 us of a one-shot `iksplan
// render` (issue 15). TestParseMinorMatchesPattern compares the two.
func parseMinor(v string) (major, minor int, ok bool) {
	s := strings.TrimPrefix(strings.TrimSpace(v), "v")
	i := leadingDigits(s)
	if i == 0 || i == len(s) || s[i] != '.' {
		return 0, 0, false
	}
	j := i + 1 + leadingDigits(s[i+1:])
	if j == i+1 {
		return 0, 0, false
	}
	// The rest is empty or [._] and a line: the pattern's .* stops at a
	// newline.
	if j < len(s) && (s[j] != '.' && s[j] != '_' || strings.IndexByte(s[j:], '\n') >= 0) {
		return 0, 0, false
	}
	major, _ = strconv.Atoi(s[:i])
	minor, _ = strconv.Atoi(s[i+1 : j])
	return major, minor, true
}

// leadingDigits returns how many ASCII digits s starts with.
func leadingDigits(s string) int {
	n := 0
	for n < len(s) && '0' <= s[n] && s[n] <= '9' {
		n++
	}
	return n
}

// versionKey returns the catalog key (major.minor) of v.
func versionKey(v string) (string, bool) {
	major, minor, ok := parseMinor(v)
	if !ok {
		return "", false
	}
	return fmt.Sprintf("%d.%d", major, minor), true
}

// catalogVersion finds the catalog entry of the design's version.
func catalogVersion(c *Context) (catalog.Version, bool) {
	key, ok := versionKey(c.Spec.KubernetesVersion)
	if !ok {
		return catalog.Version{}, false
	}
	return c.Catalog.Version(key)
}

// newestVersion returns the newest version the catalog lists.
func newestVersion(cat *catalog.Catalog) (catalog.Version, bool) {
	var best catalog.Version
	bm, bn, found := 0, 0, false
	for _, v := range cat.Versions.Items {
		m, n, ok := parseMinor(v.Version)
		if !ok {
			continue
		}
		if !found || m > bm || m == bm && n > bn {
			best, bm, bn, found = v, m, n, true
		}
	}
	return best, found
}

// versionList prints the catalog's versions, newest first.
func versionList(cat *catalog.Catalog) list {
	var vs []string
	for _, v := range cat.Versions.Items {
		if v.Status != catalog.VersionUnsupported {
			vs = append(vs, v.Version)
		}
	}
	slices.SortFunc(vs, func(a, b string) int {
		am, an, _ := parseMinor(a)
		bm, bn, _ := parseMinor(b)
		if am != bm {
			return bm - am
		}
		return bn - an
	})
	return commaList(vs)
}

// parseAddrOrCIDR accepts a single IPv4 address or an IPv4 CIDR.
func parseAddrOrCIDR(s string) (netip.Prefix, error) {
	if a, err := netip.ParseAddr(s); err == nil && a.Is4() {
		return netip.PrefixFrom(a, 32), nil
	}
	return model.ParseCIDR(s)
}

// metroZones lists the zones of region for infra in a metro, for messages.
func metroZones(cat *catalog.Catalog, infra model.Infrastructure, region, metro string) []string {
	var out []string
	for _, z := range cat.ZonesIn(infra, region) {
		if metro != "" && z.Metro == metro {
			out = append(out, z.Name)
		}
	}
	return out
}

// dupIndexes returns, for each value that appears more than once, the
// indexes after its first occurrence.
func dupIndexes(values []string) []int {
	// Sized once: at 1,000 namespaces the growing map was most of the cost.
	seen := make(map[string]bool, len(values))
	var out []int
	for i, v := range values {
		if v == "" {
			continue
		}
		if seen[v] {
			out = append(out, i)
		}
		seen[v] = true
	}
	return out
}

// joinNames joins names for a message: "a, b and c".
func joinNames(names []string) list { return list{items: names, last: "and"} }

// joinInts lists numbers as "7, 14, 30".
func joinInts(ns []int) list {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return commaList(s)
}
