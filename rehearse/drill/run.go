package drill

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/iksplan/iksplan/internal/kube/corev1"
)

// Failure is what one trial takes away.
type Failure struct {
	// Zone is the lost zone; Worker, in a single-zone design, the lost
	// worker.
	Zone, Worker string
}

func (f Failure) String() string {
	if f.Worker != "" {
		return "worker " + f.Worker + " lost"
	}
	return "zone " + f.Zone + " lost"
}

// Result is one trial's outcome.
type Result struct {
	Failure Failure
	// Steady is how many replicas ran before the failure (of Replicas).
	Steady, Replicas int
	// Evicted is how many replicas ran on what was lost; Rescheduled how
	// many of their replacements kube-scheduler placed on what is left.
	Evicted, Rescheduled int
	ModelSurvives        bool
}

// Survived reports whether every replica runs after the failure.
func (r Result) Survived() bool { return r.Steady == r.Replicas && r.Rescheduled == r.Evicted }

// Agrees reports whether the scheduler's outcome is the model's verdict.
func (r Result) Agrees() bool { return r.Survived() == r.ModelSurvives }

// Line is the drill's report line for design name.
func (r Result) Line(name string) string {
	verdict := "survives"
	if !r.ModelSurvives {
		verdict = "does not survive"
	}
	if r.Steady < r.Replicas {
		return fmt.Sprintf("drill: %s: only %d/%d pods placed before any loss (model says: %s)", name, r.Steady, r.Replicas, verdict)
	}
	return fmt.Sprintf("drill: %s: %s → %d/%d pods rescheduled (model says: %s)", name, r.Failure, r.Rescheduled, r.Evicted, verdict)
}

// Options tune a drill run.
type Options struct {
	// Settle is how long to wait for the scheduler to place or give up on
	// every replica after the failure (default 60 s).
	Settle time.Duration
	// Log receives progress lines (nil: none).
	Log io.Writer
}

func (o Options) logf(format string, a ...any) {
	if o.Log != nil {
		fmt.Fprintf(o.Log, "%s "+format+"\n", append([]any{time.Now().Format("15:04:05.0")}, a...)...)
	}
}

// Failures lists the trials a plan calls for: every zone of a multizone
// design; the worker a single-zone design can least afford to lose (the
// first; all are alike) otherwise.
func (p Plan) Failures() []Failure {
	if p.Multizone {
		out := make([]Failure, 0, len(p.Zones))
		for _, z := range p.Zones {
			out = append(out, Failure{Zone: z})
		}
		return out
	}
	return []Failure{{Zone: p.Zones[0], Worker: p.Nodes[0].Name}}
}

// Run builds the plan's workers and agents on the cluster behind k, runs
// one trial per failure, and removes everything it created. It returns an
// error only when the drill itself could not run.
func Run(ctx context.Context, k Kubectl, p Plan, failures []Failure, o Options) ([]Result, error) {
	if o.Settle <= 0 {
		o.Settle = 60 * time.Second
	}
	o.logf("drill: cleaning up")
	if err := cleanup(ctx, k); err != nil {
		return nil, err
	}
	o.logf("drill: setting up")
	defer func() {
		// The namespace is emptied first (purge), so it goes within a
		// second or two; nothing waits for that: the next run's cleanup does.
		bg := context.WithoutCancel(ctx)
		purge(bg, k)
		_, _ = k.run(bg, nil, "delete", "namespace", Namespace, "--ignore-not-found", "--wait=false")
		_, _ = k.run(bg, nil, "delete", "nodes", "-l", nodeLabel+"=true", "--ignore-not-found", "--wait=false")
	}()
	if err := setup(ctx, k, p, o); err != nil {
		return nil, err
	}
	var out []Result
	for _, f := range failures {
		r, err := trial(ctx, k, p, f, o)
		if err != nil {
			return out, fmt.Errorf("%s: %w", f, err)
		}
		out = append(out, r)
	}
	return out, nil
}

// cleanup removes the drill's namespace and nodes (left over or its own).
func cleanup(ctx context.Context, k Kubectl) error {
	purge(ctx, k)
	if _, err := k.run(ctx, nil, "delete", "namespace", Namespace, "--ignore-not-found", "--wait=true", "--timeout=120s"); err != nil {
		return err
	}
	_, err := k.run(ctx, nil, "delete", "nodes", "-l", nodeLabel+"=true", "--ignore-not-found", "--wait=true", "--timeout=60s")
	return err
}

// purge empties the drill's namespace before it is deleted: its
// controllers go without their pods (orphan), then the pods are
// force-deleted, so they leave the API at once. Left to the namespace
// controller, a namespace with pods on kwok workers took 30-65 s to go: it
// deletes the pods gracefully and comes back only after their grace
// period. Errors are ignored: what is left, the namespace deletion removes.
func purge(ctx context.Context, k Kubectl) {
	_, _ = k.run(ctx, nil, "delete", "daemonsets,deployments,replicasets", "-n", Namespace, "--all", "--ignore-not-found", "--cascade=orphan", "--wait=false")
	_, _ = k.run(ctx, nil, "delete", "pods", "-n", Namespace, "--all", "--ignore-not-found", "--force", "--grace-period=0", "--wait=false")
}

func setup(ctx context.Context, k Kubectl, p Plan, o Options) error {
	objs := []any{namespaceObj()}
	for _, n := range p.Nodes {
		objs = append(objs, nodeObj(n))
	}
	if err := k.apply(ctx, objs); err != nil {
		return err
	}
	status := make([]any, 0, len(p.Nodes))
	for _, n := range p.Nodes {
		status = append(status, nodeStatusObj(n))
	}
	if err := k.apply(ctx, status, "--subresource=status"); err != nil {
		return err
	}
	if _, err := k.run(ctx, nil, "wait", "--for=condition=Ready", "node", "-l", nodeLabel+"=true", "--timeout=120s"); err != nil {
		return err
	}
	o.logf("drill: %d workers ready in %d zones", len(p.Nodes), len(p.Zones))
	defer o.logf("drill: agents ready")
	var ds []any
	for _, a := range p.Agents {
		ds = append(ds, agentObj(a))
	}
	if len(ds) == 0 {
		return nil
	}
	if err := k.apply(ctx, ds); err != nil {
		return err
	}
	// Every agent's pod is bound to every worker it selects before the
	// workload comes, as on a real worker (agents start with the node).
	want := 0
	for _, a := range p.Agents {
		for _, n := range p.Nodes {
			if a.Pool == "" || a.Pool == n.Pool {
				want++
			}
		}
	}
	return poll(ctx, 180*time.Second, func() (bool, error) {
		var l corev1.PodList
		if err := k.getJSON(ctx, &l, "pods", "-n", Namespace, "-l", agentLabel); err != nil {
			return false, err
		}
		bound := 0
		for _, pod := range l.Items {
			if pod.Spec.NodeName != "" && pod.DeletionTimestamp == nil {
				bound++
			}
		}
		return bound == want, nil
	})
}

// poll calls f every 300 ms until it is done or the timeout passes.
func poll(ctx context.Context, timeout time.Duration, f func() (bool, error)) error {
	deadline := time.Now().Add(timeout)
	for {
		done, err := f()
		if err != nil || done {
			return err
		}
		if time.Now().After(deadline) {
			return errors.New("timed out")
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(300 * time.Millisecond):
		}
	}
}

// pods lists the workload's pods that are not being deleted.
func pods(ctx context.Context, k Kubectl) ([]corev1.Pod, error) {
	var l corev1.PodList
	if err := k.getJSON(ctx, &l, "pods", "-n", Namespace, "-l", workloadLabel+"=true"); err != nil {
		return nil, err
	}
	var out []corev1.Pod
	for _, p := range l.Items {
		if p.DeletionTimestamp == nil {
			out = append(out, p)
		}
	}
	return out, nil
}

// running reports whether kube-scheduler bound the pod to a worker: what
// the drill tests is placement (kwok's "Running" adds nothing but time).
func running(p corev1.Pod) bool { return p.Spec.NodeName != "" }

// unschedulable reports whether kube-scheduler has tried the pod and found
// no worker for it.
func unschedulable(p corev1.Pod) bool {
	for _, c := range p.Status.Conditions {
		if c.Type == corev1.PodScheduled && c.Status == corev1.ConditionFalse && c.Reason == corev1.PodReasonUnschedulable {
			return true
		}
	}
	return false
}

// settle waits until the workload has all its replicas, none left on the
// lost nodes, and each is either bound or refused by the scheduler, and
// returns the pods then.
func settle(ctx context.Context, k Kubectl, want int, lost map[string]bool, timeout time.Duration) ([]corev1.Pod, error) {
	var last []corev1.Pod
	stable := 0
	err := poll(ctx, timeout, func() (bool, error) {
		ps, err := pods(ctx, k)
		if err != nil {
			return false, err
		}
		last = ps
		if len(ps) < want {
			stable = 0
			return false, nil
		}
		for _, p := range ps {
			if lost[p.Spec.NodeName] || (!running(p) && !unschedulable(p)) {
				stable = 0
				return false, nil
			}
		}
		// Two calm polls in a row: the scheduler retries refused pods
		// when something changes, so give it the chance.
		stable++
		return stable >= 2, nil
	})
	return last, err
}

func trial(ctx context.Context, k Kubectl, p Plan, f Failure, o Options) (Result, error) {
	r := Result{Failure: f, Replicas: p.Unit.Replicas, ModelSurvives: p.ModelSurvives}
	lost := map[string]bool{}
	var lostNames []string
	if err := k.apply(ctx, []any{workloadObj(p)}); err != nil {
		return r, err
	}
	defer func() {
		// Orphan, then force-delete: the pods leave the API at once
		// instead of waiting for kwok to play their termination, so the
		// next trial starts on empty workers within a second or two.
		bg := context.WithoutCancel(ctx)
		_, _ = k.run(bg, nil, "delete", "deployment", workloadName, "-n", Namespace, "--cascade=orphan", "--wait=true", "--timeout=60s")
		_, _ = k.run(bg, nil, "delete", "replicasets", "-n", Namespace, "-l", workloadLabel+"=true", "--cascade=orphan", "--wait=true", "--timeout=60s")
		// --wait=false: kubectl's wait watches the pods one after
		// another (11 s for 20 pods); the poll below sees them all go.
		_, _ = k.run(bg, nil, "delete", "pods", "-n", Namespace, "-l", workloadLabel+"=true", "--force", "--grace-period=0", "--wait=false")
		_ = poll(bg, 60*time.Second, func() (bool, error) {
			var l corev1.PodList
			if err := k.getJSON(bg, &l, "pods", "-n", Namespace, "-l", workloadLabel+"=true"); err != nil {
				return false, err
			}
			return len(l.Items) == 0, nil
		})
		restore(context.WithoutCancel(ctx), k, lostNames)
		o.logf("drill: %s: restored", f)
	}()
	o.logf("drill: %s: workload applied", f)
	before, err := settle(ctx, k, r.Replicas, nil, o.Settle)
	o.logf("drill: %s: workload settled", f)
	if err != nil {
		return r, fmt.Errorf("workload before the failure: %w", err)
	}
	for _, n := range p.Nodes {
		if (f.Worker != "" && n.Name == f.Worker) || (f.Worker == "" && n.Zone == f.Zone) {
			lost[n.Name] = true
		}
	}
	var victims []string
	for _, pod := range before {
		if running(pod) {
			r.Steady++
			if lost[pod.Spec.NodeName] {
				victims = append(victims, pod.Name)
			}
		}
	}
	if r.Steady < r.Replicas {
		o.logf("drill: %d of %d replicas placed before the failure", r.Steady, r.Replicas)
		return r, nil
	}
	r.Evicted = len(victims)
	lostNames = sortedKeys(lost)
	if err := lose(ctx, k, lostNames, victims); err != nil {
		return r, err
	}
	o.logf("drill: %s: lost", f)
	after, err := settle(ctx, k, r.Replicas, lost, o.Settle)
	o.logf("drill: %s: settled after the loss", f)
	if err != nil {
		return r, fmt.Errorf("workload after the failure: %w", err)
	}
	placed := 0
	for _, pod := range after {
		if running(pod) && !lost[pod.Spec.NodeName] {
			placed++
		}
	}
	r.Rescheduled = max(placed-(r.Replicas-r.Evicted), 0)
	return r, nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// lostTaints go on a lost worker. unreachable:NoExecute is what the node
// controller sets on a worker it cannot reach; the controller's
// unreachable:NoSchedule, which keeps new pods off and (with
// nodeTaintsPolicy Honor) the node out of the spread, is played by the
// drill's own NoSchedule taint: on a loaded machine kwok's heartbeats lag,
// kube-controller-manager then flaps node.kubernetes.io taints on healthy
// simulated workers too, so the workload tolerates those (workloadObj) and
// only this taint tells lost from healthy.
var lostTaints = []string{lostTaint + ":NoSchedule", "node.kubernetes.io/unreachable:NoExecute"}

// lose takes the nodes away: cordoned and tainted unreachable, as the node
// controller marks a worker it cannot reach, and the workload's pods on
// them force-deleted, as the taint eviction does once the pods' toleration
// (300 s by default) runs out. The nodes are not marked NotReady: kwok's
// heartbeat would mark them Ready again, and kube-controller-manager would
// add and drop its own taints while the next trial runs; the cordon's
// node.kubernetes.io/unschedulable:NoSchedule taint takes them out of the
// spread as the controller's unreachable:NoSchedule does on a real outage.
func lose(ctx context.Context, k Kubectl, nodes, victims []string) error {
	if _, err := k.run(ctx, nil, append([]string{"cordon"}, nodes...)...); err != nil {
		return err
	}
	if _, err := k.run(ctx, nil, append(append([]string{"taint", "nodes", "--overwrite"}, nodes...), lostTaints...)...); err != nil {
		return err
	}
	if len(victims) == 0 {
		return nil
	}
	_, err := k.run(ctx, nil, append([]string{"delete", "pods", "-n", Namespace, "--force", "--grace-period=0", "--wait=false"}, victims...)...)
	return err
}

// restore gives the lost nodes back for the next trial.
func restore(ctx context.Context, k Kubectl, names []string) {
	untaint := make([]string, 0, len(lostTaints))
	for _, t := range lostTaints {
		untaint = append(untaint, t+"-")
	}
	// One taint at a time: kubectl refuses the whole call when one named
	// taint is missing (kube-controller-manager may have dropped it).
	for _, t := range untaint {
		_, _ = k.run(ctx, nil, append(append([]string{"taint", "nodes"}, names...), t)...)
	}
	_, _ = k.run(ctx, nil, append([]string{"uncordon"}, names...)...)
	// The next trial starts only when every node is back without taints.
	_ = poll(ctx, 60*time.Second, func() (bool, error) {
		var l corev1.NodeList
		if err := k.getJSON(ctx, &l, "nodes", "-l", nodeLabel+"=true"); err != nil {
			return false, err
		}
		for _, n := range l.Items {
			if n.Spec.Unschedulable {
				return false, nil
			}
			for _, t := range n.Spec.Taints {
				if t.Key == lostTaint || t.Key == corev1.TaintNodeUnschedulable {
					return false, nil
				}
			}
		}
		return true, nil
	})
}
