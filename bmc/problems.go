package bmc

import (
	"fmt"
	"sort"
)

// maxErrors caps how many problems one reading of a file lists; the rest
// are counted.
const maxErrors = 50

// Problems gathers the located problems a reader finds in one file: up
// to a cap, past which they are only counted, so that a file of a
// million mistakes is reported quickly and in little memory. The canvas
// decoder and the importers of other formats share it, so that every
// reader reports alike.
type Problems struct {
	file string
	errs Errors
	more int // the problems past maxErrors
}

// NewProblems returns an empty list of the problems of the named file.
func NewProblems(file string) *Problems { return &Problems{file: file} }

// File returns the name of the file the problems are in.
func (p *Problems) File() string { return p.file }

// Add records the problem msg at position at (zero for the whole file).
func (p *Problems) Add(at Position, msg string) {
	if len(p.errs) >= maxErrors {
		p.more++
		return
	}
	p.errs = append(p.errs, &Error{File: p.file, Line: at.Line, Column: at.Column, Msg: msg})
}

// Addf records a problem at position at, the message cut to 400
// characters.
func (p *Problems) Addf(at Position, format string, args ...any) {
	p.Add(at, truncate(fmt.Sprintf(format, args...), 400))
}

// Len returns how many problems were found, those past the cap included.
func (p *Problems) Len() int { return len(p.errs) + p.more }

// Err returns the problems in the order of the file, with a last line
// counting those past the cap, or nil when there are none.
func (p *Problems) Err() error {
	if p.Len() == 0 {
		return nil
	}
	return p.list()
}

// list returns the problems as Err does, as Errors.
func (p *Problems) list() Errors {
	sort.SliceStable(p.errs, func(i, j int) bool {
		a, b := p.errs[i], p.errs[j]
		return a.Line < b.Line || (a.Line == b.Line && a.Column < b.Column)
	})
	if p.more > 0 {
		word := "problems"
		if p.more == 1 {
			word = "problem"
		}
		return append(p.errs[:len(p.errs):len(p.errs)], &Error{File: p.file, Msg: fmt.Sprintf("… and %d more %s", p.more, word)})
	}
	return p.errs
}
