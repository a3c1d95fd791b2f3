package wizard

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
)

// ---- helpers shared by the tests of steps 6–10 ----------------------------

// liveText is the page's live text, escape codes stripped and wrapping
// undone, so a test can look for a sentence.
func liveText(h *harness) string { return flat(h.app.live) }

// flat strips escape codes and undoes word wrapping (also after a hyphen).
func flat(s string) string {
	s = strings.ReplaceAll(ansi.Strip(s), "-\n", "-")
	return strings.Join(strings.Fields(s), " ")
}

// expectOut fails unless the accessible output contains each of want.
func expectOut(t *testing.T, out string, want ...string) {
	t.Helper()
	got := flat(out)
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Fatalf("accessible output lacks %q:\n%s", w, out)
		}
	}
}

// expectLive fails unless the live text contains each of want.
func expectLive(t *testing.T, h *harness, want ...string) {
	t.Helper()
	got := liveText(h)
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Fatalf("live text lacks %q:\n%s\n--- screen:\n%s", w, got, h.View())
		}
	}
}

// walk types a line of keys: text inputs are typed after clearing, "↵"
// is enter, "↓n" moves down n times, "␣" toggles.
type keys []string

func (h *harness) do(ks keys) *harness {
	h.t.Helper()
	for _, k := range ks {
		switch {
		case k == "↵":
			h.Enter()
		case k == "␣":
			h.Space()
		case strings.HasPrefix(k, "↓"):
			var n int
			fmt.Sscanf(k, "↓%d", &n)
			h.Down(n)
		case strings.HasPrefix(k, "↑"):
			var n int
			fmt.Sscanf(k, "↑%d", &n)
			h.Up(n)
		case strings.HasPrefix(k, "="):
			h.Clear().Type(k[1:])
		default:
			h.Key(k)
		}
	}
	return h
}

// ---- IAM -------------------------------------------------------------------

func TestIAMStepWalk(t *testing.T) {
	d := model.New("shop-prod")
	h := newHarness(t, d, StepIAM).ExpectPage("iam/namespaces")
	h.Enter().ExpectPage("iam/groups") // no namespaces: Done
	expectLive(t, h, "no access groups yet")

	// Add a group: name, members (a bad address keeps the page), roles,
	// namespaces.
	h.Up(1).Enter().ExpectPage("iam/groups-group")
	h.Type("shop-developers").Enter()
	h.Type("dev1@example.com, not-an-email").Enter()
	h.ExpectPage("iam/groups-group").ExpectView("not an e-mail address")
	if f := h.app.flow.form.GetFocusedField(); f.GetKey() != "spec.iam.accessGroups[*].members" {
		t.Fatalf("focus left the members field on a bad address: %s", f.GetKey())
	}
	h.Clear().Type("dev1@example.com, dev2@example.com").Enter()
	h.Enter() // platform role: Viewer
	h.Down(1) // service role: Writer
	expectLive(t, h, "Writer in all namespaces → ClusterRole edit, RoleBinding ibm-edit in every namespace")
	h.Enter()
	h.Type("shop")
	expectLive(t, h, "Writer in shop → ClusterRole edit, RoleBinding ibm-edit in shop", "platform Viewer (ibmcloud ks only)")
	h.Enter().ExpectPage("iam/groups")
	expectLive(t, h, "shop-developers: Writer in shop → ClusterRole edit")

	// Add a second group with the same name: refused.
	h.Up(2).Enter().ExpectPage("iam/groups-group")
	h.Type("Shop-Developers").Enter().Enter().Enter().Enter().Enter()
	h.ExpectPage("iam/groups-group").ExpectView("already exists")
	// The page is shown again with the name focused: rename the group and
	// make it the platform admins, Manager in all namespaces.
	h.Clear().Type("shop-platform-admins").Enter()
	h.Type("lead@example.com").Enter()
	h.Down(3).Enter() // Administrator
	h.Down(2)         // Manager
	expectLive(t, h, "Manager in all namespaces → cluster-admin via ClusterRoleBinding ibm-admin — keep this to one small group")
	h.Enter().Enter().ExpectPage("iam/groups")

	// Edit the first group: scope it to two namespaces.
	h.Up(4).Enter().ExpectPage("iam/groups-group")
	h.Tab().Tab().Tab().Tab().Clear().Type("shop, shop-staging").Enter().ExpectPage("iam/groups")

	// Remove the second group (the remove page offers the last one first).
	h.Up(1).Enter().ExpectPage("iam/groups-remove")
	h.Enter().Key("y").ExpectPage("iam/groups")

	// Done ends the step.
	h.Enter()
	if h.Page() == "iam/groups" {
		t.Fatalf("done did not leave the list\n%s", h.View())
	}

	want := []model.AccessGroup{{
		Name: "shop-developers", Members: []string{"dev1@example.com", "dev2@example.com"},
		PlatformRole: model.PlatformViewer, ServiceRole: model.ServiceWriter, Namespaces: []string{"shop", "shop-staging"},
	}}
	if got := d.Spec.IAM.AccessGroups; !reflect.DeepEqual(got, want) {
		t.Fatalf("groups:\n got %+v\nwant %+v", got, want)
	}
}

func TestIAMBindingText(t *testing.T) {
	cat := catalog.Default()
	cases := []struct {
		role model.ServiceRole
		ns   []string
		want string
	}{
		{model.ServiceReader, []string{"shop"}, "Reader in shop → ClusterRole view, RoleBinding ibm-view in shop"},
		{model.ServiceReader, nil, "Reader in all namespaces → ClusterRole view, RoleBinding ibm-view in every namespace"},
		{model.ServiceWriter, []string{"shop"}, "Writer in shop → ClusterRole edit, RoleBinding ibm-edit in shop"},
		{model.ServiceWriter, []string{"shop", "api"}, "Writer in shop, api → ClusterRole edit, RoleBinding ibm-edit in shop, api"},
		{model.ServiceWriter, nil, "Writer in all namespaces → ClusterRole edit, RoleBinding ibm-edit in every namespace"},
		{model.ServiceManager, []string{"shop"}, "Manager in shop → ClusterRole admin, RoleBinding ibm-operate in shop"},
		{model.ServiceManager, nil, "Manager in all namespaces → cluster-admin via ClusterRoleBinding ibm-admin — keep this to one small group"},
	}
	for _, tc := range cases {
		g := model.AccessGroup{Name: "g", ServiceRole: tc.role, Namespaces: tc.ns}
		if got := rbacText(nil, cat, &g); got != tc.want {
			t.Errorf("%s %v:\n got %s\nwant %s", tc.role, tc.ns, got, tc.want)
		}
	}
}

func TestIAMStepAccessible(t *testing.T) {
	d := model.New("shop-prod")
	script := strings.Join([]string{
		"2",                      // namespaces: Add, Done
		"1",                      // list: Add an access group
		"shop-auditors",          // name
		"audit@example.com, bad", // members: refused
		"audit@example.com",      // members
		"1",                      // platform role: Viewer
		"1",                      // service role: Reader
		"",                       // namespaces: all
		"4",                      // list: Edit, Add, Remove, Done
	}, "\n") + "\n"
	out := runAccessible(t, d, StepIAM, script)
	g := d.Spec.IAM.AccessGroups
	if len(g) != 1 || g[0].Name != "shop-auditors" || !reflect.DeepEqual(g[0].Members, []string{"audit@example.com"}) ||
		g[0].PlatformRole != model.PlatformViewer || g[0].ServiceRole != model.ServiceReader || !g[0].AllNamespaces() {
		t.Fatalf("groups %+v\n%s", g, out)
	}
	expectOut(t, out, "Access groups", "not an e-mail address", "Reader in all namespaces → ClusterRole view, RoleBinding ibm-view in every namespace")
}

// twentyGroups is the benchmark design: three pools, twenty groups.
func twentyGroups() *model.Design {
	d := model.New("shop-prod")
	d.Spec.WorkerPools = []model.WorkerPool{{Name: "default", Flavor: "bx2.8x32"}, {Name: "batch", Flavor: "cx2.16x32"}, {Name: "gpu", Flavor: "gx3.16x80.l4"}}
	for i := range 20 {
		d.Spec.IAM.AccessGroups = append(d.Spec.IAM.AccessGroups, model.AccessGroup{
			Name: fmt.Sprintf("team-%02d", i), Members: []string{fmt.Sprintf("dev%d@example.com", i)},
			PlatformRole: model.PlatformViewer, ServiceRole: model.ServiceWriter, Namespaces: []string{fmt.Sprintf("ns-%d", i)},
		})
	}
	model.ApplyDefaults(d)
	return d
}

// BenchmarkIAMKeystroke is one key (Update and View) on the IAM list and
// on a group page of a 3-pool, 20-group design: the live RBAC text follows
// every key, so it must stay cheap (target well under 1 ms).
func BenchmarkIAMKeystroke(b *testing.B) {
	for _, page := range []string{"list", "group"} {
		b.Run(page, func(b *testing.B) {
			h := newHarness(b, twentyGroups(), StepIAM)
			if page == "group" {
				h.Enter() // edit the first group
				h.Tab().Tab().Tab().Tab()
			}
			down, up := tea.KeyMsg{Type: tea.KeyDown}, tea.KeyMsg{Type: tea.KeyUp}
			if page == "group" {
				down, up = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'x'}}, tea.KeyMsg{Type: tea.KeyBackspace}
			}
			b.ResetTimer()
			for i := range b.N {
				msg := down
				if i%2 == 1 {
					msg = up
				}
				h.app.Update(msg)
				_ = h.app.View()
			}
		})
	}
}

func TestNamespacesWalk(t *testing.T) {
	d := model.New("shop-prod")
	d.Spec.Sizing.Demand = model.Demand{CPU: 8, MemoryGiB: 32}
	h := newHarness(t, d, StepIAM).ExpectPage("iam/namespaces")
	expectLive(t, h, "no namespaces yet")
	h.Up(1).Enter().ExpectPage("iam/namespaces-namespace") // Add a namespace
	h.Type("Shop").Enter().ExpectPage("iam/namespaces-namespace").ExpectView("lowercase letters")
	h.Clear().Type("shop").Enter()
	h.Enter()                    // restricted
	h.Clear().Type("12").Enter() // CPU quota above the demand
	h.Clear().Type("24").Enter() // memory
	h.Clear().Type("80").Enter().ExpectPage("iam/namespaces")
	expectLive(t, h, "namespaces may request more than the cluster is sized for")
	n := d.Spec.Namespaces
	if len(n) != 1 || n[0].Name != "shop" || n[0].PodSecurity != model.PodSecurityRestricted ||
		n[0].Quota != (model.NamespaceQuota{CPU: 12, MemoryGiB: 24, Pods: 80}) {
		t.Fatalf("namespaces %+v", n)
	}
	// A second namespace may not reuse the name.
	h.Up(2).Enter().Type("shop").Enter().Enter().Enter().Enter().Enter()
	h.ExpectPage("iam/namespaces-namespace").ExpectView("a namespace named shop already exists")
}
