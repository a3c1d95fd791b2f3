package fieldtmpl

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"text/template/parse"
)

// state is one execution: the writer, the variables in scope and the node
// being run (for error messages). It follows text/template's exec.go
// construct by construct, without its method calls.
type state struct {
	set   *Set
	tree  *parse.Tree
	w     io.Writer
	node  parse.Node
	vars  []variable
	depth int
}

type variable struct {
	name  string
	value reflect.Value
}

// maxDepth bounds template recursion, as text/template's maxExecDepth.
const maxDepth = 100000

var (
	errorType       = reflect.TypeFor[error]()
	fmtStringerType = reflect.TypeFor[fmt.Stringer]()
	reflectValue    = reflect.TypeFor[reflect.Value]()
)

// missingVal marks "no final argument" in a pipeline, as in text/template.
type missingValType struct{}

var missingVal = reflect.ValueOf(missingValType{})

func isMissing(v reflect.Value) bool {
	return v.IsValid() && v.Type() == missingVal.Type()
}

// execError carries an execution error through the panic that unwinds the
// walk; walkBreak and walkContinue carry break and continue to their range.
type execError struct{ err error }

var (
	walkBreak    = errors.New("break")
	walkContinue = errors.New("continue")
)

func (s *state) recover(err *error) {
	switch e := recover().(type) {
	case nil:
	case execError:
		*err = e.err
	default:
		panic(e)
	}
}

func (s *state) at(n parse.Node) { s.node = n }

// errorf stops the execution with an error that names the template, the
// line and column, and the action, as text/template's errors do.
func (s *state) errorf(format string, args ...any) {
	err := fmt.Errorf(format, args...)
	if s.node == nil {
		panic(execError{fmt.Errorf("template: %s: %w", s.tree.Name, err)})
	}
	location, context := s.tree.ErrorContext(s.node)
	panic(execError{fmt.Errorf("template: %s: executing %q at <%s>: %w", location, s.tree.Name, context, err)})
}

func (s *state) push(name string, v reflect.Value) { s.vars = append(s.vars, variable{name, v}) }
func (s *state) mark() int                         { return len(s.vars) }
func (s *state) pop(mark int)                      { s.vars = s.vars[:mark] }

func (s *state) setVar(name string, v reflect.Value) {
	for i := len(s.vars) - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			s.vars[i].value = v
			return
		}
	}
	s.errorf("undefined variable: %s", name)
}

func (s *state) setTopVar(n int, v reflect.Value) { s.vars[len(s.vars)-n].value = v }

func (s *state) varValue(name string) reflect.Value {
	for i := len(s.vars) - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			return s.vars[i].value
		}
	}
	s.errorf("undefined variable: %s", name)
	return reflect.Value{}
}

func (s *state) walk(dot reflect.Value, node parse.Node) {
	s.at(node)
	switch n := node.(type) {
	case *parse.ActionNode:
		// Variables declared here persist to the end of the enclosing
		// block; an action that declares variables prints nothing.
		val := s.evalPipeline(dot, n.Pipe)
		if len(n.Pipe.Decl) == 0 {
			s.printValue(n, val)
		}
	case *parse.BreakNode:
		panic(walkBreak)
	case *parse.ContinueNode:
		panic(walkContinue)
	case *parse.CommentNode:
	case *parse.IfNode:
		s.walkIfOrWith(parse.NodeIf, dot, n.Pipe, n.List, n.ElseList)
	case *parse.ListNode:
		for _, c := range n.Nodes {
			s.walk(dot, c)
		}
	case *parse.RangeNode:
		s.walkRange(dot, n)
	case *parse.TemplateNode:
		s.walkTemplate(dot, n)
	case *parse.TextNode:
		if _, err := s.w.Write(n.Text); err != nil {
			s.errorf("%w", err)
		}
	case *parse.WithNode:
		s.walkIfOrWith(parse.NodeWith, dot, n.Pipe, n.List, n.ElseList)
	default:
		s.errorf("unknown node: %s", node)
	}
}

func (s *state) walkIfOrWith(typ parse.NodeType, dot reflect.Value, pipe *parse.PipeNode, list, elseList *parse.ListNode) {
	defer s.pop(s.mark())
	val := s.evalPipeline(dot, pipe)
	truth, ok := isTrue(indirectInterface(val))
	if !ok {
		s.errorf("if/with can't use %v", val)
	}
	switch {
	case truth && typ == parse.NodeWith:
		s.walk(val, list)
	case truth:
		s.walk(dot, list)
	case elseList != nil:
		s.walk(dot, elseList)
	}
}

func (s *state) walkRange(dot reflect.Value, r *parse.RangeNode) {
	s.at(r)
	defer s.pop(s.mark())
	val, _ := indirect(s.evalPipeline(dot, r.Pipe))
	mark := s.mark()
	// one runs the body once; it reports false on break.
	one := func(index, elem reflect.Value) (goOn bool) {
		if len(r.Pipe.Decl) > 0 {
			if r.Pipe.IsAssign {
				if len(r.Pipe.Decl) > 1 {
					s.setVar(r.Pipe.Decl[0].Ident[0], index)
				} else {
					s.setVar(r.Pipe.Decl[0].Ident[0], elem)
				}
			} else {
				s.setTopVar(1, elem)
			}
		}
		if len(r.Pipe.Decl) > 1 {
			if r.Pipe.IsAssign {
				s.setVar(r.Pipe.Decl[1].Ident[0], elem)
			} else {
				s.setTopVar(2, index)
			}
		}
		defer s.pop(mark)
		defer func() {
			switch e := recover(); e {
			case nil:
			case walkContinue:
			case walkBreak:
				goOn = false
			default:
				panic(e)
			}
		}()
		s.walk(elem, r.List)
		return true
	}
	switch val.Kind() {
	case reflect.Array, reflect.Slice:
		if val.Len() == 0 {
			break
		}
		for i := range val.Len() {
			if !one(reflect.ValueOf(i), val.Index(i)) {
				break
			}
		}
		return
	case reflect.Map:
		if val.Len() == 0 {
			break
		}
		for _, key := range s.sortedKeys(val) {
			if !one(key, val.MapIndex(key)) {
				break
			}
		}
		return
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if len(r.Pipe.Decl) > 1 {
			s.errorf("can't use %v to iterate over more than one variable", val)
		}
		n := val.Convert(reflect.TypeFor[int64]()).Int()
		if n <= 0 {
			break
		}
		for i := range n {
			v := reflect.New(val.Type()).Elem()
			if v.CanInt() {
				v.SetInt(i)
			} else {
				v.SetUint(uint64(i))
			}
			if !one(v, v) {
				break
			}
		}
		return
	case reflect.Invalid:
		// Ranging over nothing runs the else branch.
	default:
		s.errorf("range can't iterate over %v", val)
	}
	if r.ElseList != nil {
		s.walk(dot, r.ElseList)
	}
}

func (s *state) walkTemplate(dot reflect.Value, t *parse.TemplateNode) {
	s.at(t)
	tree := s.set.trees[t.Name]
	if tree == nil {
		s.errorf("template %q not defined", t.Name)
	}
	if s.depth == maxDepth {
		s.errorf("exceeded maximum template depth (%v)", maxDepth)
	}
	dot = s.evalPipeline(dot, t.Pipe)
	inner := &state{set: s.set, tree: tree, w: s.w, depth: s.depth + 1, vars: []variable{{"$", dot}}}
	inner.walk(dot, tree.Root)
}

func (s *state) evalPipeline(dot reflect.Value, pipe *parse.PipeNode) reflect.Value {
	if pipe == nil {
		return reflect.Value{}
	}
	s.at(pipe)
	value := missingVal
	for _, cmd := range pipe.Cmds {
		value = s.evalCommand(dot, cmd, value) // the previous value is this one's final argument
		// A value of type any: look at what it holds.
		if value.Kind() == reflect.Interface && value.Type().NumMethod() == 0 {
			value = reflect.ValueOf(value.Interface())
		}
	}
	for _, v := range pipe.Decl {
		if pipe.IsAssign {
			s.setVar(v.Ident[0], value)
		} else {
			s.push(v.Ident[0], value)
		}
	}
	return value
}

func (s *state) notAFunction(args []parse.Node, final reflect.Value) {
	if len(args) > 1 || !isMissing(final) {
		s.errorf("can't give argument to non-function %s", args[0])
	}
}

func (s *state) evalCommand(dot reflect.Value, cmd *parse.CommandNode, final reflect.Value) reflect.Value {
	first := cmd.Args[0]
	switch n := first.(type) {
	case *parse.FieldNode:
		return s.evalFieldChain(dot, dot, n, n.Ident, cmd.Args, final)
	case *parse.ChainNode:
		return s.evalChainNode(dot, n, cmd.Args, final)
	case *parse.IdentifierNode:
		return s.evalFunction(dot, n, cmd, cmd.Args, final)
	case *parse.PipeNode:
		s.notAFunction(cmd.Args, final)
		return s.evalPipeline(dot, n)
	case *parse.VariableNode:
		return s.evalVariableNode(dot, n, cmd.Args, final)
	}
	s.at(first)
	s.notAFunction(cmd.Args, final)
	switch n := first.(type) {
	case *parse.BoolNode:
		return reflect.ValueOf(n.True)
	case *parse.DotNode:
		return dot
	case *parse.NilNode:
		s.errorf("nil is not a command")
	case *parse.NumberNode:
		return s.idealConstant(n)
	case *parse.StringNode:
		return reflect.ValueOf(n.Text)
	}
	s.errorf("can't evaluate command %q", first)
	return reflect.Value{}
}

// idealConstant is a number with no type to fit: an int when it is one,
// else a float64, as in text/template.
func (s *state) idealConstant(n *parse.NumberNode) reflect.Value {
	s.at(n)
	switch {
	case n.IsComplex:
		return reflect.ValueOf(n.Complex128)
	case n.IsFloat && !isHexInt(n.Text) && !isRuneInt(n.Text) && strings.ContainsAny(n.Text, ".eEpP"):
		return reflect.ValueOf(n.Float64)
	case n.IsInt:
		i := int(n.Int64)
		if int64(i) != n.Int64 {
			s.errorf("%s overflows int", n.Text)
		}
		return reflect.ValueOf(i)
	case n.IsUint:
		s.errorf("%s overflows int", n.Text)
	}
	return reflect.Value{}
}

func (s *state) evalChainNode(dot reflect.Value, chain *parse.ChainNode, args []parse.Node, final reflect.Value) reflect.Value {
	s.at(chain)
	if len(chain.Field) == 0 {
		s.errorf("internal error: no fields in evalChainNode")
	}
	if chain.Node.Type() == parse.NodeNil {
		s.errorf("indirection through explicit nil in %s", chain)
	}
	pipe := s.evalArg(dot, nil, chain.Node)
	return s.evalFieldChain(dot, pipe, chain, chain.Field, args, final)
}

func (s *state) evalVariableNode(dot reflect.Value, v *parse.VariableNode, args []parse.Node, final reflect.Value) reflect.Value {
	s.at(v)
	value := s.varValue(v.Ident[0])
	if len(v.Ident) == 1 {
		s.notAFunction(args, final)
		return value
	}
	return s.evalFieldChain(dot, value, v, v.Ident[1:], args, final)
}

// evalFieldChain follows .A.B.C from receiver; only the last may take the
// arguments (and then fails: fields and keys take none).
func (s *state) evalFieldChain(dot, receiver reflect.Value, node parse.Node, ident []string, args []parse.Node, final reflect.Value) reflect.Value {
	s.at(node)
	n := len(ident)
	for i := range n - 1 {
		receiver = s.evalField(ident[i], nil, missingVal, receiver)
	}
	return s.evalField(ident[n-1], args, final, receiver)
}

// evalField is a struct field or a map entry of receiver. Unlike
// text/template it never looks for a method: a name that is no field is an
// error, which says so.
func (s *state) evalField(name string, args []parse.Node, final, receiver reflect.Value) reflect.Value {
	if !receiver.IsValid() {
		if s.set.missingKey == MissingKeyError {
			s.errorf("nil data; no entry for key %q", name)
		}
		return reflect.Value{}
	}
	typ := receiver.Type()
	receiver, isNil := indirect(receiver)
	if receiver.Kind() == reflect.Interface && isNil {
		s.errorf("nil pointer evaluating %s.%s", typ, name)
	}
	hasArgs := len(args) > 1 || !isMissing(final)
	switch receiver.Kind() {
	case reflect.Struct:
		if f := lookupField(receiver.Type(), name); f.found {
			if !f.exported {
				s.errorf("%s is an unexported field of struct type %s", name, typ)
			}
			var field reflect.Value
			if len(f.index) == 1 {
				field = receiver.Field(f.index[0])
			} else {
				var err error
				if field, err = receiver.FieldByIndexErr(f.index); err != nil {
					s.errorf("%w", err)
				}
			}
			if hasArgs {
				s.errorf("%s has arguments but cannot be invoked as function", name)
			}
			return field
		}
	case reflect.Map:
		key := reflect.ValueOf(name)
		if key.Type().AssignableTo(receiver.Type().Key()) {
			if hasArgs {
				s.errorf("%s is not a method but has arguments", name)
			}
			result := receiver.MapIndex(key)
			if !result.IsValid() && s.set.missingKey == MissingKeyError {
				s.errorf("map has no entry for key %q", name)
			}
			return result
		}
	case reflect.Pointer:
		if et := receiver.Type().Elem(); et.Kind() == reflect.Struct {
			if !lookupField(et, name).found {
				break // no such field: the error below says so
			}
		}
		if isNil {
			s.errorf("nil pointer evaluating %s.%s", typ, name)
		}
	}
	s.errorf("can't evaluate field %s in type %s (templates read fields and map keys; they call no methods)", name, typ)
	return reflect.Value{}
}

// fieldKey names a field of a struct type.
type fieldKey struct {
	typ  reflect.Type
	name string
}

// fieldInfo is what evalField needs of a struct field.
type fieldInfo struct {
	index    []int
	found    bool
	exported bool
}

// fields caches lookupField: reflect.Type.FieldByName walks the fields
// comparing names and allocates the index it returns, on every access, and a
// 1,000-namespace runbook and DESIGN.md read tens of thousands of fields.
var fields sync.Map // fieldKey -> fieldInfo

// lookupField is typ.FieldByName(name), cached per type and name.
func lookupField(typ reflect.Type, name string) fieldInfo {
	k := fieldKey{typ, name}
	if v, ok := fields.Load(k); ok {
		return v.(fieldInfo)
	}
	var fi fieldInfo
	if f, ok := typ.FieldByName(name); ok {
		fi = fieldInfo{index: f.Index, found: true, exported: f.IsExported()}
	}
	fields.Store(k, fi)
	return fi
}

func (s *state) evalFunction(dot reflect.Value, node *parse.IdentifierNode, cmd parse.Node, args []parse.Node, final reflect.Value) reflect.Value {
	s.at(node)
	fn, ok := s.set.funcs[node.Ident]
	if !ok {
		s.errorf("%q is not a defined function", node.Ident)
	}
	_, builtin := builtins[node.Ident]
	return s.evalCall(dot, fn, builtin, cmd, node.Ident, args, final)
}

// evalCall calls fn with the arguments args[1:] (args[0] names the
// function) and final, the previous command's value, last.
func (s *state) evalCall(dot, fn reflect.Value, builtin bool, node parse.Node, name string, args []parse.Node, final reflect.Value) reflect.Value {
	if args != nil {
		args = args[1:]
	}
	typ := fn.Type()
	numIn := len(args)
	if !isMissing(final) {
		numIn++
	}
	numFixed := len(args)
	if typ.IsVariadic() {
		numFixed = typ.NumIn() - 1
		if numIn < numFixed {
			s.errorf("wrong number of args for %s: want at least %d got %d", name, typ.NumIn()-1, len(args))
		}
	} else if numIn != typ.NumIn() {
		s.errorf("wrong number of args for %s: want %d got %d", name, typ.NumIn(), numIn)
	}
	unwrap := func(v reflect.Value) reflect.Value {
		if v.Type() == reflectValue {
			v = v.Interface().(reflect.Value)
		}
		return v
	}
	// and and or stop at the first argument that decides.
	if builtin && (name == "and" || name == "or") {
		argType := typ.In(0)
		var v reflect.Value
		for _, arg := range args {
			v = s.evalArg(dot, argType, arg).Interface().(reflect.Value)
			if truth(v) == (name == "or") {
				return v
			}
		}
		if !isMissing(final) {
			v = unwrap(s.validateType(final, argType))
		}
		return v
	}
	argv := make([]reflect.Value, numIn)
	i := 0
	for ; i < numFixed && i < len(args); i++ {
		argv[i] = s.evalArg(dot, typ.In(i), args[i])
	}
	if typ.IsVariadic() {
		argType := typ.In(typ.NumIn() - 1).Elem()
		for ; i < len(args); i++ {
			argv[i] = s.evalArg(dot, argType, args[i])
		}
	}
	if !isMissing(final) {
		t := typ.In(typ.NumIn() - 1)
		if typ.IsVariadic() {
			if numIn-1 < numFixed {
				t = typ.In(numIn - 1)
			} else {
				t = t.Elem()
			}
		}
		argv[i] = s.validateType(final, t)
	}
	v, err := safeCall(fn, argv)
	if err != nil {
		s.at(node)
		s.errorf("error calling %s: %w", name, err)
	}
	return unwrap(v)
}

// safeCall calls fn, turning a panic into an error, and returns its error
// result if it has one.
func safeCall(fn reflect.Value, args []reflect.Value) (val reflect.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				err = e
			} else {
				err = fmt.Errorf("%v", r)
			}
		}
	}()
	if v, ok, err := callDirect(fn, args); ok {
		return v, err
	}
	ret := fn.Call(args)
	if len(ret) == 2 && !ret[1].IsNil() {
		return ret[0], ret[1].Interface().(error)
	}
	return ret[0], nil
}

// callDirect calls functions of the shapes the templates call most
// (DESIGN.md's "t" and "badge", "shq", "join") without reflect.Value.Call,
// which was a seventh of DESIGN.md's CPU; ok is false for any other
// function. args are already of the parameter types (evalCall).
func callDirect(fn reflect.Value, args []reflect.Value) (v reflect.Value, ok bool, err error) {
	if !fn.CanInterface() {
		return v, false, nil
	}
	var s string
	switch f := fn.Interface().(type) {
	case func(string, ...string) (string, error):
		if len(args) == 0 {
			return v, false, nil
		}
		var rest []string
		if len(args) > 1 {
			rest = make([]string, len(args)-1)
			for i, a := range args[1:] {
				rest[i] = a.String()
			}
		}
		s, err = f(args[0].String(), rest...)
	case func() (string, error):
		if len(args) != 0 {
			return v, false, nil
		}
		s, err = f()
	case func(string) (string, error):
		if len(args) != 1 {
			return v, false, nil
		}
		s, err = f(args[0].String())
	case func([]string, string) string:
		if len(args) != 2 || args[0].Type() != stringSliceType {
			return v, false, nil
		}
		s = f(args[0].Interface().([]string), args[1].String())
	default:
		return v, false, nil
	}
	return reflect.ValueOf(s), true, err
}

var (
	stringSliceType = reflect.TypeFor[[]string]()
	stringType      = reflect.TypeFor[string]()
	intType         = reflect.TypeFor[int]()
)

func canBeNil(typ reflect.Type) bool {
	switch typ.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return true
	case reflect.Struct:
		return typ == reflectValue
	}
	return false
}

// validateType makes value fit a parameter of type typ (nil: any).
func (s *state) validateType(value reflect.Value, typ reflect.Type) reflect.Value {
	if !value.IsValid() {
		if typ == nil {
			return reflect.ValueOf(nil)
		}
		if canBeNil(typ) {
			return reflect.Zero(typ)
		}
		s.errorf("invalid value; expected %s", typ)
	}
	if typ == reflectValue && value.Type() != typ {
		return reflect.ValueOf(value)
	}
	if typ != nil && !value.Type().AssignableTo(typ) {
		if value.Kind() == reflect.Interface && !value.IsNil() {
			value = value.Elem()
			if value.Type().AssignableTo(typ) {
				return value
			}
		}
		switch {
		case value.Kind() == reflect.Pointer && value.Type().Elem().AssignableTo(typ):
			value = value.Elem()
			if !value.IsValid() {
				s.errorf("dereference of nil pointer of type %s", typ)
			}
		case reflect.PointerTo(value.Type()).AssignableTo(typ) && value.CanAddr():
			value = value.Addr()
		default:
			s.errorf("wrong type for value; expected %s; got %s", typ, value.Type())
		}
	}
	return value
}

// evalArg evaluates an argument for a parameter of type typ.
func (s *state) evalArg(dot reflect.Value, typ reflect.Type, n parse.Node) reflect.Value {
	s.at(n)
	switch arg := n.(type) {
	case *parse.DotNode:
		return s.validateType(dot, typ)
	case *parse.NilNode:
		if typ != nil && canBeNil(typ) {
			return reflect.Zero(typ)
		}
		s.errorf("cannot assign nil to %s", typ)
	case *parse.FieldNode:
		return s.validateType(s.evalFieldChain(dot, dot, arg, arg.Ident, []parse.Node{n}, missingVal), typ)
	case *parse.VariableNode:
		return s.validateType(s.evalVariableNode(dot, arg, nil, missingVal), typ)
	case *parse.PipeNode:
		return s.validateType(s.evalPipeline(dot, arg), typ)
	case *parse.IdentifierNode:
		return s.validateType(s.evalFunction(dot, arg, arg, nil, missingVal), typ)
	case *parse.ChainNode:
		return s.validateType(s.evalChainNode(dot, arg, nil, missingVal), typ)
	}
	if typ == nil {
		s.errorf("can't handle %s for an argument of any type", n)
	}
	switch typ.Kind() {
	case reflect.Bool:
		if b, ok := n.(*parse.BoolNode); ok {
			v := reflect.New(typ).Elem()
			v.SetBool(b.True)
			return v
		}
		s.errorf("expected bool; found %s", n)
	case reflect.String:
		if str, ok := n.(*parse.StringNode); ok {
			v := reflect.New(typ).Elem()
			v.SetString(str.Text)
			return v
		}
		s.errorf("expected string; found %s", n)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if num, ok := n.(*parse.NumberNode); ok && num.IsInt {
			v := reflect.New(typ).Elem()
			v.SetInt(num.Int64)
			return v
		}
		s.errorf("expected integer; found %s", n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if num, ok := n.(*parse.NumberNode); ok && num.IsUint {
			v := reflect.New(typ).Elem()
			v.SetUint(num.Uint64)
			return v
		}
		s.errorf("expected unsigned integer; found %s", n)
	case reflect.Float32, reflect.Float64:
		if num, ok := n.(*parse.NumberNode); ok && num.IsFloat {
			v := reflect.New(typ).Elem()
			v.SetFloat(num.Float64)
			return v
		}
		s.errorf("expected float; found %s", n)
	case reflect.Interface:
		if typ.NumMethod() == 0 {
			return s.evalEmptyInterface(dot, n)
		}
	case reflect.Struct:
		if typ == reflectValue {
			return reflect.ValueOf(s.evalEmptyInterface(dot, n))
		}
	}
	s.errorf("can't handle %s for arg of type %s", n, typ)
	return reflect.Value{}
}

func (s *state) evalEmptyInterface(dot reflect.Value, n parse.Node) reflect.Value {
	s.at(n)
	switch n := n.(type) {
	case *parse.BoolNode:
		return reflect.ValueOf(n.True)
	case *parse.NumberNode:
		return s.idealConstant(n)
	case *parse.StringNode:
		return reflect.ValueOf(n.Text)
	case *parse.NilNode:
		s.errorf("evalEmptyInterface: nil (can't happen)")
	}
	return s.evalArg(dot, nil, n)
}

// printValue writes what text/template writes for v: fmt's default format,
// "<no value>" for no value, an error's or Stringer's text.
func (s *state) printValue(n parse.Node, v reflect.Value) {
	s.at(n)
	if v.Kind() == reflect.String && v.Type() == stringType {
		// A plain string field, most of what the templates print: written
		// as it is, without v.Interface(), which copies an addressable
		// string into a new allocation to box it.
		if _, err := io.WriteString(s.w, v.String()); err != nil {
			s.errorf("%w", err)
		}
		return
	}
	if v.Kind() == reflect.Int && v.Type() == intType {
		// What fmt.Fprint prints for an int (step numbers), without boxing
		// it or going through fmt's printer.
		var buf [20]byte
		if _, err := s.w.Write(strconv.AppendInt(buf[:0], v.Int(), 10)); err != nil {
			s.errorf("%w", err)
		}
		return
	}
	iface, ok := printableValue(v)
	if !ok {
		s.errorf("can't print %s of type %s", n, v.Type())
	}
	var err error
	if str, ok := iface.(string); ok {
		// What fmt.Fprint prints for a string, without copying it into
		// fmt's buffer first: a runbook step's body is one string of
		// hundreds of kilobytes at 1,000 namespaces.
		_, err = io.WriteString(s.w, str)
	} else {
		_, err = fmt.Fprint(s.w, iface)
	}
	if err != nil {
		s.errorf("%w", err)
	}
}

func printableValue(v reflect.Value) (any, bool) {
	if v.Kind() == reflect.Pointer {
		v, _ = indirect(v) // fmt.Fprint prints a nil pointer itself
	}
	if !v.IsValid() {
		return "<no value>", true
	}
	if !v.Type().Implements(errorType) && !v.Type().Implements(fmtStringerType) {
		if v.CanAddr() && (reflect.PointerTo(v.Type()).Implements(errorType) || reflect.PointerTo(v.Type()).Implements(fmtStringerType)) {
			v = v.Addr()
		} else {
			switch v.Kind() {
			case reflect.Chan, reflect.Func:
				return nil, false
			}
		}
	}
	return v.Interface(), true
}

// indirect follows pointers and interfaces to the value, or to the first
// nil on the way.
func indirect(v reflect.Value) (reflect.Value, bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

// indirectInterface is the value inside an interface (none for nil).
func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface {
		return v
	}
	if v.IsNil() {
		return reflect.Value{}
	}
	return v.Elem()
}

// isTrue is text/template's truth: not the zero value, a non-empty
// collection; ok is false for a value that has no truth.
func isTrue(val reflect.Value) (truth, ok bool) {
	if !val.IsValid() {
		return false, true
	}
	switch val.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		truth = val.Len() > 0
	case reflect.Bool:
		truth = val.Bool()
	case reflect.Complex64, reflect.Complex128:
		truth = val.Complex() != 0
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		truth = !val.IsNil()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		truth = val.Int() != 0
	case reflect.Float32, reflect.Float64:
		truth = val.Float() != 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		truth = val.Uint() != 0
	case reflect.Struct:
		truth = true
	default:
		return false, false
	}
	return truth, true
}
