// Package labels is the label selector of kubectl's -l flag, from
// k8s.io/apimachinery/pkg/labels: requirements joined by commas, each
// key, !key, key=value, key==value, key!=value, key in (a,b) or
// key notin (a,b). (Why not the library: see internal/kube/resource.)
package labels

import (
	"fmt"
	"slices"
	"strings"
)

// Set is an object's labels.
type Set map[string]string

// Selector matches label sets.
type Selector interface {
	Matches(Set) bool
}

type op int

const (
	exists op = iota
	notExists
	equals
	notEquals
	in
	notIn
)

type requirement struct {
	key    string
	op     op
	values []string
}

type selector []requirement

// Parse reads a selector; the empty one matches everything.
func Parse(s string) (Selector, error) {
	var out selector
	for _, part := range splitTop(s) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		r, err := parseRequirement(part)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// splitTop splits s at the commas outside parentheses.
func splitTop(s string) []string {
	var parts []string
	depth, start := 0, 0
	for i, c := range s {
		switch c {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, s[start:])
}

func parseRequirement(p string) (requirement, error) {
	if k, ok := strings.CutPrefix(p, "!"); ok {
		return requirement{key: strings.TrimSpace(k), op: notExists}, validKey(strings.TrimSpace(k))
	}
	for _, o := range []struct {
		sep string
		op  op
	}{{"!=", notEquals}, {"==", equals}, {"=", equals}} {
		if k, v, ok := strings.Cut(p, o.sep); ok {
			k = strings.TrimSpace(k)
			return requirement{key: k, op: o.op, values: []string{strings.TrimSpace(v)}}, validKey(k)
		}
	}
	fields := strings.Fields(p)
	if len(fields) == 1 {
		return requirement{key: fields[0], op: exists}, validKey(fields[0])
	}
	if len(fields) >= 2 && (fields[1] == "in" || fields[1] == "notin") {
		rest := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(p[len(fields[0]):]), fields[1]))
		if !strings.HasPrefix(rest, "(") || !strings.HasSuffix(rest, ")") {
			return requirement{}, fmt.Errorf("unable to parse requirement: %q: values must be in parentheses", p)
		}
		var vals []string
		for _, v := range strings.Split(rest[1:len(rest)-1], ",") {
			vals = append(vals, strings.TrimSpace(v))
		}
		o := in
		if fields[1] == "notin" {
			o = notIn
		}
		return requirement{key: fields[0], op: o, values: vals}, validKey(fields[0])
	}
	return requirement{}, fmt.Errorf("unable to parse requirement: %q", p)
}

func validKey(k string) error {
	if k == "" || strings.ContainsAny(k, " ()!=,") {
		return fmt.Errorf("unable to parse requirement: invalid label key %q", k)
	}
	return nil
}

// Matches is whether every requirement holds for ls.
func (s selector) Matches(ls Set) bool {
	for _, r := range s {
		v, has := ls[r.key]
		switch r.op {
		case exists:
			if !has {
				return false
			}
		case notExists:
			if has {
				return false
			}
		case equals, in:
			if !has || !slices.Contains(r.values, v) {
				return false
			}
		case notEquals, notIn:
			if has && slices.Contains(r.values, v) {
				return false
			}
		}
	}
	return true
}
