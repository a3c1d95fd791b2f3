// Package fieldtmpl executes Go templates (text/template syntax, parsed by
// the standard text/template/parse) over struct fields, map keys, variables
// and functions, and never calls a method of the data.
//
// Why not text/template: to call methods by name it uses
// reflect.Value.MethodByName with a name known only at run time, and a
// program that can do that makes the Go linker keep every exported method
// of every type that reaches an interface, used or not. In iksplan that
// kept the k8s.io/api types' protobuf, String and DeepCopy methods and many
// more: 8.3 MB of a 27.9 MB release binary (measured: go build
// -ldflags=-dumpdep shows text/template.(*state).evalField as the only
// <ReflectMethod>). A template that needs a computed value gets it from a
// field of its view-model or from a function of its FuncMap.
//
// What it supports is what text/template does for these constructs, with
// the same output: text, actions and pipelines, fields and map keys (chains
// too), variables ($x := and $x =), if/else if/else, with, range over
// slices, arrays, maps (sorted keys) and ints, break and continue, define
// and template, the builtins and, or, not and len, and FuncMap functions
// (one result, or a result and an error). Methods, the other builtins
// (print, printf, index, eq...) and range over channels or iterator
// functions are errors: at parse time for functions, at execution for the
// rest, naming the field. The differential tests hold it to text/template.
package fieldtmpl
