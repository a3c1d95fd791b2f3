package doc

import (
	"fmt"
	"strings"

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
		Title: "Encryption of Kubernetes secrets",
		Seed:  "Slide 4 lists among IKS's security features \"key management with an HSM\" and \"Secrets are encrypted automatically\".",
		IBM: "Secrets are always encrypted at rest. Enabling a KMS provider (" + lit("ibmcloud ks kms enable") + ") wraps them with a root key you own in Key Protect " +
			"(multi-tenant, FIPS 140-2 level 3) or Hyper Protect Crypto Services (a dedicated HSM you alone control, FIPS 140-2 level 4). " +
			"KMS is enabled on a running cluster, not at create; the root key can be rotated (the cluster re-encrypts with the new key, and a previous key cannot be reused), " +
			"but KMS encryption can never be disabled once on. Disabling the root key stops operations that read secrets until it is re-enabled; deleting it makes the cluster unrecoverable. " +
			"Before " + lit("kms enable") + ", Kubernetes Service needs a service-to-service authorization to read the key service (" + b.authorizationText(catalog.AuthKMSKubernetes) + "), on classic and VPC, whether or not boot volumes use the key.",
		Runbook: b.runbook(view.StepKeys, view.StepSecurity),
		Docs:    b.docs(urlSecrets, urlKMSSetup),
	}
	for _, c := range model.KMSProvider("").Choices() {
		if c.Value != k.Provider {
			d.Alternatives = append(d.Alternatives, Alternative{c.Label, c.Help})
		}
	}
	if k.Provider == model.KMSNone || k.Provider == "" {
		d.Choice = "IBM-managed keys: secrets are encrypted with keys IBM manages."
		if s.IsProduction() {
			d.Consequences = append(d.Consequences, "No customer-held root key: the seed's \"HSM key management\" is not used; add Key Protect or HPCS when compliance asks for keys you control.")
		}
		return d
	}
	d.Choice = fmt.Sprintf("%s instance %s, root key %s, enabled after the cluster is created; rotate the key on the key service's schedule.", md(label(b.translator, k.Provider)), code(k.InstanceName), code(k.RootKeyName))
	if svc, ok := b.c.Catalog.Service(k.Provider.CatalogID()); ok {
		switch offered, deprecated := svc.OfferedIn(s.Region); {
		case !offered:
			d.Consequences = append(d.Consequences, "**"+md(svc.Label)+" is not offered in "+code(s.Region)+"** (offered in "+codeList(svc.Regions)+"); the rule results carry this finding.")
		case deprecated:
			d.Consequences = append(d.Consequences, md(svc.Label)+" is deprecated in "+code(s.Region)+": plan for an instance in another region or Key Protect.")
		}
	}
	d.Consequences = append(d.Consequences,
		"**Never delete the root key**: the cluster's secrets, and with them the cluster, become unrecoverable.",
		"Restrict who may disable or delete keys in the key service; rotate the root key on the key service's schedule.")
	if s.IsClassic() {
		d.Consequences = append(d.Consequences, "Classic worker disks are encrypted with AES-256 by IBM independently of this choice.")
	}
	return d
}

// bootVolumeDecision records whether the VPC workers' boot volumes are
// encrypted with the design's root key. Unlike secret encryption it is
// fixed per worker pool at create (IBM: encryption-vpc-worker-disks).
func (b *builder) bootVolumeDecision() Decision {
	k := b.s.Security.KMS
	d := Decision{
		Title:     "Worker boot-volume encryption",
		Fixed:     true,
		FixedNote: "set per worker pool at create; the KMS instance of a pool cannot be changed",
		IBM: "VPC boot volumes are AES-256 encrypted by the infrastructure. To use your root key instead, the cluster and each worker pool are created with " +
			lit("--kms-instance") + " and " + lit("--crk") + ", after two authorizations: Cloud Block Storage (" + lit("server-protect") + ") and Kubernetes Service (" +
			lit("containers-kubernetes") + ") get Reader on the key service. Only the pools created with the flags are encrypted.",
		Runbook: b.runbook(view.StepKeys, view.StepCluster, view.StepWorkerPools),
		Docs:    b.docs(urlBootVolumeKMS),
	}
	if k.Enabled() && k.BootVolumeEncryption {
		d.Choice = "Every worker pool's boot volumes are encrypted with root key " + code(k.RootKeyName) + " in " + md(label(b.translator, k.Provider)) + "."
		d.Consequences = append(d.Consequences,
			"If the root key is disabled or deleted, the workers go critical until the key is restored and they are rebooted.",
			"Pools added later must be created with the same flags; the runbook's pools are.")
		d.Alternatives = []Alternative{{"IBM-managed keys", "no dependency on your key service for booting workers"}}
		return d
	}
	d.Choice = "IBM-managed encryption of the boot volumes."
	d.Alternatives = []Alternative{{"Your root key", "boot volumes under the same key as the secrets; needs a KMS provider and the two authorizations"}}
	return d
}

// keyDeletionDecision records the root key's deletion policy.
func (b *builder) keyDeletionDecision() Decision {
	k := b.s.Security.KMS
	d := Decision{
		Title: "Root key deletion policy",
		IBM: "A dual-authorization deletion policy (" + lit("ibmcloud kp key policy-update dual-auth-delete KEY_ID --enable") +
			") makes deleting the key a two-person action: a second user with Manager access must authorize it within seven days.",
		Runbook: b.runbook(view.StepKeys),
		Docs:    b.docs(urlDualAuth),
	}
	if k.DualAuthDelete {
		d.Choice = "Dual authorization: deleting " + code(k.RootKeyName) + " needs two people."
		d.Consequences = append(d.Consequences, "Name at least two people with Manager access on the key service, or the key can never be deleted on purpose either.")
		d.Alternatives = []Alternative{{"Single authorization", "one Manager can delete the key, and with it the cluster's secrets"}}
		return d
	}
	d.Choice = "Single authorization: one user with Manager access on the key service can delete the root key."
	d.Alternatives = []Alternative{{"Dual authorization", "a second approver before the key that keeps the cluster readable can be deleted"}}
	return d
}

// ingressSecretsDecision records where Ingress TLS certificates live.
func (b *builder) ingressSecretsDecision() Decision {
	crn := b.s.Network.Ingress.TLSSecretsManager
	d := Decision{
		Title: "Ingress TLS certificates",
		IBM: "IKS creates the Ingress subdomain's certificate and renews it. With a Secrets Manager instance registered (" + lit("--sm-instance") +
			" at create) and set as the default (" + lit("ibmcloud ks ingress instance default set") + "), certificates and your own TLS secrets are kept and rotated there; " +
			"Kubernetes Service needs the Manager role on Secrets Manager.",
		Runbook: b.runbook(view.StepKeys, view.StepCluster, view.StepSecurity),
		Docs:    b.docs(urlIngressSecrets),
	}
	if crn != "" {
		d.Choice = "Secrets Manager instance " + code(crn) + " is the cluster's default store for Ingress certificates."
		d.Alternatives = []Alternative{{"Certificates in the cluster only", "no central view of expiry dates and no rotation of your own certificates"}}
		return d
	}
	d.Choice = "Ingress certificates stay in the cluster as Kubernetes secrets (IBM renews the subdomain's)."
	d.Alternatives = []Alternative{{"Secrets Manager", "central store, expiry tracking and automatic rotation of Ingress certificates"}}
	return d
}

func (b *builder) imageDecision() Decision {
	s := b.s
	var parts []string
	if s.CICD.VulnerabilityScanning {
		parts = append(parts, "Vulnerability Advisor v4 scans every image pushed to Container Registry, and the pipeline stops on known vulnerabilities")
	} else {
		parts = append(parts, "no vulnerability scanning gate")
	}
	if s.Security.ImageSignatureEnforcement {
		parts = append(parts, "image signature enforcement ("+lit("ibmcloud ks cluster image-security enable")+") admits only signed images")
	} else {
		parts = append(parts, "no image signature enforcement")
	}
	d := Decision{
		Title:  "Image security",
		Choice: capitalize(strings.Join(parts, "; ")) + ".",
		Seed:   "Slide 4: Vulnerability Advisor inspects container images and running containers.",
		IBM: "Vulnerability Advisor v4 is the default since v3 was deprecated on 2023-06-19. Image signature enforcement (Portieris) is a cluster option; " +
			"image pull secrets for " + lit(b.c.Catalog.Registries.Global) + " are created automatically.",
		Alternatives: []Alternative{},
		Runbook:      b.runbook(view.StepSecurity),
	}
	if !s.CICD.VulnerabilityScanning {
		d.Alternatives = append(d.Alternatives, Alternative{"Scan with Vulnerability Advisor", "catches known CVEs before release at no extra infrastructure"})
	}
	if !s.Security.ImageSignatureEnforcement {
		d.Alternatives = append(d.Alternatives, Alternative{"Enforce image signatures", "stops unsigned or tampered images, but every image — including third-party charts — must then be signed or exempted"})
	} else {
		d.Consequences = append(d.Consequences, "Every image, including those of Helm charts the runbook installs, must be signed or covered by an exemption policy.")
	}
	return d
}

func (b *builder) podSecurityDecision() Decision {
	s := b.s
	var levels []string
	for _, n := range s.Namespaces {
		levels = append(levels, code(n.Name)+": "+md(label(b.translator, n.PodSecurity)))
	}
	choice := "Pod Security Admission labels on every application namespace"
	if len(levels) > 0 {
		choice += " (" + strings.Join(levels, ", ") + ")"
	} else {
		choice = "No application namespaces in the design, so only the cluster's built-in Pod Security defaults apply"
	}
	d := Decision{
		Title:  "Pod Security",
		Choice: choice + ".",
		IBM: "Pod Security Policies were removed in Kubernetes 1.25; Pod Security Admission replaces them, with the restricted, baseline and privileged standards set per namespace by labels. " +
			"Cluster-wide defaults are set with " + lit("ibmcloud ks cluster master pod-security set") + ".",
		Alternatives: []Alternative{{"Baseline everywhere", "easier for software that runs as root, but allows much more than applications need"}},
		Runbook:      b.runbook(view.StepManifests),
		Docs:         b.docs(urlPodSecurity),
	}
	for _, n := range s.Namespaces {
		if n.PodSecurity == model.PodSecurityPrivileged {
			d.Consequences = append(d.Consequences, "Namespace "+code(n.Name)+" is privileged: any pod there may take over its worker.")
		}
	}
	return d
}

// capitalize upper-cases the first letter of iksplan's own text.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
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
	t := "source " + lit(a.SourceService)
	if a.TargetService != "kms" {
		t += ", target " + lit(a.TargetService)
	}
	return t + ", role " + a.Role
}
