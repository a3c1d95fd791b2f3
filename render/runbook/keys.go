package runbook

import (
	"encoding/json"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/render/view"
)

// keys is the key-management step (issue 9): it runs before the cluster
// exists, because VPC boot-volume encryption names the KMS instance and
// root key at cluster and worker-pool create. It creates (Key Protect) or
// requires (HPCS) the instance, creates the root key, sets the key's
// dual-authorization deletion policy, and creates the service-to-service
// authorizations boot-volume encryption needs. Step "security" later turns
// on KMS encryption of the cluster's secrets with the same key.
//
// Commands, from IBM's references:
//   - ibmcloud kp key create NAME --instance-id ID; ibmcloud kp keys
//     (https://cloud.ibm.com/docs/key-protect?topic=key-protect-cli-reference)
//   - ibmcloud kp key policy-update dual-auth-delete KEY_ID -i ID --enable;
//     ibmcloud kp key policies KEY_ID -i ID --output json (same reference)
//   - ibmcloud iam authorization-policy-create SOURCE TARGET ROLE
//     --target-service-instance-id GUID; ibmcloud iam authorization-policies
//     (https://cloud.ibm.com/docs/cli?topic=cli-ibmcloud_commands_iam)
func (b *builder) keys() {
	if b.s.Security.KMS.Enabled() {
		b.kmsKeys()
	}
	if b.s.Network.Ingress.TLSSecretsManager != "" {
		b.cur.blank()
		b.cur.comment("Ingress certificates in Secrets Manager (registered at cluster create with --sm-instance): Kubernetes")
		b.cur.comment("Service needs the Manager role on Secrets Manager (IBM: secrets-mgr, service-to-service step).")
		b.authorization(b.c.Catalog.MustAuthorization(catalog.AuthSecretsManager), word{}, word{})
	}
}

// kmsKeys creates or finds the KMS instance and root key and sets their
// policies and authorizations.
func (b *builder) kmsKeys() {
	bd := b.cur
	s := b.s
	k := s.Security.KMS
	sv := b.catalogService(k.Provider.CatalogID(), hSecure)
	inst := b.val("KMS_INSTANCE", k.InstanceName, hSecure, b.text(textArg(k.Provider.Label()), " instance"))
	key := b.val("KMS_ROOT_KEY", k.RootKeyName, hSecure, "root key that encrypts the cluster's secrets; never delete it")
	bd.comment("Your root key (IBM's 2019 guidance, slide 4: key management with an HSM). It is created before the cluster so that")
	bd.comment("VPC worker boot volumes can be encrypted with it at create. Deleting the root key makes the cluster")
	bd.comment("unrecoverable; disabling it stops operations that read secrets until it is re-enabled.")
	if k.Provider == model.KMSKeyProtect {
		bd.unlessExists(cmd("ibmcloud", "resource", "service-instance", inst), []any{"Key Protect instance ", varRef("KMS_INSTANCE")}, func() {
			bd.run(cmd("ibmcloud", "resource", "service-instance-create", inst, sv.name, sv.plan, sv.location(b), "-g", ref("RESOURCE_GROUP"))...)
		})
	} else {
		bd.comment("Hyper Protect Crypto Services must exist and be initialised (master key loaded by its custodians).")
		bd.call("require", cmd(bd.msg("Hyper Protect Crypto Services instance ", varRef("KMS_INSTANCE"), " not found: create and initialise it first"),
			"ibmcloud", "resource", "service-instance", inst)...)
	}
	b.readBack("capture", "KMS_INSTANCE_ID", view.StepKeys, "GUID of the key management instance",
		cmd("<guid of the key management instance>", jqGUIDByName, inst,
			"ibmcloud", "resource", "service-instances", "--service-name", sv.name, "--output", "json")...)
	instID := ref("KMS_INSTANCE_ID")
	if k.Provider == model.KMSKeyProtect {
		bd.ifNot(when("json_has", cmd(jqHasName, key, "ibmcloud", "kp", "keys", "--instance-id", instID, "--output", "json")...), func() {
			bd.run(cmd("ibmcloud", "kp", "key", "create", key, "--instance-id", instID)...)
		})
	}
	b.readBack("capture", "KMS_ROOT_KEY_ID", view.StepKeys, "ID of the root key",
		cmd("<id of the root key>", jqIDByName, key, "ibmcloud", "kp", "keys", "--instance-id", instID, "--output", "json")...)
	if k.DualAuthDelete {
		bd.blank()
		bd.comment("Dual authorization: deleting the root key needs a second person with Manager access to approve.")
		bd.ifElse(when("json_has", cmd(jqDualAuthOn, "", "ibmcloud", "kp", "key", "policies", ref("KMS_ROOT_KEY_ID"), "--instance-id", instID, "--output", "json")...), func() {
			bd.say("the root key's dual-authorization deletion policy is already on")
		}, func() {
			bd.run(cmd("ibmcloud", "kp", "key", "policy-update", "dual-auth-delete", ref("KMS_ROOT_KEY_ID"), "--instance-id", instID, "--enable")...)
		})
	}
	bd.blank()
	bd.comment("Kubernetes Service may read the key service (Reader): IBM asks for this authorization before KMS is")
	bd.comment("enabled on the cluster (encryption-setup), with or without boot-volume encryption.")
	b.authorization(b.c.Catalog.MustAuthorization(catalog.AuthKMSKubernetes), sv.name, instID)
	if b.bootVolumeEncryption() {
		bd.blank()
		bd.comment("Boot-volume encryption with the root key also needs Cloud Block Storage (server-protect) to read the")
		bd.comment("key service (Reader) (IBM: encryption-vpc-worker-disks).")
		b.authorization(b.c.Catalog.MustAuthorization(catalog.AuthBootVolumeBlockStorage), sv.name, instID)
	}
}

// jqDualAuthOn holds when the key's policies turn dual-authorization
// deletion on (Key Protect's policy list: dualAuthDelete.enabled).
const jqDualAuthOn = `any(.[]?; .dualAuthDelete.enabled == true)`

// authorization creates the IAM service-to-service authorization a unless
// one from its source service to the instance exists. target is the key
// service's catalog name when the catalog writes the target as kms (the
// design's key service). A zero instanceID scopes the policy to every
// instance of the target service (IBM's "All resources").
func (b *builder) authorization(a catalog.Authorization, target word, instanceID word) {
	bd := b.cur
	tgt := lit(a.TargetService)
	if a.TargetService == "kms" {
		tgt = target
	}
	if instanceID.text == "" {
		bd.ifElse(when("json_has", cmd(jqAuthorizationFromTo(a.SourceService, a.TargetService), "",
			"ibmcloud", "iam", "authorization-policies", "--output", "json")...), func() {
			bd.say("the ", textArg(a.SourceService), " authorization (", textArg(a.Role), ") to ", textArg(a.TargetService), " already exists")
		}, func() {
			bd.run(cmd("ibmcloud", "iam", "authorization-policy-create", a.SourceService, tgt, a.Role)...)
		})
		return
	}
	bd.ifElse(when("json_has", cmd(jqAuthorizationFrom(a.SourceService), instanceID,
		"ibmcloud", "iam", "authorization-policies", "--output", "json")...), func() {
		bd.say("the ", textArg(a.SourceService), " authorization (", textArg(a.Role), ") to the instance already exists")
	}, func() {
		bd.run(cmd("ibmcloud", "iam", "authorization-policy-create", a.SourceService, tgt, a.Role,
			"--target-service-instance-id", instanceID)...)
	})
}

// jqAuthorizationFromTo holds when a policy from source to target service
// exists (any scope).
func jqAuthorizationFromTo(source, target string) string {
	qs, _ := json.Marshal(source)
	qt, _ := json.Marshal(target)
	return `any(.[]?; ([.subjects[]?.attributes[]? | select(.name == "serviceName") | .value] | index(` + string(qs) + `)) != null` +
		` and ([.resources[]?.attributes[]? | select(.name == "serviceName") | .value] | index(` + string(qt) + `)) != null)`
}

// jqAuthorizationFrom holds when a policy from source reaches the instance
// whose GUID is $JQ_V (IAM policy documents: subjects[].attributes and
// resources[].attributes name serviceName and serviceInstance).
func jqAuthorizationFrom(source string) string {
	q, _ := json.Marshal(source)
	return `any(.[]?; ([.subjects[]?.attributes[]? | select(.name == "serviceName") | .value] | index(` + string(q) + `)) != null` +
		` and ([.resources[]?.attributes[]? | select(.name == "serviceInstance") | .value] | index(env.JQ_V)) != null)`
}

// bootVolumeEncryption reports whether VPC worker boot volumes are
// encrypted with the design's root key.
func (b *builder) bootVolumeEncryption() bool {
	k := b.s.Security.KMS
	return b.s.IsVPC() && k.Enabled() && k.BootVolumeEncryption
}

// bootVolumeKMSFlags are the `cluster create vpc-gen2` and `worker-pool
// create vpc-gen2` flags that encrypt the pool's boot volumes with the root
// key (IBM CLI reference: --kms-instance and --crk together).
func (b *builder) bootVolumeKMSFlags() []word {
	if !b.bootVolumeEncryption() {
		return nil
	}
	b.cur.uses["KMS_INSTANCE_ID"] = true
	b.cur.uses["KMS_ROOT_KEY_ID"] = true
	return []word{lit("--kms-instance"), ref("KMS_INSTANCE_ID"), lit("--crk"), ref("KMS_ROOT_KEY_ID")}
}
