package runbook

// `ibmcloud ks cluster get --output json` prints the API's body, and the
// API answers in two shapes (ibm-api-shapes.md A.1; bluemix-go's comment
// "armada-api returns different structure for different providers"):
// classic clusters the flat v1 ClusterInfo (keyProtectEnabled,
// privateServiceEndpointEnabled, publicServiceEndpointEnabled at the top),
// VPC clusters the nested v2 one (features.keyProtectEnabled,
// serviceEndpoints.*). The filters below read the design's shape and
// compare with == true / == false: jq's `//` replaces false as well as
// null, so `(.x // true) == false` could never hold.

// clusterBool is a jq filter that holds when the boolean field of `cluster
// get --output json` has the value want: the flat key on classic, the key
// under group on VPC.
func (b *builder) clusterBool(group, key string, want bool) string {
	path := "." + key
	if b.s.IsVPC() {
		path = "." + group + "." + key
	}
	if want {
		return path + " == true"
	}
	return path + " == false"
}

// jqKMSOn holds when KMS encryption of the cluster's secrets is on.
func (b *builder) jqKMSOn() string { return b.clusterBool("features", "keyProtectEnabled", true) }

// jqPrivateEndpointOn holds when the master's private service endpoint is on.
func (b *builder) jqPrivateEndpointOn() string {
	return b.clusterBool("serviceEndpoints", "privateServiceEndpointEnabled", true)
}

// jqPublicEndpointOff holds when the master's public service endpoint is off.
func (b *builder) jqPublicEndpointOff() string {
	return b.clusterBool("serviceEndpoints", "publicServiceEndpointEnabled", false)
}
