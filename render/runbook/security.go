package runbook

import (
	"github.com/iksplan/iksplan/render/view"
)

// jq filters that pick one resource by name ($v) from a list.
const (
	jqGUIDByName = `[.[]? | select(.name == env.JQ_V)][0].guid // empty`
	jqIDByName   = `[.[]? | select(.name == env.JQ_V)][0].id // empty`
	jqHasName    = `any(.[]?; .name == env.JQ_V)`
	jqNameByCRN  = `[.[]? | select(.crn == env.JQ_V)][0].name // empty`
	jqHasCRN     = `any(.[]?; .crn == env.JQ_V)`
)

// wantsKMS reports whether the design encrypts secrets with its own key.
func (b *builder) wantsKMS() bool {
	return b.s.Security.KMS.Enabled()
}

// security enables KMS encryption of the cluster's secrets with the
// design's root key (looked up by name) and image signature enforcement.
func (b *builder) security() {
	bd := b.cur
	s := b.s
	if b.wantsKMS() {
		bd.comment("Kubernetes secrets encrypted with your root key (created in step %d). KMS encryption is enabled on", b.stepNo[view.StepKeys])
		bd.comment("the running cluster, can be rotated to a new root key, and can never be disabled once on.")
		instID := ref("KMS_INSTANCE_ID")
		bd.ifElse(when("json_has", cmd(b.jqKMSOn(), "", "ibmcloud", "ks", "cluster", "get", "--cluster", b.clusterVar(), "--output", "json")...), func() {
			bd.say("KMS encryption is already on for ", varRef("CLUSTER"))
		}, func() {
			bd.run(cmd("ibmcloud", "ks", "kms", "enable", "--cluster", b.clusterVar(), "--instance-id", instID, "--crk", ref("KMS_ROOT_KEY_ID"))...)
		})
		if s.IsVPC() && !b.bootVolumeEncryption() {
			bd.comment("Worker boot volumes keep IBM-managed encryption (the design does not encrypt them with this key).")
		}
	}
	if crn := s.Network.Ingress.TLSSecretsManager; crn != "" {
		bd.blank()
		bd.comment("Secrets Manager was registered at create; IBM stores new Ingress certificates only in the default")
		bd.comment("instance, and registration at create does not make it the default (IBM: secrets-mgr).")
		// The registration is found by CRN: IKS names it itself (the register
		// request has no name; terraform-provider-ibm's instance_name is
		// computed), so it need not be the resource instance's name.
		instances := cmd("ibmcloud", "ks", "ingress", "instance", "ls", "--cluster", b.clusterVar(), "--output", "json")
		bd.ifNot(when("json_has", append(cmd(jqHasCRN, ref("SECRETS_MANAGER_CRN")), instances...)...), func() {
			bd.run(cmd("ibmcloud", "ks", "ingress", "instance", "register", "--cluster", b.clusterVar(), "--crn", ref("SECRETS_MANAGER_CRN"))...)
		})
		b.readBack("capture", "SECRETS_MANAGER_NAME", view.StepSecurity, "name of the Secrets Manager registration",
			append(cmd("<name of the Secrets Manager registration>", jqNameByCRN, ref("SECRETS_MANAGER_CRN")), instances...)...)
		// isDefault: the API's Instance field (bluemix-go containerv2), which the
		// CLI's JSON is INFERRED to print; when it differs, the idempotent default set runs again.
		bd.ifElse(when("json_has", append(cmd(`any(.[]?; .crn == env.JQ_V and .isDefault == true)`, ref("SECRETS_MANAGER_CRN")), instances...)...), func() {
			bd.say("Secrets Manager instance ", varRef("SECRETS_MANAGER_NAME"), " is already the default")
		}, func() {
			bd.run(cmd("ibmcloud", "ks", "ingress", "instance", "default", "set", "--cluster", b.clusterVar(), "--name", ref("SECRETS_MANAGER_NAME"))...)
		})
	}
	if s.Security.ImageSignatureEnforcement {
		bd.blank()
		bd.comment("Image signature enforcement (Portieris): only signed images are admitted.")
		bd.ifElse(when("exists", cmd("kubectl", "get", "namespace", "portieris")...), func() {
			bd.say("Portieris is already installed")
		}, func() {
			// -f: "force the command to run without user prompts" (CLI26 `cluster image-security enable`).
			bd.run(cmd("ibmcloud", "ks", "cluster", "image-security", "enable", "--cluster", b.clusterVar(), "-f")...)
		})
	}
}

// service is a catalog service the runbook creates an instance of.
type service struct {
	prefix     string
	heading    string
	name, plan word
	loc        string
}

// location is the instance's location: the catalog's (e.g. global), or the
// cluster's region when the catalog names none.
func (sv service) location(b *builder) word {
	if sv.loc == "" {
		return ref("REGION")
	}
	return b.val(sv.prefix+"_LOCATION", sv.loc, sv.heading, "")
}

// catalogService returns a service's catalog name and plan as variables:
// the catalog's entry when it has one (the engineer can update the catalog
// without a new iksplan), otherwise the names IBM's docs give.
func (b *builder) catalogService(id, heading string) service {
	e := b.c.Catalog.MustService(id)
	name, plan, loc := e.ServiceName, e.Plan, e.Location
	prefix := sanitizeVar(id)
	return service{
		prefix:  prefix,
		heading: heading,
		name:    b.val(prefix+"_SERVICE", name, heading, "catalog name of the service"),
		plan:    b.val(prefix+"_PLAN", plan, heading, ""),
		loc:     loc,
	}
}

// sanitizeVar turns a catalog ID such as key-protect into KEY_PROTECT.
func sanitizeVar(s string) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z':
			out = append(out, c-'a'+'A')
		case c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
			out = append(out, c)
		default:
			out = append(out, '_')
		}
	}
	if len(out) == 0 || out[0] >= '0' && out[0] <= '9' {
		out = append([]byte("S_"), out...)
	}
	return string(out)
}
