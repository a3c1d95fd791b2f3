package model

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/iksplan/iksplan/internal/lazyre"
)

// Problem is one thing wrong with a design file, addressed by its YAML path
// (spec.workerPools[0].flavor) and, when known, its line.
type Problem struct {
	Path    string
	Line    int
	Message string
	// Format and Args made Message (fmt.Sprintf): Format is an English
	// message of the catalogue (locales/*/model.yaml), so a screen in
	// another language translates the problem by Format and fills it with
	// Args (rules.Finding.In). Empty when Message is a fixed phrase of the
	// terms catalogue (CheckText's) or yaml.v3's own words.
	Format string
	Args   []any
}

// problemf returns the problem at path whose message is format filled with
// args (a format of locales/en/model.yaml).
func problemf(path string, line int, format string, args ...any) Problem {
	return Problem{Path: path, Line: line, Message: fmt.Sprintf(format, args...), Format: format, Args: args}
}

// Text is the problem's message as an argument of another message: an
// *InputError (prints as Message; translated by its Format) when the
// problem has a format, else Message itself.
func (p Problem) Text() any {
	if p.Format == "" {
		return p.Message
	}
	return &InputError{Format: p.Format, Args: p.Args}
}

func (p Problem) Error() string {
	if p.Path == "(file)" && p.Line > 0 {
		return fmt.Sprintf("line %d: %s", p.Line, p.Message)
	}
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
	// aliasUses lists, by the line of an anchored node, the paths where an
	// alias repeats it: yaml.v3 reports a type error inside an alias at the
	// anchor's line, and the person needs the path that used the alias.
	aliasUses map[int][]string
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

// MaxNesting bounds how deep flow lists and mappings ([[[…]]], {a: {a:
// …}}) nest: a design nests a few levels, and yaml.v3 spends about 15 KB
// per level of a deep flow nest (10,000 levels took 177 MB).
const MaxNesting = 64

// MaxListItems bounds each list: the largest real designs (thousands of
// namespaces) stay far below, and a 100,000-item list of mistakes is
// refused at once instead of being judged item by item.
const MaxListItems = 10000

// flowDepth returns the deepest nesting of flow brackets in data and the
// line where it is reached, skipping quoted text and comments. It runs
// before the YAML parser, in one pass.
func flowDepth(data []byte) (max, maxLine int) {
	depth, line := 0, 1
	var quote byte
	for i := 0; i < len(data); i++ {
		c := data[i]
		if c == '\n' {
			line++
			if quote == '\'' {
				continue
			}
		}
		switch {
		case quote == '"':
			if c == '\\' {
				i++
			} else if c == '"' {
				quote = 0
			}
		case quote == '\'':
			if c == '\'' {
				quote = 0
			}
		case c == '"' || c == '\'':
			if i == 0 || strings.IndexByte(" \t\n[{,:", data[i-1]) >= 0 {
				quote = c
			}
		case c == '#' && (i == 0 || data[i-1] == ' ' || data[i-1] == '\t' || data[i-1] == '\n'):
			for i < len(data) && data[i] != '\n' {
				i++
			}
			i--
		case c == '[' || c == '{':
			depth++
			if depth > max {
				max, maxLine = depth, line
			}
		case c == ']' || c == '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return max, maxLine
}

// longestList returns the length and line of the longest sequence under n,
// not following aliases.
func longestList(n *yaml.Node, depth int) (int, int) {
	best, line := 0, 0
	if n.Kind == yaml.SequenceNode {
		best, line = len(n.Content), n.Line
	}
	if depth > MaxNesting {
		return best, line
	}
	for _, c := range n.Content {
		if l, ln := longestList(c, depth+1); l > best {
			best, line = l, ln
		}
	}
	return best, line
}

// MaxRepeated is how many problems of one kind (the same message at the
// same path with its indexes ignored) are listed; the rest are counted in
// one "… and N more like this" line, so a 100,000-item list of mistakes
// reads as a short report.
const MaxRepeated = 10

// Load reads a design file strictly: an unknown key, a wrong type, an enum
// value outside its set, a number outside its range, a NUL character or a
// wrong apiVersion/kind is a *SchemaError naming each path and line; text
// that is not YAML, or holds more than one YAML document, is a
// *SyntaxError. Defaults are not applied: call ApplyDefaults on the result.
func Load(data []byte, file string) (*Design, *Source, error) {
	if len(data) > MaxFileSize {
		return nil, nil, &SyntaxError{File: file, Err: fmt.Errorf("the file is %d bytes; a design file is at most %d", len(data), MaxFileSize)}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, nil, &SyntaxError{File: file, Err: fmt.Errorf("line %d holds a NUL byte; a design file is text", 1+bytes.Count(data[:i], []byte("\n")))}
	}
	if depth, line := flowDepth(data); depth > MaxNesting {
		return nil, nil, &SyntaxError{File: file, Err: fmt.Errorf("line %d nests lists or mappings more than %d deep; a design nests at most a few", line, MaxNesting)}
	}
	var d Design
	var content *yaml.Node
	var te *yaml.TypeError
	ok := false
	if !alwaysTwice {
		content, te, ok = decodeOnce(data, &d)
	}
	if !ok {
		d = Design{}
		var err error
		if content, te, err = decodeTwice(data, file, &d); err != nil {
			return nil, nil, err
		}
	}
	// A design writes about one path per line.
	src := newSource(file, bytes.Count(data, []byte("\n"))+1)
	src.index(content, "", false)
	var problems []Problem
	if te != nil {
		src.detail(content)
		seen := map[int]int{}
		for _, msg := range te.Errors {
			problems = append(problems, problemFromYAML(msg, src, seen))
		}
	}
	// Judge apiVersion and kind by the text written, not the decoded
	// value: a duplicate top-level key stops yaml.v3 from decoding the
	// mapping, and "apiVersion is \"\"" would then mislead.
	if v := src.values["apiVersion"]; v != APIVersion {
		problems = append(problems, problemf("apiVersion", src.Line("apiVersion"), "is %s; iksplan reads %s", QuoteValue(v), strconv.Quote(APIVersion)))
	}
	if v := src.values["kind"]; v != Kind {
		problems = append(problems, problemf("kind", src.Line("kind"), "is %s; expected %s", QuoteValue(v), strconv.Quote(Kind)))
	}
	// A duplicate key stops yaml.v3 from decoding the mapping that holds
	// it: its fields read as zero, and judging those would mislead.
	if !slices.ContainsFunc(problems, func(p Problem) bool { return p.Format == msgWrittenTwice }) {
		for _, p := range CheckEnums(&d) {
			p.Line = src.Line(p.Path)
			problems = append(problems, p)
		}
		for _, p := range CheckRanges(&d, src.Has) {
			p.Line = src.Line(p.Path)
			problems = append(problems, p)
		}
		for _, p := range CheckText(&d) {
			p.Line = src.Line(p.Path)
			problems = append(problems, p)
		}
	}
	if len(problems) > 0 {
		sortProblems(problems)
		return &d, src, &SchemaError{File: file, Problems: CapRepeated(problems)}
	}
	return &d, src, nil
}

// alwaysTwice makes Load skip decodeOnce, for the test that the two ways
// read every file alike.
var alwaysTwice bool

// decodeOnce parses data once for both the node tree (the lines of
// Source) and the strict decode into d, where decodeTwice parses it twice:
// the second parse was a third of Load (issue 15). ok is false, and
// nothing is decided, unless the file is one document whose root is a
// mapping with no list longer than MaxListItems and the decode gave no
// error but a *yaml.TypeError: every other file takes decodeTwice, which
// words its refusal.
func decodeOnce(data []byte, d *Design) (content *yaml.Node, te *yaml.TypeError, ok bool) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	doc := onePass{design: d}
	err := dec.Decode(&doc)
	if err != nil && !errors.As(err, &te) || !doc.decoded {
		return nil, nil, false
	}
	var second yaml.Node
	if err := dec.Decode(&second); !errors.Is(err, io.EOF) {
		return nil, nil, false
	}
	return doc.root, te, true
}

// onePass is the target of decodeOnce: yaml.v3 hands an old-style
// unmarshaler (UnmarshalYAML(func(any) error)) a decode function of the
// same decoder, KnownFields included, which (*yaml.Node).Decode is not. It
// keeps the root node by a nodeCatcher, then decodes the design from it.
type onePass struct {
	design *Design
	root   *yaml.Node
	// decoded is set when the root was a mapping with no over-long list
	// and the design was decoded from it.
	decoded bool
}

func (o *onePass) UnmarshalYAML(unmarshal func(any) error) error {
	var c nodeCatcher
	if err := unmarshal(&c); err != nil || c.node == nil {
		return err
	}
	if c.node.Kind != yaml.MappingNode {
		return nil
	}
	if n, _ := longestList(c.node, 0); n > MaxListItems {
		return nil // refused before the items are judged
	}
	o.root, o.decoded = c.node, true
	return unmarshal(o.design)
}

// nodeCatcher keeps the node it is decoded from.
type nodeCatcher struct{ node *yaml.Node }

func (c *nodeCatcher) UnmarshalYAML(n *yaml.Node) error {
	c.node = n
	return nil
}

// decodeTwice parses data into a node tree, refuses what is not one YAML
// document of a mapping with lists of at most MaxListItems (a
// *SyntaxError), then decodes d strictly from a second parse. It returns
// the root mapping and yaml.v3's type errors.
func decodeTwice(data []byte, file string, d *Design) (*yaml.Node, *yaml.TypeError, error) {
	var root yaml.Node
	docs := yaml.NewDecoder(bytes.NewReader(data))
	if err := docs.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil, &SyntaxError{File: file, Err: errors.New("the file is empty")}
		}
		return nil, nil, &SyntaxError{File: file, Err: err}
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return nil, nil, &SyntaxError{File: file, Err: errors.New("the file is empty")}
	}
	var second yaml.Node
	if err := docs.Decode(&second); !errors.Is(err, io.EOF) {
		return nil, nil, &SyntaxError{File: file, Err: fmt.Errorf("a design file holds one YAML document, but a second one starts at line %d; "+
			"remove the --- line and what follows, or split the file", secondDocumentLine(data, root.Content[0].Line))}
	}
	if n, line := longestList(root.Content[0], 0); n > MaxListItems {
		return nil, nil, &SyntaxError{File: file, Err: fmt.Errorf("the list at line %d holds %d items; a design's lists hold at most %d", line, n, MaxListItems)}
	}
	if root.Content[0].Kind != yaml.MappingNode {
		return nil, nil, &SyntaxError{File: file, Err: errors.New("a design file is a YAML mapping that starts with apiVersion")}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(d); err != nil && !errors.Is(err, io.EOF) {
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			return nil, nil, &SyntaxError{File: file, Err: err}
		}
		return root.Content[0], te, nil
	}
	return root.Content[0], nil, nil
}

// secondDocumentLine finds the "---" line that starts the second document:
// the first one after the line where the first document's content starts.
func secondDocumentLine(data []byte, firstContent int) int {
	for i, l := range strings.Split(string(data), "\n") {
		l = strings.TrimRight(l, "\r")
		if i+1 > firstContent && (l == "---" || strings.HasPrefix(l, "--- ") || l == "...") {
			return i + 1
		}
	}
	return firstContent
}

var quotedRE = lazyre.New(`"(?:[^"\\]|\\.)*"|\d+`)

// RepeatKey is what makes two problems "of one kind": the path with its
// list indexes dropped and the message with its quoted values and numbers
// dropped.
func RepeatKey(path, message string) string {
	return quotedRE.ReplaceAllString(path, "") + "\x00" + quotedRE.ReplaceAllString(message, "")
}

// CapRepeated keeps the first MaxRepeated problems of each kind and
// replaces the rest by one problem saying how many more there are.
func CapRepeated(ps []Problem) []Problem {
	count := map[string]int{}
	for _, p := range ps {
		count[RepeatKey(p.Path, p.Message)]++
	}
	out := make([]Problem, 0, min(len(ps), 4*MaxRepeated))
	shown := map[string]int{}
	for _, p := range ps {
		k := RepeatKey(p.Path, p.Message)
		shown[k]++
		switch {
		case shown[k] <= MaxRepeated:
			out = append(out, p)
		case shown[k] == MaxRepeated+1:
			out = append(out, problemf(p.Path, p.Line, "… and %d more like this", count[k]-MaxRepeated))
		}
	}
	return out
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
//
// Without full, index records only what a file without problems needs (the
// lines, the aliases, the text of apiVersion and kind): the text of every
// value and the paths of every line serve only to place yaml.v3's errors,
// and were a fifth of Load's allocations (issue 15). detail records them
// when there are errors to place.
func (s *Source) index(n *yaml.Node, path string, full bool) {
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias != nil {
			s.aliasUses[n.Alias.Line] = append(s.aliasUses[n.Alias.Line], path)
		}
	case yaml.ScalarNode:
		if full || path == "apiVersion" || path == "kind" {
			s.values[path] = n.Value
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			p := k.Value
			if path != "" {
				p = path + "." + k.Value
			}
			if _, dup := s.lines[p]; !dup {
				s.lines[p] = k.Line
				if full {
					s.byLine[k.Line] = append(s.byLine[k.Line], p)
				}
			}
			s.index(v, p, full)
		}
	case yaml.SequenceNode:
		for i, item := range n.Content {
			p := path + "[" + strconv.Itoa(i) + "]"
			s.lines[p] = item.Line
			if full {
				s.byLine[item.Line] = append(s.byLine[item.Line], p)
			}
			s.index(item, p, full)
		}
	}
}

// detail records, by a full index of the file's root node, the text of
// every scalar and the paths written on each line, which placing yaml.v3's
// errors needs.
func (s *Source) detail(root *yaml.Node) {
	full := newSource(s.File, 0)
	full.index(root, "", true)
	s.values, s.byLine = full.values, full.byLine
}

// newSource returns an empty Source for file; lines is the expected count
// of paths, so the map is made at its size once.
func newSource(file string, lines int) *Source {
	return &Source{File: file, lines: make(map[string]int, lines), values: map[string]string{}, byLine: map[int][]string{}, aliasUses: map[int][]string{}}
}

var (
	yamlLineRE      = lazyre.New(`^line (\d+): (.*)$`)
	yamlUnknownRE   = lazyre.New(`^field (\S+) not found in type \S+$`)
	yamlTypeRE      = lazyre.New("^cannot unmarshal !!(\\w+) `(.*)` into (\\S+)$")
	yamlTypeNoValRE = lazyre.New(`^cannot unmarshal !!(\w+) into (\S+)$`)
	yamlDupRE       = lazyre.New(`^mapping key "(.*)" already defined at line (\d+)$`)
)

// problemFromYAML turns one of yaml.v3's messages ("line 7: field foo not
// found in type model.Spec") into a Problem with the YAML path of that line
// and wording a person understands. seen counts the type errors already
// reported per line, to tell an anchor's own error from those of the
// aliases that repeat it.
func problemFromYAML(msg string, src *Source, seen map[int]int) Problem {
	m := yamlLineRE.FindStringSubmatch(msg)
	if m == nil {
		return Problem{Path: "(file)", Message: msg}
	}
	line, _ := strconv.Atoi(m[1])
	text := m[2]
	p := Problem{Line: line, Path: src.pathAt(line, "")}
	if u := yamlUnknownRE.FindStringSubmatch(text); u != nil {
		return problemf(src.pathAt(line, u[1]), line, "unknown field %s (check the spelling; `iksplan schema` lists every field)", QuoteValue(u[1]))
	}
	if u := yamlDupRE.FindStringSubmatch(text); u != nil {
		first, _ := strconv.Atoi(u[2])
		return problemf(src.pathAt(first, u[1]), line, msgWrittenTwice, QuoteValue(u[1]), first, line)
	}
	if t := yamlTypeRE.FindStringSubmatch(text); t != nil {
		path := src.typeErrorPath(line, t[2], t[3], p.Path, seen)
		return problemf(path, src.Line(path), "expected %s, got %s %s", describeGoType(t[3]), yamlTagName(t[1]), QuoteValue(t[2]))
	}
	if t := yamlTypeNoValRE.FindStringSubmatch(text); t != nil {
		// A list or mapping where a scalar belongs: the key written on the
		// line, not the first item after it.
		path := src.typeErrorPath(line, "", t[2], src.shallowestAt(line, p.Path), seen)
		return problemf(path, src.Line(path), "expected %s, got %s", describeGoType(t[2]), yamlTagName(t[1]))
	}
	p.Message = text
	return p
}

// typeErrorPath picks the path of a type error yaml.v3 reports at line:
// the field written on that line, or, when the node there is an anchor the
// file repeats with aliases, the field that used the alias. The n-th error
// at a line goes to the n-th candidate whose Go type is goType.
func (s *Source) typeErrorPath(line int, value, goType, fallback string, seen map[int]int) string {
	direct := s.pathWithValue(line, value, fallback)
	if value == "" {
		direct = fallback
	}
	uses := s.aliasUses[line]
	if len(uses) == 0 {
		return direct
	}
	var cands []string
	for _, c := range append([]string{direct}, uses...) {
		if t, ok := designTypeAt(c); !ok || t.String() == goType || strings.TrimPrefix(t.String(), "model.") == strings.TrimPrefix(goType, "model.") {
			cands = append(cands, c)
		}
	}
	if len(cands) == 0 {
		cands = append([]string{direct}, uses...)
	}
	n := seen[line]
	seen[line]++
	return cands[min(n, len(cands)-1)]
}

// designTypeAt returns the Go type of the design field at a YAML path such
// as spec.workerPools[0].name.
func designTypeAt(path string) (reflect.Type, bool) {
	t := reflect.TypeOf(Design{})
	for _, seg := range strings.Split(path, ".") {
		name, rest, indexed := strings.Cut(seg, "[")
		if t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		switch t.Kind() {
		case reflect.Struct:
			f, ok := fieldByYAMLName(t, name)
			if !ok {
				return nil, false
			}
			t = f.Type
		case reflect.Map:
			t = t.Elem()
		default:
			return nil, false
		}
		if !indexed {
			continue
		}
		for range strings.Count(rest, "[") + 1 {
			for t.Kind() == reflect.Pointer {
				t = t.Elem()
			}
			if t.Kind() != reflect.Slice && t.Kind() != reflect.Array {
				return nil, false
			}
			t = t.Elem()
		}
	}
	return t, true
}

func fieldByYAMLName(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		n := strings.Split(f.Tag.Get("yaml"), ",")[0]
		if n == "" {
			n = strings.ToLower(f.Name)
		}
		if n == name && f.IsExported() {
			return f, true
		}
	}
	return reflect.StructField{}, false
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
		return "(file)"
	}
	return best
}

// shallowestAt returns the shortest path written on line, or fallback.
func (s *Source) shallowestAt(line int, fallback string) string {
	best := ""
	for _, p := range s.byLine[line] {
		if best == "" || len(p) < len(best) || len(p) == len(best) && p < best {
			best = p
		}
	}
	if best == "" {
		return fallback
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

// msgWrittenTwice is the problem of a duplicate key, which stops the
// checks of decoded values.
const msgWrittenTwice = "key %s is written twice, at lines %d and %d; keep one"

// yamlTagName names a YAML tag for a person (a Phrase of terms.yaml, so
// the message reads whole in every language); an unknown tag stays as
// yaml.v3 writes it.
func yamlTagName(tag string) any {
	switch tag {
	case "str":
		return Phrase("text")
	case "int", "float":
		return Phrase("number")
	case "bool":
		return Phrase("true/false")
	case "seq":
		return Phrase("a list")
	case "map":
		return Phrase("a mapping")
	}
	return tag
}

// describeGoType names what a Go type holds for a person (a Phrase, as
// yamlTagName); an unknown type stays as Go names it.
func describeGoType(t string) any {
	switch {
	case strings.HasPrefix(t, "[]"):
		return Phrase("a list")
	case strings.HasPrefix(t, "map["):
		return Phrase("a mapping")
	case t == "int" || strings.HasPrefix(t, "int") || strings.HasPrefix(t, "uint"):
		return Phrase("a whole number")
	case strings.HasPrefix(t, "float"):
		return Phrase("a number")
	case t == "bool" || t == "*bool":
		return Phrase("true or false")
	case t == "string":
		return Phrase("text")
	case strings.HasPrefix(t, "model."):
		return Phrase("a mapping")
	}
	return t
}
