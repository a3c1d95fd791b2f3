package terraform

import (
	"fmt"
	"slices"
	"strings"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/render/view"
)

// renderReadme writes terraform/README.md: how to apply the module, what
// the runbook does afterwards, where the two differ, and which arguments
// the provider fixes at create or ignores after it (from the schema
// snapshot, through createOnlyOf).
func (m *module) renderReadme() []byte {
	c := m.c
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	w("<!-- %s -->", c.Header)
	w("# Terraform for %s", mdText(c.Design.Metadata.Name))
	w("")
	w("This folder is the design as a Terraform root module for the IBM Cloud provider `IBM-Cloud/ibm` %s", ProviderVersion)
	w("(pinned in `versions.tf`; Terraform %s). It builds what the runbook's cloud steps build, with the same", TerraformVersion)
	w("names, so the runbook can take over for the work inside the cluster. Every argument was checked against")
	w("the provider's schema at commit `%s`.", short(schemaCommit))
	w("")
	w("## Apply")
	w("")
	w("```sh")
	w("export TF_VAR_ibmcloud_api_key=\"$IBMCLOUD_API_KEY\"   # the key the runbook logs in with; never in a file")
	if c.Spec.Logging.Backend == model.LogCloudLogs {
		w("export TF_VAR_logs_agent_api_key=\"$LOGS_AGENT_API_KEY\"   # the Logs agent's key (Sender role), as the runbook's")
	}
	w("terraform init")
	w("terraform plan -out plan.tfplan")
	w("terraform apply plan.tfplan")
	w("```")
	w("")
	w("`variables.tf` holds only the API key and account-specific IDs; the defaults are the design's values.")
	w("`terraform plan` asks for each variable without a default (set `TF_VAR_<name>` to skip the question).")
	if m.wantsCBR() {
		w("The context-based restrictions need `account_id`: the account ID that `ibmcloud account show` prints.")
	}
	w("")
	w("## After `terraform apply`: the runbook")
	w("")
	access, _ := c.Step(view.StepAccess)
	w("From the output directory (where runbook.sh is), run the runbook from its step %d; the preflight,", access.Number)
	w("step 1, always runs first.")
	w("")
	w("```sh")
	if m.runbookState() != "" {
		w("mkdir -p logs")
		w("terraform -chdir=terraform output -raw runbook_state >>logs/state   # the IDs the skipped steps would have read back")
	}
	w("./runbook.sh --from %d", access.Number)
	w("```")
	w("")
	w("Its earlier steps (%s) are what this module does. From step %d on:", m.earlierSteps(access.Number), access.Number)
	w("")
	for _, s := range c.Steps {
		if s.Number < access.Number {
			continue
		}
		w("- **Step %d, %s**: %s", s.Number, s.Title, m.afterApply(s.ID))
	}
	w("")
	w("## Where Terraform and the runbook differ")
	w("")
	for _, d := range m.differences() {
		w("- %s", d)
	}
	w("")
	fixed, ignored := m.fixed, m.ignored
	// One line per resource, thousands at 1,000 access groups: sized once
	// and written without fmt.
	n := b.Len()
	for _, l := range fixed {
		n += len(l) + 3
	}
	for _, l := range ignored {
		n += len(l) + 3
	}
	b.Grow(n + 1024)
	list := func(l string) {
		b.WriteString("- ")
		b.WriteString(l)
		b.WriteByte('\n')
	}
	w("## Fixed at create")
	w("")
	w("Changing one of these arguments makes Terraform replace the resource (the provider marks them ForceNew):")
	w("")
	for _, l := range fixed {
		list(l)
	}
	w("")
	w("## Ignored after create")
	w("")
	w("The provider sends these arguments only when it creates the resource and ignores later edits")
	w("(DiffSuppressFunc flex.ApplyOnce): change them on the worker-pool resources in `pools.tf` instead,")
	w("or with `ibmcloud ks`.")
	w("")
	for _, l := range ignored {
		list(l)
	}
	return []byte(b.String())
}

func short(sha string) string {
	if len(sha) > 12 {
		return sha[:12]
	}
	return sha
}

// mdText keeps a design value from being read as Markdown.
func mdText(s string) string { return mdEscaper.Replace(s) }

// mdEscaper is mdText's replacer: made once (its lookup table, built on
// first use, was 160 kB a render).
var mdEscaper = strings.NewReplacer("\\", "\\\\", "`", "\\`", "*", "\\*", "_", "\\_", "<", "&lt;", ">", "&gt;", "[", "\\[", "]", "\\]", "\n", " ")

func (m *module) earlierSteps(before int) string {
	var out []string
	for _, s := range m.c.Steps {
		if s.Number > 1 && s.Number < before {
			out = append(out, fmt.Sprintf("%d, %s", s.Number, s.Title))
		}
	}
	return strings.Join(out, "; ")
}

// afterApply says what a runbook step does on a cluster this module built.
func (m *module) afterApply(id view.StepID) string {
	s := m.s
	switch id {
	case view.StepAccess:
		return "downloads the admin kubeconfig and reads the cluster's ID."
	case view.StepSecurity:
		t := ""
		if m.wantsKMS() {
			t = "finds the KMS instance, root key and KMS encryption already in place and leaves them. "
		}
		if s.Security.ImageSignatureEnforcement {
			t += "Image signature enforcement is on (image_security_enforcement)."
		}
		return strings.TrimSpace(t)
	case view.StepStorage:
		return "finds the instances and buckets; in the cluster it installs the volume plug-ins, creates the Object Storage volumes' secrets and binds the databases' credentials into their namespaces."
	case view.StepNetwork:
		if s.IsClassic() {
			return "applies the Calico host policies with calicoctl, checks the master endpoints, enables or disables the ALBs and sets their automatic updates."
		}
		t := "checks the master endpoints, enables or disables the ALBs and sets their automatic updates"
		if m.wantsCBR() {
			t += "; it finds the CBR zone and rules by name and leaves them"
		}
		return t + "."
	case view.StepObservability:
		if s.Logging.Backend == model.LogCloudLogs {
			t := "upgrades the Logs agent's release with the chart, version and values this module installed it with (no change)"
			if s.Monitoring.Enabled {
				t += ", installs the monitoring agent (Helm) into the instance this module created"
			}
			return t + m.auditText() + "."
		}
		return "installs the log and monitoring agents (Helm) into the instances this module created" + m.auditText() + "."
	case view.StepIAM:
		return "finds the access groups and leaves them as they are."
	case view.StepAutoscaler:
		return "installs and configures the cluster autoscaler add-on for the design's pools."
	case view.StepManifests:
		return "applies the Kubernetes manifests (namespaces, quotas, network policies, RBAC)."
	case view.StepVerify:
		return "checks the cluster against the design."
	}
	return "runs as written."
}

func (m *module) auditText() string {
	if m.s.IsClassic() && m.s.Logging.Wants(model.SourceKubeAudit) && m.s.Logging.Backend != model.LogNone {
		return ", and points the API server's audit webhook at the in-cluster receiver"
	}
	return ""
}

// differences lists what this module does not do like the runbook.
func (m *module) differences() []string {
	s := m.s
	out := []string{
		"The preflight (tools, login, account checks) is the runbook's only: Terraform has no equivalent.",
		"Helm-installed agents and plug-ins (except the Logs agent, `helm_release.logs_agent`), Calico policies and the Kubernetes manifests are not Terraform resources here; the runbook's later steps install them.",
		"The runbook creates the cluster in one zone and adds the others with `ibmcloud ks zone add`; this module names every zone at create. The end state is the same pool in every zone.",
		"The default worker pool is adopted by a worker-pool resource (`import_on_create`), because the cluster resource ignores later edits of it.",
	}
	if m.s.Security.KMS.DualAuthDelete && m.wantsKMS() {
		out = append(out, "`terraform destroy` cannot delete the root key while its dual-authorization deletion policy is on: a second approver must authorize the deletion first.")
	}
	if m.wantsCBR() {
		out = append(out, "The CBR rules are written enforced; the runbook creates them in report mode (the cluster API's disabled) and enforces them in its verify step.")
	}
	if s.Network.Ingress.TLSSecretsManager != "" {
		out = append(out, "The runbook registers the Secrets Manager instance with `--sm-instance` when it creates the cluster; the cluster resource has no such argument, so `ibm_container_ingress_instance.secrets_manager` registers it after create.")
	}
	if s.IsVPC() {
		for _, p := range s.WorkerPools {
			if !p.EncryptsDisk() {
				out = append(out, "`diskEncryption: false` cannot be expressed for VPC pools (the provider has no argument for it); the runbook passes `--disable-disk-encrypt`.")
				break
			}
		}
	}
	if cn := s.Network.Classic; s.IsClassic() && cn != nil && cn.PrivateOnlyWorkers {
		out = append(out, "Private-only workers: the runbook passes `--private-only`; the provider has no such argument, so this module names each zone's private VLAN (`private_vlan_zone_N` in variables.tf, required where the design names none) and leaves `public_vlan_id` out, which IBM reads as private-only.")
	}
	if s.Logging.Backend == model.LogSyslog {
		out = append(out, "Remote syslog forwarding is configured by the runbook's observability step (`ibmcloud ks logging config create`).")
	}
	return out
}

// createOnly is what the provider does with an argument after create.
type createOnly uint8

const (
	// fixedAtCreate: ForceNew, a change replaces the resource.
	fixedAtCreate createOnly = iota + 1
	// ignoredAfterCreate: DiffSuppressFunc flex.ApplyOnce, sent only at create.
	ignoredAfterCreate
)

// createOnly lists the rendered resources' arguments the provider fixes at
// create (ForceNew) or ignores after create (ApplyOnce), as the schema
// snapshot says (createOnlyOf, generated from it). build keeps the result
// in the module: the README and DESIGN.md read it.
func (m *module) createOnly() (fixed, ignored []string) {
	// fx and ig are one resource's argument names, reused for the next;
	// a resource has a handful, so a scan finds a name seen before.
	var fx, ig []string
	for _, b := range m.blocks() {
		if b.typ != "resource" {
			continue
		}
		fx, ig = fx[:0], ig[:0]
		for _, it := range b.items {
			var name string
			switch v := it.(type) {
			case *attr:
				name = v.name
			case *block:
				name = v.typ
			default:
				continue
			}
			k := createOnlyOf(b.labels[0], name)
			if k == 0 || slices.Contains(fx, name) || slices.Contains(ig, name) {
				continue
			}
			if k == fixedAtCreate {
				fx = append(fx, name)
			} else {
				ig = append(ig, name)
			}
		}
		if len(fx) > 0 {
			fixed = append(fixed, createOnlyLine(b, fx))
		}
		if len(ig) > 0 {
			ignored = append(ignored, createOnlyLine(b, ig))
		}
	}
	return fixed, ignored
}

// createOnlyLine is "`type.label`: `name`, `name`", built in one string.
func createOnlyLine(b *block, names []string) string {
	n := len(b.labels[0]) + len(b.labels[1]) + 4
	for _, name := range names {
		n += len(name) + 4
	}
	var sb strings.Builder
	sb.Grow(n)
	sb.WriteByte('`')
	sb.WriteString(b.labels[0])
	sb.WriteByte('.')
	sb.WriteString(b.labels[1])
	sb.WriteString("`: ")
	for i, name := range names {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteByte('`')
		sb.WriteString(name)
		sb.WriteByte('`')
	}
	return sb.String()
}

// IgnoredAfterCreate lists, for DESIGN.md, the arguments of the design's
// Terraform resources that the provider sends only at create and ignores
// afterwards, one "`resource.label`: `arg`, ..." line per resource.
func IgnoredAfterCreate(c *view.Context) ([]string, error) {
	m, err := built(c)
	if err != nil {
		return nil, fmt.Errorf("terraform: %w", err)
	}
	return slices.Clone(m.ignored), nil
}
