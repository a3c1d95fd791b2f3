package doc

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/render/view"
)

// security covers secret encryption, image security and Pod Security.
func (b *builder) security() SecuritySection {
	ds := []Decision{b.kmsDecision()}
	if b.s.IsVPC() {
		ds = append(ds, b.bootVolumeDecision())
	}
	if b.s.Security.KMS.Enabled() {
		ds = append(ds, b.keyDeletionDecision())
	}
	ds = append(ds, b.ingressSecretsDecision(), b.imageDecision(), b.podSecurityDecision())
	return SecuritySection{Decisions: ds}
}

func (b *builder) kmsDecision() Decision {
	s := b.s
	k := s.Security.KMS
	d := Decision{
		Title:   b.t("secu.kms.title"),
		Seed:    b.t("secu.kms.seed"),
		IBM:     b.t("secu.kms.ibm", "Cmd", lit("ibmcloud ks kms enable"), "Enable", lit("kms enable"), "Auth", b.authorizationText(catalog.AuthKMSKubernetes)),
		Runbook: b.runbook(view.StepKeys, view.StepSecurity),
		Docs:    b.docs(urlSecrets, urlKMSSetup),
	}
	for _, c := range model.KMSProvider("").Choices() {
		if c.Value != k.Provider {
			d.Alternatives = append(d.Alternatives, Alternative{label(b.translator, c.Value), labelHelp(b.translator, c)})
		}
	}
	if k.Provider == model.KMSNone || k.Provider == "" {
		d.Choice = b.t("secu.kms.none")
		if s.IsProduction() {
			d.Consequences = append(d.Consequences, b.t("secu.kms.noneProd"))
		}
		return d
	}
	d.Choice = b.t("secu.kms.choice", "Provider", md(label(b.translator, k.Provider)), "Instance", code(k.InstanceName), "Key", code(k.RootKeyName))
	if svc, ok := b.c.Catalog.Service(k.Provider.CatalogID()); ok {
		switch offered, deprecated := svc.OfferedIn(s.Region); {
		case !offered:
			d.Consequences = append(d.Consequences, b.t("secu.kms.notOffered", "Service", md(svc.Label), "Region", code(s.Region), "Regions", codeList(svc.Regions)))
		case deprecated:
			d.Consequences = append(d.Consequences, b.t("secu.kms.deprecated", "Service", md(svc.Label), "Region", code(s.Region)))
		}
	}
	d.Consequences = append(d.Consequences, b.t("secu.kms.neverDelete"), b.t("secu.kms.restrict"))
	if s.IsClassic() {
		d.Consequences = append(d.Consequences, b.t("secu.kms.classicDisks"))
	}
	return d
}

// bootVolumeDecision records whether the VPC workers' boot volumes are
// encrypted with the design's root key. Unlike secret encryption it is
// fixed per worker pool at create (IBM: encryption-vpc-worker-disks).
func (b *builder) bootVolumeDecision() Decision {
	k := b.s.Security.KMS
	d := Decision{
		Title:     b.t("secu.boot.title"),
		Fixed:     true,
		FixedNote: b.t("secu.boot.fixed"),
		IBM:       b.t("secu.boot.ibm", "KMS", lit("--kms-instance"), "CRK", lit("--crk"), "Block", lit("server-protect"), "IKS", lit("containers-kubernetes")),
		Runbook:   b.runbook(view.StepKeys, view.StepCluster, view.StepWorkerPools),
		Docs:      b.docs(urlBootVolumeKMS),
	}
	if k.Enabled() && k.BootVolumeEncryption {
		d.Choice = b.t("secu.boot.choice", "Key", code(k.RootKeyName), "Provider", md(label(b.translator, k.Provider)))
		d.Consequences = append(d.Consequences, b.t("secu.boot.disabled"), b.t("secu.boot.later"))
		d.Alternatives = []Alternative{{label(b.translator, model.KMSNone), b.t("secu.boot.altIBMWhy")}}
		return d
	}
	d.Choice = b.t("secu.boot.ibmManaged")
	d.Alternatives = []Alternative{{b.t("secu.boot.altOwn"), b.t("secu.boot.altOwnWhy")}}
	return d
}

// keyDeletionDecision records the root key's deletion policy.
func (b *builder) keyDeletionDecision() Decision {
	k := b.s.Security.KMS
	d := Decision{
		Title:   b.t("secu.del.title"),
		IBM:     b.t("secu.del.ibm", "Cmd", lit("ibmcloud kp key policy-update dual-auth-delete KEY_ID --enable")),
		Runbook: b.runbook(view.StepKeys),
		Docs:    b.docs(urlDualAuth),
	}
	if k.DualAuthDelete {
		d.Choice = b.t("secu.del.dual", "Key", code(k.RootKeyName))
		d.Consequences = append(d.Consequences, b.t("secu.del.twoPeople"))
		d.Alternatives = []Alternative{{b.t("secu.del.altSingle"), b.t("secu.del.altSingleWhy")}}
		return d
	}
	d.Choice = b.t("secu.del.single")
	d.Alternatives = []Alternative{{b.t("secu.del.altDual"), b.t("secu.del.altDualWhy")}}
	return d
}

// ingressSecretsDecision records where Ingress TLS certificates live.
func (b *builder) ingressSecretsDecision() Decision {
	crn := b.s.Network.Ingress.TLSSecretsManager
	d := Decision{
		Title:   b.t("secu.tls.title"),
		IBM:     b.t("secu.tls.ibm", "Flag", lit("--sm-instance"), "Cmd", lit("ibmcloud ks ingress instance default set")),
		Runbook: b.runbook(view.StepKeys, view.StepCluster, view.StepSecurity),
		Docs:    b.docs(urlIngressSecrets),
	}
	if crn != "" {
		d.Choice = b.t("secu.tls.sm", "CRN", code(crn))
		d.Alternatives = []Alternative{{b.t("secu.tls.altCluster"), b.t("secu.tls.altClusterWhy")}}
		return d
	}
	d.Choice = b.t("secu.tls.cluster")
	d.Alternatives = []Alternative{{"Secrets Manager", b.t("secu.tls.altSMWhy")}}
	return d
}

func (b *builder) imageDecision() Decision {
	s := b.s
	var parts []string
	if s.CICD.VulnerabilityScanning {
		parts = append(parts, b.t("secu.img.va"))
	} else {
		parts = append(parts, b.t("secu.img.noVA"))
	}
	if s.Security.ImageSignatureEnforcement {
		parts = append(parts, b.t("secu.img.sig", "Cmd", lit("ibmcloud ks cluster image-security enable")))
	} else {
		parts = append(parts, b.t("secu.img.noSig"))
	}
	d := Decision{
		Title:        b.t("secu.img.title"),
		Choice:       capitalize(strings.Join(parts, b.t("hw.sep"))) + b.t("end"),
		Seed:         b.t("secu.img.seed"),
		IBM:          b.t("secu.img.ibm", "Registry", lit(b.c.Catalog.Registries.Global)),
		Alternatives: []Alternative{},
		Runbook:      b.runbook(view.StepSecurity),
	}
	if !s.CICD.VulnerabilityScanning {
		d.Alternatives = append(d.Alternatives, Alternative{b.t("secu.img.altVA"), b.t("secu.img.altVAWhy")})
	}
	if !s.Security.ImageSignatureEnforcement {
		d.Alternatives = append(d.Alternatives, Alternative{b.t("secu.img.altSig"), b.t("secu.img.altSigWhy")})
	} else {
		d.Consequences = append(d.Consequences, b.t("secu.img.signAll"))
	}
	return d
}

func (b *builder) podSecurityDecision() Decision {
	s := b.s
	var levels []string
	for _, n := range s.Namespaces {
		levels = append(levels, code(n.Name)+": "+md(label(b.translator, n.PodSecurity)))
	}
	choice := b.t("secu.pod.labels")
	if len(levels) > 0 {
		choice += " (" + strings.Join(levels, b.t("listSep")) + ")"
	} else {
		choice = b.t("secu.pod.noNamespaces")
	}
	d := Decision{
		Title:        b.t("secu.pod.title"),
		Choice:       choice + b.t("end"),
		IBM:          b.t("secu.pod.ibm", "Cmd", lit("ibmcloud ks cluster master pod-security set")),
		Alternatives: []Alternative{{b.t("secu.pod.altBaseline"), b.t("secu.pod.altBaselineWhy")}},
		Runbook:      b.runbook(view.StepManifests),
		Docs:         b.docs(urlPodSecurity),
	}
	for _, n := range s.Namespaces {
		if n.PodSecurity == model.PodSecurityPrivileged {
			d.Consequences = append(d.Consequences, b.t("secu.pod.privileged", "NS", code(n.Name)))
		}
	}
	return d
}

// capitalize upper-cases the first letter of iksplan's own text.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// codeList writes items as code spans separated by commas.
func codeList(items []string) string {
	out := make([]string, len(items))
	for i, x := range items {
		out[i] = code(x)
	}
	return strings.Join(out, ", ")
}

// authorizationText is a catalog authorization as the document shows it:
// "source `containers-kubernetes`, role Reader", with the target when it is
// a named service rather than the design's key service.
func (b *builder) authorizationText(id string) string {
	a := b.c.Catalog.MustAuthorization(id)
	t := b.t("secu.auth.source", "Service", lit(a.SourceService))
	if a.TargetService != "kms" {
		t += b.t("secu.auth.target", "Service", lit(a.TargetService))
	}
	return t + b.t("secu.auth.role", "Role", label(b.translator, model.ServiceRole(a.Role)))
}
