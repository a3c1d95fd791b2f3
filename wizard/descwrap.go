package wizard

// Descriptions with Japanese in them are wrapped here, not by huh. huh
// v1.0.0 wraps a page's and a field's description with cellbuf.Wrap at
// spaces and ",.-;" only; Japanese has no spaces between words, so a
// description broke at the one space it had ("顧客向けの通信:" alone on a
// line, then the rest) and left short, ragged lines. wrapTo breaks
// between any two wide characters (with kinsoku) and huh leaves the lines
// as they are, as none is longer than its width. Text without wide
// characters goes to huh unchanged unless huh would break a word of it
// at ".,-;" ("1." and "35."): then it is wrapped here too, at spaces.

// describe gives a field its description text through set, wrapped to
// the field's width now and again whenever the width changes (resize
// calls c.rewraps): huh keeps a description as a string.
func (c *Ctx) describe(text string, set func(string)) { c.describeIn(text, fieldFrame(), set) }

// describeIn is describe for a box whose frame takes frame cells of the
// form column (0: a page's description, which has no border).
func (c *Ctx) describeIn(text string, frame int, set func(string)) {
	apply := func() { set(c.wrapDescription(text, frame)) }
	apply()
	if !c.Accessible && ownWrap(text) {
		c.rewraps = append(c.rewraps, apply)
	}
}

// wrapDescription wraps text to the form column less frame cells (a
// field's border and padding, which huh takes off its width).
func (c *Ctx) wrapDescription(text string, frame int) string {
	if c == nil || c.Accessible || c.Width <= 0 || !ownWrap(text) {
		return text
	}
	return wrapTo(text, c.Width-frame)
}

// fieldFrame is the cells huh takes off a field's width for its border
// and padding before it wraps the title and description.
func fieldFrame() int { return Theme().Focused.Base.GetHorizontalFrameSize() }

// rewrap wraps the current page's descriptions again at c.Width.
func (c *Ctx) rewrap() {
	for _, fn := range c.rewraps {
		fn()
	}
}
