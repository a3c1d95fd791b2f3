package bench

import (
	"os/exec"
	"strings"
	"testing"
)

// unlinked are the packages the iksplan binary must not link, each with
// why. An entry ending in "/" bans every package under that path; any
// other entry bans that one package. Each was package init on every start,
// `iksplan version` included, or megabytes of the binary, and none is
// needed outside the tests, which may keep them as references (issue 15).
var unlinked = []struct{ path, why string }{
	{"k8s.io/", "API scheme and protobuf registration, json-iterator and klog at init, 5.9 MB of a 20.5 MB binary; manifests, the double and the drill use internal/kube's copies of the types"},
	{"sigs.k8s.io/", "sigs.k8s.io/yaml and the yaml/v2 it brings: a third YAML library's init; internal/kube/kyaml writes the same bytes"},
	{"go.yaml.in/yaml/", "v2/v3/v4: kyaml carries its own port of the v4 emitter and reads with gopkg.in/yaml.v3, which the design file needs anyway"},
	{"github.com/invopop/jsonschema", "`iksplan schema` prints the schema a test generates (cli/design.schema.json)"},
	{"go/parser", "came with the schema generator, with go/doc and an ordered map"},
	{"github.com/nicksnyder/go-i18n/", "CLDR plural rules at init; internal/i18n's Entry and cardinal do the catalogue's work"},
	{"golang.org/x/text/", "language tables at init, ~2% of `iksplan version`'s CPU by perf"},
	{"crypto/x509", "only the double's kubeconfig certificates needed it; they are embedded fixtures (internal/ibmcloud/rehearsal_pki.go)"},
	{"crypto/ecdsa", "as crypto/x509"},
	{"crypto/rsa", "as crypto/x509"},
	{"crypto/rand", "draft ids use math/rand/v2: they only keep two same-second designs apart"},
}

// banned returns the packages of deps that an unlinked entry names.
func banned(deps []string) []string {
	var bad []string
	for _, p := range deps {
		for _, u := range unlinked {
			if p == u.path || (strings.HasSuffix(u.path, "/") && strings.HasPrefix(p, u.path)) {
				bad = append(bad, p+"  ("+u.why+")")
				break
			}
		}
	}
	return bad
}

// TestBinaryLinksNoBannedPackage fails when the iksplan binary links a
// package of unlinked again. `go list -deps .` shows who imports it.
func TestBinaryLinksNoBannedPackage(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "..").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	if bad := banned(strings.Fields(string(out))); len(bad) > 0 {
		t.Fatalf("the binary links %d banned packages:\n%s", len(bad), strings.Join(bad, "\n"))
	}
}

// TestBannedMatchesPrefixesAndPackages: a "/" entry bans the whole tree,
// a plain entry only its own package, so crypto/x509/pkix is no
// accident of crypto/x509 and crypto/sha256 stays allowed.
func TestBannedMatchesPrefixesAndPackages(t *testing.T) {
	got := banned([]string{"k8s.io/api/core/v1", "golang.org/x/text/language", "crypto/x509", "crypto/sha256", "go/parserx", "github.com/charmbracelet/huh", "go.yaml.in/yaml/v4"})
	want := []string{"k8s.io/api/core/v1", "golang.org/x/text/language", "crypto/x509", "go.yaml.in/yaml/v4"}
	if len(got) != len(want) {
		t.Fatalf("banned = %q, want %q", got, want)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]+"  (") {
			t.Fatalf("banned[%d] = %q, want %q", i, got[i], want[i])
		}
	}
}
