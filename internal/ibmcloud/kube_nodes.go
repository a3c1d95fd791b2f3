package ibmcloud

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os/exec"
	"strconv"

	"github.com/iksplan/iksplan/model"
)

// Node is a worker as Kubernetes sees it.
type Node struct {
	Name        string            `json:"name"`
	Labels      map[string]string `json:"labels"`
	Taints      []Taint           `json:"taints,omitempty"`
	CPUMilli    int64             `json:"allocatableCPUMilli"`
	MemoryKi    int64             `json:"allocatableMemoryKi"`
	CapCPUMilli int64             `json:"capacityCPUMilli"`
	CapMemoryKi int64             `json:"capacityMemoryKi"`
	// Unschedulable is spec.unschedulable (kubectl cordon / drain).
	Unschedulable bool `json:"unschedulable,omitempty"`
}

// Taint is a node taint.
type Taint struct {
	Key    string `json:"key"`
	Value  string `json:"value,omitempty"`
	Effect string `json:"effect"`
}

// registerReady turns the cluster's newly ready workers into nodes: kwok
// nodes in the real control plane, or entries of the stand-in's kube state.
// When the master first becomes ready, IKS's own objects appear too: the
// all-icr-io image pull secret in default (IKS creates it only there:
// https://cloud.ibm.com/docs/containers?topic=containers-registry#cluster_registry_auth).
func registerReady(env *Env, c *Cluster) error {
	if !c.masterReady(env.Config) {
		return nil
	}
	ks, err := loadKube(env.Dir)
	if err != nil {
		return err
	}
	var fresh []Node
	for pi, p := range c.Pools {
		for zi, z := range p.Zones {
			for wi := range z.Workers {
				w := &z.Workers[wi]
				if w.Registered || !c.workerReady(env.Config, *w) {
					continue
				}
				w.Registered = true
				fresh = append(fresh, nodeFor(c, p, z, *w, workerIP(c, pi, zi, wi)))
			}
		}
	}
	seeded := ks.hasObject("v1", "Secret", "default", "all-icr-io")
	if len(fresh) == 0 && seeded {
		return nil
	}
	if !seeded {
		ks.putObject(kubeObject{APIVersion: "v1", Kind: "Secret", Namespace: "default", Name: "all-icr-io", Hash: "ibm", Raw: allICRSecret()})
	}
	ks.Nodes = append(ks.Nodes, fresh...)
	if err := ks.save(env.Dir); err != nil {
		return err
	}
	if env.Config.RealKubectl == "" {
		return nil
	}
	return registerReal(env, fresh, !seeded)
}

func nodeFor(c *Cluster, p *Pool, z *PoolZone, w Worker, ip string) Node {
	infra := model.InfraVPC
	if c.Provider == "classic" {
		infra = model.InfraClassic
	}
	capCPU, capMem, cpu, mem := allocatable(infra, p.Flavor)
	n := Node{Name: ip, CPUMilli: cpu, MemoryKi: mem, CapCPUMilli: capCPU, CapMemoryKi: capMem, Labels: map[string]string{
		// Labels IKS puts on every worker (containers docs, "worker node
		// labels": ibm-cloud.kubernetes.io/*, plus the well-known ones).
		"ibm-cloud.kubernetes.io/worker-pool-name": p.Name,
		"ibm-cloud.kubernetes.io/worker-pool-id":   p.ID,
		"ibm-cloud.kubernetes.io/worker-id":        w.ID,
		"ibm-cloud.kubernetes.io/zone":             z.ID,
		"ibm-cloud.kubernetes.io/region":           c.Region,
		"ibm-cloud.kubernetes.io/machine-type":     p.Flavor,
		"ibm-cloud.kubernetes.io/os":               p.OS,
		"topology.kubernetes.io/zone":              z.ID,
		"topology.kubernetes.io/region":            c.Region,
		"node.kubernetes.io/instance-type":         p.Flavor,
		"kubernetes.io/hostname":                   ip,
		"kubernetes.io/os":                         "linux",
		"kubernetes.io/arch":                       "amd64",
		"type":                                     "kwok",
	}}
	for k, v := range p.Labels {
		n.Labels[k] = v
	}
	for k, v := range p.Taints {
		val, effect := v, ""
		if i := bytes.IndexByte([]byte(v), ':'); i >= 0 {
			val, effect = v[:i], v[i+1:]
		}
		n.Taints = append(n.Taints, Taint{Key: k, Value: val, Effect: effect})
	}
	return n
}

// registerReal creates the nodes (annotated for kwok) and sets their
// capacity with a status update (one server-side apply), as validation.md describes.
func registerReal(env *Env, nodes []Node, seedSecret bool) error {
	var items []any
	for _, n := range nodes {
		spec := map[string]any{}
		if len(n.Taints) > 0 {
			spec["taints"] = n.Taints
		}
		items = append(items, map[string]any{"apiVersion": "v1", "kind": "Node", "metadata": map[string]any{
			"name": n.Name, "labels": n.Labels, "annotations": map[string]string{"kwok.x-k8s.io/node": "fake", "node.alpha.kubernetes.io/ttl": "0"}}, "spec": spec})
	}
	if seedSecret {
		items = append(items, json.RawMessage(allICRSecret()))
		items = append(items, storageClasses(env)...)
	}
	if len(items) > 0 {
		b, _ := json.Marshal(map[string]any{"apiVersion": "v1", "kind": "List", "items": items})
		if err := realKubectl(env, b, "apply", "-f", "-"); err != nil {
			return err
		}
	}
	if len(nodes) == 0 {
		return nil
	}
	// Every node's status in one server-side apply of a List: a kubectl
	// patch per node cost 0.2-0.4 s each on a loaded machine (12 workers:
	// 4 s of every fresh run).
	status := make([]any, 0, len(nodes))
	for _, n := range nodes {
		status = append(status, map[string]any{"apiVersion": "v1", "kind": "Node", "metadata": map[string]any{"name": n.Name}, "status": map[string]any{
			// Disk: a 100 GB boot (VPC) or secondary (classic) disk of which
			// IBM reserves 10% (RESV, "Worker node resource reserves").
			"capacity":    map[string]string{"cpu": milli(n.CapCPUMilli), "memory": strconv.FormatInt(n.CapMemoryKi, 10) + "Ki", "pods": "110", "ephemeral-storage": "100Gi"},
			"allocatable": map[string]string{"cpu": milli(n.CPUMilli), "memory": strconv.FormatInt(n.MemoryKi, 10) + "Ki", "pods": "110", "ephemeral-storage": "90Gi"},
		}})
	}
	b, _ := json.Marshal(map[string]any{"apiVersion": "v1", "kind": "List", "items": status})
	return realKubectl(env, b, "apply", "--server-side", "--force-conflicts", "--field-manager", "iksplan-double", "--subresource=status", "-f", "-")
}

func milli(m int64) string { return strconv.FormatInt(m, 10) + "m" }

// realKubectl runs the real kubectl against the control plane's own
// kubeconfig (not the runbook's merged one).
func realKubectl(env *Env, stdin []byte, args ...string) error {
	cmd := exec.Command(env.Config.RealKubectl, append([]string{"--kubeconfig", env.Config.Kubeconfig}, args...)...)
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("double: kubectl %v: %v: %s", args[0], err, out.String())
	}
	return nil
}

// namespaceExists asks the cluster (real or stand-in) for a namespace.
func namespaceExists(env *Env, ns string) (bool, error) {
	if env.Config.RealKubectl != "" {
		err := realKubectl(env, nil, "get", "namespace", ns)
		return err == nil, nil
	}
	ks, err := loadKube(env.Dir)
	if err != nil {
		return false, err
	}
	return ks.namespaceExists(ns), nil
}

// allICRSecret is IKS's registry pull secret in default, with a stand-in
// credential (an auths entry for icr.io whose password is not a key).
func allICRSecret() json.RawMessage {
	b, _ := json.Marshal(map[string]any{"apiVersion": "v1", "kind": "Secret", "type": "kubernetes.io/dockerconfigjson",
		"metadata": map[string]any{"name": "all-icr-io", "namespace": "default"},
		"data":     map[string]string{".dockerconfigjson": "eyJhdXRocyI6eyJpY3IuaW8iOnsiYXV0aCI6ImFYQnJjMjVzWVc0NmNtVm9aV0Z5YzJGc0xXOXViSGs9In19fQ=="}})
	return b
}

// storageClasses are the classes IKS installs in a new cluster, from the
// catalog (its storage section cites IBM's storage class pages). No
// provisioner runs in the rehearsal: claims stay Pending.
func storageClasses(env *Env) []any {
	infra := model.InfraVPC
	for _, c := range env.State.Clusters {
		if c.Provider == "classic" {
			infra = model.InfraClassic
		}
	}
	var out []any
	for _, sc := range cat().StorageClassesFor(infra) {
		if sc.Provisioner == "" {
			continue
		}
		out = append(out, map[string]any{"apiVersion": "storage.k8s.io/v1", "kind": "StorageClass",
			"metadata": map[string]any{"name": sc.Name}, "provisioner": sc.Provisioner,
			"volumeBindingMode": "WaitForFirstConsumer", "reclaimPolicy": "Delete"})
	}
	return out
}
