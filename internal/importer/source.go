// Package importer reads a live IKS cluster through `ibmcloud ... --output
// json` (or the same JSON recorded in a folder) and writes a design from
// it, with the list of what IBM's answers do not tell. `validate` on the
// result is then an assessment of the live cluster.
package importer

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Source answers one ibmcloud command with its JSON output.
type Source interface {
	JSON(args ...string) ([]byte, error)
}

// FileName is where a recorded answer lives in a --from-dir folder: the
// command's words up to its first flag, joined by '-', plus the value of
// a positional ID ("is subnet ID"), then ".json":
//
//	ks cluster get --cluster C --output json → ks-cluster-get.json
//	is subnet 0717-aaaa --output json        → is-subnet-0717-aaaa.json
func FileName(args []string) string {
	var words []string
	for _, a := range args {
		if strings.HasPrefix(a, "-") {
			break
		}
		words = append(words, a)
	}
	return strings.Join(words, "-") + ".json"
}

// Dir reads recorded answers from a folder (iksplan import --record
// writes one; so does the round-trip test from the IBM double).
type Dir string

// JSON reads the file FileName(args) names.
func (d Dir) JSON(args ...string) ([]byte, error) {
	p := filepath.Join(string(d), FileName(args))
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, fmt.Errorf("recorded answer of `ibmcloud %s`: %w", strings.Join(args, " "), err)
	}
	return b, nil
}

// Live runs the ibmcloud CLI. Record, when set, is a folder that receives
// every answer under its FileName, so a later --from-dir sees the same.
type Live struct {
	Binary string
	Record string
	// Timeout bounds each call; 0 means two minutes.
	Timeout time.Duration
}

// JSON runs `ibmcloud args...` and returns its standard output.
func (l Live) JSON(args ...string) ([]byte, error) {
	bin := l.Binary
	if bin == "" {
		bin = "ibmcloud"
	}
	t := l.Timeout
	if t == 0 {
		t = 2 * time.Minute
	}
	ctx, cancel := context.WithTimeout(context.Background(), t)
	defer cancel()
	var out, errb bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("ibmcloud %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(errb.String()))
	}
	if l.Record != "" {
		if err := os.WriteFile(filepath.Join(l.Record, FileName(args)), out.Bytes(), 0o600); err != nil {
			return nil, fmt.Errorf("record answer: %w", err)
		}
	}
	return out.Bytes(), nil
}
