package export

import (
	"fmt"
	"strings"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// This file draws a change poster (Options.Compare): the new version of a
// canvas with what changed since the old one marked on its notes, so that
// a workshop can read the changes off the wall. Added notes are outlined
// and labelled "new"; removed ones are ghosted where they were; moved
// ones say where from; edited ones show their old text small and struck
// through; other changes are named. The header says which version the
// poster is compared with and counts the changes.

// The inks of change marks: green for what is new, red for what is gone,
// blue for what changed.
var (
	addedInk   = rgb{0x2e, 0x7d, 0x32}
	removedInk = rgb{0xc6, 0x28, 0x28}
	changedInk = rgb{0x15, 0x65, 0xc0}
	oldTextInk = rgb{0x6b, 0x74, 0x7a}
)

// Measures of change marks, in ems of the note's type size.
const (
	changeLabelEm = 0.78
	oldTextEm     = 0.78
	changeGapEm   = 0.25
)

// noteChange is how a note on a change poster differs from the old
// version: its bmc.NoteMark, sanitized.
type noteChange struct {
	added bool
	// ghost marks a removed note, drawn faded where it was.
	ghost bool
	// label names the change, such as "new" or "from Key Partners"
	// (bmc.NoteMark.Label).
	label string
	// oldText is an edited note's old text.
	oldText string
}

// ghostSuffix is added to a removed note's ID on the poster, so that it
// does not clash with the notes of the new version.
const ghostSuffix = " (removed)"

// changeMarks is what a change poster adds to the canvas it prints.
type changeMarks struct {
	// notes holds the change of each marked note by ID; a removed note's
	// ghost has its ID with ghostSuffix.
	notes map[string]*noteChange
	// blocks holds, for each block with removed notes, its notes with the
	// ghosts put back where they were. The canvas itself stays the new
	// version, so that sums and links are the new version's.
	blocks map[string][]bmc.Note
	// kicker returns the line that names the old version and counts the
	// changes, sanitized, its old title cut to so many characters (see
	// compareLine); nil when there are no changes to mark.
	kicker func(titleRunes int) string
	// oldCurrency is the old version's currency, for the amounts of the
	// notes it removed, sanitized.
	oldCurrency string
	warnings    []string
}

// blockNotes returns the notes to print in a block: the canvas's, with
// the ghosts of removed notes on a change poster.
func (in layoutInput) blockNotes(block string) []bmc.Note {
	if notes, ok := in.changes.blocks[block]; ok {
		return notes
	}
	return in.c.Blocks[block]
}

// markChanges works out the marks of a change poster from d, for the
// sanitized new version c; texts from the old version are sanitized by
// san. Which note gets which mark is bmc.NoteMarks's decision, shared
// with the editor's board. A nil d marks nothing.
func markChanges(c *bmc.Canvas, d *bmc.Diff, opt Options, san *sanitizer) changeMarks {
	var m changeMarks
	if d == nil {
		return m
	}
	if opt.Blank {
		m.warnings = append(m.warnings, "a blank poster shows no changes; --compare is ignored")
		return m
	}
	marks := bmc.NoteMarks(d)
	m.notes = map[string]*noteChange{}
	for _, nm := range marks.Notes {
		id := nm.Note
		if nm.Kind == bmc.MarkRemoved {
			id += ghostSuffix
		}
		nm.From = san.clean(nm.From, "the old block of note "+nm.Note)
		nm.OldText = san.clean(nm.OldText, "the old text of note "+nm.Note)
		nm.Other = append([]string(nil), nm.Other...)
		for i := range nm.Other {
			nm.Other[i] = san.clean(nm.Other[i], "the old amount of note "+nm.Note)
		}
		m.notes[id] = &noteChange{added: nm.Kind == bmc.MarkAdded, ghost: nm.Kind == bmc.MarkRemoved,
			label: nm.Label(), oldText: nm.OldText}
	}
	ghosts := map[string][]bmc.Ghost{}
	for _, g := range marks.Ghosts {
		g.Note.Text = san.clean(g.Note.Text, "removed note "+g.Note.ID)
		g.Note.ID += ghostSuffix
		ghosts[g.Block] = append(ghosts[g.Block], g)
	}
	m.blocks = map[string][]bmc.Note{}
	for b, gs := range ghosts {
		m.blocks[b] = bmc.InsertGhosts(c.Blocks[b], gs)
	}
	if marks.Lost > 0 {
		m.warnings = append(m.warnings, fmt.Sprintf("%s of blocks the %s lacks cannot be shown where they were",
			plural(marks.Lost, "1 removed note", "%d removed notes"), c.Template().Name))
	}
	m.oldCurrency = san.clean(marks.OldCurrency, "the header")
	m.kicker = func(titleRunes int) string { return san.clean(compareLine(d, titleRunes), "the header") }
	return m
}

// changeBox is the change marks of one note, below its text and amount.
type changeBox struct {
	change *noteChange
	// label names the change, such as "new" or "from Key Partners".
	label textBox
	// old is an edited note's old text, drawn struck through.
	old textBox
}

func (cb changeBox) height() float64 {
	if cb.change == nil {
		return 0
	}
	h := cb.label.height() + cb.old.height()
	if h > 0 {
		h += changeGapEm * cb.label.size / changeLabelEm * ptMM
	}
	return h
}

// measureChange sets the change marks of note n at size points in a text
// column tw millimetres wide.
func measureChange(in layoutInput, n *bmc.Note, size, tw float64) changeBox {
	ch := in.changes.notes[n.ID]
	if ch == nil {
		return changeBox{}
	}
	cb := changeBox{change: ch}
	ink := changedInk
	switch {
	case ch.added:
		ink = addedInk
	case ch.ghost:
		ink = removedInk
	}
	if ch.label != "" {
		cb.label = textBox{w: tw, size: size * changeLabelEm, bold: true, color: ink}
		cb.label.lines = in.fonts.wrap(in.fonts.bold, ch.label, cb.label.size, tw)
	}
	if ch.oldText != "" {
		cb.old = textBox{w: tw, size: size * oldTextEm, color: oldTextInk}
		cb.old.lines = in.fonts.wrap(in.fonts.regular, ch.oldText, cb.old.size, tw)
	}
	return cb
}

// change draws a note's change marks: its outline, then the label and the
// old text below its text and amount.
func (d *drawer) change(nb *noteBox) {
	cb := nb.change
	if cb.change == nil {
		return
	}
	em := nb.text.size * ptMM
	outline := box{nb.x - 0.15*em, nb.y - 0.15*em, nb.w + 0.3*em - 0.12*em, nb.h + 0.3*em - 0.18*em}
	// Out of focus, the marks fade with the note; in mono they are grey,
	// told apart by weight, dashes and their labels.
	ink := func(c rgb) (int, int, int) {
		if nb.faded {
			c = fade(c)
		}
		return rgbInts(inked(d.ink, c))
	}
	switch {
	case cb.change.added:
		d.pen.SetDrawColor(ink(addedInk))
		d.pen.SetLineWidth(0.16 * em)
		d.pen.Rect(outline.x, outline.y, outline.w, outline.h, "D")
	case cb.change.ghost:
		d.pen.SetDrawColor(ink(removedInk))
		d.pen.SetLineWidth(0.08 * em)
		d.pen.SetDashPattern([]float64{0.5 * em, 0.35 * em}, 0)
		d.pen.Rect(outline.x, outline.y, outline.w, outline.h, "D")
		d.pen.SetDashPattern([]float64{}, 0)
	default:
		d.pen.SetDrawColor(ink(changedInk))
		d.pen.SetLineWidth(0.08 * em)
		d.pen.Rect(outline.x, outline.y, outline.w, outline.h, "D")
	}
	y := nb.amount.y + nb.amount.height() + changeGapEm*em
	label, old := cb.label, cb.old
	if nb.faded {
		label.color, old.color = fade(label.color), fade(old.color)
	}
	label.x, label.y = nb.text.x, y
	d.text(label)
	old.x, old.y = nb.text.x, y+label.height()
	d.text(old)
	d.strike(old)
}

// compareLine is the line above the title of a change poster: the old
// version it is compared with, and the changes counted, such as "CHANGES
// SINCE VERSION 3, 2026-11-24: 2 NEW, 1 REMOVED, 3 CHANGED". The old
// title, when it differs, is cut to titleRunes characters (all when
// negative; none when 0), so that the line fits and the counts show.
func compareLine(d *bmc.Diff, titleRunes int) string {
	var since []string
	if title := []rune(d.Old.Title); d.Old.Title != d.New.Title && len(title) > 0 && titleRunes != 0 {
		if titleRunes > 0 && titleRunes < len(title) {
			title = append([]rune(strings.TrimSpace(string(title[:titleRunes]))), '…')
		}
		since = append(since, "“"+string(title)+"”")
	}
	if d.Old.Version != "" {
		since = append(since, "version "+d.Old.Version)
	}
	if d.Old.Date != "" {
		since = append(since, d.Old.Date)
	}
	if len(since) == 0 {
		since = append(since, "the earlier version")
	}
	s := d.Summary()
	var counts []string
	for _, c := range []struct {
		n    int
		word string
	}{{s.Added, "new"}, {s.Removed, "removed"}, {s.Moved, "moved"}, {s.Changed, "changed"}} {
		if c.n > 0 {
			counts = append(counts, fmt.Sprintf("%d %s", c.n, c.word))
		}
	}
	if len(counts) == 0 {
		counts = append(counts, "no notes changed")
	}
	return strings.ToUpper("changes since " + strings.Join(since, ", ") + ": " + strings.Join(counts, ", "))
}

// ghost reports whether the note is a removed note's ghost.
func (cb changeBox) ghost() bool { return cb.change != nil && cb.change.ghost }
