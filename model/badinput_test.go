package model_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/iksplan/iksplan/model"
	"github.com/iksplan/iksplan/model/presets"
)

// presetYAML is a real, valid design file to break one line at a time.
func presetYAML(t *testing.T) string {
	t.Helper()
	for _, p := range presets.All() {
		if p.Name == "tokyo-vpc-production" {
			return string(p.Data)
		}
	}
	t.Fatal("preset tokyo-vpc-production is gone")
	return ""
}

// replaceLine swaps the one line that equals old.
func replaceLine(t *testing.T, doc, old, repl string) string {
	t.Helper()
	if strings.Count(doc, "\n"+old+"\n") != 1 {
		t.Fatalf("the preset has no single line %q", old)
	}
	return strings.Replace(doc, "\n"+old+"\n", "\n"+repl+"\n", 1)
}

// schemaProblems loads doc and returns its schema problems, failing when
// the load does not end in a *SchemaError.
func schemaProblems(t *testing.T, doc string) []model.Problem {
	t.Helper()
	_, _, err := model.Load([]byte(doc), "t.yaml")
	var se *model.SchemaError
	if !errors.As(err, &se) {
		t.Fatalf("want a schema error, got %v", err)
	}
	return se.Problems
}

func findProblem(ps []model.Problem, path string) (model.Problem, bool) {
	for _, p := range ps {
		if p.Path == path {
			return p, true
		}
	}
	return model.Problem{}, false
}

func TestF3_NULRefused(t *testing.T) {
	doc := replaceLine(t, presetYAML(t), "  owner: platform-team", `  owner: "platform\0team"`)
	ps := schemaProblems(t, doc)
	p, ok := findProblem(ps, "metadata.owner")
	if !ok || p.Line != 10 || !strings.Contains(p.Message, "NUL") {
		t.Fatalf("want metadata.owner (line 10) refused for its NUL, got %v", ps)
	}
	// A raw NUL byte is not text at all.
	_, _, err := model.Load([]byte(strings.Replace(presetYAML(t), "platform-team", "platform\x00team", 1)), "t.yaml")
	var syn *model.SyntaxError
	if !errors.As(err, &syn) || !strings.Contains(err.Error(), "line 10") {
		t.Fatalf("want a syntax error at line 10 for a NUL byte, got %v", err)
	}
}

func TestF4_SecondDocumentRefused(t *testing.T) {
	base := presetYAML(t)
	lines := strings.Count(base, "\n")
	for name, tail := range map[string]string{
		"garbage":    "---\n: : [ {{ garbage\n",
		"valid":      "---\n" + base,
		"end-marker": "...\n---\nfoo: bar\n",
	} {
		t.Run(name, func(t *testing.T) {
			_, _, err := model.Load([]byte(base+tail), "t.yaml")
			var syn *model.SyntaxError
			if !errors.As(err, &syn) || !strings.Contains(err.Error(), "second") ||
				!strings.Contains(err.Error(), fmt.Sprintf("line %d", lines+1)) {
				t.Fatalf("want the second document refused at line %d, got %v", lines+1, err)
			}
		})
	}
	// A leading --- is the first document's marker, not a second one.
	if _, _, err := model.Load([]byte("---\n"+base), "t.yaml"); err != nil {
		t.Fatalf("a leading --- must load: %v", err)
	}
}

func TestF5_NaNAndInfRefused(t *testing.T) {
	for _, v := range []string{".nan", ".NaN", ".inf", "-.inf", "+.Inf"} {
		t.Run(v, func(t *testing.T) {
			doc := replaceLine(t, presetYAML(t), "    demand: {cpu: 40, memoryGiB: 160}", "    demand: {cpu: "+v+", memoryGiB: 160}")
			p, ok := findProblem(schemaProblems(t, doc), "spec.sizing.demand.cpu")
			if !ok || p.Line == 0 || !strings.Contains(p.Message, "N") && !strings.Contains(p.Message, "infinite") {
				t.Fatalf("want spec.sizing.demand.cpu refused with its line, got %+v", p)
			}
		})
	}
}

func TestF5_NumbersRangeChecked(t *testing.T) {
	cases := []struct{ old, repl, path, want string }{
		{"    demand: {cpu: 40, memoryGiB: 160}", "    demand: {cpu: -1, memoryGiB: 160}", "spec.sizing.demand.cpu", "at least 0"},
		{"    demand: {cpu: 40, memoryGiB: 160}", "    demand: {cpu: 40, memoryGiB: 1e300}", "spec.sizing.demand.memoryGiB", "at most"},
		{"    overheadPercent: 10", "    overheadPercent: 91", "spec.sizing.overheadPercent", "0–90"},
		{"    overheadPercent: 10", "    overheadPercent: -5", "spec.sizing.overheadPercent", "at least 0"},
	}
	for _, c := range cases {
		t.Run(c.path+" "+c.repl, func(t *testing.T) {
			p, ok := findProblem(schemaProblems(t, replaceLine(t, presetYAML(t), c.old, c.repl)), c.path)
			if !ok || p.Line == 0 || !strings.Contains(p.Message, c.want) {
				t.Fatalf("want %s refused (%q) with its line, got %+v", c.path, c.want, p)
			}
		})
	}
	// Huge integers overflow nothing: yaml.v3 refuses what does not fit.
	doc := replaceLine(t, presetYAML(t), "    overheadPercent: 10", "    overheadPercent: 99999999999999999999999")
	if _, ok := findProblem(schemaProblems(t, doc), "spec.sizing.overheadPercent"); !ok {
		t.Fatal("an integer beyond int64 must be refused at its path")
	}
}

// TestF5_EveryNumberDeclaresItsRange walks the design's types: a number
// added without minimum and maximum (or enum) in its jsonschema tag fails
// here, so no number escapes the range check.
func TestF5_EveryNumberDeclaresItsRange(t *testing.T) {
	var walk func(t reflect.Type, path string, seen map[reflect.Type]bool) []string
	walk = func(ty reflect.Type, path string, seen map[reflect.Type]bool) []string {
		for ty.Kind() == reflect.Pointer || ty.Kind() == reflect.Slice || ty.Kind() == reflect.Map {
			ty = ty.Elem()
		}
		if ty.Kind() != reflect.Struct || seen[ty] {
			return nil
		}
		seen[ty] = true
		var bad []string
		for i := 0; i < ty.NumField(); i++ {
			f := ty.Field(i)
			ft := f.Type
			for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
				ft = ft.Elem()
			}
			switch ft.Kind() {
			case reflect.Int, reflect.Int64, reflect.Int32, reflect.Float64, reflect.Float32, reflect.Uint, reflect.Uint32, reflect.Uint64:
				tag := f.Tag.Get("jsonschema")
				if !strings.Contains(tag, "enum=") && !(strings.Contains(tag, "minimum=") && strings.Contains(tag, "maximum=")) {
					bad = append(bad, path+"."+f.Name)
				}
			case reflect.Struct, reflect.Map:
				bad = append(bad, walk(f.Type, path+"."+f.Name, seen)...)
			}
		}
		return bad
	}
	if bad := walk(reflect.TypeOf(model.Design{}), "Design", map[reflect.Type]bool{}); len(bad) > 0 {
		t.Fatalf("numbers without a declared range (add minimum= and maximum= to the jsonschema tag): %v", bad)
	}
}

func TestF7_RepeatedProblemsCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString(presetYAML(t))
	b.WriteString("  namespaces:\n")
	for i := 0; i < 5000; i++ {
		fmt.Fprintf(&b, "    - {name: ns%d, podSecurity: bogus}\n", i)
	}
	// Rename the preset's own namespaces list so the appended one counts.
	doc := strings.Replace(b.String(), "\n  namespaces:\n", "\n  oldNamespaces:\n", 1)
	ps := schemaProblems(t, doc)
	if len(ps) > 3*model.MaxRepeated {
		t.Fatalf("%d problems listed for 5,000 of one kind; want at most %d of a kind", len(ps), model.MaxRepeated)
	}
	var more bool
	for _, p := range ps {
		if strings.Contains(p.Message, "… and 4990 more like this") {
			more = true
		}
	}
	if !more {
		t.Fatalf("want one \"… and 4990 more like this\", got %v", ps)
	}
}

func TestMessages_DuplicateKeyNamesItsPath(t *testing.T) {
	doc := replaceLine(t, presetYAML(t), "  owner: platform-team", "  owner: platform-team\n  owner: other")
	ps := schemaProblems(t, doc)
	if len(ps) != 1 || ps[0].Path != "metadata.owner" || ps[0].Line != 11 || strings.Contains(ps[0].Error(), "(line 11) (line 11)") ||
		!strings.Contains(ps[0].Message, "lines 10 and 11") {
		t.Fatalf("want one problem at metadata.owner (line 11) naming both lines, got %v", ps)
	}
}

func TestMessages_DuplicateTopLevelKeyOnly(t *testing.T) {
	ps := schemaProblems(t, presetYAML(t)+"metadata: {name: again}\n")
	if len(ps) != 1 || ps[0].Path != "metadata" {
		t.Fatalf("want only the duplicate metadata key, got %v", ps)
	}
}

func TestMessages_AliasTypeErrorPointsAtField(t *testing.T) {
	doc := replaceLine(t, presetYAML(t), "  owner: platform-team", "  owner: &o [a, b]")
	doc = replaceLine(t, doc, "  resourceGroup: shop", "  resourceGroup: *o")
	ps := schemaProblems(t, doc)
	if _, ok := findProblem(ps, "metadata.owner"); !ok {
		t.Fatalf("want metadata.owner, got %v", ps)
	}
	p, ok := findProblem(ps, "spec.resourceGroup")
	if !ok || p.Line != 14 || !strings.Contains(p.Message, "expected text, got a list") {
		t.Fatalf("want spec.resourceGroup (line 14): expected text, got a list; got %v", ps)
	}
}

func TestMessages_LongValueCut(t *testing.T) {
	long := strings.Repeat("x", 10240)
	doc := replaceLine(t, presetYAML(t), "  environment: production", "  environment: "+long)
	ps := schemaProblems(t, doc)
	p, ok := findProblem(ps, "spec.environment")
	if !ok || len(p.Message) > 400 || !strings.Contains(p.Message, "10240 characters") {
		t.Fatalf("want a short message naming the length, got %d bytes: %.200s", len(p.Message), p.Message)
	}
	doc = replaceLine(t, presetYAML(t), "    overheadPercent: 10", "    overheadPercent: "+long)
	p, ok = findProblem(schemaProblems(t, doc), "spec.sizing.overheadPercent")
	if !ok || len(p.Message) > 400 {
		t.Fatalf("want a short type error, got %d bytes", len(p.Message))
	}
}

// TestBattery_BinaryValueRefused: the hostile-strings battery found that
// a value that is not UTF-8 (written as !!binary) loaded, validated and
// rendered a manifest YAML refuses.
func TestBattery_BinaryValueRefused(t *testing.T) {
	doc := replaceLine(t, presetYAML(t), "  owner: platform-team", "  owner: !!binary //4=")
	p, ok := findProblem(schemaProblems(t, doc), "metadata.owner")
	if !ok || p.Line != 10 || !strings.Contains(p.Message, "UTF-8") {
		t.Fatalf("want metadata.owner (line 10) refused as not UTF-8, got %+v", p)
	}
}

// TestBattery_DeepNestingRefused: the bomb battery measured 177 MB for
// 10,000 nested flow lists inside yaml.v3; the loader now refuses deep
// nesting before parsing.
func TestBattery_DeepNestingRefused(t *testing.T) {
	for _, doc := range []string{strings.Repeat("[", 10000) + strings.Repeat("]", 10000), strings.Repeat("{a: ", 5000) + "1" + strings.Repeat("}", 5000)} {
		_, _, err := model.Load([]byte(doc), "t.yaml")
		var syn *model.SyntaxError
		if !errors.As(err, &syn) || !strings.Contains(err.Error(), "deep") {
			t.Fatalf("want deep nesting refused, got %v", err)
		}
	}
	// Brackets in quoted text and comments are not nesting.
	doc := replaceLine(t, presetYAML(t), "  owner: platform-team", `  owner: "`+strings.Repeat("[", 100)+`" # `+strings.Repeat("{", 100))
	if _, _, err := model.Load([]byte(doc), "t.yaml"); err != nil {
		t.Fatalf("quoted brackets counted as nesting: %v", err)
	}
}

// TestBattery_LongListRefused: a 100,000-item list took 3.9 s and 151 MB
// through the rules; lists are now capped at load.
func TestBattery_LongListRefused(t *testing.T) {
	doc := replaceLine(t, presetYAML(t), "  zones: [jp-tok-1, jp-tok-2, jp-tok-3]", "  zones: ["+strings.Repeat("jp-tok-1, ", model.MaxListItems)+"jp-tok-1]")
	_, _, err := model.Load([]byte(doc), "t.yaml")
	var syn *model.SyntaxError
	if !errors.As(err, &syn) || !strings.Contains(err.Error(), "line 16") || !strings.Contains(err.Error(), fmt.Sprint(model.MaxListItems+1)) {
		t.Fatalf("want the list at line 16 refused, got %v", err)
	}
}
