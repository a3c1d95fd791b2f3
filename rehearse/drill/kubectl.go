package drill

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"strings"
)

// Kubectl runs the kubectl binary against one kubeconfig. The drill talks
// to the cluster only through it, so it needs no client library and works
// against any control plane a user points it at.
type Kubectl struct {
	// Bin is the kubectl binary; "" means "kubectl" on PATH.
	Bin        string
	Kubeconfig string
}

func (k Kubectl) run(ctx context.Context, stdin []byte, args ...string) ([]byte, error) {
	bin := k.Bin
	if bin == "" {
		bin = "kubectl"
	}
	full := append([]string{"--kubeconfig", k.Kubeconfig}, args...)
	cmd := exec.CommandContext(ctx, bin, full...)
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("kubectl %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(errb.String()))
	}
	return out.Bytes(), nil
}

// apply creates or updates the objects (a v1 List) server-side.
func (k Kubectl) apply(ctx context.Context, objs []any, extra ...string) error {
	items := make([]json.RawMessage, 0, len(objs))
	for _, o := range objs {
		b, err := json.Marshal(o)
		if err != nil {
			return fmt.Errorf("marshal: %w", err)
		}
		items = append(items, b)
	}
	list, err := json.Marshal(map[string]any{"apiVersion": "v1", "kind": "List", "items": items})
	if err != nil {
		return fmt.Errorf("marshal list: %w", err)
	}
	_, err = k.run(ctx, list, append([]string{"apply", "--server-side", "--force-conflicts", "--field-manager", "iksplan-drill", "-f", "-"}, extra...)...)
	return err
}

// getJSON decodes `kubectl get ARGS -o json` into v.
func (k Kubectl) getJSON(ctx context.Context, v any, args ...string) error {
	out, err := k.run(ctx, nil, append(append([]string{"get"}, args...), "-o", "json")...)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(out, v); err != nil {
		return fmt.Errorf("decode kubectl get %s: %w", strings.Join(args, " "), err)
	}
	return nil
}
