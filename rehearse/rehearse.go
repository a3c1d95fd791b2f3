package rehearse

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/internal/ibmcloud"
	"github.com/iksplan/iksplan/internal/lazyre"
	"github.com/iksplan/iksplan/model"
)

// Options configure one rehearsal.
type Options struct {
	// Name is the design's name in the summary line.
	Name string
	// Design is the resolved design (render's design.yaml).
	Design *model.Design
	// RunbookDir holds the rendered runbook.sh, manifests/, values/, calico/.
	RunbookDir string
	// WorkDir receives one directory per world (state, HOME, logs).
	WorkDir string
	// Binary is the iksplan executable the tools re-run.
	Binary string
	// Faults: "none", "each", or a number k (fail the k-th mutating call).
	Faults string
	// FaultPrefix, if set, keeps only the fault trials whose call's
	// command path starts with it (e.g. "iam "), to drill one step.
	FaultPrefix string
	// Kubeconfig and Kubectl select a real control plane for the fresh
	// run and the rerun; fault trials use the recording stand-in.
	Kubeconfig string
	Kubectl    string
	// Parallel is how many fault trials run at once (0: GOMAXPROCS).
	Parallel int
	// SkipNeverReady leaves out scenario 4 (tests run it on one design).
	SkipNeverReady bool
	// ExistingVLANs starts every world with a private and a public VLAN
	// in each classic zone the design names no VLANs for, as an earlier
	// cluster in the account leaves them: the runbook must find and reuse
	// them (IBM refuses to create more there).
	ExistingVLANs bool
	Out           io.Writer
}

// Summary is the outcome of the scenarios.
type Summary struct {
	FreshOK bool
	// FreshCalls counts the fresh run's calls per tool (ibmcloud,
	// kubectl, helm, calicoctl); FreshMutating its mutating ibmcloud calls.
	FreshCalls    map[string]int
	FreshMutating int
	// RerunCalls is the second run's ibmcloud calls (all read-only when
	// RerunMutating is 0).
	RerunCalls    int
	RerunMutating int
	// RerunExit is the second run's exit status (0: it finished).
	RerunExit     int
	FaultsSkipped bool
	Faults        int
	FaultsOK      int
	NeverNormalOK bool
	// NeverNormal is the runbook's bounded-wait message in scenario 4.
	NeverNormal string
	Problems    []string
}

// Line is the summary's last line, in the form the issue fixes.
func (s Summary) Line(name string) string {
	fresh := "fresh ok"
	if !s.FreshOK {
		fresh = "fresh FAILED"
	}
	faults := "faults skipped"
	if !s.FaultsSkipped {
		faults = fmt.Sprintf("faults %d/%d converged", s.FaultsOK, s.Faults)
	}
	rerun := fmt.Sprintf("rerun %d mutating calls", s.RerunMutating)
	if s.RerunExit != 0 {
		// A rerun that stopped half-way made few calls: its count proves nothing.
		rerun = fmt.Sprintf("rerun FAILED (exit %d) after %d mutating calls", s.RerunExit, s.RerunMutating)
	}
	return fmt.Sprintf("rehearse: %s: %s · %s · %s", name, fresh, rerun, faults)
}

// OK reports whether every scenario passed.
func (s Summary) OK() bool {
	return s.FreshOK && s.RerunMutating == 0 && s.RerunExit == 0 && s.FaultsOK == s.Faults && s.NeverNormalOK && len(s.Problems) == 0
}

// ErrFailed is returned when a scenario failed; the summary says which.
var ErrFailed = errors.New("rehearsal failed")

func (o *Options) world(name string, real bool) *world {
	w := &world{dir: filepath.Join(o.WorkDir, name), runbook: o.RunbookDir, binary: o.Binary, realPath: os.Getenv("PATH"),
		cfg: ibmcloud.Config{MasterPolls: 2, WorkerPolls: 2}}
	if g := o.Design.Spec.ResourceGroup; g != "" {
		w.groups = []string{g}
	}
	w.seed = func(st *ibmcloud.State) {
		seedExisting(st, o.Design)
		if o.ExistingVLANs {
			seedVLANEstate(st, o.Design)
		}
	}
	if real && o.Kubeconfig != "" {
		w.cfg.RealKubectl, w.cfg.Kubeconfig = o.Kubectl, o.Kubeconfig
	}
	return w
}

func (o *Options) printf(format string, a ...any) { fmt.Fprintf(o.Out, format, a...) }

// Run runs the scenarios and prints progress and the summary.
func Run(o Options) (Summary, error) {
	var s Summary
	if o.Parallel <= 0 {
		o.Parallel = runtime.GOMAXPROCS(0)
	}
	mode := "stand-in kubectl (waits are simulated)"
	if o.Kubeconfig != "" {
		mode = "real control plane " + o.Kubeconfig
	}
	o.printf("rehearse: %s: runbook %s against the IBM Cloud double and %s\n", o.Name, filepath.Join(o.RunbookDir, "runbook.sh"), mode)

	// 4 runs beside 1-3: it has its own world and the stand-in kubectl, and
	// its 90 polls are CPU while the fresh run against a real control plane
	// mostly waits. Its lines are printed in their place, after 3.
	var never chan neverNormal
	if !o.SkipNeverReady {
		never = make(chan neverNormal, 1)
		go func() { never <- o.neverNormal() }()
	}

	// 1. Fresh run.
	fresh := o.world("fresh", true)
	if err := prepare(fresh); err != nil {
		return s, err
	}
	o.printf("1. fresh run\n")
	res, err := fresh.run(0, func(step string) { o.printf("   %s\n", step) })
	if err != nil {
		return s, err
	}
	writeLog(fresh, "fresh", res)
	st, err := ibmcloud.LoadState(fresh.stateDir())
	if err != nil {
		return s, err
	}
	total := len(res.mutating())
	switch {
	case res.exit != 0:
		s.Problems = append(s.Problems, fmt.Sprintf("fresh run exited %d:\n%s", res.exit, indent(tail(res.output, 12))))
	default:
		if bad := expect(o.Design, st); len(bad) > 0 {
			s.Problems = append(s.Problems, "the final state differs from the design:\n"+indent(strings.Join(bad, "\n")))
		} else {
			s.FreshOK = true
		}
	}
	s.FreshCalls, s.FreshMutating = callsByTool(res), total
	o.printf("   exit %d, %d ibmcloud calls, %d mutating\n", res.exit, s.FreshCalls["ibmcloud"], total)
	want, err := snapshot(fresh.stateDir())
	if err != nil {
		return s, err
	}

	// 2. Second run: nothing may change.
	o.printf("2. second run\n")
	res2, err := fresh.run(0, nil)
	if err != nil {
		return s, err
	}
	writeLog(fresh, "rerun", res2)
	s.RerunMutating, s.RerunCalls, s.RerunExit = len(res2.mutating()), callsByTool(res2)["ibmcloud"], res2.exit
	if res2.exit != 0 {
		s.Problems = append(s.Problems, fmt.Sprintf("second run exited %d:\n%s", res2.exit, indent(tail(res2.output, 8))))
	}
	for _, c := range res2.mutating() {
		s.Problems = append(s.Problems, "second run changed the account: ibmcloud "+strings.Join(c.Args, " "))
	}
	o.printf("   exit %d, %d mutating calls\n", res2.exit, s.RerunMutating)

	// 3. Faults.
	ks, err := faultList(o.Faults, total)
	if err != nil {
		return s, err
	}
	if o.FaultPrefix != "" {
		ks = keepPrefix(ks, res.mutating(), o.FaultPrefix)
	}
	s.FaultsSkipped = ks == nil
	if !s.FaultsSkipped && res.exit == 0 {
		o.printf("3. faults: %d trial(s), each failing one mutating call once, then a rerun\n", len(ks))
		s.Faults = len(ks)
		probs := o.faultTrials(ks, want)
		s.FaultsOK = s.Faults - len(probs)
		s.Problems = append(s.Problems, probs...)
	} else if !s.FaultsSkipped {
		s.Faults = len(ks)
	}

	// 4. A cluster that never reaches normal.
	if o.SkipNeverReady {
		s.NeverNormalOK = true
		return o.finish(s)
	}
	o.printf("4. a cluster that never becomes ready\n")
	nn := <-never
	if nn.err != nil {
		return s, nn.err
	}
	res4 := nn.res
	if msg := giveUpLine(res4.output); res4.exit != 0 && msg != "" {
		s.NeverNormalOK, s.NeverNormal = true, msg
		o.printf("   stopped: %s\n", msg)
	} else {
		s.Problems = append(s.Problems, fmt.Sprintf("a cluster that never becomes ready: the runbook exited %d without a bounded-wait message:\n%s", res4.exit, indent(tail(res4.output, 6))))
	}

	return o.finish(s)
}

// neverNormal is scenario 4's run.
type neverNormal struct {
	res result
	err error
}

// neverNormal runs scenario 4: the runbook against an account whose
// cluster never becomes ready.
func (o *Options) neverNormal() neverNormal {
	nn := o.world("never-normal", false)
	nn.cfg.NeverNormal = true
	if err := prepare(nn); err != nil {
		return neverNormal{err: err}
	}
	res, err := nn.run(0, nil)
	if err != nil {
		return neverNormal{err: err}
	}
	writeLog(nn, "never-normal", res)
	return neverNormal{res: res}
}

func (o *Options) finish(s Summary) (Summary, error) {
	for _, p := range s.Problems {
		o.printf("problem: %s\n", p)
	}
	for _, l := range s.Report() {
		o.printf("summary: %s\n", l)
	}
	o.printf("%s\n", s.Line(o.Name))
	if !s.OK() {
		return s, ErrFailed
	}
	return s, nil
}

func prepare(w *world) error {
	if err := os.RemoveAll(w.dir); err != nil {
		return err
	}
	return w.setup()
}

// callsByTool counts a run's calls per tool.
func callsByTool(r result) map[string]int {
	n := map[string]int{}
	for _, c := range r.calls {
		n[c.Tool]++
	}
	return n
}

// Report is the summary before the last line: what each scenario did, in
// the figures the double counted.
func (s Summary) Report() []string {
	var tools []string
	for _, t := range ibmcloud.Tools {
		if n := s.FreshCalls[t]; n > 0 {
			tools = append(tools, fmt.Sprintf("%s %d", t, n))
		}
	}
	out := []string{
		fmt.Sprintf("fresh run: %s; calls: %s; %d mutating ibmcloud calls", okWord(s.FreshOK), strings.Join(tools, ", "), s.FreshMutating),
		fmt.Sprintf("second run: exit %d, %d ibmcloud calls, %d mutating", s.RerunExit, s.RerunCalls, s.RerunMutating),
	}
	if s.FaultsSkipped {
		out = append(out, "faults: skipped (--faults none)")
	} else {
		out = append(out, fmt.Sprintf("faults: %d injected (each failing one mutating call once), %d stopped with a resume message and converged on rerun", s.Faults, s.FaultsOK))
	}
	if s.NeverNormal != "" {
		out = append(out, "a cluster that never becomes ready: "+s.NeverNormal)
	}
	return out
}

func okWord(ok bool) string {
	if ok {
		return "ok, the final state matches the design"
	}
	return "FAILED"
}

func writeLog(w *world, name string, r result) {
	_ = os.WriteFile(filepath.Join(w.dir, name+".log"), []byte(r.output), 0o600)
}

func indent(s string) string { return "    " + strings.ReplaceAll(s, "\n", "\n    ") }

// faultList turns --faults into the mutating call numbers to fail.
func faultList(spec string, total int) ([]int, error) {
	switch spec {
	case "", "none":
		return nil, nil
	case "each":
		out := make([]int, total)
		for i := range out {
			out[i] = i + 1
		}
		return out, nil
	}
	k, err := strconv.Atoi(spec)
	if err != nil || k < 1 {
		return nil, fmt.Errorf("--faults: want none, each or a call number ≥ 1, not %q", spec)
	}
	if k > total {
		return nil, fmt.Errorf("--faults %d: the fresh run made only %d mutating calls", k, total)
	}
	return []int{k}, nil
}

// keepPrefix keeps the call numbers k whose k-th mutating call's path
// starts with prefix.
func keepPrefix(ks []int, calls []ibmcloud.Record, prefix string) []int {
	out := []int{}
	for _, k := range ks {
		if k <= len(calls) && strings.HasPrefix(calls[k-1].Path, prefix) {
			out = append(out, k)
		}
	}
	return out
}

// stepFailed is the runbook's failure line in either language (on_exit,
// locales/*/runbook.yaml text.messages.m8).
var stepFailed = lazyre.New(`(?:step|ステップ) (\d+) \(([^)]*)\) (?:failed|が失敗しました)`)

// faultTrials runs each trial in its own world and returns the problems.
func (o *Options) faultTrials(ks []int, want string) []string {
	probs := make([]string, len(ks))
	var wg sync.WaitGroup
	sem := make(chan struct{}, o.Parallel)
	var mu sync.Mutex
	for i, k := range ks {
		wg.Add(1)
		go func(i, k int) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			p, line := o.faultTrial(k, want)
			probs[i] = p
			mu.Lock()
			o.printf("   %s\n", line)
			mu.Unlock()
		}(i, k)
	}
	wg.Wait()
	var out []string
	for _, p := range probs {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

func (o *Options) faultTrial(k int, want string) (problem, line string) {
	w := o.world(fmt.Sprintf("fault-%03d", k), false)
	if err := prepare(w); err != nil {
		return fmt.Sprintf("fault %d: %v", k, err), fmt.Sprintf("fault %d: %v", k, err)
	}
	defer func() {
		if problem == "" {
			_ = os.RemoveAll(w.dir)
		}
	}()
	r1, err := w.run(k, nil)
	if err != nil {
		return fmt.Sprintf("fault %d: %v", k, err), fmt.Sprintf("fault %d: %v", k, err)
	}
	writeLog(w, "faulted", r1)
	var call string
	for _, c := range r1.calls {
		if c.Fault {
			call = "ibmcloud " + c.Path
		}
	}
	if call == "" {
		return fmt.Sprintf("fault %d: no call was failed (the run made fewer mutating calls than the fresh one)", k), fmt.Sprintf("fault %d: not injected", k)
	}
	if r1.exit == 0 {
		return fmt.Sprintf("fault %d (%s): the runbook went on after the failed call and exited 0", k, call), fmt.Sprintf("fault %d %s: NOT STOPPED", k, call)
	}
	m := stepFailed.FindStringSubmatch(r1.output)
	if m == nil || !strings.Contains(r1.output, "--from "+m[1]) {
		return fmt.Sprintf("fault %d (%s): the runbook stopped without naming the step and how to resume (want `step N (title) failed: …; … ./runbook.sh --from N`):\n%s", k, call, indent(tail(r1.output, 4))),
			fmt.Sprintf("fault %d %s: stopped, but no resume message", k, call)
	}
	r2, err := w.run(0, nil)
	if err != nil {
		return fmt.Sprintf("fault %d: %v", k, err), fmt.Sprintf("fault %d: %v", k, err)
	}
	writeLog(w, "rerun", r2)
	if r2.exit != 0 {
		return fmt.Sprintf("fault %d (%s): the rerun exited %d:\n%s", k, call, r2.exit, indent(tail(r2.output, 6))), fmt.Sprintf("fault %d %s: rerun FAILED", k, call)
	}
	got, err := snapshot(w.stateDir())
	if err != nil {
		return fmt.Sprintf("fault %d: %v", k, err), fmt.Sprintf("fault %d: %v", k, err)
	}
	if got != want {
		return fmt.Sprintf("fault %d (%s): the rerun did not converge to the fresh run's state: %s", k, call, diff(want, got)), fmt.Sprintf("fault %d %s: DIVERGED", k, call)
	}
	return "", fmt.Sprintf("fault %d %s: stopped in step %s (%s), rerun converged", k, call, m[1], m[2])
}

// giveUpLine finds the runbook's bounded-wait message, in whatever
// language the runbook speaks.
func giveUpLine(out string) string {
	for _, l := range strings.Split(out, "\n") {
		for _, frags := range giveUpMessages() {
			if containsAll(l, frags) {
				return strings.TrimSpace(l)
			}
		}
	}
	return ""
}

// giveUpMessages are the fixed fragments (the text between placeholders)
// of the runbook's bounded-wait messages in every language, from the
// runbook's message catalogue.
var giveUpMessages = sync.OnceValue(func() [][]string {
	var out [][]string
	for _, l := range i18n.Langs {
		for _, id := range []string{"runbook.tmpl.gaveUpMinutes", "runbook.tmpl.gaveUpPolls"} {
			if m, ok := i18n.Message(l, id); ok {
				var frags []string
				for _, f := range placeholder.Split(m.Other, -1) {
					if f = strings.TrimSpace(f); f != "" {
						frags = append(frags, f)
					}
				}
				out = append(out, frags)
			}
		}
	}
	return out
})

var placeholder = lazyre.New(`\{\{\.V\d+\}\}`)

func containsAll(s string, frags []string) bool {
	for _, f := range frags {
		if !strings.Contains(s, f) {
			return false
		}
	}
	return len(frags) > 0
}

// seedExisting puts the resources a design reuses into the account: an
// existing VPC (vpcID) and the subnets named by ID, in their zones, and
// the Secrets Manager instance the Ingress uses (tlsSecretsManager, a CRN
// the design names and the runbook does not create).
func seedExisting(st *ibmcloud.State, d *model.Design) {
	group := d.Spec.ResourceGroup
	if group == "" {
		group = "Default"
	}
	seedSecretsManager(st, d.Spec.Network.Ingress.TLSSecretsManager, group)
	if c := d.Spec.Network.Classic; d.Spec.IsClassic() && c != nil {
		for _, v := range c.VLANs {
			// The design's VLANs exist in the account; the rehearsal puts
			// each zone's pair on one router pod (IBM's bcr/fcr rule).
			st.SeedVLANs(v.Zone, "01a", v.PrivateVLAN, v.PublicVLAN)
		}
	}
	n := d.Spec.Network.VPC
	if !d.Spec.IsVPC() || n == nil || n.VPCID == "" {
		return
	}
	name := n.VPCName
	if name == "" {
		name = "existing-vpc"
	}
	st.VPCs = append(st.VPCs, ibmcloud.VPC{ID: n.VPCID, Name: name, ResourceGroup: group})
	for i, sn := range n.Subnets {
		if sn.SubnetID == "" {
			continue
		}
		st.Subnets = append(st.Subnets, ibmcloud.Subnet{ID: sn.SubnetID, Name: fmt.Sprintf("existing-%s", sn.Zone), VPC: n.VPCID, Zone: sn.Zone,
			CIDR: fmt.Sprintf("10.%d.%d.0/24", 250, i), Addresses: 256, ResourceGroup: group})
	}
}

// seedVLANEstate gives each classic zone of d that names no VLANs a
// private and a public VLAN on router pod 02a, and a private VLAN on pod
// 03a with no public partner (a VLAN the runbook must not pick when the
// workers need both), with IDs of IBM's 7-digit form.
func seedVLANEstate(st *ibmcloud.State, d *model.Design) {
	if !d.Spec.IsClassic() {
		return
	}
	for i, z := range d.Spec.Zones {
		if !d.Spec.Network.Classic.VLANsFor(z).Create() {
			continue
		}
		st.SeedVLANs(z, "03a", fmt.Sprintf("31%05d", i+1), "")
		st.SeedVLANs(z, "02a", fmt.Sprintf("32%05d", i+1), fmt.Sprintf("33%05d", i+1))
	}
}

// seedSecretsManager adds the Secrets Manager instance of CRN crn
// (crn:v1:bluemix:public:secrets-manager:LOCATION:a/ACCOUNT:GUID::, IBM's
// CRN format) to the account. The double's CRNs carry its own account, so
// a variant's CRN names that account for the instance to be found.
func seedSecretsManager(st *ibmcloud.State, crn, group string) {
	p := strings.Split(crn, ":")
	if len(p) < 8 || p[4] != "secrets-manager" {
		return
	}
	st.Instances = append(st.Instances, ibmcloud.Instance{GUID: p[7], Name: "existing-secrets-manager", Service: "secrets-manager",
		Plan: "standard", Location: p[5], ResourceGroup: group})
}
