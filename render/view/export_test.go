package view

// SetFirstSizeSeen sets firstSizeSeen until the returned func restores it.
func SetFirstSizeSeen(f func(name string, estimate, size int)) (restore func()) {
	saved := firstSizeSeen
	firstSizeSeen = f
	return func() { firstSizeSeen = saved }
}
