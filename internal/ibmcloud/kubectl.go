package ibmcloud

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"github.com/iksplan/iksplan/internal/kube/appsv1"
	"github.com/iksplan/iksplan/internal/kube/autoscalingv2"
	"github.com/iksplan/iksplan/internal/kube/batchv1"
	"github.com/iksplan/iksplan/internal/kube/corev1"
	yaml "github.com/iksplan/iksplan/internal/kube/kyaml"
	"github.com/iksplan/iksplan/internal/kube/networkingv1"
	"github.com/iksplan/iksplan/internal/kube/policyv1"
	"github.com/iksplan/iksplan/internal/kube/rbacv1"
	"github.com/iksplan/iksplan/internal/kube/schedulingv1"
	"github.com/iksplan/iksplan/internal/kube/storagev1"
)

// runKubectl is kubectl: the real one against the real control plane when
// rehearse has one, else the recording stand-in.
func runKubectl(env *Env, args []string, rec *Record) int {
	if env.Config.RealKubectl != "" {
		cmd := exec.Command(env.Config.RealKubectl, args...)
		cmd.Stdin, cmd.Stdout, cmd.Stderr = env.Stdin, env.Out, env.Err
		cmd.Env = os.Environ()
		if err := cmd.Run(); err != nil {
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				rec.Error = "real kubectl failed"
				return ee.ExitCode()
			}
			fmt.Fprintf(env.Err, "kubectl (double): %v\n", err)
			return 1
		}
		return 0
	}
	err := standinKubectl(env, args, rec)
	if err != nil {
		fmt.Fprintln(env.Err, err)
		rec.Error = err.Error()
		return 1
	}
	return 0
}

// kindTypes maps apiVersion/kind to the type the stand-in strict-decodes
// it into: a misspelt field fails here as it would with `kubectl apply
// --validate=strict`. The types are internal/kube's copies of k8s.io/api's
// with the fields iksplan renders (the kinds it never renders keep their
// required fields only), each field the library's (TestMirrorsMatchKubernetes).
var kindTypes = map[string]func() any{
	"v1/Namespace":                                    func() any { return &corev1.Namespace{} },
	"v1/ResourceQuota":                                func() any { return &corev1.ResourceQuota{} },
	"v1/LimitRange":                                   func() any { return &corev1.LimitRange{} },
	"v1/ServiceAccount":                               func() any { return &corev1.ServiceAccount{} },
	"v1/ConfigMap":                                    func() any { return &corev1.ConfigMap{} },
	"v1/Secret":                                       func() any { return &corev1.Secret{} },
	"v1/Service":                                      func() any { return &corev1.Service{} },
	"v1/PersistentVolumeClaim":                        func() any { return &corev1.PersistentVolumeClaim{} },
	"apps/v1/Deployment":                              func() any { return &appsv1.Deployment{} },
	"apps/v1/DaemonSet":                               func() any { return &appsv1.DaemonSet{} },
	"apps/v1/StatefulSet":                             func() any { return &appsv1.StatefulSet{} },
	"batch/v1/Job":                                    func() any { return &batchv1.Job{} },
	"batch/v1/CronJob":                                func() any { return &batchv1.CronJob{} },
	"networking.k8s.io/v1/NetworkPolicy":              func() any { return &networkingv1.NetworkPolicy{} },
	"networking.k8s.io/v1/Ingress":                    func() any { return &networkingv1.Ingress{} },
	"rbac.authorization.k8s.io/v1/Role":               func() any { return &rbacv1.Role{} },
	"rbac.authorization.k8s.io/v1/RoleBinding":        func() any { return &rbacv1.RoleBinding{} },
	"rbac.authorization.k8s.io/v1/ClusterRole":        func() any { return &rbacv1.ClusterRole{} },
	"rbac.authorization.k8s.io/v1/ClusterRoleBinding": func() any { return &rbacv1.ClusterRoleBinding{} },
	"policy/v1/PodDisruptionBudget":                   func() any { return &policyv1.PodDisruptionBudget{} },
	"autoscaling/v2/HorizontalPodAutoscaler":          func() any { return &autoscalingv2.HorizontalPodAutoscaler{} },
	"storage.k8s.io/v1/StorageClass":                  func() any { return &storagev1.StorageClass{} },
	"scheduling.k8s.io/v1/PriorityClass":              func() any { return &schedulingv1.PriorityClass{} },
}

var clusterScoped = map[string]bool{"Namespace": true, "ClusterRole": true, "ClusterRoleBinding": true, "StorageClass": true, "PriorityClass": true, "Node": true}

// plural resource names kubectl prints ("deployment.apps/web").
func resourceName(apiVersion, kind string) string {
	group := ""
	if i := strings.Index(apiVersion, "/"); i >= 0 {
		group = "." + apiVersion[:i]
	}
	return strings.ToLower(kind) + group
}

func standinKubectl(env *Env, args []string, rec *Record) error {
	if err := kubeReachable(env); err != nil {
		return err
	}
	ks, err := loadKube(env.Dir)
	if err != nil {
		return err
	}
	verb, rest, flags := splitKubectl(args)
	rec.Path = "kubectl " + verb
	switch verb {
	case "apply":
		rec.Mutating = true
		err = kubectlApply(env, ks, flags)
	case "create":
		rec.Mutating = true
		err = kubectlCreate(env, ks, rest, flags)
	case "get":
		err = kubectlGet(env, ks, rest, flags)
	case "wait":
		err = kubectlWait(env, ks, rest, flags)
	case "patch", "label", "annotate":
		rec.Mutating = true
		err = kubectlPatch(env, ks, rest)
	case "cordon", "uncordon":
		rec.Mutating = true
		err = kubectlCordon(env, ks, rest, verb == "cordon")
	case "drain":
		rec.Mutating = true
		err = kubectlDrain(env, ks, rest, flags)
	default:
		return fmt.Errorf("kubectl (rehearsal stand-in): %q is not simulated; rehearse with --kubeconfig to run it against a real control plane", strings.Join(args, " "))
	}
	if err != nil {
		return err
	}
	return ks.save(env.Dir)
}

// kubeReachable is the stand-in's connection check: without a context
// from `ibmcloud ks cluster config`, kubectl has no server to talk to.
func kubeReachable(env *Env) error {
	path := env.Vars("KUBECONFIG")
	if path == "" {
		path = filepath.Join(env.Vars("HOME"), ".kube", "config")
	}
	kc, err := readKubeconfig(strings.Split(path, string(os.PathListSeparator))[0])
	if err != nil || kc.CurrentContext == "" {
		return errors.New("The connection to the server localhost:8080 was refused - did you specify the right host or port?")
	}
	return nil
}

// kflags are the kubectl flags the stand-in reads.
type kflags struct {
	files         []string
	namespace     string
	allNamespaces bool
	all           bool
	output        string
	forCond       string
	patch         string
	selector      string
	other         []string
}

func splitKubectl(args []string) (string, []string, kflags) {
	var f kflags
	var pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, val, has := strings.Cut(a, "=")
		next := func() string {
			if has {
				return val
			}
			if i+1 < len(args) {
				i++
				return args[i]
			}
			return ""
		}
		switch name {
		case "-f", "--filename":
			f.files = append(f.files, next())
		case "-n", "--namespace":
			f.namespace = next()
		case "-A", "--all-namespaces":
			f.allNamespaces = true
		case "--all":
			f.all = true
		case "-o", "--output":
			f.output = next()
		case "--for":
			f.forCond = next()
		case "-p", "--patch":
			f.patch = next()
		case "-l", "--selector":
			f.selector = next()
		case "--timeout", "-L", "--label-columns", "--field-selector", "--type", "--duration", "--dry-run", "--server-side", "--field-manager":
			f.other = append(f.other, name+"="+next())
		default:
			if strings.HasPrefix(a, "-") {
				f.other = append(f.other, a)
				continue
			}
			pos = append(pos, a)
		}
	}
	if len(pos) == 0 {
		return "", nil, f
	}
	return pos[0], pos[1:], f
}

func kubectlApply(env *Env, ks *kubeState, f kflags) error {
	return applyFiles(env, ks, f, false)
}

// applyFiles applies (or, with create, creates) every object of -f.
func applyFiles(env *Env, ks *kubeState, f kflags, create bool) error {
	if len(f.files) == 0 {
		return errors.New("error: must specify one of -f and -k")
	}
	var files []string
	for _, p := range f.files {
		if p == "-" {
			files = append(files, "-")
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			return fmt.Errorf("error: the path %q does not exist", p)
		}
		if st.IsDir() {
			// kubectl reads a directory's .yaml/.yml/.json files in name order.
			entries, _ := os.ReadDir(p)
			for _, e := range entries {
				if ext := filepath.Ext(e.Name()); !e.IsDir() && (ext == ".yaml" || ext == ".yml" || ext == ".json") {
					files = append(files, filepath.Join(p, e.Name()))
				}
			}
			continue
		}
		files = append(files, p)
	}
	for _, file := range files {
		var data []byte
		var err error
		if file == "-" {
			data, err = io.ReadAll(env.Stdin)
		} else {
			data, err = os.ReadFile(file)
		}
		if err != nil {
			return err
		}
		for i, doc := range splitYAML(data) {
			o, err := decodeStrict(doc, f.namespace)
			if err != nil {
				return fmt.Errorf("error: error validating %q (document %d): %v", file, i+1, err)
			}
			if o.Namespace != "" && !ks.namespaceExists(o.Namespace) {
				return fmt.Errorf("Error from server (NotFound): error when creating %q: namespaces %q not found", file, o.Namespace)
			}
			if create && ks.object(o.Kind, o.Namespace, o.Name) != nil {
				return fmt.Errorf("Error from server (AlreadyExists): error when creating %q: %ss %q already exists", file, strings.ToLower(o.Kind), o.Name)
			}
			what := ks.putObject(o)
			fmt.Fprintf(env.Out, "%s/%s %s\n", resourceName(o.APIVersion, o.Kind), o.Name, what)
		}
	}
	return nil
}

func splitYAML(data []byte) [][]byte {
	var out [][]byte
	for _, part := range bytes.Split(append([]byte("\n"), data...), []byte("\n---")) {
		if len(bytes.TrimSpace(stripComments(part))) > 0 {
			out = append(out, part)
		}
	}
	return out
}

func stripComments(b []byte) []byte {
	var out []byte
	for _, line := range bytes.Split(b, []byte("\n")) {
		if t := bytes.TrimSpace(line); len(t) > 0 && t[0] != '#' {
			out = append(out, line...)
			out = append(out, '\n')
		}
	}
	return out
}

// decodeStrict reads one object into its internal/kube type, refusing
// unknown fields and unknown kinds.
func decodeStrict(doc []byte, defaultNS string) (kubeObject, error) {
	j, err := yaml.YAMLToJSON(doc)
	if err != nil {
		return kubeObject{}, err
	}
	var head struct {
		APIVersion string `json:"apiVersion"`
		Kind       string `json:"kind"`
		Metadata   struct {
			Name      string `json:"name"`
			Namespace string `json:"namespace"`
		} `json:"metadata"`
	}
	if err := json.Unmarshal(j, &head); err != nil {
		return kubeObject{}, err
	}
	if head.Kind == "List" {
		return kubeObject{}, errors.New("lists are not simulated")
	}
	mk, ok := kindTypes[head.APIVersion+"/"+head.Kind]
	if !ok {
		return kubeObject{}, fmt.Errorf("resource mapping not found for kind %q in version %q: ensure CRDs are installed first", head.Kind, head.APIVersion)
	}
	d := json.NewDecoder(bytes.NewReader(j))
	d.DisallowUnknownFields()
	if err := d.Decode(mk()); err != nil {
		return kubeObject{}, fmt.Errorf("%s %s: %v", head.Kind, head.Metadata.Name, err)
	}
	if head.Metadata.Name == "" {
		return kubeObject{}, fmt.Errorf("%s: metadata.name is required", head.Kind)
	}
	ns := head.Metadata.Namespace
	if clusterScoped[head.Kind] {
		ns = ""
	} else if ns == "" {
		ns = defaultNS
		if ns == "" {
			ns = "default"
		}
	}
	h := sha256.Sum256(j)
	return kubeObject{APIVersion: head.APIVersion, Kind: head.Kind, Namespace: ns, Name: head.Metadata.Name, Hash: hex.EncodeToString(h[:8]), Raw: j}, nil
}

func kubectlCreate(env *Env, ks *kubeState, rest []string, f kflags) error {
	if len(f.files) > 0 && len(rest) == 0 {
		return applyFiles(env, ks, f, true)
	}
	if len(rest) < 2 || (rest[0] != "namespace" && rest[0] != "ns") {
		return fmt.Errorf("kubectl (rehearsal stand-in): create %s is not simulated", strings.Join(rest, " "))
	}
	if ks.namespaceExists(rest[1]) {
		return fmt.Errorf("Error from server (AlreadyExists): namespaces %q already exists", rest[1])
	}
	ks.putObject(kubeObject{APIVersion: "v1", Kind: "Namespace", Name: rest[1], Hash: "created"})
	fmt.Fprintf(env.Out, "namespace/%s created\n", rest[1])
	return nil
}

func kindOf(word string) (string, bool) {
	switch strings.ToLower(strings.Split(word, ".")[0]) {
	case "namespace", "namespaces", "ns":
		return "Namespace", true
	case "node", "nodes", "no":
		return "Node", true
	case "deployment", "deployments", "deploy":
		return "Deployment", true
	case "secret", "secrets":
		return "Secret", true
	case "serviceaccount", "serviceaccounts", "sa":
		return "ServiceAccount", true
	case "pod", "pods", "po":
		return "Pod", true
	case "daemonset", "daemonsets", "ds":
		return "DaemonSet", true
	case "configmap", "configmaps", "cm":
		return "ConfigMap", true
	}
	return "", false
}

func kubectlGet(env *Env, ks *kubeState, rest []string, f kflags) error {
	if len(rest) == 0 {
		return errors.New("error: you must specify the type of resource to get")
	}
	word, name, _ := strings.Cut(rest[0], "/")
	if name == "" && len(rest) > 1 {
		name = rest[1]
	}
	kind, ok := kindOf(word)
	if !ok {
		return fmt.Errorf("kubectl (rehearsal stand-in): get %s is not simulated", word)
	}
	switch kind {
	case "Node":
		return getNodes(env, ks, f)
	case "Pod":
		fmt.Fprintln(env.Out, "No resources found")
		fmt.Fprintln(env.Err, "kubectl (rehearsal stand-in): pods are simulated: none is listed")
		return nil
	}
	ns := f.namespace
	if ns == "" && !clusterScoped[kind] {
		ns = "default"
	}
	if clusterScoped[kind] {
		ns = ""
	}
	if name == "" {
		for _, o := range ks.Objects {
			if o.Kind == kind && (f.allNamespaces || o.Namespace == ns) {
				fmt.Fprintf(env.Out, "%s/%s\n", resourceName(o.APIVersion, o.Kind), o.Name)
			}
		}
		return nil
	}
	exists := ks.object(kind, ns, name) != nil || (kind == "Namespace" && ks.namespaceExists(name)) ||
		(kind == "ServiceAccount" && name == "default" && ks.namespaceExists(ns))
	if !exists {
		return fmt.Errorf("Error from server (NotFound): %ss %q not found", strings.ToLower(kind), name)
	}
	if o := ks.object(kind, ns, name); o != nil && len(o.Raw) > 0 && f.output != "" {
		switch f.output {
		case "json":
			var v any
			_ = json.Unmarshal(o.Raw, &v)
			return printJSON(env.Out, v)
		case "yaml":
			b, err := yaml.JSONToYAML(o.Raw)
			if err != nil {
				return err
			}
			_, err = env.Out.Write(b)
			return err
		}
		return fmt.Errorf("kubectl (rehearsal stand-in): -o %s is not simulated", f.output)
	}
	fmt.Fprintf(env.Out, "NAME   STATUS\n%s   Active\n", name)
	return nil
}

func getNodes(env *Env, ks *kubeState, f kflags) error {
	nodes, err := selectNodes(ks.Nodes, f.selector)
	if err != nil {
		return err
	}
	if strings.HasPrefix(f.output, "jsonpath=") {
		return nodesJSONPath(env, nodes, strings.TrimPrefix(f.output, "jsonpath="))
	}
	if f.output == "json" {
		type cond struct {
			Type   string `json:"type"`
			Status string `json:"status"`
		}
		type node struct {
			APIVersion string `json:"apiVersion"`
			Kind       string `json:"kind"`
			Metadata   struct {
				Name   string            `json:"name"`
				Labels map[string]string `json:"labels"`
			} `json:"metadata"`
			Status struct {
				Allocatable map[string]string `json:"allocatable"`
				Conditions  []cond            `json:"conditions"`
			} `json:"status"`
		}
		list := struct {
			APIVersion string `json:"apiVersion"`
			Kind       string `json:"kind"`
			Items      []node `json:"items"`
		}{APIVersion: "v1", Kind: "List", Items: []node{}}
		for _, n := range nodes {
			x := node{APIVersion: "v1", Kind: "Node"}
			x.Metadata.Name, x.Metadata.Labels = n.Name, n.Labels
			x.Status.Allocatable = map[string]string{"cpu": milli(n.CPUMilli), "memory": fmt.Sprintf("%dKi", n.MemoryKi)}
			x.Status.Conditions = []cond{{"Ready", "True"}}
			list.Items = append(list.Items, x)
		}
		fmt.Fprintln(env.Err, "kubectl (rehearsal stand-in): nodes are the workers the double provisioned; Ready is simulated")
		return printJSON(env.Out, list)
	}
	names := make([]string, 0, len(nodes))
	if len(nodes) == 0 {
		// kubectl's answer to an empty list, on stderr.
		fmt.Fprintln(env.Err, "No resources found")
		return nil
	}
	fmt.Fprintln(env.Out, "NAME   STATUS   ZONE   POOL")
	for _, n := range nodes {
		status := "Ready"
		if n.Unschedulable {
			status = "Ready,SchedulingDisabled"
		}
		names = append(names, fmt.Sprintf("%s   %s   %s   %s", n.Name, status, n.Labels["topology.kubernetes.io/zone"], n.Labels["ibm-cloud.kubernetes.io/worker-pool-name"]))
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintln(env.Out, n)
	}
	return nil
}

func kubectlWait(env *Env, ks *kubeState, rest []string, f kflags) error {
	if f.forCond == "" {
		return errors.New("error: --for must be set")
	}
	if len(rest) == 0 {
		return errors.New("error: you must specify the type of resource")
	}
	word, name, _ := strings.Cut(rest[0], "/")
	kind, ok := kindOf(word)
	if !ok {
		return fmt.Errorf("kubectl (rehearsal stand-in): wait for %s is not simulated", word)
	}
	ns := f.namespace
	if ns == "" {
		ns = "default"
	}
	n := 0
	for _, o := range ks.Objects {
		if o.Kind != kind || (name != "" && o.Name != name) || (!f.allNamespaces && o.Namespace != ns) {
			continue
		}
		n++
		fmt.Fprintf(env.Out, "%s/%s condition met\n", resourceName(o.APIVersion, o.Kind), o.Name)
	}
	if name != "" && n == 0 {
		return fmt.Errorf("Error from server (NotFound): %ss.apps %q not found", strings.ToLower(kind), name)
	}
	if name == "" && n == 0 {
		return errors.New("error: no matching resources found")
	}
	fmt.Fprintln(env.Err, "kubectl (rehearsal stand-in): the wait was simulated (no control plane); rehearse with --kubeconfig for real scheduling")
	return nil
}

func kubectlPatch(env *Env, ks *kubeState, rest []string) error {
	if len(rest) == 0 {
		return errors.New("error: you must specify the type of resource")
	}
	word, name, _ := strings.Cut(rest[0], "/")
	if name == "" && len(rest) > 1 {
		name = rest[1]
	}
	kind, _ := kindOf(word)
	if kind == "" {
		return fmt.Errorf("kubectl (rehearsal stand-in): patch %s is not simulated", word)
	}
	fmt.Fprintf(env.Out, "%s/%s patched\n", strings.ToLower(kind), name)
	return nil
}
