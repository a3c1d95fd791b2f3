package model

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Problem is one thing wrong with a design file, addressed by its YAML path
// (spec.workerPools[0].flavor) and, when known, its line.
type Problem struct {
	Path    string
	Line    int
	Message string
}

func (p Problem) Error() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s (line %d): %s", p.Path, p.Line, p.Message)
	}
	return fmt.Sprintf("%s: %s", p.Path, p.Message)
}

// SchemaError is a design file that parses as YAML but does not fit the
// design's shape: unknown keys, wrong types, unknown enum values or a wrong
// apiVersion.
type SchemaError struct {
	File     string
	Problems []Problem
}

func (e *SchemaError) Error() string {
	msgs := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		msgs[i] = p.Error()
	}
	return fmt.Sprintf("%s: %s", e.File, strings.Join(msgs, "; "))
}

// SyntaxError is a file that is not YAML at all.
type SyntaxError struct {
	File string
	Err  error
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("%s: not valid YAML: %v", e.File, e.Err) }
func (e *SyntaxError) Unwrap() error { return e.Err }

// Source maps YAML paths of a loaded file to their lines, so findings can
// point a person at the exact line.
type Source struct {
	File  string
	lines map[string]int
	// values holds the scalar text at each path, to tell apart several
	// paths on one line (a flow mapping such as {cpu: 40, memoryGiB: 160}).
	values map[string]string
	// byLine lists the paths written on each line, so finding the path of
	// an error's line does not scan the whole file.
	byLine map[int][]string
}

// Line returns the line of path, or of its nearest parent that has one, or
// 0 when the path is not in the file (a default or a missing field).
func (s *Source) Line(path string) int {
	if s == nil {
		return 0
	}
	for p := path; p != ""; p = parentPath(p) {
		if l, ok := s.lines[p]; ok {
			return l
		}
	}
	return 0
}

// Has reports whether path itself was written in the file.
func (s *Source) Has(path string) bool {
	if s == nil {
		return false
	}
	_, ok := s.lines[path]
	return ok
}

func parentPath(p string) string {
	if strings.HasSuffix(p, "]") {
		if i := strings.LastIndexByte(p, '['); i >= 0 {
			return p[:i]
		}
	}
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[:i]
	}
	return ""
}

// MaxFileSize bounds what Load reads: a design is a few kilobytes, and the
// bound keeps a mistaken argument (a log file, a binary) from taking time.
const MaxFileSize = 1 << 20

// Load reads a design file strictly: an unknown key, a wrong type, an enum
// value outside its set or a wrong apiVersion/kind is a *SchemaError naming
// each path and line; text that is not YAML is a *SyntaxError. Defaults are
// not applied: call ApplyDefaults on the result.
func Load(data []byte, file string) (*Design, *Source, error) {
	if len(data) > MaxFileSize {
		return nil, nil, &SyntaxError{File: file, Err: fmt.Errorf("the file is %d bytes; a design file is at most %d", len(data), MaxFileSize)}
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, nil, &SyntaxError{File: file, Err: err}
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return nil, nil, &SyntaxError{File: file, Err: errors.New("the file is empty")}
	}
	src := &Source{File: file, lines: map[string]int{}, values: map[string]string{}, byLine: map[int][]string{}}
	src.index(root.Content[0], "")

	var d Design
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var problems []Problem
	if err := dec.Decode(&d); err != nil && !errors.Is(err, io.EOF) {
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			return nil, nil, &SyntaxError{File: file, Err: err}
		}
		for _, msg := range te.Errors {
			problems = append(problems, problemFromYAML(msg, src))
		}
	}
	if root.Content[0].Kind != yaml.MappingNode {
		return nil, nil, &SyntaxError{File: file, Err: errors.New("a design file is a YAML mapping that starts with apiVersion")}
	}
	if d.APIVersion != APIVersion {
		problems = append(problems, Problem{"apiVersion", src.Line("apiVersion"),
			fmt.Sprintf("is %q; iksplan reads %q", d.APIVersion, APIVersion)})
	}
	if d.Kind != Kind {
		problems = append(problems, Problem{"kind", src.Line("kind"), fmt.Sprintf("is %q; expected %q", d.Kind, Kind)})
	}
	for _, p := range CheckEnums(&d) {
		p.Line = src.Line(p.Path)
		problems = append(problems, p)
	}
	if len(problems) > 0 {
		sortProblems(problems)
		return &d, src, &SchemaError{File: file, Problems: problems}
	}
	return &d, src, nil
}

func sortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Line != ps[j].Line {
			return ps[i].Line < ps[j].Line
		}
		return ps[i].Path < ps[j].Path
	})
}

// index records the line of every key and sequence item under path, and
// the text of scalar values. Aliases are not followed: an alias can point at
// its own ancestor, and the paths inside it are written elsewhere anyway.
func (s *Source) index(n *yaml.Node, path string) {
	switch n.Kind {
	case yaml.ScalarNode:
		s.values[path] = n.Value
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			p := k.Value
			if path != "" {
				p = path + "." + k.Value
			}
			if _, dup := s.lines[p]; !dup {
				s.lines[p] = k.Line
				s.byLine[k.Line] = append(s.byLine[k.Line], p)
			}
			s.index(v, p)
		}
	case yaml.SequenceNode:
		for i, item := range n.Content {
			p := fmt.Sprintf("%s[%d]", path, i)
			s.lines[p] = item.Line
			s.byLine[item.Line] = append(s.byLine[item.Line], p)
			s.index(item, p)
		}
	}
}

var (
	yamlLineRE    = regexp.MustCompile(`^line (\d+): (.*)$`)
	yamlUnknownRE = regexp.MustCompile(`^field (\S+) not found in type \S+$`)
	yamlTypeRE    = regexp.MustCompile("^cannot unmarshal !!(\\w+) `(.*)` into (\\S+)$")
)

// problemFromYAML turns one of yaml.v3's messages ("line 7: field foo not
// found in type model.Spec") into a Problem with the YAML path of that line
// and wording a person understands.
func problemFromYAML(msg string, src *Source) Problem {
	m := yamlLineRE.FindStringSubmatch(msg)
	if m == nil {
		return Problem{Path: "(file)", Message: msg}
	}
	line, _ := strconv.Atoi(m[1])
	text := m[2]
	p := Problem{Line: line, Path: src.pathAt(line, "")}
	if u := yamlUnknownRE.FindStringSubmatch(text); u != nil {
		p.Path = src.pathAt(line, u[1])
		p.Message = fmt.Sprintf("unknown field %q (check the spelling; `iksplan schema` lists every field)", u[1])
		return p
	}
	if t := yamlTypeRE.FindStringSubmatch(text); t != nil {
		p.Path = src.pathWithValue(line, t[2], p.Path)
		p.Message = fmt.Sprintf("expected %s, got %s %q", describeGoType(t[3]), yamlTagName(t[1]), t[2])
		return p
	}
	p.Message = text
	return p
}

// pathAt returns the deepest path written on line; with key set, the path
// that ends in that key.
func (s *Source) pathAt(line int, key string) string {
	best := ""
	for _, p := range s.byLine[line] {
		if key != "" && !strings.HasSuffix(p, "."+key) && p != key {
			continue
		}
		if len(p) > len(best) || len(p) == len(best) && p < best {
			best = p
		}
	}
	if best == "" {
		return fmt.Sprintf("(line %d)", line)
	}
	return best
}

// pathWithValue picks, among the paths on line, the one whose scalar text is
// value; fallback when none or several match.
func (s *Source) pathWithValue(line int, value, fallback string) string {
	found := ""
	for _, p := range s.byLine[line] {
		if s.values[p] != value {
			continue
		}
		if found != "" {
			return fallback
		}
		found = p
	}
	if found == "" {
		return fallback
	}
	return found
}

func yamlTagName(tag string) string {
	switch tag {
	case "str":
		return "text"
	case "int", "float":
		return "number"
	case "bool":
		return "true/false"
	case "seq":
		return "a list"
	case "map":
		return "a mapping"
	}
	return tag
}

func describeGoType(t string) string {
	switch {
	case strings.HasPrefix(t, "[]"):
		return "a list"
	case strings.HasPrefix(t, "map["):
		return "a mapping"
	case t == "int" || strings.HasPrefix(t, "int") || strings.HasPrefix(t, "uint"):
		return "a whole number"
	case strings.HasPrefix(t, "float"):
		return "a number"
	case t == "bool" || t == "*bool":
		return "true or false"
	case t == "string":
		return "text"
	case strings.HasPrefix(t, "model."):
		return "a mapping"
	}
	return t
}

// Marshal writes a design as YAML with two-space indentation, the form
// iksplan writes everywhere.
func Marshal(d *Design) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(d); err != nil {
		return nil, fmt.Errorf("encode design: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("encode design: %w", err)
	}
	return buf.Bytes(), nil
}
