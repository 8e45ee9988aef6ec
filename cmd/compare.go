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
	prev, code, ok := e.loadVersion("export: --compare", old)
	if !ok {
		return code, false
	}
	opt.Compare = bmc.Compare(prev, c)
	return 0, true
}
