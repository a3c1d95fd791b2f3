package terraform

import "github.com/iksplan/iksplan/model"

// versions.tf: the Terraform and provider versions.
func (m *module) versions() {
	f := m.f("versions.tf")
	f.note("The provider is pinned to the release whose schema iksplan checks every argument against.")
	t := f.add(newBlock("terraform"))
	t.set("required_version", str(TerraformVersion))
	rp := t.add("required_providers")
	rp.set("ibm", object{"source": str("IBM-Cloud/ibm"), "version": str(ProviderVersion)})
	if m.s.Logging.Backend == model.LogCloudLogs {
		// The Logs agent's helm_release (logsagent.go).
		rp.set("helm", object{"source": str("hashicorp/helm"), "version": str(HelmProviderVersion)})
	}
}

// main.tf: the provider and the resource group every resource goes into.
func (m *module) main() {
	f := m.f("main.tf")
	f.note("IBM Cloud provider for the design's region. The API key comes from var.ibmcloud_api_key")
	f.note("(for example TF_VAR_ibmcloud_api_key in the environment); it is never written to a file.")
	p := f.add(newBlock("provider", "ibm"))
	p.set("ibmcloud_api_key", ref("var.ibmcloud_api_key"))
	p.setFrom("region", str(m.s.Region), "spec.region")
	m.variable("ibmcloud_api_key", "IBM Cloud API key of the user or service ID that applies this module", "", true)

	f.note("The resource group the cluster and its services are created in %s.", fixedMark)
	rg := f.add(newBlock("data", "ibm_resource_group", "group"))
	rg.setFrom("name", str(m.s.ResourceGroup), "spec.resourceGroup")
}

// fixedMark is the design document's fixed-at-create badge, in comments.
const fixedMark = "(🔒 fixed at create)"

// resourceGroupID is the ID of the design's resource group.
const resourceGroupID = ref("data.ibm_resource_group.group.id")

// variable declares an input. Secrets get no default and are sensitive;
// account-specific IDs default to the design's value when it names one.
func (m *module) variable(name, description, def string, secret bool) {
	f := m.f("variables.tf")
	v := f.add(newBlock("variable", name))
	v.set("description", str(description))
	v.set("type", ref("string"))
	if secret {
		v.set("sensitive", boolean(true))
		return
	}
	if def != "" {
		v.set("default", str(def))
	}
}

// output declares an output.
func (m *module) output(name, description string, value expr) {
	o := m.f("outputs.tf").add(newBlock("output", name))
	o.set("description", str(description))
	o.set("value", value)
}
