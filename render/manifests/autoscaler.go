package manifests

import (
	"encoding/json"
	"fmt"

	"github.com/iksplan/iksplan/internal/kube/corev1"
	"github.com/iksplan/iksplan/internal/kube/metav1"
)

// The managed cluster-autoscaler add-on reads its pools from this
// ConfigMap (https://cloud.ibm.com/docs/containers?topic=containers-cluster-scaling-install-addon-enable).
const (
	autoscalerConfigMap = "iks-ca-configmap"
	autoscalerPoolsKey  = "workerPoolsConfig.json"
)

// autoscaledPool is one entry of workerPoolsConfig.json. minSize and
// maxSize count workers per zone.
type autoscaledPool struct {
	Name    string `json:"name"`
	MinSize int    `json:"minSize"`
	MaxSize int    `json:"maxSize"`
	Enabled bool   `json:"enabled"`
}

// autoscalerFile is 60-autoscaler.yaml: the pools the add-on may scale,
// with their per-zone bounds. kubectl apply changes only this key of the
// ConfigMap the add-on created, so the add-on's other settings stay.
func autoscalerFile(p *plan) (file, error) {
	pools := make([]autoscaledPool, 0, len(p.s.Operations.Autoscaler.Pools))
	for _, ap := range p.s.Operations.Autoscaler.Pools {
		pools = append(pools, autoscaledPool{Name: ap.Pool, MinSize: ap.MinPerZone, MaxSize: ap.MaxPerZone, Enabled: true})
	}
	j, err := json.MarshalIndent(pools, "", "  ")
	if err != nil {
		return file{}, fmt.Errorf("autoscaler pools: %w", err)
	}
	return file{
		path: "manifests/60-autoscaler.yaml",
		intro: []string{
			"Cluster autoscaler pools, read by the managed cluster-autoscaler add-on (enable it first).",
			"Sizes are workers per zone. Do not resize or rebalance these pools by hand while they are listed.",
		},
		docs: []doc{{obj: &corev1.ConfigMap{
			TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "ConfigMap"},
			ObjectMeta: metav1.ObjectMeta{Name: autoscalerConfigMap, Namespace: kubeSystem},
			Data:       map[string]string{autoscalerPoolsKey: string(j) + "\n"},
		}}},
	}, nil
}
