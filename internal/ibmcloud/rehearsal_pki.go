package ibmcloud

import _ "embed"

// rehearsalCA, rehearsalAdminCert and rehearsalAdminKey are the
// certificate authority, the admin client certificate it signed and that
// certificate's key (PEM) in the kubeconfigs the double hands out (`ks
// cluster config`, `ks cluster ca get`). Real IKS makes a CA per cluster;
// the double serves one fixed pair to every rehearsal cluster, because the
// runbook only stores and decodes them: with a real control plane behind
// the rehearsal, the kubeconfig's cluster and user come from that control
// plane instead.
//
// They are files, not generated at run time, so that the binary links no
// certificate or public-key crypto: crypto/x509, ecdsa and rsa were three
// of the package inits of every start, `iksplan version` included, and
// about 1 MB of the binary (issue 15). The key is a test fixture that
// signs nothing outside a rehearsal; `go test ./internal/ibmcloud -run
// TestRehearsalPKI -update` makes a new pair.
var (
	//go:embed rehearsal-pki/ca.pem
	rehearsalCA []byte
	//go:embed rehearsal-pki/admin.pem
	rehearsalAdminCert []byte
	//go:embed rehearsal-pki/admin-key.pem
	rehearsalAdminKey []byte
)
