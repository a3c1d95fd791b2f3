package wizard

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/huh"

	"github.com/iksplan/iksplan/internal/i18n"
	"github.com/iksplan/iksplan/model"
)

// Field builders for step files. Each binds the field to a pointer into the
// design, gives it its Key (the YAML path, so the why panel and findings
// find it), puts the fixed-at-create badge on its title, and shows a
// one-line help. Step files build every field through these, so no step
// file touches styles or huh details.

// Opt is one option of a select: the value, the label a person reads, and
// a one-line help shown while the option is highlighted.
type Opt[T comparable] struct {
	Value T
	Label string
	Help  string
}

// ChoiceOpts turns a model enum's choices into options.
func ChoiceOpts[T ~string](choices []model.Choice[T]) []Opt[T] {
	out := make([]Opt[T], len(choices))
	for i, ch := range choices {
		out[i] = Opt[T]{Value: ch.Value, Label: ch.Label, Help: ch.Help}
	}
	return out
}

// current shows the current answer in accessible mode, where huh's prompts
// do not: an empty line keeps it.
func (c *Ctx) current(v string) string {
	if !c.Accessible || v == "" {
		return ""
	}
	return " [" + v + "]"
}

// theme is the huh theme of the mode.
func (c *Ctx) theme() *huh.Theme {
	if c.Accessible {
		return AccessibleTheme()
	}
	return Theme()
}

// Title returns title with a "fixed at create" badge when the why text of
// key says so.
func (c *Ctx) Title(key, title string) string {
	title = c.tr(title)
	if c.stepless || !FixedAtCreate(key) {
		return title
	}
	if c.Accessible || c.S == nil {
		return title + c.tr(" (fixed at create)")
	}
	return title + " " + c.S.Badge.Render(c.tr("fixed at create"))
}

// Input is a one-line text input bound to v. validate may be nil; wrap a
// model.Validate* function with Optional when the answer may be empty.
func Input(c *Ctx, key, title, help string, v *string, validate func(string) error) *huh.Input {
	in := huh.NewInput().Key(key).Title(c.Title(key, title) + c.current(*v)).Value(v)
	c.describe(c.tr(help), func(s string) { in.Description(s) })
	if validate != nil {
		in.Validate(keepDefault(c, func() string { return *v }, c.localized(validate)))
	}
	return in
}

// keepDefault lets an empty line through in accessible mode when there is
// a current value: huh then keeps that value, but validates the empty line
// itself first (huh v1.0.0).
func keepDefault(c *Ctx, cur func() string, validate func(string) error) func(string) error {
	if !c.Accessible {
		return validate
	}
	return func(s string) error {
		if s == "" && cur() != "" {
			return nil
		}
		return validate(s)
	}
}

// Optional accepts an empty answer and otherwise applies validate.
func Optional(validate func(string) error) func(string) error {
	return func(s string) error {
		if s == "" {
			return nil
		}
		return validate(s)
	}
}

// accessor binds a field to the design through get and set (usually a
// pointer's read and write) and tells the field when the value changes, so
// a select can show the help of the highlighted option.
type accessor[T any] struct {
	get   func() T
	set   func(T)
	onSet func(T)
}

func (a *accessor[T]) Get() T { return a.get() }
func (a *accessor[T]) Set(x T) {
	a.set(x)
	if a.onSet != nil {
		a.onSet(x)
	}
}

// Pick is a select bound to v. A value not among opts (an old or unknown
// answer) stays selected as an extra option, so opening a page never
// changes an answer by itself. The description shows the highlighted
// option's help, or help when the option has none.
func Pick[T comparable](c *Ctx, key, title, help string, v *T, opts []Opt[T]) *huh.Select[T] {
	return PickFunc(c, key, title, help, func() T { return *v }, func(x T) { *v = x }, opts)
}

// PickFunc is Pick for a value that is not one variable: get and set read
// and write it in the design (e.g. a one-zone select that sets spec.zones
// to a list of one).
func PickFunc[T comparable](c *Ctx, key, title, help string, get func() T, set func(T), opts []Opt[T]) *huh.Select[T] {
	cur := get()
	var zero T
	found := false
	for _, o := range opts {
		if o.Value == cur {
			found = true
			break
		}
	}
	if !found && cur != zero {
		opts = append(opts, Opt[T]{Value: cur, Label: fmt.Sprint(cur) + c.tr(" (current, not in the catalog)"),
			Help: c.tr("kept from the design; the rules will say if it is a problem")})
	}
	if !found && cur == zero && len(opts) > 0 {
		set(opts[0].Value)
	}
	opts = trOpts(c, opts)
	help = c.tr(help)
	helpOf := func(x T) string {
		for _, o := range opts {
			if o.Value == x && o.Help != "" {
				return o.Help
			}
		}
		return help
	}
	hopts := make([]huh.Option[T], len(opts))
	for i, o := range opts {
		label := o.Label
		if c.Accessible && o.Help != "" {
			label += " — " + o.Help
		}
		hopts[i] = huh.NewOption(label, o.Value)
	}
	sel := huh.NewSelect[T]().Key(key).Title(c.Title(key, title))
	sel.WithTheme(c.theme()) // NB: before Options, which measures the options with it
	// NB: options before the value: huh writes the highlighted option into
	// the value when options are set, and the value is among them now.
	sel.Options(hopts...)
	if c.Accessible {
		// NB: huh's accessible select offers the current answer as the
		// default only with its own pointer accessor: bind a copy and
		// write it back once the page is answered.
		tmp := get()
		for _, o := range opts {
			if o.Value == tmp {
				sel.Title(c.Title(key, title) + c.current(o.Label))
			}
		}
		sel.Description(help).Value(&tmp)
		c.afterRun = append(c.afterRun, func() { set(tmp) })
		return sel
	}
	labels := make([]string, len(hopts))
	for i, o := range hopts {
		labels[i], _, _ = strings.Cut(o.Key, "\n")
	}
	if c.options == nil {
		c.options = map[string][]string{}
	}
	c.options[key] = labels
	fit := newOptionFit(sel, hopts, helpOf, get) // one line per option (optionfit.go)
	if c.optionFits == nil {
		c.optionFits = map[string]func(width int, cutting bool) []string{}
	}
	c.optionFits[key] = func(width int, cutting bool) []string { return fit.fit(c.theme(), width, cutting) }
	acc := &accessor[T]{get: get, set: set}
	// NB: the highlighted option's help (after its whole label when it is
	// cut, optionfit.go), wrapped again at a new width.
	describe := func(x T) string { return c.wrapDescription(fit.describe(x), fieldFrame()) }
	fit.wrapped = describe
	acc.onSet = func(x T) { sel.Description(describe(x)) }
	fit.acc = acc
	sel.Accessor(acc)
	sel.Description(describe(get()))
	c.rewraps = append(c.rewraps, func() { sel.Description(describe(get())) })
	return sel
}

// Choose is a select over a model enum's choices.
func Choose[T ~string](c *Ctx, key, title string, v *T, choices []model.Choice[T]) *huh.Select[T] {
	return Pick(c, key, title, "", v, ChoiceOpts(choices))
}

// PickMany is a multi-select bound to v.
func PickMany[T comparable](c *Ctx, key, title, help string, v *[]T, opts []Opt[T]) *huh.MultiSelect[T] {
	opts = trOpts(c, opts)
	hopts := make([]huh.Option[T], len(opts))
	for i, o := range opts {
		label := o.Label
		if o.Help != "" && c.Accessible {
			label += " — " + o.Help
		}
		hopts[i] = huh.NewOption(label, o.Value)
	}
	ms := huh.NewMultiSelect[T]().Key(key).Title(c.Title(key, title))
	c.describe(c.tr(help), func(s string) { ms.Description(s) })
	ms.WithTheme(c.theme())
	return ms.Options(hopts...).Value(v)
}

// YesNo is a yes/no question bound to v.
func YesNo(c *Ctx, key, title, help string, v *bool) *huh.Confirm {
	cf := huh.NewConfirm().Key(key).Title(c.Title(key, title)).
		Affirmative(c.tr("Yes")).Negative(c.tr("No")).Value(v)
	c.describe(c.tr(help), func(s string) { cf.Description(s) })
	return cf
}

// Note is text without an answer: an explanation or a computed summary.
// Callers translate title and body (c.tr, c.trf), which often carry
// values; the body is wrapped like a description.
func Note(c *Ctx, title, body string) *huh.Note {
	n := huh.NewNote().Title(title)
	c.describe(body, func(s string) { n.Description(s) })
	return n
}

// numberAccessor shows a number as text and parses what is typed; text
// that does not parse yet leaves the number alone (the validator says
// why).
type numberAccessor[T int | float64] struct {
	v         *T
	text      string
	emptyZero bool
}

func (a *numberAccessor[T]) Get() string { return a.text }
func (a *numberAccessor[T]) Set(s string) {
	a.text = s
	if x, err := parseNumber[T](nil, s, a.emptyZero); err == nil {
		*a.v = x
	}
}

func formatNumber[T int | float64](x T, emptyZero bool) string {
	if x == 0 && emptyZero {
		return ""
	}
	switch v := any(x).(type) {
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case int:
		return strconv.Itoa(v)
	}
	return fmt.Sprint(x)
}

func parseNumber[T int | float64](c *Ctx, s string, emptyZero bool) (T, error) {
	s = strings.TrimSpace(s)
	var zero T
	if s == "" {
		if emptyZero {
			return zero, nil
		}
		return zero, errors.New(c.tr("a number is required"))
	}
	switch any(zero).(type) {
	case float64:
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return zero, errors.New(c.trf("%q is not a number", s))
		}
		return T(f), nil
	default:
		n, err := strconv.Atoi(s)
		if err != nil {
			return zero, errors.New(c.trf("%q is not a whole number", s))
		}
		return T(n), nil
	}
}

// Number is a numeric input bound to v, accepting lo..hi. With emptyZero,
// an empty answer means 0 ("computed" or "default").
func Number[T int | float64](c *Ctx, key, title, help string, v *T, lo, hi T, emptyZero bool) *huh.Input {
	acc := &numberAccessor[T]{v: v, text: formatNumber(*v, emptyZero), emptyZero: emptyZero}
	in := huh.NewInput().Key(key).Title(c.Title(key, title) + c.current(acc.text))
	c.describe(c.tr(help), func(s string) { in.Description(s) })
	return in.Accessor(acc).
		Validate(keepDefault(c, acc.Get, func(s string) error {
			x, err := parseNumber[T](c, s, emptyZero)
			if err != nil {
				return err
			}
			if x == 0 && emptyZero {
				return nil
			}
			if x < lo || x > hi {
				return errors.New(c.trf("must be between %v and %v", lo, hi))
			}
			return nil
		}))
}

// trOpts returns opts with their labels and helps in the run's language.
// English texts are left as they are: a zone's or flavor's catalog label
// is not in the catalogue and stays as IBM names it.
func trOpts[T comparable](c *Ctx, opts []Opt[T]) []Opt[T] {
	if c == nil || c.Lang == i18n.EN {
		return opts
	}
	out := make([]Opt[T], len(opts))
	for i, o := range opts {
		out[i] = Opt[T]{Value: o.Value, Label: c.tr(o.Label), Help: c.tr(o.Help)}
	}
	return out
}
