package ibmcloud

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strings"

	yaml "github.com/iksplan/iksplan/internal/kube/kyaml"
)

// runHelm is the recording Helm stand-in: it checks the command line the
// way helm's cobra flags would, reads every values file and --set-file,
// and records releases. Charts are not pulled or installed (offline).
func runHelm(env *Env, args []string, rec *Record) int {
	if err := helm(env, args, rec); err != nil {
		fmt.Fprintf(env.Err, "Error: %v\n", err)
		rec.Error = err.Error()
		return 1
	}
	return 0
}

func helm(env *Env, args []string, rec *Record) error {
	ks, err := loadKube(env.Dir)
	if err != nil {
		return err
	}
	switch {
	case len(args) >= 2 && args[0] == "repo" && args[1] == "add":
		rec.Path = "helm repo add"
		if len(args) != 4 {
			return errors.New(`"helm repo add" requires 2 arguments`)
		}
		for _, r := range ks.Repos {
			if r.Name == args[2] {
				if r.URL == args[3] {
					fmt.Fprintf(env.Out, "%q already exists with the same configuration, skipping\n", r.Name)
					return nil
				}
				return fmt.Errorf("repository name (%s) already exists, please specify a different name", r.Name)
			}
		}
		rec.Mutating = true
		ks.Repos = append(ks.Repos, helmRepo{Name: args[2], URL: args[3]})
		fmt.Fprintf(env.Out, "%q has been added to your repositories\n", args[2])
	case len(args) >= 2 && args[0] == "repo" && args[1] == "update":
		rec.Path = "helm repo update"
		if len(ks.Repos) == 0 {
			return errors.New("no repositories found. You must add one before updating")
		}
		fmt.Fprintln(env.Out, "Update Complete. ⎈Happy Helming!⎈")
	case len(args) >= 1 && args[0] == "upgrade":
		rec.Path = "helm upgrade"
		return helmUpgrade(env, ks, args[1:], rec)
	case len(args) >= 1 && args[0] == "search":
		rec.Path = "helm search"
		fmt.Fprintln(env.Out, "NAME   CHART VERSION   APP VERSION   DESCRIPTION")
		return nil
	default:
		return fmt.Errorf("helm (rehearsal stand-in): %q is not simulated", strings.Join(args, " "))
	}
	return ks.save(env.Dir)
}

func helmUpgrade(env *Env, ks *kubeState, args []string, rec *Record) error {
	var pos, values, sets []string
	var ns, version string
	install, createNS := false, false
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, val, has := strings.Cut(a, "=")
		next := func() (string, error) {
			if has {
				return val, nil
			}
			if i+1 >= len(args) {
				return "", fmt.Errorf("flag needs an argument: %s", name)
			}
			i++
			return args[i], nil
		}
		var err error
		switch name {
		case "--install", "-i":
			install = true
		case "--create-namespace":
			createNS = true
		case "--version":
			version, err = next()
		case "-n", "--namespace":
			ns, err = next()
		case "-f", "--values":
			var v string
			v, err = next()
			values = append(values, v)
		case "--set", "--set-string":
			var v string
			v, err = next()
			sets = append(sets, v)
		case "--set-file":
			var v string
			if v, err = next(); err == nil {
				k, path, ok := strings.Cut(v, "=")
				if !ok {
					return fmt.Errorf("failed parsing --set-file data: key %q has no value", v)
				}
				b, rerr := os.ReadFile(path)
				if rerr != nil {
					return fmt.Errorf("failed parsing --set-file data: %v", rerr)
				}
				if len(b) == 0 {
					return fmt.Errorf("the --set-file value of %s is empty (rehearsal: a secret the runbook reads from the environment is missing)", k)
				}
				h := sha256.Sum256(b)
				sets = append(sets, k+"=<file "+hex.EncodeToString(h[:4])+">")
			}
		case "--wait", "--atomic", "--reuse-values", "--reset-values":
		case "--timeout":
			_, err = next()
		default:
			if strings.HasPrefix(a, "-") {
				return fmt.Errorf("unknown flag: %s", name)
			}
			pos = append(pos, a)
		}
		if err != nil {
			return err
		}
	}
	if len(pos) != 2 {
		return fmt.Errorf(`"helm upgrade" requires 2 arguments`)
	}
	if !install {
		return fmt.Errorf("%q has no deployed releases", pos[0])
	}
	if ns == "" {
		ns = "default"
	}
	inputs := []string{"chart=" + pos[1], "version=" + version}
	for _, v := range values {
		b, err := os.ReadFile(v)
		if err != nil {
			return fmt.Errorf("open %s: no such file or directory", v)
		}
		var m map[string]any
		if err := yaml.Unmarshal(b, &m); err != nil {
			return fmt.Errorf("failed to parse %s: %v", v, err)
		}
		h := sha256.Sum256(b)
		inputs = append(inputs, "values="+hex.EncodeToString(h[:8]))
	}
	inputs = append(inputs, sets...)
	exists, err := namespaceExists(env, ns)
	if err != nil {
		return err
	}
	if !exists && !ks.namespaceExists(ns) {
		if !createNS {
			return fmt.Errorf("create: failed to create: namespaces %q not found", ns)
		}
		ks.putObject(kubeObject{APIVersion: "v1", Kind: "Namespace", Name: ns, Hash: "helm"})
		if env.Config.RealKubectl != "" {
			if err := realKubectl(env, nil, "create", "namespace", ns); err != nil {
				return err
			}
		}
	}
	key := strings.Join(inputs, "\n")
	rec.Mutating = true
	for i := range ks.Releases {
		r := &ks.Releases[i]
		if r.Name == pos[0] && r.Namespace == ns {
			// helm upgrade makes a new revision even with the same inputs.
			r.Revision++
			r.Chart, r.Version, r.Inputs = pos[1], version, key
			fmt.Fprintf(env.Out, "Release %q has been upgraded. Happy Helming!\nREVISION: %d\n", r.Name, r.Revision)
			return ks.save(env.Dir)
		}
	}
	ks.Releases = append(ks.Releases, release{Name: pos[0], Namespace: ns, Chart: pos[1], Version: version, Inputs: key, Revision: 1})
	fmt.Fprintf(env.Out, "Release %q does not exist. Installing it now.\nNAME: %s\nNAMESPACE: %s\nSTATUS: deployed\nREVISION: 1\n", pos[0], pos[0], ns)
	return ks.save(env.Dir)
}

// Calico v3 kinds calicoctl applies.
var calicoKinds = map[string]bool{"GlobalNetworkPolicy": true, "NetworkPolicy": true, "GlobalNetworkSet": true, "NetworkSet": true, "HostEndpoint": true}

// runCalicoctl records `calicoctl apply -f FILE`: the Kubernetes datastore
// must be selected (DATASTORE_TYPE=kubernetes, IBM's calicoctl set-up) and
// each document must be a projectcalico.org/v3 resource with only
// apiVersion, kind, metadata and spec.
func runCalicoctl(env *Env, args []string, rec *Record) int {
	err := func() error {
		if len(args) < 3 || args[0] != "apply" || (args[1] != "-f" && args[1] != "--filename") {
			return fmt.Errorf("calicoctl (rehearsal stand-in): %q is not simulated", strings.Join(args, " "))
		}
		rec.Path, rec.Mutating = "calicoctl apply", true
		if env.Vars("DATASTORE_TYPE") != "kubernetes" {
			return errors.New("Failed to create Calico API client: no datastore configured (set DATASTORE_TYPE=kubernetes and KUBECONFIG)")
		}
		if err := kubeReachable(env); err != nil {
			return err
		}
		data, err := os.ReadFile(args[2])
		if err != nil {
			return fmt.Errorf("Failed to execute command: open %s: no such file or directory", args[2])
		}
		ks, err := loadKube(env.Dir)
		if err != nil {
			return err
		}
		n, kind := 0, ""
		for _, doc := range splitYAML(data) {
			var m map[string]any
			if err := yaml.Unmarshal(doc, &m); err != nil {
				return fmt.Errorf("Failed to execute command: error with the resource: %v", err)
			}
			for k := range m {
				if k != "apiVersion" && k != "kind" && k != "metadata" && k != "spec" {
					return fmt.Errorf("Failed to execute command: error unmarshaling: unknown field %q", k)
				}
			}
			kind, _ = m["kind"].(string)
			if m["apiVersion"] != "projectcalico.org/v3" || !calicoKinds[kind] {
				return fmt.Errorf("Failed to execute command: resource type %v/%v is not supported", m["apiVersion"], m["kind"])
			}
			md, _ := m["metadata"].(map[string]any)
			name, _ := md["name"].(string)
			h := sha256.Sum256(doc)
			found := false
			for i := range ks.Calico {
				if ks.Calico[i].Kind == kind && ks.Calico[i].Name == name {
					ks.Calico[i].Hash, found = hex.EncodeToString(h[:8]), true
				}
			}
			if !found {
				ks.Calico = append(ks.Calico, kubeObject{APIVersion: "projectcalico.org/v3", Kind: kind, Name: name, Hash: hex.EncodeToString(h[:8])})
			}
			n++
		}
		fmt.Fprintf(env.Out, "Successfully applied %d '%s' resource(s)\n", n, kind)
		return ks.save(env.Dir)
	}()
	if err != nil {
		fmt.Fprintln(env.Err, err)
		rec.Error = err.Error()
		return 1
	}
	return 0
}
