package runbook

import (
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/render/view"
)

// jq filters that pick one resource by name ($v) from a list.
const (
	jqGUIDByName = `[.[]? | select(.name == env.JQ_V)][0].guid // empty`
	jqIDByName   = `[.[]? | select(.name == env.JQ_V)][0].id // empty`
	jqHasName    = `any(.[]?; .name == env.JQ_V)`
)

// wantsKMS reports whether the design encrypts secrets with its own key.
func (b *builder) wantsKMS() bool {
	p := b.s.Security.KMS.Provider
	return p == model.KMSKeyProtect || p == model.KMSHyperProtect
}

// security enables KMS encryption of the cluster's secrets with the
// design's root key (looked up by name) and image signature enforcement.
func (b *builder) security() {
	bd := b.cur
	s := b.s
	if b.wantsKMS() {
		k := s.Security.KMS
		service := k.Provider.ServiceName()
		inst := b.val("KMS_INSTANCE", k.InstanceName, hSecure, k.Provider.Label()+" instance")
		key := b.val("KMS_ROOT_KEY", k.RootKeyName, hSecure, "root key that encrypts the cluster's secrets; never delete it")
		bd.comment("Kubernetes secrets encrypted with your root key (seed slide 4). Deleting or disabling the root key")
		bd.comment("makes the cluster unrecoverable: protect it with a dual-authorization deletion policy.")
		if k.Provider == model.KMSKeyProtect {
			svc := b.catalogService("key-protect", hSecure)
			bd.unlessExists(cmd("ibmcloud", "resource", "service-instance", inst), []any{"Key Protect instance ", varRef("KMS_INSTANCE")}, func() {
				bd.run(cmd("ibmcloud", "resource", "service-instance-create", inst, svc.name, svc.plan, svc.location(b), "-g", ref("RESOURCE_GROUP"))...)
			})
		} else {
			bd.comment("Hyper Protect Crypto Services must exist and be initialised (master key loaded by its custodians).")
			bd.call("require", cmd(cat("Hyper Protect Crypto Services instance ", varRef("KMS_INSTANCE"), " not found: create and initialise it first"),
				"ibmcloud", "resource", "service-instance", inst)...)
		}
		b.readBack("capture", "KMS_INSTANCE_ID", view.StepSecurity, "GUID of the key management instance",
			cmd("<guid of the key management instance>", jqGUIDByName, inst,
				"ibmcloud", "resource", "service-instances", "--service-name", service, "--output", "json")...)
		instID := ref("KMS_INSTANCE_ID")
		if k.Provider == model.KMSKeyProtect {
			bd.ifNot(when("json_has", cmd(jqHasName, key, "ibmcloud", "kp", "keys", "--instance-id", instID, "--output", "json")...), func() {
				bd.run(cmd("ibmcloud", "kp", "key", "create", key, "--instance-id", instID)...)
			})
		}
		b.readBack("capture", "KMS_ROOT_KEY_ID", view.StepSecurity, "ID of the root key",
			cmd("<id of the root key>", jqIDByName, key, "ibmcloud", "kp", "keys", "--instance-id", instID, "--output", "json")...)
		bd.ifElse(when("json_has", cmd(b.jqKMSOn(), "", "ibmcloud", "ks", "cluster", "get", "--cluster", b.clusterVar(), "--output", "json")...), func() {
			bd.say("KMS encryption is already on for ", varRef("CLUSTER"))
		}, func() {
			bd.run(cmd("ibmcloud", "ks", "kms", "enable", "--cluster", b.clusterVar(), "--instance-id", instID, "--crk", ref("KMS_ROOT_KEY_ID"))...)
		})
		if s.IsVPC() {
			bd.comment("Worker boot volumes keep IBM-managed encryption: encrypting them with this root key needs")
			bd.comment("--kms-instance and --crk at cluster or worker-pool create, which this runbook does not set.")
		}
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
