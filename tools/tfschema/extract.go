package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// modulePath is the provider's Go module; imports under it map to
// directories of the source tree.
const modulePath = "github.com/IBM-Cloud/terraform-provider-ibm"

// providerFile registers every type in DataSourcesMap and ResourcesMap.
const providerFile = "ibm/provider/provider.go"

// pkg is one parsed Go package of the source tree.
type pkg struct {
	dir    string
	files  []*ast.File
	funcs  map[string]funcRef
	values map[string]valueRef // package-level consts and vars
}

type funcRef struct {
	decl *ast.FuncDecl
	file *ast.File
}

type valueRef struct {
	expr ast.Expr
	file *ast.File
}

// scope is where an expression was written: imports are per file.
type scope struct {
	p    *pkg
	file *ast.File
}

type extractor struct {
	validators map[string]ctorRef
	root       string
	fset       *token.FileSet
	pkgs       map[string]*pkg
	unresolved []string
}

// Extract reads the provider source under root and returns the snapshot
// of the named types.
func Extract(root, commit string, resources, dataSources []string) (*Snapshot, error) {
	version, err := readVersion(root)
	if err != nil {
		return nil, err
	}
	x := &extractor{root: root, fset: token.NewFileSet(), pkgs: map[string]*pkg{}}
	prov, err := x.load(filepath.Dir(providerFile))
	if err != nil {
		return nil, err
	}
	regs, err := x.registrations(prov)
	if err != nil {
		return nil, err
	}
	x.validators = regs["validators"]
	snap := &Snapshot{
		Provider:    "IBM-Cloud/ibm",
		Source:      modulePath,
		Version:     version,
		Commit:      commit,
		Resources:   map[string]*Block{},
		DataSources: map[string]*Block{},
	}
	for _, kind := range []struct {
		field string
		names []string
		into  map[string]*Block
	}{{"ResourcesMap", resources, snap.Resources}, {"DataSourcesMap", dataSources, snap.DataSources}} {
		for _, name := range kind.names {
			ctor, ok := regs[kind.field][name]
			if !ok {
				return nil, fmt.Errorf("%s: %s is not registered in %s", name, kind.field, providerFile)
			}
			b, err := x.resourceFromCall(name, ctor.expr, ctor.sc)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			kind.into[name] = b
		}
	}
	sort.Strings(x.unresolved)
	snap.Unresolved = x.unresolved
	return snap, nil
}

var versionRE = regexp.MustCompile(`const Version = "([^"]+)"`)

func readVersion(root string) (string, error) {
	b, err := os.ReadFile(filepath.Join(root, "version", "version.go"))
	if err != nil {
		return "", fmt.Errorf("read provider version: %w", err)
	}
	m := versionRE.FindSubmatch(b)
	if m == nil {
		return "", fmt.Errorf("version/version.go: no `const Version = \"...\"`")
	}
	return string(m[1]), nil
}

// load parses the non-test Go files of a directory of the tree once.
func (x *extractor) load(dir string) (*pkg, error) {
	if p, ok := x.pkgs[dir]; ok {
		return p, nil
	}
	ents, err := os.ReadDir(filepath.Join(x.root, dir))
	if err != nil {
		return nil, fmt.Errorf("read package %s: %w", dir, err)
	}
	p := &pkg{dir: dir, funcs: map[string]funcRef{}, values: map[string]valueRef{}}
	for _, e := range ents {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(x.fset, filepath.Join(x.root, dir, n), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", filepath.Join(dir, n), err)
		}
		p.files = append(p.files, f)
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					p.funcs[d.Name.Name] = funcRef{d, f}
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					vs, ok := s.(*ast.ValueSpec)
					if !ok {
						continue
					}
					for i, n := range vs.Names {
						if i < len(vs.Values) {
							p.values[n.Name] = valueRef{vs.Values[i], f}
						}
					}
				}
			}
		}
	}
	x.pkgs[dir] = p
	return p, nil
}

// importDir maps a package qualifier used in file f to a directory of the
// tree, or "" when it is outside the provider module.
func importDir(f *ast.File, qualifier string) string {
	for _, im := range f.Imports {
		path, _ := strconv.Unquote(im.Path.Value)
		name := path[strings.LastIndex(path, "/")+1:]
		if im.Name != nil {
			name = im.Name.Name
		}
		if name != qualifier {
			continue
		}
		if rest, ok := strings.CutPrefix(path, modulePath+"/"); ok {
			return rest
		}
		return ""
	}
	return ""
}

type ctorRef struct {
	expr ast.Expr
	sc   scope
}

// registrations reads the type-name → constructor entries of the
// provider's DataSourcesMap and ResourcesMap literals.
func (x *extractor) registrations(prov *pkg) (map[string]map[string]ctorRef, error) {
	out := map[string]map[string]ctorRef{"ResourcesMap": {}, "DataSourcesMap": {}, "validators": {}}
	for _, f := range prov.files {
		ast.Inspect(f, func(n ast.Node) bool {
			kv, ok := n.(*ast.KeyValueExpr)
			if !ok {
				return true
			}
			// "ibm_x": pkg.ResourceIBMXValidator(): the resource's
			// validate.ResourceValidator, which InvokeValidator consults.
			if call, ok := kv.Value.(*ast.CallExpr); ok {
				fn := exprText(call.Fun)
				fn = fn[strings.LastIndex(fn, ".")+1:]
				if strings.HasSuffix(fn, "Validator") && !strings.HasPrefix(fn, "DataSource") {
					if name, ok := x.stringValue(kv.Key, scope{prov, f}); ok {
						out["validators"][name] = ctorRef{kv.Value, scope{prov, f}}
					}
				}
			}
			key, ok := kv.Key.(*ast.Ident)
			if !ok || out[key.Name] == nil {
				return true
			}
			lit, ok := kv.Value.(*ast.CompositeLit)
			if !ok {
				return true
			}
			for _, e := range lit.Elts {
				ent, ok := e.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				name, ok := x.stringValue(ent.Key, scope{prov, f})
				if ok {
					out[key.Name][name] = ctorRef{ent.Value, scope{prov, f}}
				}
			}
			return true
		})
	}
	if len(out["ResourcesMap"]) == 0 {
		return nil, fmt.Errorf("%s: no ResourcesMap entries found", providerFile)
	}
	return out, nil
}

func (x *extractor) note(format string, args ...any) {
	x.unresolved = append(x.unresolved, fmt.Sprintf(format, args...))
}

// lookupFunc finds the function a call expression calls.
func (x *extractor) lookupFunc(fun ast.Expr, sc scope) (funcRef, scope, bool) {
	switch f := fun.(type) {
	case *ast.Ident:
		if fr, ok := sc.p.funcs[f.Name]; ok {
			return fr, scope{sc.p, fr.file}, true
		}
	case *ast.SelectorExpr:
		q, ok := f.X.(*ast.Ident)
		if !ok {
			return funcRef{}, sc, false
		}
		dir := importDir(sc.file, q.Name)
		if dir == "" {
			return funcRef{}, sc, false
		}
		p, err := x.load(dir)
		if err != nil {
			return funcRef{}, sc, false
		}
		if fr, ok := p.funcs[f.Sel.Name]; ok {
			return fr, scope{p, fr.file}, true
		}
	}
	return funcRef{}, sc, false
}

// lookupValue finds a package-level const or var.
func (x *extractor) lookupValue(e ast.Expr, sc scope) (valueRef, scope, bool) {
	switch v := e.(type) {
	case *ast.Ident:
		if vr, ok := sc.p.values[v.Name]; ok {
			return vr, scope{sc.p, vr.file}, true
		}
	case *ast.SelectorExpr:
		q, ok := v.X.(*ast.Ident)
		if !ok {
			return valueRef{}, sc, false
		}
		dir := importDir(sc.file, q.Name)
		if dir == "" {
			return valueRef{}, sc, false
		}
		p, err := x.load(dir)
		if err != nil {
			return valueRef{}, sc, false
		}
		if vr, ok := p.values[v.Sel.Name]; ok {
			return vr, scope{p, vr.file}, true
		}
	}
	return valueRef{}, sc, false
}

// stringValue evaluates a string literal or a string constant.
func (x *extractor) stringValue(e ast.Expr, sc scope) (string, bool) {
	switch v := e.(type) {
	case *ast.BasicLit:
		if v.Kind == token.STRING {
			s, err := strconv.Unquote(v.Value)
			return s, err == nil
		}
	case *ast.BinaryExpr:
		if v.Op == token.ADD {
			a, ok1 := x.stringValue(v.X, sc)
			b, ok2 := x.stringValue(v.Y, sc)
			return a + b, ok1 && ok2
		}
	case *ast.ParenExpr:
		return x.stringValue(v.X, sc)
	case *ast.Ident, *ast.SelectorExpr:
		if vr, vsc, ok := x.lookupValue(v, sc); ok {
			return x.stringValue(vr.expr, vsc)
		}
	}
	return "", false
}

func (x *extractor) boolValue(e ast.Expr, sc scope) (bool, bool) {
	switch v := e.(type) {
	case *ast.Ident:
		switch v.Name {
		case "true":
			return true, true
		case "false":
			return false, true
		}
		if vr, vsc, ok := x.lookupValue(v, sc); ok {
			return x.boolValue(vr.expr, vsc)
		}
	case *ast.SelectorExpr:
		if vr, vsc, ok := x.lookupValue(v, sc); ok {
			return x.boolValue(vr.expr, vsc)
		}
	}
	return false, false
}

func (x *extractor) intValue(e ast.Expr, sc scope) (int, bool) {
	switch v := e.(type) {
	case *ast.BasicLit:
		if v.Kind == token.INT {
			n, err := strconv.Atoi(v.Value)
			return n, err == nil
		}
	case *ast.Ident, *ast.SelectorExpr:
		if vr, vsc, ok := x.lookupValue(v, sc); ok {
			return x.intValue(vr.expr, vsc)
		}
	}
	return 0, false
}

func (x *extractor) stringList(e ast.Expr, sc scope) ([]string, bool) {
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		if vr, vsc, ok := x.lookupValue(e, sc); ok {
			return x.stringList(vr.expr, vsc)
		}
		return nil, false
	}
	var out []string
	for _, el := range lit.Elts {
		s, ok := x.stringValue(el, sc)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

// litType names the type of a composite literal: "Resource", "Schema",
// "map", or "" when elided.
func litType(lit *ast.CompositeLit) string {
	switch t := lit.Type.(type) {
	case nil:
		return ""
	case *ast.SelectorExpr:
		return t.Sel.Name
	case *ast.Ident:
		return t.Name
	case *ast.MapType:
		return "map"
	}
	return "?"
}

// returned is what a function returns (its last top-level return), with
// the body, so that a returned local variable can be followed.
func returned(fr funcRef) (ast.Expr, *ast.BlockStmt) {
	if fr.decl.Body == nil {
		return nil, nil
	}
	var last ast.Expr
	for _, st := range fr.decl.Body.List {
		if r, ok := st.(*ast.ReturnStmt); ok && len(r.Results) > 0 {
			last = r.Results[0]
		}
	}
	return last, fr.decl.Body
}

// localDef finds `name := expr` or `var name = expr` among a body's
// top-level statements.
func localDef(body *ast.BlockStmt, name string) ast.Expr {
	if body == nil {
		return nil
	}
	for _, st := range body.List {
		switch s := st.(type) {
		case *ast.AssignStmt:
			for i, l := range s.Lhs {
				if id, ok := l.(*ast.Ident); ok && id.Name == name && i < len(s.Rhs) {
					return s.Rhs[i]
				}
			}
		case *ast.DeclStmt:
			gd, ok := s.Decl.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, sp := range gd.Specs {
				vs, ok := sp.(*ast.ValueSpec)
				if !ok {
					continue
				}
				for i, n := range vs.Names {
					if n.Name == name && i < len(vs.Values) {
						return vs.Values[i]
					}
				}
			}
		}
	}
	return nil
}

// indexAssigns lists `base[key] = value` statements at a body's top level,
// where base is the expression text want (e.g. "s" or "r.Schema").
func indexAssigns(body *ast.BlockStmt, want string) []*ast.KeyValueExpr {
	if body == nil {
		return nil
	}
	var out []*ast.KeyValueExpr
	for _, st := range body.List {
		s, ok := st.(*ast.AssignStmt)
		if !ok || len(s.Lhs) != 1 || len(s.Rhs) != 1 {
			continue
		}
		ix, ok := s.Lhs[0].(*ast.IndexExpr)
		if !ok || exprText(ix.X) != want {
			continue
		}
		out = append(out, &ast.KeyValueExpr{Key: ix.Index, Value: s.Rhs[0]})
	}
	return out
}

func exprText(e ast.Expr) string {
	switch v := e.(type) {
	case *ast.Ident:
		return v.Name
	case *ast.SelectorExpr:
		return exprText(v.X) + "." + v.Sel.Name
	}
	return ""
}

// resourceFromCall follows a constructor call to its schema.Resource.
func (x *extractor) resourceFromCall(path string, e ast.Expr, sc scope) (*Block, error) {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return nil, fmt.Errorf("constructor is not a call")
	}
	fr, fsc, ok := x.lookupFunc(call.Fun, sc)
	if !ok {
		return nil, fmt.Errorf("constructor %s not found in the tree", exprText(call.Fun))
	}
	ret, body := returned(fr)
	if ret == nil {
		return nil, fmt.Errorf("%s returns nothing", fr.decl.Name.Name)
	}
	return x.resource(path, ret, body, fsc)
}

// resource reads a *schema.Resource expression.
func (x *extractor) resource(path string, e ast.Expr, body *ast.BlockStmt, sc scope) (*Block, error) {
	var extra []*ast.KeyValueExpr
	if id, ok := e.(*ast.Ident); ok {
		def := localDef(body, id.Name)
		if def == nil {
			return nil, fmt.Errorf("returned variable %s has no definition in the function", id.Name)
		}
		extra = indexAssigns(body, id.Name+".Schema")
		e = def
	}
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = u.X
	}
	switch v := e.(type) {
	case *ast.CompositeLit:
		if t := litType(v); t != "Resource" && t != "" {
			return nil, fmt.Errorf("expected a schema.Resource literal, found %s", t)
		}
		for _, el := range v.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Schema" {
				b := x.schemaMap(path, kv.Value, body, sc)
				x.addEntries(path, b, extra, sc)
				return b, nil
			}
		}
		return &Block{Attributes: map[string]*Attribute{}}, nil
	case *ast.CallExpr:
		return x.resourceFromCall(path, v, sc)
	}
	return nil, fmt.Errorf("cannot read a schema.Resource from %T", e)
}

// schemaMap reads a map[string]*schema.Schema expression.
func (x *extractor) schemaMap(path string, e ast.Expr, body *ast.BlockStmt, sc scope) *Block {
	b := &Block{Attributes: map[string]*Attribute{}}
	switch v := e.(type) {
	case *ast.CompositeLit:
		var kvs []*ast.KeyValueExpr
		for _, el := range v.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				kvs = append(kvs, kv)
			}
		}
		x.addEntries(path, b, kvs, sc)
	case *ast.CallExpr:
		fr, fsc, ok := x.lookupFunc(v.Fun, sc)
		if !ok {
			x.note("%s: schema map from %s() outside the tree", path, exprText(v.Fun))
			return b
		}
		ret, fbody := returned(fr)
		extra := []*ast.KeyValueExpr(nil)
		if id, ok := ret.(*ast.Ident); ok {
			extra = indexAssigns(fbody, id.Name)
			ret = localDef(fbody, id.Name)
		}
		if ret == nil {
			x.note("%s: cannot follow the schema map of %s()", path, fr.decl.Name.Name)
			return b
		}
		b = x.schemaMap(path, ret, fbody, fsc)
		x.addEntries(path, b, extra, fsc)
	case *ast.Ident:
		if def := localDef(body, v.Name); def != nil {
			b = x.schemaMap(path, def, body, sc)
			x.addEntries(path, b, indexAssigns(body, v.Name), sc)
			return b
		}
		if vr, vsc, ok := x.lookupValue(v, sc); ok {
			return x.schemaMap(path, vr.expr, nil, vsc)
		}
		x.note("%s: schema map %s not found", path, v.Name)
	default:
		x.note("%s: schema map of kind %T", path, e)
	}
	return b
}

func (x *extractor) addEntries(path string, b *Block, kvs []*ast.KeyValueExpr, sc scope) {
	for _, kv := range kvs {
		name, ok := x.stringValue(kv.Key, sc)
		if !ok {
			x.note("%s: argument name %s is not a constant", path, exprText(kv.Key))
			continue
		}
		b.Attributes[name] = x.attribute(path+"."+name, kv.Value, sc)
	}
}

// schemaLit resolves an expression to a schema.Schema literal and the
// scope it was written in.
func (x *extractor) schemaLit(e ast.Expr, sc scope, depth int) (*ast.CompositeLit, scope, bool) {
	if depth > 8 {
		return nil, sc, false
	}
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = u.X
	}
	switch v := e.(type) {
	case *ast.CompositeLit:
		return v, sc, true
	case *ast.CallExpr:
		fr, fsc, ok := x.lookupFunc(v.Fun, sc)
		if !ok {
			return nil, sc, false
		}
		ret, body := returned(fr)
		if id, ok := ret.(*ast.Ident); ok {
			ret = localDef(body, id.Name)
		}
		if ret == nil {
			return nil, sc, false
		}
		return x.schemaLit(ret, fsc, depth+1)
	case *ast.Ident, *ast.SelectorExpr:
		if vr, vsc, ok := x.lookupValue(v, sc); ok {
			return x.schemaLit(vr.expr, vsc, depth+1)
		}
	}
	return nil, sc, false
}

// attribute reads one schema.Schema.
func (x *extractor) attribute(path string, e ast.Expr, sc scope) *Attribute {
	a := &Attribute{}
	lit, lsc, ok := x.schemaLit(e, sc, 0)
	if !ok {
		x.note("%s: schema from %s is not a literal", path, exprText(e))
		a.Type = "unknown"
		return a
	}
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		k, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		switch k.Name {
		case "Type":
			a.Type = valueType(kv.Value)
		case "Required":
			a.Required = x.flag(path, k.Name, kv.Value, lsc)
		case "Optional":
			a.Optional = x.flag(path, k.Name, kv.Value, lsc)
		case "Computed":
			a.Computed = x.flag(path, k.Name, kv.Value, lsc)
		case "ForceNew":
			a.ForceNew = x.flag(path, k.Name, kv.Value, lsc)
		case "DiffSuppressFunc":
			a.ApplyOnce = strings.HasSuffix(exprText(kv.Value), ".ApplyOnce")
		case "Deprecated":
			if s, ok := x.stringValue(kv.Value, lsc); ok {
				a.Deprecated = s
			} else {
				a.Deprecated = "(deprecated)"
			}
		case "Description":
			a.Description, _ = x.stringValue(kv.Value, lsc)
		case "Default":
			a.Default = x.sourceText(kv.Value)
		case "MaxItems":
			a.MaxItems, _ = x.intValue(kv.Value, lsc)
		case "MinItems":
			a.MinItems, _ = x.intValue(kv.Value, lsc)
		case "ConflictsWith":
			a.ConflictsWith, _ = x.stringList(kv.Value, lsc)
		case "ExactlyOneOf":
			a.ExactlyOneOf, _ = x.stringList(kv.Value, lsc)
		case "AtLeastOneOf":
			a.AtLeastOneOf, _ = x.stringList(kv.Value, lsc)
		case "RequiredWith":
			a.RequiredWith, _ = x.stringList(kv.Value, lsc)
		case "Elem":
			x.elem(path, a, kv.Value, lsc)
		case "ValidateFunc":
			x.allowed(a, kv.Value, lsc)
		}
	}
	if a.Type == "" {
		x.note("%s: no Type", path)
		a.Type = "unknown"
	}
	return a
}

func (x *extractor) flag(path, field string, e ast.Expr, sc scope) bool {
	v, ok := x.boolValue(e, sc)
	if !ok {
		x.note("%s: %s is not a constant", path, field)
	}
	return v
}

// elem reads Elem: a nested block or the element type of a collection.
func (x *extractor) elem(path string, a *Attribute, e ast.Expr, sc scope) {
	if sel, ok := e.(*ast.SelectorExpr); ok && strings.HasPrefix(sel.Sel.Name, "Type") {
		// Elem: schema.TypeString, a bare ValueType the SDK tolerates.
		a.ElemType = valueType(sel)
		return
	}
	lit, lsc, ok := x.schemaLit(e, sc, 0)
	if !ok {
		x.note("%s: Elem is not a literal", path)
		return
	}
	if litType(lit) == "Resource" {
		for _, el := range lit.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Schema" {
				a.Block = x.schemaMap(path, kv.Value, nil, lsc)
			}
		}
		if a.Block == nil {
			a.Block = &Block{Attributes: map[string]*Attribute{}}
		}
		return
	}
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Type" {
			a.ElemType = valueType(kv.Value)
		}
	}
}

// valueType turns schema.TypeString into "string".
func valueType(e ast.Expr) string {
	t := exprText(e)
	t = t[strings.LastIndex(t, ".")+1:]
	if n, ok := strings.CutPrefix(t, "Type"); ok {
		return strings.ToLower(n)
	}
	return "unknown"
}

// sourceText is the Go source of a small expression (a Default value).
func (x *extractor) sourceText(e ast.Expr) string {
	start, end := x.fset.Position(e.Pos()), x.fset.Position(e.End())
	b, err := os.ReadFile(start.Filename)
	if err != nil || end.Offset > len(b) {
		return "?"
	}
	return string(b[start.Offset:end.Offset])
}

// allowed records the values of `validation.StringInSlice([]string{...}, ignoreCase)`.
func (x *extractor) allowed(a *Attribute, e ast.Expr, sc scope) {
	call, ok := e.(*ast.CallExpr)
	if ok && strings.HasSuffix(exprText(call.Fun), ".InvokeValidator") && len(call.Args) == 2 {
		typ, ok1 := x.stringValue(call.Args[0], sc)
		id, ok2 := x.stringValue(call.Args[1], sc)
		if ok1 && ok2 {
			a.Allowed = x.validatorValues(typ, id)
		}
		return
	}
	if !ok || !strings.HasSuffix(exprText(call.Fun), ".StringInSlice") || len(call.Args) != 2 {
		return
	}
	vals, ok := x.stringList(call.Args[0], sc)
	if !ok {
		return
	}
	a.Allowed = vals
	a.AllowedIgnoreCase, _ = x.boolValue(call.Args[1], sc)
}

// validatorValues reads the AllowedValues ("a, b, c") of the entry id of
// type typ's validate.ResourceValidator when its function is
// ValidateAllowedStringValue (a case-sensitive list check); nil otherwise.
func (x *extractor) validatorValues(typ, id string) []string {
	ctor, ok := x.validators[typ]
	if !ok {
		return nil
	}
	call, ok := ctor.expr.(*ast.CallExpr)
	if !ok {
		return nil
	}
	fr, fsc, ok := x.lookupFunc(call.Fun, ctor.sc)
	if !ok || fr.decl.Body == nil {
		return nil
	}
	var out []string
	ast.Inspect(fr.decl.Body, func(n ast.Node) bool {
		lit, ok := n.(*ast.CompositeLit)
		if !ok || out != nil {
			return true
		}
		var ident, fn, values string
		for _, el := range lit.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			k, _ := kv.Key.(*ast.Ident)
			if k == nil {
				continue
			}
			switch k.Name {
			case "Identifier":
				ident, _ = x.stringValue(kv.Value, fsc)
			case "ValidateFunctionIdentifier":
				fn = exprText(kv.Value)
			case "AllowedValues":
				values, _ = x.stringValue(kv.Value, fsc)
			}
		}
		if ident == id && strings.HasSuffix(fn, "ValidateAllowedStringValue") && values != "" {
			for _, v := range strings.Split(values, ",") {
				out = append(out, strings.TrimSpace(v))
			}
		}
		return true
	})
	return out
}
