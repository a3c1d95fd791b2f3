package terraform

import (
	"strconv"
	"strings"
)

func itoa(i int) string { return strconv.Itoa(i) }

// outputs.tf: what the runbook's later steps and the people running them
// need from the apply.
func (m *module) outputs() {
	m.output("cluster_id", "ID of the cluster (IAM policies and CBR rules name it)", m.clusterID())
	m.output("cluster_name", "name of the cluster: the runbook's CLUSTER", ref(m.clusterRes()+".name"))
	m.output("ingress_hostname", "the cluster's Ingress subdomain", ref(m.clusterRes()+".ingress_hostname"))
	if m.s.IsVPC() {
		m.output("vpc_id", "ID of the cluster's VPC", m.vpcID())
		var ids list
		for i := range m.s.Zones {
			ids = append(ids, m.subnetID(i))
		}
		m.output("subnet_ids", "IDs of the subnets, one per zone in the design's order", ids)
	}
	if st := m.runbookState(); st != "" {
		m.output("runbook_state", "the IDs the runbook's steps before its access step read back, as lines of its logs/state file", ref(st))
	}
	if m.wantsKMS() {
		m.output("kms_instance_guid", "GUID of the key management instance", m.kmsInstanceGUID())
		m.output("kms_root_key_id", "ID of the root key that encrypts the cluster's secrets", m.rootKeyID())
	}
	if m.s.Storage.ObjectStorage.Enabled {
		m.output("cos_instance_guid", "GUID of the Object Storage instance (the s3fs volumes' service-instance-id)", ref("ibm_resource_instance.cos.guid"))
	}
	for _, it := range m.f("observability.tf").items {
		b, ok := it.(*block)
		if !ok || b.labels[0] != "ibm_resource_instance" {
			continue
		}
		m.output(b.labels[1]+"_instance_guid", "GUID of the "+b.labels[1]+" instance", ref("ibm_resource_instance."+b.labels[1]+".guid"))
	}
}

// runbookState is a format() call that prints the read-back variables the
// runbook's steps before its access step would have saved: VPC_ID and
// SUBNET_n_ID for the VPC and subnets this module creates (infrastructure
// step), KMS_INSTANCE_ID and KMS_ROOT_KEY_ID (keys step). `./runbook.sh --from N`
// loads them from logs/state instead of running that step.
func (m *module) runbookState() string {
	var names, vals []string
	if m.s.IsVPC() && m.vpc().VPCID == "" {
		names = append(names, "VPC_ID")
		vals = append(vals, string(m.vpcID()))
	}
	for i, z := range m.s.Zones {
		if m.s.IsVPC() && m.vpc().SubnetFor(z).SubnetID == "" {
			if m.vpc().PublicGateway {
				names = append(names, "PGW_"+itoa(i+1)+"_ID")
				vals = append(vals, "ibm_is_public_gateway."+zoneLabel(i)+".id")
			}
			names = append(names, "SUBNET_"+itoa(i+1)+"_ID")
			vals = append(vals, string(m.subnetID(i)))
		}
	}
	if m.wantsKMS() {
		names = append(names, "KMS_INSTANCE_ID", "KMS_ROOT_KEY_ID")
		vals = append(vals, string(m.kmsInstanceGUID()), string(m.rootKeyID()))
	}
	if len(names) == 0 {
		return ""
	}
	f := ""
	for _, n := range names {
		f += n + "=%s\\n"
	}
	return "format(\"" + f + "\", " + strings.Join(vals, ", ") + ")"
}
