package terraform

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// This file is a small HCL writer: iksplan builds each .tf file as a tree
// of blocks and attributes and prints it in the canonical layout that
// `terraform fmt` (hclwrite.Format) produces, so the output is stable byte
// for byte and the format check in the tests is meaningful.

// expr is an HCL expression written on the lines of one attribute.
type expr interface {
	// write prints the expression; indent is the indentation of the
	// attribute's line, for expressions that span lines.
	write(sb *bytes.Buffer, indent string)
}

// str is a quoted string literal.
type str string

func (s str) write(sb *bytes.Buffer, _ string) { writeQuoted(sb, string(s)) }

// quote escapes a string for an HCL quoted template: backslash, quote,
// control characters, and the template sequences ${ and %{.
func quote(s string) string {
	var b bytes.Buffer
	writeQuoted(&b, s)
	return b.String()
}

// writeQuoted writes s quoted as quote does, straight into b.
func writeQuoted(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	if plainASCII(s) {
		b.WriteString(s)
		b.WriteByte('"')
		return
	}
	for i, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case (r == '$' || r == '%') && i+1 < len(s) && s[i+1] == '{':
			b.WriteRune(r)
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}

// plainASCII reports whether s is printable ASCII that needs no escape
// in a quoted template (no backslash, quote, $ or %): nearly every string
// a module holds, written in one piece.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c >= 0x7f, c == '\\', c == '"', c == '$', c == '%':
			return false
		}
	}
	return true
}

// num is a whole number.
type num int

func (n num) write(sb *bytes.Buffer, _ string) {
	sb.Write(strconv.AppendInt(sb.AvailableBuffer(), int64(n), 10))
}

// boolean is true or false.
type boolean bool

func (v boolean) write(sb *bytes.Buffer, _ string) { sb.WriteString(strconv.FormatBool(bool(v))) }

// ref is a reference or function call written as is, e.g.
// ibm_is_vpc.vpc.id. Only renderer-built text goes here, never user input.
type ref string

func (r ref) write(sb *bytes.Buffer, _ string) { sb.WriteString(string(r)) }

// list is a tuple on one line: ["a", "b"].
type list []expr

func (l list) write(sb *bytes.Buffer, indent string) {
	sb.WriteByte('[')
	for i, e := range l {
		if i > 0 {
			sb.WriteString(", ")
		}
		e.write(sb, indent)
	}
	sb.WriteByte(']')
}

// strList is a list of string literals.
func strList(ss []string) list {
	out := make(list, 0, len(ss))
	for _, s := range ss {
		out = append(out, str(s))
	}
	return out
}

// object is a map literal with quoted keys, one entry a line, keys sorted.
type object map[string]expr

func (o object) write(sb *bytes.Buffer, indent string) {
	if len(o) == 0 {
		sb.WriteString("{}")
		return
	}
	keys := make([]string, 0, len(o))
	width := 0
	for k := range o {
		keys = append(keys, k)
		width = max(width, len(objectKey(k)))
	}
	sort.Strings(keys)
	sb.WriteString("{\n")
	for _, k := range keys {
		q := objectKey(k)
		sb.WriteString(indent)
		sb.WriteString("  ")
		sb.WriteString(q)
		pad(sb, width-len(q))
		sb.WriteString(" = ")
		o[k].write(sb, indent+"  ")
		sb.WriteByte('\n')
	}
	sb.WriteString(indent)
	sb.WriteByte('}')
}

// objectKey writes a key bare when it is an identifier (source, version)
// and quoted otherwise (node labels such as kubernetes.io/role).
func objectKey(k string) string {
	if isIdent(k) {
		return k
	}
	return quote(k)
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_'
		if !letter && (i == 0 || !(r >= '0' && r <= '9' || r == '-')) {
			return false
		}
	}
	return true
}

// item is one entry of a body: an attribute, a nested block, a comment
// line or a blank line.
type item interface{ isItem() }

// attr is `name = value`. From names the design field the value comes
// from (a YAML path such as spec.workerPools[0].flavor), for the tests
// that compare the Terraform with the design and its fixed-at-create marks.
type attr struct {
	name string
	val  expr
	from string
}

type block struct {
	typ    string
	labels []string
	items  []item
	// slab holds the block's first two attributes (most nested blocks have
	// two or three), which items point at: an attr put in the item
	// interface by value was boxed on the heap, one allocation per
	// attribute (a fifth of a large module's allocations).
	slab  [2]attr
	nattr int
}

type comment string

type blank struct{}

func (*attr) isItem()   {}
func (*block) isItem()  {}
func (comment) isItem() {}
func (blank) isItem()   {}

// newBlock starts a block.
// Its items start with room for four: most blocks hold two to five, and
// growing from one was a fifth of a large module's allocations.
func newBlock(typ string, labels ...string) *block {
	return &block{typ: typ, labels: labels, items: make([]item, 0, 4)}
}

// set appends an attribute.
func (b *block) set(name string, v expr) *block {
	return b.setFrom(name, v, "")
}

// setFrom appends an attribute whose value is the design field at path.
func (b *block) setFrom(name string, v expr, path string) *block {
	if b.nattr < len(b.slab) {
		b.slab[b.nattr] = attr{name: name, val: v, from: path}
		b.items = append(b.items, &b.slab[b.nattr])
		b.nattr++
	} else {
		b.items = append(b.items, &attr{name: name, val: v, from: path})
	}
	return b
}

// note appends comment lines (one `#` line per line of text).
func (b *block) note(format string, args ...any) *block {
	for _, l := range strings.Split(fmt.Sprintf(format, args...), "\n") {
		b.items = append(b.items, comment(l))
	}
	return b
}

// add appends a nested block and returns it.
func (b *block) add(typ string, labels ...string) *block {
	nb := newBlock(typ, labels...)
	b.items = append(b.items, nb)
	return nb
}

func (b *block) gap() *block {
	b.items = append(b.items, blank{})
	return b
}

// file is one .tf file: top-level comments and blocks separated by blank
// lines.
type file struct {
	name  string
	items []item
}

func (f *file) note(format string, args ...any) {
	for _, l := range strings.Split(fmt.Sprintf(format, args...), "\n") {
		f.items = append(f.items, comment(l))
	}
}

func (f *file) add(b *block) *block {
	f.items = append(f.items, b)
	return b
}

// bytes prints the file under head: a blank line between top-level
// blocks, comment lines attached to the block below them.
func (f *file) bytes(head string) []byte {
	var sb bytes.Buffer
	sb.Grow(4096)
	sb.WriteString(head)
	prevBlock := false
	for i, it := range f.items {
		switch v := it.(type) {
		case comment:
			if prevBlock {
				sb.WriteByte('\n')
				prevBlock = false
			}
			writeComment(&sb, "", string(v))
		case *block:
			if prevBlock {
				sb.WriteByte('\n')
			}
			writeBlock(&sb, "", v)
			prevBlock = true
		case blank:
			sb.WriteByte('\n')
			prevBlock = false
		}
		if i+1 == projectAfter && len(f.items) > 2*projectAfter {
			// A long file's items are alike (iam.tf: the same resources per
			// access group): grow once to the projected size, with an eighth
			// to spare, rather than by doubling, which allocated about
			// twice the file.
			sb.Grow(sb.Len()/(i+1)*len(f.items)*9/8 - sb.Len())
		}
	}
	return sb.Bytes()
}

// projectAfter is how many top-level items of a long file are written
// before its buffer is grown to the file's projected size.
const projectAfter = 64

func writeComment(sb *bytes.Buffer, indent, text string) {
	sb.WriteString(indent)
	if text == "" {
		sb.WriteString("#\n")
		return
	}
	sb.WriteString("# ")
	sb.WriteString(text)
	sb.WriteByte('\n')
}

func writeBlock(sb *bytes.Buffer, indent string, b *block) {
	sb.WriteString(indent)
	sb.WriteString(b.typ)
	for _, l := range b.labels {
		sb.WriteByte(' ')
		writeQuoted(sb, l)
	}
	sb.WriteString(" {\n")
	inner := indent + "  "
	// hclwrite aligns the `=` of consecutive single-line attributes; a
	// comment, blank line, nested block or multi-line value ends a run,
	// and a multi-line value is aligned with nothing.
	items := b.items
	for i := 0; i < len(items); {
		if a, ok := items[i].(*attr); ok && !multiline(a.val) {
			j := i
			width := 0
			for j < len(items) {
				a2, ok := items[j].(*attr)
				if !ok || multiline(a2.val) {
					break
				}
				width = max(width, len(a2.name))
				j++
			}
			for k := i; k < j; k++ {
				writeAttr(sb, inner, items[k].(*attr), width)
			}
			i = j
			continue
		}
		switch v := items[i].(type) {
		case *attr:
			writeAttr(sb, inner, v, len(v.name))
		case *block:
			writeBlock(sb, inner, v)
		case comment:
			writeComment(sb, inner, string(v))
		case blank:
			sb.WriteByte('\n')
		}
		i++
	}
	sb.WriteString(indent)
	sb.WriteString("}\n")
}

func writeAttr(sb *bytes.Buffer, indent string, a *attr, width int) {
	sb.WriteString(indent)
	sb.WriteString(a.name)
	pad(sb, width-len(a.name))
	sb.WriteString(" = ")
	a.val.write(sb, indent)
	sb.WriteByte('\n')
}

const spaces = "                                "

// pad writes n spaces.
func pad(sb *bytes.Buffer, n int) {
	for ; n > len(spaces); n -= len(spaces) {
		sb.WriteString(spaces)
	}
	sb.WriteString(spaces[:max(n, 0)])
}

// multiline reports whether e spans lines (a non-empty object, or a list
// holding one): terraform fmt aligns the = of single-line attributes only.
func multiline(e expr) bool {
	switch v := e.(type) {
	case object:
		return len(v) > 0
	case list:
		for _, x := range v {
			if multiline(x) {
				return true
			}
		}
	}
	return false
}
