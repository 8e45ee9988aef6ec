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
// version.
type noteChange struct {
	added bool
	// ghost marks a removed note, drawn faded where it was.
	ghost bool
	// from is the title of the block a moved note came from.
	from string
	// oldText is an edited note's old text, sanitized.
	oldText string
	// oldStatus is the status before, when it changed.
	oldStatus bmc.Status
	// other names the other fields that changed, with their old values
	// where short: "colour (was orange)", "tags".
	other []string
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
	// kicker names the old version and counts the changes, sanitized.
	kicker   string
	warnings []string
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
// san. A nil d marks nothing.
func markChanges(c *bmc.Canvas, d *bmc.Diff, opt Options, san *sanitizer) changeMarks {
	var m changeMarks
	if d == nil {
		return m
	}
	if opt.Blank {
		m.warnings = append(m.warnings, "a blank poster shows no changes; --compare is ignored")
		return m
	}
	m.notes = map[string]*noteChange{}
	of := func(id string) *noteChange {
		if m.notes[id] == nil {
			m.notes[id] = &noteChange{}
		}
		return m.notes[id]
	}
	oldTemplate := d.Old.Template()
	title := func(block string) string {
		if b, ok := oldTemplate.Block(block); ok {
			return b.Title
		}
		return block
	}
	ghosts := map[string]bool{}
	for _, ch := range d.Changes {
		switch ch.Kind {
		case bmc.ChangeAdded:
			of(ch.Note).added = true
		case bmc.ChangeRemoved:
			ghosts[ch.Note] = true
			of(ch.Note + ghostSuffix).ghost = true
		case bmc.ChangeMoved:
			of(ch.Note).from = san.clean(title(ch.Old), "the old block of note "+ch.Note)
		case bmc.ChangeText:
			of(ch.Note).oldText = san.clean(ch.Old, "the old text of note "+ch.Note)
		case bmc.ChangeStatus:
			of(ch.Note).oldStatus = bmc.Status(ch.Old)
		case bmc.ChangeColor:
			of(ch.Note).other = append(of(ch.Note).other, "colour (was "+ch.Old+")")
		case bmc.ChangeAmount:
			was := "none"
			if n, ok := d.Old.Note(ch.Note); ok && n.Amount != nil {
				was = formatAmount(*n.Amount, n.Period, d.Old.Currency)
			}
			of(ch.Note).other = append(of(ch.Note).other, "amount (was "+san.clean(was, "the old amount of note "+ch.Note)+")")
		case bmc.ChangeEvidence, bmc.ChangeTags:
			of(ch.Note).other = append(of(ch.Note).other, string(ch.Kind))
		case bmc.ChangeSegments, bmc.ChangePersonas, bmc.ChangeLinks:
			of(ch.Note).other = append(of(ch.Note).other, string(ch.Kind))
		}
	}
	var lost int
	m.blocks, lost = withGhosts(c, d.Old, ghosts, san)
	if lost > 0 {
		m.warnings = append(m.warnings, fmt.Sprintf("%s of blocks the %s lacks cannot be shown where they were",
			plural(lost, "1 removed note", "%d removed notes"), c.Template().Name))
	}
	m.kicker = san.clean(compareLine(d), "the header")
	return m
}

// withGhosts returns, for each block of c that lost notes, its notes with
// the removed notes of old (by ID in ghosts) put back, each after the
// nearest note before it that is still in the block; and how many removed
// notes had no block to go to.
func withGhosts(c *bmc.Canvas, old *bmc.Canvas, ghosts map[string]bool, san *sanitizer) (map[string][]bmc.Note, int) {
	out := map[string][]bmc.Note{}
	lost := 0
	t := c.Template()
	for _, b := range old.Template().BlockIDs() {
		notes := old.Blocks[b]
		if _, ok := t.Block(b); !ok {
			for _, n := range notes {
				if ghosts[n.ID] {
					lost++
				}
			}
			continue
		}
		after := map[string][]bmc.Note{} // the ghosts to put after each note ("" first)
		prev := ""
		here := map[string]bool{}
		for _, n := range c.Blocks[b] {
			here[n.ID] = true
		}
		for _, n := range notes {
			switch {
			case here[n.ID]:
				prev = n.ID
			case ghosts[n.ID]:
				g := n.Clone()
				g.ID += ghostSuffix
				g.Text = san.clean(g.Text, "removed note "+n.ID)
				g.Segments = nil // they may be gone too
				after[prev] = append(after[prev], g)
			}
		}
		if len(after) == 0 {
			continue
		}
		list := append([]bmc.Note(nil), after[""]...)
		for _, n := range c.Blocks[b] {
			list = append(list, n)
			list = append(list, after[n.ID]...)
		}
		out[b] = list
	}
	return out, lost
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
	var words []string
	ink := changedInk
	switch {
	case ch.added:
		words, ink = append(words, "new"), addedInk
	case ch.ghost:
		words, ink = append(words, "removed"), removedInk
	}
	if ch.from != "" {
		words = append(words, "from "+ch.from)
	}
	if ch.oldStatus != "" {
		words = append(words, "was "+string(ch.oldStatus))
	}
	if len(ch.other) > 0 {
		words = append(words, "changed "+strings.Join(ch.other, ", "))
	}
	if len(words) > 0 {
		cb.label = textBox{w: tw, size: size * changeLabelEm, bold: true, color: ink}
		cb.label.lines = in.fonts.wrap(in.fonts.bold, strings.Join(words, " · "), cb.label.size, tw)
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
	switch {
	case cb.change.added:
		d.pen.SetDrawColor(rgbInts(addedInk))
		d.pen.SetLineWidth(0.16 * em)
		d.pen.Rect(outline.x, outline.y, outline.w, outline.h, "D")
	case cb.change.ghost:
		d.pen.SetDrawColor(rgbInts(removedInk))
		d.pen.SetLineWidth(0.08 * em)
		d.pen.SetDashPattern([]float64{0.5 * em, 0.35 * em}, 0)
		d.pen.Rect(outline.x, outline.y, outline.w, outline.h, "D")
		d.pen.SetDashPattern([]float64{}, 0)
	default:
		d.pen.SetDrawColor(rgbInts(changedInk))
		d.pen.SetLineWidth(0.08 * em)
		d.pen.Rect(outline.x, outline.y, outline.w, outline.h, "D")
	}
	y := nb.amount.y + nb.amount.height() + changeGapEm*em
	label, old := cb.label, cb.old
	label.x, label.y = nb.text.x, y
	d.text(label)
	old.x, old.y = nb.text.x, y+label.height()
	d.text(old)
	d.strike(old)
}

// compareLine is the line above the title of a change poster: the old
// version it is compared with, and the changes counted, such as "CHANGES
// SINCE VERSION 3, 2026-11-24: 2 NEW, 1 REMOVED, 3 CHANGED".
func compareLine(d *bmc.Diff) string {
	var since []string
	if d.Old.Title != d.New.Title && d.Old.Title != "" {
		since = append(since, "“"+d.Old.Title+"”")
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
