package ibmcloud

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
)

// kubeState is what the recording stand-ins know of the cluster's inside:
// nodes the double provisioned, objects kubectl applied, Helm releases and
// Calico resources. STATE_DIR/kube.json.
type kubeState struct {
	Nodes    []Node       `json:"nodes"`
	Objects  []kubeObject `json:"objects"`
	Releases []release    `json:"releases"`
	Repos    []helmRepo   `json:"repos"`
	Calico   []kubeObject `json:"calico"`
}

// kubeObject is one applied object; Hash is its canonical JSON digest, so
// a re-apply can tell "unchanged" from "configured".
type kubeObject struct {
	APIVersion string `json:"apiVersion"`
	Kind       string `json:"kind"`
	Namespace  string `json:"namespace,omitempty"`
	Name       string `json:"name"`
	Hash       string `json:"hash"`
	// Raw is the object as applied (JSON), for `get -o json`.
	Raw json.RawMessage `json:"raw,omitempty"`
}

type release struct {
	Name      string `json:"name"`
	Namespace string `json:"namespace"`
	Chart     string `json:"chart"`
	Version   string `json:"version"`
	Inputs    string `json:"inputs"`
	Revision  int    `json:"revision"`
}

type helmRepo struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

func loadKube(dir string) (*kubeState, error) {
	b, err := os.ReadFile(filepath.Join(dir, "kube.json"))
	if errors.Is(err, os.ErrNotExist) {
		return &kubeState{}, nil
	}
	if err != nil {
		return nil, err
	}
	ks := &kubeState{}
	return ks, json.Unmarshal(b, ks)
}

func (ks *kubeState) save(dir string) error {
	sort.Slice(ks.Objects, func(i, j int) bool { return ks.Objects[i].key() < ks.Objects[j].key() })
	b, err := json.MarshalIndent(ks, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "kube.json"), b, 0o600)
}

func (o kubeObject) key() string { return o.Kind + "/" + o.Namespace + "/" + o.Name }

// builtinNamespaces exist in every IKS cluster.
var builtinNamespaces = map[string]bool{"default": true, "kube-system": true, "kube-public": true, "kube-node-lease": true, "ibm-system": true, "ibm-operators": true}

func (ks *kubeState) namespaceExists(ns string) bool {
	return builtinNamespaces[ns] || ks.hasObject("v1", "Namespace", "", ns)
}

func (ks *kubeState) hasObject(apiVersion, kind, ns, name string) bool {
	return ks.object(kind, ns, name) != nil
}

func (ks *kubeState) object(kind, ns, name string) *kubeObject {
	for i := range ks.Objects {
		o := &ks.Objects[i]
		if o.Kind == kind && o.Namespace == ns && o.Name == name {
			return o
		}
	}
	return nil
}

// putObject stores o and says what kubectl would: created, configured or
// unchanged.
func (ks *kubeState) putObject(o kubeObject) string {
	if old := ks.object(o.Kind, o.Namespace, o.Name); old != nil {
		if old.Hash == o.Hash {
			return "unchanged"
		}
		*old = o
		return "configured"
	}
	ks.Objects = append(ks.Objects, o)
	return "created"
}
