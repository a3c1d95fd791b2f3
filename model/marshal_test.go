package model_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/internal/testsupport"
	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/presets"
)

// awkward are strings that make yaml.v3 quote, fold or block them: the
// pieces must place every form at its column exactly as one Encode does.
var awkward = []string{
	"plain", "", " leading", "trailing ", "yes", "0x1F", "1e3", "- dash", "a: b", "#hash", "'q'", `"dq"`,
	"two\nlines", "blank\n\nline\n", "\n\nleading breaks", "  indented\n  block", "tab\there",
	"東京のクラスター\n二行目", strings.Repeat("long words ", 40), "~", "null", "@at", "*star", "&amp", "!bang",
	"ends with newline\n", "ends with two\n\n", "trailing space \nnext", "\x7f del", "\u2028sep", "nel\u0085x", "ps\u2029\u2029y", "cr\rz", "crlf\r\nw",
}

// hostileDesign is a preset whose lists run past the split length and whose
// free text, in split and unsplit parts, holds every awkward string.
func hostileDesign(t *testing.T, n int) *model.Design {
	t.Helper()
	// Values that begin with a line break are refused by Marshal (yaml.v3
	// cannot write them back): TestMarshalRefusesLeadingLineBreak.
	var aw []string
	for _, s := range awkward {
		if !strings.HasPrefix(s, "\n") {
			aw = append(aw, s)
		}
	}
	d, err := presets.Design("tokyo-classic-production")
	if err != nil {
		t.Fatal(err)
	}
	model.ApplyDefaults(d)
	d.Metadata.Description = aw[len(aw)-1] + strings.Join(aw, "\n")
	d.Spec.ResourceGroup = "rg\n\nwith breaks"
	d.Spec.Namespaces = nil
	d.Spec.IAM.AccessGroups = nil
	d.Spec.Waivers = nil
	for i := range n {
		s := aw[i%len(aw)]
		d.Spec.Namespaces = append(d.Spec.Namespaces, model.Namespace{
			Name: fmt.Sprintf("team-%04d", i), PodSecurity: model.PodSecurityRestricted,
			Quota:  model.NamespaceQuota{CPU: 0.5 * float64(i), MemoryGiB: 4, Pods: i},
			Labels: map[string]string{"z": s, "a": "x", s: "key"},
		})
		g := model.AccessGroup{
			Name: fmt.Sprintf("g%d", i), PlatformRole: model.PlatformViewer, ServiceRole: model.ServiceWriter,
		}
		for j := range i % 40 {
			g.Members = append(g.Members, fmt.Sprintf("dev%d@example.com", j))
		}
		if i%3 == 0 {
			g.Namespaces = []string{s, "team-0000"}
		}
		d.Spec.IAM.AccessGroups = append(d.Spec.IAM.AccessGroups, g)
		d.Spec.Waivers = append(d.Spec.Waivers, model.Waiver{Rule: "HA001", Reason: s, ApprovedBy: aw[(i+7)%len(aw)]})
	}
	return d
}

// TestMarshalPiecesMatchWhole: Marshal, which encodes a large design in
// pieces, writes exactly the bytes of one yaml.v3 Encode, for every preset
// and for hostile designs, with the split length as shipped and at 1 (every
// list split, every struct on the way cut into fields).
func TestMarshalPiecesMatchWhole(t *testing.T) {
	designs := map[string]*model.Design{}
	for _, p := range presets.All() {
		d, err := p.Design()
		if err != nil {
			t.Fatal(err)
		}
		designs[p.Name] = d
		withDefaults := d.Clone()
		model.ApplyDefaults(withDefaults)
		designs[p.Name+"+defaults"] = withDefaults
	}
	for _, n := range []int{0, 1, 31, 32, 200} {
		designs[fmt.Sprintf("hostile-%d", n)] = hostileDesign(t, n)
	}
	// Pointers to structs with nothing in them, empty and nil lists of
	// structs, zero nested structs: the forms "{}", "[]" and "null".
	empty := hostileDesign(t, 3)
	empty.Spec.Network.VPC = &model.VPCNetwork{}
	empty.Spec.Network.Classic = &model.ClassicNetwork{}
	empty.Spec.WorkerPools[0].DedicatedHosts = &model.DedicatedHosts{}
	empty.Spec.WorkerPools = append(empty.Spec.WorkerPools, model.WorkerPool{})
	empty.Spec.Zones = []string{}
	empty.Spec.Storage = model.Storage{}
	designs["empty-parts"] = empty
	for _, split := range []string{"at 1", "as shipped", "at 1, root in pieces", "as shipped, root in pieces"} {
		restore := func() {}
		if strings.HasPrefix(split, "at 1") {
			restore = model.SetLongList(1)
		}
		if strings.HasSuffix(split, "root in pieces") {
			r, r2 := restore, model.SetPlanRoot(false)
			restore = func() { r2(); r() }
		}
		for name, d := range designs {
			want, err := model.MarshalWhole(d)
			if err != nil {
				t.Fatal(err)
			}
			got, err := model.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("split %s, %s: pieces differ from one Encode:\n%s", split, name, firstDiff(got, want))
			}
		}
		restore()
	}
}

// FuzzMarshalPieces: whatever loads marshals in pieces to one Encode's
// bytes, with every list split.
func FuzzMarshalPieces(f *testing.F) {
	for _, p := range presets.All() {
		f.Add(p.Data)
	}
	f.Add([]byte("apiVersion: iksplan/v1alpha1\nkind: ClusterDesign\nmetadata: {name: a, description: \"x\\n\\ny\"}\nspec: {zones: [a, 'b: c']}\n"))
	restore := model.SetLongList(1)
	defer restore()
	f.Fuzz(func(t *testing.T, data []byte) {
		d, _, err := model.Load(data, "fuzz.yaml")
		if err != nil {
			return
		}
		want, err := model.MarshalWhole(d)
		if err != nil {
			t.Skip()
		}
		got, err := model.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("pieces differ from one Encode:\n%s", firstDiff(got, want))
		}
	})
}

func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d:\n got %q\nwant %q", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("lengths differ: %d lines, want %d", len(g), len(w))
}

// plainDesign is render's BenchmarkRenderScale design with defaults: n
// namespaces and n access groups, each group scoped to one namespace.
func plainDesign(t testing.TB, n int) *model.Design {
	d := testsupport.ScaledDesign(t, n)
	model.ApplyDefaults(d)
	return d
}

// TestMarshalMemory: the 1,000-namespace design of render's scale
// benchmark marshals in at most 8 MB (4.2 MB measured; 23.8 MB when every
// list item went through yaml.v3, before the scalar texts), and the bytes
// are one Encode's.
func TestMarshalMemory(t *testing.T) {
	d := plainDesign(t, 1000)
	want, err := model.MarshalWhole(d)
	if err != nil {
		t.Fatal(err)
	}
	got, err := model.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("pieces differ from one Encode:\n%s", firstDiff(got, want))
	}
	r := testing.Benchmark(func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := model.Marshal(d); err != nil {
				b.Fatal(err)
			}
		}
	})
	if mb := float64(r.AllocedBytesPerOp()) / 1e6; mb > 8 {
		t.Errorf("Marshal of 1,000 namespaces and groups allocated %.1f MB, want at most 8 MB", mb)
	}
}

// BenchmarkMarshal: the pieces against one yaml.v3 Encode (the reference,
// same package) for a design with 1,000 namespaces, access groups and
// waivers full of awkward text ("hostile"), and for render's scale design
// ("plain").
func BenchmarkMarshal(b *testing.B) {
	hostile, plain := hostileDesign(&testing.T{}, 1000), plainDesign(b, 1000)
	for _, c := range []struct {
		name    string
		d       *model.Design
		marshal func(*model.Design) ([]byte, error)
	}{{"pieces", hostile, model.Marshal}, {"whole", hostile, model.MarshalWhole}, {"plain", plain, model.Marshal}} {
		d := c.d
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.marshal(d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
