package view

import "sync"

// memo holds what renderers share within one render beyond the fields of
// Context: a result one renderer builds and another reads (DESIGN.md lists
// the Terraform module's create-only arguments, so it needs the module the
// Terraform renderer builds). Building the module twice was 7.5 MB of a
// 1,000-namespace render's allocations (issue 15).
type memo struct {
	mu   sync.Mutex
	vals map[any]memoVal
}

type memoVal struct {
	v   any
	err error
}

// Memo returns build's result for key, built once per Context (its first
// caller builds it; an error is kept too). A Context made without New has
// no memo: build runs each time. The value is shared: callers must not
// change it.
func (c *Context) Memo(key any, build func() (any, error)) (any, error) {
	if c.memo == nil {
		return build()
	}
	c.memo.mu.Lock()
	defer c.memo.mu.Unlock()
	if r, ok := c.memo.vals[key]; ok {
		return r.v, r.err
	}
	v, err := build()
	c.memo.vals[key] = memoVal{v, err}
	return v, err
}
