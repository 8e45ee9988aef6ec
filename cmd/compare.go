package cmd

import (
	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/export"
)

// compareWith makes opt a change poster of c against the version old (a
// file or git's REV:PATH), for export --compare. It reports a version
// that cannot be read and returns false.
func (e *env) compareWith(opt *export.Options, old string, c *bmc.Canvas) (int, bool) {
	if old == "" {
		return 0, true
	}
	prev, code, ok := e.loadVersionFor("--compare", old)
	if !ok {
		return code, false
	}
	opt.Compare = bmc.Compare(prev, c)
	return 0, true
}

// loadVersionFor is loadVersion for the version an option names: a
// version that cannot be read is reported with the option's name.
func (e *env) loadVersionFor(option, arg string) (*bmc.Canvas, int, bool) {
	data, err := readVersion(arg)
	if err != nil {
		e.errorf("%s: %v", option, err)
		return nil, ExitUsage, false
	}
	return e.decodeVersion(arg, data)
}
