package doc

import (
	"fmt"
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/render/view"
)

// security covers secret encryption, image security and Pod Security.
func (b *builder) security() SecuritySection {
	return SecuritySection{Decisions: []Decision{b.kmsDecision(), b.imageDecision(), b.podSecurityDecision()}}
}

func (b *builder) kmsDecision() Decision {
	s := b.s
	k := s.Security.KMS
	d := Decision{
		Title: "Encryption of Kubernetes secrets",
		Seed:  "Slide 4 lists among IKS's security features \"key management with an HSM\" and \"Secrets are encrypted automatically\".",
		IBM: "Secrets are always encrypted at rest. Enabling a KMS provider (" + lit("ibmcloud ks kms enable") + ") wraps them with a root key you own in Key Protect " +
			"(multi-tenant, FIPS 140-2 level 3) or Hyper Protect Crypto Services (a dedicated HSM you alone control, FIPS 140-2 level 4). " +
			"You can switch the provider or key later but never disable KMS encryption once it is on; disabling the root key restricts what the cluster can do until the key is re-enabled, and deleting it makes the cluster unrecoverable.",
		Runbook: b.runbook(view.StepSecurity),
		Docs:    b.docs(urlSecrets),
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
	d.Fixed = true
	d.FixedNote = "once KMS encryption is enabled it cannot be disabled (the provider and key can be switched)"
	d.Choice = fmt.Sprintf("%s instance %s, root key %s.", md(k.Provider.Label()), code(k.InstanceName), code(k.RootKeyName))
	d.Consequences = append(d.Consequences,
		"**Never delete the root key**: the cluster's secrets, and with them the cluster, become unrecoverable.",
		"Restrict who may disable or delete keys in the key service; rotate the root key on the key service's schedule.")
	if s.IsVPC() {
		d.Consequences = append(d.Consequences, "On VPC the same instance can encrypt the workers' boot volumes ("+lit("--kms-instance")+" with "+lit("--crk")+" when a pool is created) "+badge+".")
	} else {
		d.Consequences = append(d.Consequences, "Classic worker disks are encrypted with AES-256 by IBM independently of this choice.")
	}
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
			"image pull secrets for " + lit("icr.io") + " are created automatically.",
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
		levels = append(levels, code(n.Name)+": "+md(n.PodSecurity.Label()))
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
