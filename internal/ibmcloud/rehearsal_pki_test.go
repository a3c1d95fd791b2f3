package ibmcloud

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/iksplan/iksplan/internal/golden"
)

// pkiLife is how long a new fixture pair stays valid: the rehearsal must
// not start failing on a date nobody remembers.
const pkiLife = 50 * 365 * 24 * time.Hour

// TestRehearsalPKI checks the embedded pair the way kubectl would use it:
// the admin certificate chains to the CA for client auth, is in the
// system:masters group, matches its key, and is valid for years yet.
// With -update it writes a new pair first.
func TestRehearsalPKI(t *testing.T) {
	if golden.Updating() {
		writeRehearsalPKI(t)
		t.Skip("wrote a new pair under rehearsal-pki; rebuild to embed it")
	}
	pair, err := tls.X509KeyPair(rehearsalAdminCert, rehearsalAdminKey)
	if err != nil {
		t.Fatalf("admin certificate and key do not match: %v", err)
	}
	admin, err := x509.ParseCertificate(pair.Certificate[0])
	if err != nil {
		t.Fatal(err)
	}
	roots := x509.NewCertPool()
	if !roots.AppendCertsFromPEM(rehearsalCA) {
		t.Fatal("ca.pem holds no certificate")
	}
	if _, err := admin.Verify(x509.VerifyOptions{Roots: roots, KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}}); err != nil {
		t.Fatalf("admin certificate does not verify against the CA for client auth: %v", err)
	}
	if admin.Subject.CommonName != "admin" || len(admin.Subject.Organization) != 1 || admin.Subject.Organization[0] != "system:masters" {
		t.Fatalf("admin subject = %v, want CN=admin, O=system:masters (the group kube-apiserver maps to cluster-admin)", admin.Subject)
	}
	if left := time.Until(admin.NotAfter); left < 10*365*24*time.Hour {
		t.Fatalf("admin certificate expires %s; run with -update for a new pair", admin.NotAfter)
	}
}

func writeRehearsalPKI(t *testing.T) {
	t.Helper()
	now := time.Now().UTC().Truncate(24 * time.Hour)
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	ca := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "iksplan-rehearsal-ca"},
		NotBefore: now, NotAfter: now.Add(pkiLife), IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign}
	caDER, err := x509.CreateCertificate(rand.Reader, ca, ca, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	admin := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "admin", Organization: []string{"system:masters"}},
		NotBefore: now, NotAfter: now.Add(pkiLife), KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}}
	der, err := x509.CreateCertificate(rand.Reader, admin, ca, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"ca.pem":        pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}),
		"admin.pem":     pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		"admin-key.pem": pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join("rehearsal-pki", name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
