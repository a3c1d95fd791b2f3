package doc

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/model/presets"
	"github.com/iksplan/iksplan/render/view"
)

// The Japanese DESIGN.md may keep English only where IBM or the user wrote
// it: commands and code (code spans and blocks), URLs, product and service
// names as IBM spells them, and the design's own free text. productNames
// lists the names the Japanese text keeps; longer names come first so a
// shorter one never cuts a longer one in half.
var productNames = []string{
	"IBM Cloud Kubernetes Service", "IBM Cloud Object Storage", "IBM Cloud Backup and Recovery",
	"IBM Cloud Container Registry", "IBM Cloud Monitoring with Sysdig", "IBM Cloud Monitoring", "IBM Cloud Logs",
	"IBM Cloud Databases", "IBM Log Analysis with LogDNA", "IBM Log Analysis", "IBM Continuous Delivery",
	"IBM Git Repos and Issue Tracking", "IBM Cloud", "Activity Tracker Event Routing", "Activity Tracker",
	"Availability Monitoring", "Hyper Protect Crypto Services", "Key Protect", "Secrets Manager",
	"Cloud Internet Services", "Cloud Block Storage", "Object Storage", "Cloud Databases", "Container Registry",
	"Vulnerability Advisor", "Pod Security Admission", "Pod Security", "Kubernetes Service", "Delivery Pipeline",
	"Virtual Router Appliance", "FortiGate Security Appliance", "Juniper vSRX", "Direct Link", "Transit Gateway",
	"Secure by Default", "Backup and Recovery", "GitHub Enterprise", "GitHub Actions", "GitLab CI",
	"Databases for PostgreSQL", "Databases for MySQL", "Databases for Redis", "Databases for MongoDB",
	"Databases for etcd", "Databases for Elasticsearch", "Messages for RabbitMQ", "Splunk On-Call",
	"IKS Deep Dive", "IKS in Production", "Yoshihiro Kishida", "Log Analysis",
}

// stopWords are English words that never occur in a product name the
// document keeps: two ASCII words in a row with one of them are English
// prose, and so is any run of four ASCII words.
var stopWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "of": true, "to": true, "in": true,
	"on": true, "is": true, "are": true, "be": true, "by": true, "with": true, "for": true, "from": true,
	"not": true, "no": true, "it": true, "its": true, "this": true, "that": true, "as": true, "at": true,
	"per": true, "each": true, "every": true, "only": true, "can": true, "must": true, "see": true,
	"yes": true, "none": true, "when": true, "than": true,
}

var (
	fence      = regexp.MustCompile("(?s)```(mermaid)?\n(.*?)```")
	codeSpanRe = regexp.MustCompile("`[^`\n]*`")
	urlRe      = regexp.MustCompile(`<https?://[^>\s]*>|https?://\S+|\]\(#[^)]*\)`)
	commentRe  = regexp.MustCompile(`(?s)<!--.*?-->`)
	mermaidStr = regexp.MustCompile(`"([^"]*)"`)
	// withDigit is a token holding a digit: a quantity with its unit
	// (29022Mi, 16GiB), a flavor or version (bx2.8x32, v4).
	withDigit = regexp.MustCompile(`[A-Za-z._-]*[0-9][0-9A-Za-z._-]*`)
	asciiRun  = regexp.MustCompile(`[A-Za-z][A-Za-z'’-]*(?:[ ,;:/]+[A-Za-z][A-Za-z'’-]*)*`)
)

// englishLeft returns the English phrases of a Japanese document outside
// what it may keep. keep are the design's own values (names, description,
// owner, waiver reasons…), which the document prints as the user wrote them.
func englishLeft(doc string, keep []string) []string {
	s := strip(doc, keep)
	var out []string
	for _, line := range strings.Split(s, "\n") {
		for _, run := range asciiRun.FindAllString(line, -1) {
			words := strings.FieldsFunc(run, func(r rune) bool { return strings.ContainsRune(" ,;:/", r) })
			english := len(words) >= 4
			if len(words) >= 2 {
				english = english || slices.ContainsFunc(words, func(w string) bool { return stopWords[strings.ToLower(w)] })
			}
			for _, w := range words {
				english = english || plainEnglish(w)
			}
			if english {
				out = append(out, run)
			}
		}
	}
	return out
}

// keptWords are single ASCII words the Japanese text uses as IBM and
// Kubernetes write them: role, policy and standard names, tools and
// technical nouns without a Japanese form in IBM's Japanese pages.
var keptWords = map[string]bool{
	"admin": true, "edit": true, "view": true, "default": true, "verbose": true, "restricted": true,
	"baseline": true, "privileged": true, "syslog": true, "etcd": true, "kubectl": true, "kubelet": true,
	"kubeconfig": true, "standard": true, "root": true, "max": true, "min": true, "iksplan": true,
	"Kubernetes": true, "Calico": true, "Ingress": true, "Cloudant": true, "Cloudflare": true, "Deployment": true,
	"FortiGate": true, "GitHub": true, "GitLab": true, "Grafana": true, "Helm": true, "Jenkins": true,
	"LogDNA": true, "Mermaid": true, "Portieris": true, "Portworx": true, "Prometheus": true, "Slack": true,
	"Sysdig": true, "Tekton": true, "Terraform": true, "Traefik": true, "Ubuntu": true, "Vyatta": true,
	"Webhook": true, "Web": true, "Role": true, "Sender": true, "Issue": true, "Gen": true, "Gbps": true,
	"Restricted": true, "Baseline": true, "Privileged": true, "Vault": true, "Smart": true, "Tier": true,
	"Standard": true, "Cold": true, "Logs": true, "Monitoring": true, "Cloud": true, "Infrastructure": true,
	"Bitbucket": true, "OpsGenie": true, "PagerDuty": true, "VictorOps": true, "Secret": true,
}

// plainEnglish reports whether w is an ordinary English word rather than an
// acronym (VPC), an identifier (NetworkPolicy, kube-system, bx2) or a
// single letter of the maths (D, Z, R): lower case or capitalized letters
// only, and not one of the kept words.
func plainEnglish(w string) bool {
	if len(w) < 2 || keptWords[w] || strings.ContainsAny(w, "-'’0123456789") {
		return false
	}
	for i, r := range w {
		upper := r >= 'A' && r <= 'Z'
		if upper && i > 0 {
			return false // an acronym or CamelCase identifier
		}
	}
	return true
}

// strip removes from doc what may stay English.
func strip(doc string, keep []string) string {
	var text strings.Builder
	// Mermaid labels are prose the reader sees; other code blocks are code.
	for _, m := range fence.FindAllStringSubmatch(doc, -1) {
		if m[1] == "mermaid" {
			for _, l := range mermaidStr.FindAllStringSubmatch(m[2], -1) {
				text.WriteString(l[1] + "\n")
			}
		}
	}
	text.WriteString(fence.ReplaceAllString(doc, "\n"))
	s := text.String()
	s = commentRe.ReplaceAllString(s, " ")
	s = codeSpanRe.ReplaceAllString(s, " ")
	s = urlRe.ReplaceAllString(s, " ")
	for _, k := range keep {
		if strings.TrimSpace(k) != "" {
			s = strings.ReplaceAll(s, md(k), " ")
			s = strings.ReplaceAll(s, k, " ")
		}
	}
	for _, p := range productNames {
		s = strings.ReplaceAll(s, p, " ")
	}
	return withDigit.ReplaceAllString(s, " ")
}

// designText is what the user wrote into the design and the document
// prints as it is.
func designText(d *model.Design, c *view.Context) []string {
	s := c.Spec
	keep := []string{d.Metadata.Description, d.Metadata.Owner, d.Metadata.Name, s.Operations.Upgrades.MaintenanceWindow}
	for _, w := range s.Waivers {
		keep = append(keep, w.Reason, w.ApprovedBy)
	}
	for _, g := range s.IAM.AccessGroups {
		keep = append(keep, g.Members...)
	}
	for _, ch := range s.Monitoring.AlertChannels {
		keep = append(keep, ch.Target)
	}
	if r, ok := c.Catalog.Region(s.Region); ok {
		keep = append(keep, r.Label) // the catalog's place names (Tokyo)
	}
	for _, z := range s.Zones {
		if cz, _, ok := c.Catalog.Zone(s.Infrastructure, z); ok {
			keep = append(keep, cz.Metro)
		}
	}
	st := s.Storage
	keep = append(keep, st.ObjectStorage.InstanceName, st.Cloudant.InstanceName, s.Firewall.CIS.Domain, s.Firewall.CIS.InstanceName)
	for _, db := range st.Databases {
		keep = append(keep, db.Name)
	}
	for _, bk := range st.ObjectStorage.Buckets {
		keep = append(keep, bk.Name)
	}
	for _, p := range s.WorkerPools {
		keep = append(keep, p.Name)
	}
	// A finding message the rules left in English (none should be) stays
	// checked: findingMessage is the Japanese document's text.
	// Longest first: "shop-production" must go before "shop-prod" cuts it.
	slices.SortFunc(keep, func(a, b string) int { return len(b) - len(a) })
	return keep
}

// TestJapaneseDocumentHasNoEnglishSentences: every preset's Japanese
// DESIGN.md reads as Japanese outside code, URLs, product names and the
// user's own text.
func TestJapaneseDocumentHasNoEnglishSentences(t *testing.T) {
	for _, name := range presets.Names() {
		t.Run(name, func(t *testing.T) {
			d := presetDesign(t, name)
			c := view.New(d, catalog.Default(), name+".yaml")
			doc := renderJA(t, name)
			for _, e := range englishLeft(doc, designText(d, c)) {
				t.Errorf("English left in the Japanese document: %q", e)
			}
		})
	}
}

// TestEnglishDetectorFindsAnUntranslatedMessage proves the check above can
// fail: the Japanese document with one message put back into English must
// be caught, for messages of every kind (heading, decision prose, table
// cell, Mermaid label).
func TestEnglishDetectorFindsAnUntranslatedMessage(t *testing.T) {
	name := "tokyo-vpc-production"
	d := presetDesign(t, name)
	c := view.New(d, catalog.Default(), name+".yaml")
	doc := renderJA(t, name)
	en, _ := newTranslator(langEN)
	ja, _ := newTranslator(langJA)
	for _, id := range []string{"sec.sizing", "size.dec.seed", "sum.demand", "mm.services", "net.fw.differs"} {
		j, e := ja.t(id), en.t(id)
		if !strings.Contains(doc, j) {
			t.Fatalf("%s: Japanese text %q not in the document", id, j)
		}
		if got := englishLeft(strings.Replace(doc, j, e, 1), designText(d, c)); len(got) == 0 {
			t.Errorf("%s left in English (%q) was not found", id, e)
		}
	}
}
