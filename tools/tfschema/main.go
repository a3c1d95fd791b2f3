// Command tfschema extracts a JSON snapshot of the argument schema of chosen
// resources and data sources from the Go source of IBM-Cloud/terraform-provider-ibm.
//
// The provider module is not served by the Go module proxy and its binary
// cannot be fetched in CI, so iksplan checks its Terraform output against a
// snapshot instead. tfschema reads the provider's source as data: it parses
// ibm/provider/provider.go for the DataSourcesMap and ResourcesMap entries,
// follows each constructor (kubernetes.ResourceIBMContainerVpcCluster and so on)
// to its schema.Resource literal and records, per argument, what the
// terraform-plugin-sdk schema.Schema fields say: type, required, optional,
// computed, ForceNew, MaxItems, nested blocks, and whether the provider
// suppresses later diffs with flex.ApplyOnce (it ignores edits after create).
// It never compiles or copies the provider's code.
//
// Usage:
//
//	tfschema -src DIR -commit SHA -resources a,b -data-sources c,d -o schema.json
//
// DIR is a checkout (or `git archive`) of the provider repository. The
// version comes from DIR/version/version.go. Anything the extractor cannot
// resolve statically is listed in the snapshot's "unresolved" field and makes
// it exit non-zero unless -allow-unresolved is given.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
)

func main() {
	src := flag.String("src", "", "provider source tree (repository root)")
	commit := flag.String("commit", "", "commit of the source tree, recorded in the snapshot")
	resources := flag.String("resources", "", "comma-separated resource types to extract")
	dataSources := flag.String("data-sources", "", "comma-separated data source types to extract")
	out := flag.String("o", "", "output file (default: stdout)")
	allowUnresolved := flag.Bool("allow-unresolved", false, "write the snapshot even if some arguments could not be resolved")
	flag.Parse()
	if *src == "" || *commit == "" {
		fmt.Fprintln(os.Stderr, "tfschema: -src and -commit are required")
		os.Exit(2)
	}
	snap, err := Extract(*src, *commit, splitList(*resources), splitList(*dataSources))
	if err != nil {
		fmt.Fprintln(os.Stderr, "tfschema:", err)
		os.Exit(1)
	}
	b, err := json.MarshalIndent(snap, "", " ")
	if err != nil {
		fmt.Fprintln(os.Stderr, "tfschema:", err)
		os.Exit(1)
	}
	b = append(b, '\n')
	if *out == "" {
		_, err = os.Stdout.Write(b)
	} else {
		err = os.WriteFile(*out, b, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "tfschema:", err)
		os.Exit(1)
	}
	if len(snap.Unresolved) > 0 {
		for _, u := range snap.Unresolved {
			fmt.Fprintln(os.Stderr, "tfschema: unresolved:", u)
		}
		if !*allowUnresolved {
			os.Exit(1)
		}
	}
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}
