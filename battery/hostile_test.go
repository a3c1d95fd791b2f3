package battery

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/catalog"
	"github.com/iksplan/iksplan/model/presets"
	"github.com/iksplan/iksplan/model/rules"
)

// full is set by .ci/run: shellcheck and the dry run then check every
// distinct runbook the battery rendered, not a sample.
var full = os.Getenv("IKSPLAN_BATTERY_FULL") == "1"

// hostileStrings are values that break naive code generation, YAML,
// terminals or file paths. Those that would create a file if a shell ever
// ran them write into marker, which must stay empty.
func hostileStrings(marker string) []string {
	m := func(s string) string { return strings.ReplaceAll(s, "M", marker) }
	return []string{
		m("$(touch M/subst)"), m("`touch M/backtick`"), m("'; touch M/squote; '"), m(`"; touch M/dquote; "`),
		m("x\ntouch M/newline"), m("x && touch M/and"), m("x | tee M/pipe"), m("x > M/redirect"),
		m("${IFS}$(touch${IFS}M/ifs)"), m("$(touch M/sub) #"), "$((6*7))", "--help", "-rf /",
		"a\x00nul", "\x1b]0;title\x07\x1b[31mred", "abc\u202edef", strings.Repeat("A", 10240),
		"a\n---\nkind: Secret\nmetadata: {name: x}", "{{ .Spec }}", "%s%n%x", "../../../etc/passwd",
		"*alias", "&anchor x", "key: value", "# comment", "- item", "yes", "null", "0x1F", "1e3",
		"東京本番クラスタ", "🙂", "\r\n", "\t", `\`, "!!binary aGk=", "", " ", "\xff\xfe", "$HOME", "~",
		"error    SEC999  forged\nerror", "\u2028", "a\rb",
	}
}

type tally struct {
	tried, rejected, related, rendered, unsafe int
	fields                                     map[string]bool
	failures                                   []string
}

func (t *tally) add(f field, v string, o outcome, detail string) {
	t.tried++
	t.fields[f.Path] = true
	switch o {
	case rejected:
		t.rejected++
	case rejectedRelated:
		t.related++
	case rendered:
		t.rendered++
	default:
		t.unsafe++
		if len(t.failures) < 30 {
			t.failures = append(t.failures, fmt.Sprintf("%s = %s: %s", f.Path, model.QuoteValue(v), detail))
		}
	}
}

// TestHostileStringsEveryField puts every hostile string into every
// free-text field of the presets (found by walking the design, not by a
// hand list) and takes each through load, rules and render. Each must be
// rejected with an error at its path and line, or render with the same
// runbook command count and manifest document count as a harmless value
// in that field, a runbook that bash -n and shellcheck accept, and a dry
// run (DRY_RUN=1, temp HOME) that creates no marker file.
func TestHostileStringsEveryField(t *testing.T) {
	marker := t.TempDir()
	values := hostileStrings(marker)
	if !full {
		// go test ./...: the shell, YAML and terminal attacks; .ci/run
		// sets IKSPLAN_BATTERY_FULL=1 for all of them.
		values = []string{values[0], values[2], values[4], values[13], values[14], values[17], values[38]}
	}
	cat := catalog.Default()
	tl := &tally{fields: map[string]bool{}}
	var runbooks []runbookCase
	walked := map[string]bool{}
	mapParents := map[string]bool{}
	for _, base := range baseDesigns(t, cat) {
		h := newHarness(cat, base)
		for _, f := range freeTextFields(base) {
			if strings.HasSuffix(f.Path, " (key)") {
				k := strings.TrimSuffix(f.Path, " (key)")
				mapParents[schemaPattern(k[:strings.LastIndexByte(k, '.')], nil)] = true
			}
			want := h.baseline(f)
			for _, v := range values {
				o, detail := h.try(f, v, want)
				tl.add(f, v, o, detail)
			}
		}
		for _, rc := range h.runbooks {
			runbooks = append(runbooks, rc)
		}
	}
	for p := range tl.fields {
		walked[schemaPattern(p, mapParents)] = true
	}
	var missing []string
	for _, p := range schemaStringFields() {
		if !walked[p] {
			missing = append(missing, p)
		}
	}
	sort.Slice(runbooks, func(i, j int) bool {
		return runbooks[i].field+runbooks[i].value < runbooks[j].field+runbooks[j].value
	})
	checked := checkRunbooks(t, runbooks, marker)
	t.Logf("hostile strings: %d strings × %d fields = %d tried; %d rejected with path and line (+%d valid there, rejected at a related path), "+
		"%d rendered safely, %d unsafe; %d distinct runbooks: %s", len(values), len(tl.fields), tl.tried, tl.rejected, tl.related,
		tl.rendered, tl.unsafe, len(runbooks), checked)
	t.Logf("schema free-text fields the presets do not hold (not tried): %d of %d: %v", len(missing), len(schemaStringFields()), missing)
	for _, f := range tl.failures {
		t.Error("unsafe: " + f)
	}
	if left, _ := os.ReadDir(marker); len(left) > 0 {
		t.Errorf("a hostile value ran as a command: %s holds %v", marker, left)
	}
}

// baseDesigns are the presets, the classic one enriched with what no
// preset holds (pool labels and taints, VLANs, namespace labels, a
// waiver), so every free-text field of the schema is tried.
func baseDesigns(t *testing.T, cat *catalog.Catalog) []*model.Design {
	t.Helper()
	var out []*model.Design
	for _, p := range presets.All() {
		d, err := p.Design()
		if err != nil {
			t.Fatal(err)
		}
		if d.Spec.Infrastructure == model.InfraClassic && d.Spec.Network.Classic != nil && len(d.Spec.Zones) > 0 {
			s := &d.Spec
			s.WorkerPools[0].Labels = map[string]string{"team": "shop"}
			s.WorkerPools[0].Taints = []model.Taint{{Key: "dedicated", Value: "shop", Effect: model.TaintPreferNoSchedule}}
			s.Network.Classic.VLANs = []model.ZoneVLANs{{Zone: s.Zones[0], PrivateVLAN: "2234945", PublicVLAN: "2234947"}}
			s.Namespaces[0].Labels = map[string]string{"team": "shop"}
			s.Waivers = append(s.Waivers, model.Waiver{Rule: "SEC001", Reason: "Key Protect is bought next quarter", ApprovedBy: "ciso@example.com"})
			data, err := model.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			loaded, src, err := model.Load(data, p.Name)
			if err != nil {
				t.Fatalf("the enriched %s does not load: %v", p.Name, err)
			}
			if r := rules.Evaluate(loaded, cat, src); r.HasErrors() {
				t.Fatalf("the enriched %s has errors: %+v", p.Name, r.Findings)
			}
		}
		out = append(out, d)
	}
	return out
}

// baseline is the output shape of field f holding a harmless value, or
// of the base design when the harmless value is refused there.
func (h *harness) baseline(f field) *shape {
	saved := h.runbooks
	defer func() { h.runbooks = saved }()
	h.runbooks = map[[32]byte]runbookCase{}
	if o, _, s := h.tryShape(f, "benign-value", nil); o == rendered {
		return s
	}
	if h.own == nil {
		_, _, h.own = h.tryShape(field{f.Path, f.Value, func(*model.Design, string) {}}, "", nil)
	}
	return h.own
}

// checkRunbooks runs bash -n on every distinct runbook, and shellcheck and
// a dry run on a sample (on all of them with IKSPLAN_BATTERY_FULL=1).
func checkRunbooks(t *testing.T, rbs []runbookCase, marker string) string {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for i, rc := range rbs {
		p := filepath.Join(dir, fmt.Sprintf("runbook-%04d.sh", i))
		if err := os.WriteFile(p, rc.script, 0o755); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
		if out, err := exec.Command("bash", "-n", p).CombinedOutput(); err != nil {
			t.Errorf("bash -n rejects the runbook of %s = %s: %s", rc.field, model.QuoteValue(rc.value), out)
		}
	}
	// shellcheck takes about half a second per runbook: 4 spread over the
	// distinct ones in go test, 40 in the full run.
	n := 4
	if full {
		n = 40
	}
	sample := paths
	if len(paths) > n {
		sample = nil
		for i := 0; i < n; i++ {
			sample = append(sample, paths[i*(len(paths)-1)/(n-1)])
		}
	}
	msg := fmt.Sprintf("bash -n on %d", len(paths))
	if _, err := exec.LookPath("shellcheck"); err == nil {
		args := append([]string{"-S", "warning", "-f", "gcc"}, sample...)
		if out, err := exec.Command("shellcheck", args...).CombinedOutput(); err != nil {
			t.Errorf("shellcheck: %s", out)
		}
		msg += fmt.Sprintf(", shellcheck on %d", len(sample))
	} else {
		msg += ", shellcheck not installed"
	}
	// The dry runs: the runbooks of values that try to run a command,
	// where a broken quote would show; 6 in go test, all in the full run.
	var dry []string
	for i, rc := range rbs {
		if strings.Contains(rc.value, marker) && (full || len(dry) < 6) {
			dry = append(dry, paths[i])
		}
	}
	for _, p := range dry {
		home := t.TempDir()
		cmd := exec.Command("bash", p)
		cmd.Dir = home
		cmd.Env = []string{"DRY_RUN=1", "HOME=" + home, "PATH=" + os.Getenv("PATH"), "LANG=C.UTF-8"}
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("DRY_RUN=1 %s failed: %v\n%s", p, err, tail(out))
		}
	}
	return msg + fmt.Sprintf(", DRY_RUN on %d", len(dry))
}

func tail(b []byte) string {
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return string(b)
}
