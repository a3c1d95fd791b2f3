package ibmcloud

import (
	"fmt"
	"sort"
	"strings"

	"github.com/iksplan/iksplan/internal/kube/labels"
)

// The stand-in's node verbs, for change runbooks: get nodes -l SELECTOR
// -o jsonpath, cordon, uncordon, drain. Selectors are parsed and matched
// as apimachinery's labels package does for kubectl (internal/kube/labels,
// held to it by TestSelectorsMatchKubernetes). Pods are not
// simulated, so drain has nothing to evict: it cordons and says so.

func selectNodes(nodes []Node, selector string) ([]Node, error) {
	sel, err := labels.Parse(selector)
	if err != nil {
		return nil, fmt.Errorf("error: unable to parse requirement: %v", err)
	}
	var out []Node
	for _, n := range nodes {
		if sel.Matches(labels.Set(n.Labels)) {
			out = append(out, n)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// nodesJSONPath prints the two templates scripts use on a node list:
// {.items[*].metadata.name} (names, space-separated, as kubectl prints a
// range) and {.items[*].spec.unschedulable}. Others are refused, not
// guessed.
func nodesJSONPath(env *Env, nodes []Node, tmpl string) error {
	tmpl = strings.Trim(tmpl, `'"`)
	var words []string
	switch tmpl {
	case "{.items[*].metadata.name}":
		for _, n := range nodes {
			words = append(words, n.Name)
		}
	case "{.items[*].spec.unschedulable}":
		for _, n := range nodes {
			if n.Unschedulable {
				words = append(words, "true")
			}
		}
	default:
		return fmt.Errorf("kubectl (rehearsal stand-in): -o jsonpath=%s is not simulated; rehearse with --kubeconfig to run it against a real control plane", tmpl)
	}
	fmt.Fprint(env.Out, strings.Join(words, " "))
	return nil
}

func (ks *kubeState) node(name string) *Node {
	for i := range ks.Nodes {
		if ks.Nodes[i].Name == name {
			return &ks.Nodes[i]
		}
	}
	return nil
}

// nodeArgs resolves "NODE", "node/NODE" and "node NODE".
func nodeArgs(rest []string) []string {
	var out []string
	for i, a := range rest {
		if i == 0 && len(rest) > 1 {
			if k, ok := kindOf(a); ok && k == "Node" {
				continue
			}
		}
		out = append(out, strings.TrimPrefix(strings.TrimPrefix(a, "node/"), "nodes/"))
	}
	return out
}

func kubectlCordon(env *Env, ks *kubeState, rest []string, cordon bool) error {
	names := nodeArgs(rest)
	if len(names) == 0 {
		return fmt.Errorf("error: USAGE: kubectl %s NODE [flags]", map[bool]string{true: "cordon", false: "uncordon"}[cordon])
	}
	for _, name := range names {
		n := ks.node(name)
		if n == nil {
			return fmt.Errorf("Error from server (NotFound): nodes %q not found", name)
		}
		verb := map[bool]string{true: "cordoned", false: "uncordoned"}[cordon]
		if n.Unschedulable == cordon {
			fmt.Fprintf(env.Out, "node/%s already %s\n", name, verb)
			continue
		}
		n.Unschedulable = cordon
		fmt.Fprintf(env.Out, "node/%s %s\n", name, verb)
	}
	return nil
}

// kubectlDrain is `kubectl drain NODE`: cordon, then evict the node's
// pods through the eviction API (PDBs hold). The stand-in has no pods.
func kubectlDrain(env *Env, ks *kubeState, rest []string, f kflags) error {
	names := nodeArgs(rest)
	if len(names) == 0 && f.selector == "" {
		return fmt.Errorf("error: USAGE: kubectl drain NODE [flags]")
	}
	if f.selector != "" {
		sel, err := selectNodes(ks.Nodes, f.selector)
		if err != nil {
			return err
		}
		for _, n := range sel {
			names = append(names, n.Name)
		}
	}
	if err := kubectlCordon(env, ks, names, true); err != nil {
		return err
	}
	for _, name := range names {
		fmt.Fprintf(env.Out, "node/%s drained\n", name)
	}
	fmt.Fprintln(env.Err, "kubectl (rehearsal stand-in): pods are not simulated, so nothing was evicted; rehearse with --kubeconfig to drain through real PodDisruptionBudgets")
	return nil
}
