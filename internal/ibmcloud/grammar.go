// Package ibmcloud is iksplan's IBM Cloud double: the `ibmcloud` CLI (the
// command paths and flags the runbook uses, as IBM's CLI reference lists
// them) over a simulated account kept as JSON in a state directory, plus
// recording stand-ins for helm, calicoctl and kubectl. `iksplan rehearse`
// runs the rendered runbook with these on PATH (the iksplan binary re-run
// under each tool's name).
package ibmcloud

import (
	"fmt"
	"sort"
	"strings"
)

// Flag is one flag of a command as IBM's reference lists it.
type Flag struct {
	// Names are the spellings without dashes, long first ("cluster", "c").
	Names []string
	// Value says the flag takes a value (--cluster NAME); false is a switch.
	Value bool
	// Required flags must be given.
	Required bool
	// Repeat allows the flag more than once (--worker-pool A --worker-pool B).
	Repeat bool
}

// Spec is one command path with its grammar.
type Spec struct {
	// Path is the command path after the tool name: "ks cluster get".
	Path string
	// Args names the positional arguments in order; a trailing "..." on the
	// last one means one or more.
	Args []string
	// OptionalArgs is how many of the trailing Args may be left out.
	OptionalArgs int
	Flags        []Flag
	// Mutating calls change the account; rehearsal counts them and injects
	// faults into them.
	Mutating bool
	// Source is the IBM reference page that lists this command's flags.
	Source string
	Run    func(c *Call) error
}

// Call is one parsed invocation.
type Call struct {
	Spec  *Spec
	Args  []string
	flags map[string][]string // by the flag's first name
	env   *Env
}

// Has reports whether the flag was given.
func (c *Call) Has(name string) bool { _, ok := c.flags[name]; return ok }

// Get returns the flag's (last) value, "" when absent.
func (c *Call) Get(name string) string {
	v := c.flags[name]
	if len(v) == 0 {
		return ""
	}
	return v[len(v)-1]
}

// All returns every value of a repeated flag.
func (c *Call) All(name string) []string { return c.flags[name] }

// UsageError is IBM's "Incorrect Usage" refusal.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// Parse matches args against the spec table: the longest command path that
// prefixes args wins, the rest are flags and positionals. Flags may come
// before, between or after positionals, as the IBM CLI (urfave/cli) takes
// them; "--flag=value" and "--flag value" are both accepted.
func Parse(specs []*Spec, tool string, args []string) (*Call, error) {
	spec, rest := match(specs, args)
	if spec == nil {
		return nil, &UsageError{unknownCommand(tool, args)}
	}
	c := &Call{Spec: spec, flags: map[string][]string{}}
	byName := map[string]*Flag{}
	for i := range spec.Flags {
		for _, n := range spec.Flags[i].Names {
			byName[n] = &spec.Flags[i]
		}
	}
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		if a == "--" {
			c.Args = append(c.Args, rest[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			c.Args = append(c.Args, a)
			continue
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		f := byName[name]
		if f == nil {
			// urfave/cli prints the name with one dash whatever was typed:
			// "Incorrect Usage: flag provided but not defined: -export"
			// (`ibmcloud ks cluster config --export`, quoted in
			// open-toolchain/simple-helm-toolchain#55).
			return nil, &UsageError{fmt.Sprintf("Incorrect Usage: flag provided but not defined: -%s", name)}
		}
		key := f.Names[0]
		if _, dup := c.flags[key]; dup && !f.Repeat {
			return nil, &UsageError{fmt.Sprintf("Incorrect Usage. The '--%s' flag was given more than once.", key)}
		}
		switch {
		case f.Value && hasVal:
		case f.Value:
			if i+1 >= len(rest) {
				return nil, &UsageError{fmt.Sprintf("Incorrect Usage: flag needs an argument: -%s", name)}
			}
			i++
			val = rest[i]
		case hasVal:
			if val != "true" && val != "false" {
				return nil, &UsageError{fmt.Sprintf("Incorrect Usage: invalid boolean value %q for -%s", val, name)}
			}
		default:
			val = "true"
		}
		if !f.Value && val == "false" {
			continue
		}
		c.flags[key] = append(c.flags[key], val)
	}
	if err := checkArgs(tool, spec, c.Args); err != nil {
		return nil, err
	}
	for _, f := range spec.Flags {
		if f.Required && !c.Has(f.Names[0]) {
			// The reference's form: "The '--zone <zone name>' flag is
			// required." then FAILED / Incorrect Usage (ibm-cloud-cli-release#52).
			return nil, &UsageError{fmt.Sprintf("The '--%s' flag is required.\nIncorrect Usage.", f.Names[0])}
		}
	}
	return c, nil
}

func checkArgs(tool string, spec *Spec, args []string) error {
	max, variadic := len(spec.Args), false
	if max > 0 && strings.HasSuffix(spec.Args[max-1], "...") {
		variadic = true
	}
	min := max - spec.OptionalArgs
	if len(args) > max && !variadic {
		if max == 0 {
			// Quoted from `ibmcloud ks cluster get NAME` in
			// open-toolchain/simple-helm-toolchain#55 (2020).
			return &UsageError{fmt.Sprintf("Incorrect Usage. An argument was used without a flag: '%s'. Each argument requires a flag. To see available flags, run '%s %s --help'.", args[max], tool, spec.Path)}
		}
		return &UsageError{fmt.Sprintf("Incorrect Usage. Too many arguments: '%s'. Usage: %s", args[max], usageLine(tool, spec))}
	}
	if len(args) < min {
		return &UsageError{fmt.Sprintf("Incorrect Usage. The command requires the argument %s. Usage: %s", spec.Args[len(args)], usageLine(tool, spec))}
	}
	return nil
}

func usageLine(tool string, spec *Spec) string {
	var b strings.Builder
	b.WriteString(tool + " " + spec.Path)
	for _, a := range spec.Args {
		b.WriteString(" " + a)
	}
	for _, f := range spec.Flags {
		s := "--" + f.Names[0]
		if len(f.Names[0]) == 1 {
			s = "-" + f.Names[0]
		}
		if f.Value {
			s += " " + strings.ToUpper(strings.ReplaceAll(f.Names[0], "-", "_"))
		}
		if !f.Required {
			s = "[" + s + "]"
		}
		b.WriteString(" " + s)
	}
	return b.String()
}

// match finds the spec with the longest path that prefixes args.
func match(specs []*Spec, args []string) (*Spec, []string) {
	var best *Spec
	bestLen := 0
	for _, s := range specs {
		words := strings.Fields(s.Path)
		if len(words) > len(args) || len(words) <= bestLen {
			continue
		}
		ok := true
		for i, w := range words {
			if args[i] != w {
				ok = false
				break
			}
		}
		if ok {
			best, bestLen = s, len(words)
		}
	}
	if best == nil {
		return nil, nil
	}
	return best, args[bestLen:]
}

// unknownCommand words IBM's refusal of a command it does not have:
// "'ks' is not a registered command. See 'ibmcloud help'."
// (IBM-Cloud/ibm-cloud-cli-release#116, #165).
func unknownCommand(tool string, args []string) string {
	words := []string{}
	for _, a := range args {
		if strings.HasPrefix(a, "-") {
			break
		}
		words = append(words, a)
	}
	if len(words) == 0 {
		return fmt.Sprintf("Incorrect Usage. See '%s help'.", tool)
	}
	return fmt.Sprintf("'%s' is not a registered command. See '%s help'.", strings.Join(words, " "), tool)
}

// Paths lists every command path of specs, sorted (for the grammar test).
func Paths(specs []*Spec) []string {
	out := make([]string, 0, len(specs))
	for _, s := range specs {
		out = append(out, s.Path)
	}
	sort.Strings(out)
	return out
}
