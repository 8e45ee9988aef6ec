package widgets

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// This file holds the Board's selection and keyboard: what is selected,
// Tab and the arrow keys, the board's own keys and shortcuts, and the
// note's context menu.

var (
	_ fyne.Focusable    = (*Board)(nil)
	_ fyne.Tabbable     = (*Board)(nil)
	_ fyne.Shortcutable = (*Board)(nil)
	_ fyne.Tappable     = (*Board)(nil)
	_ desktop.Keyable   = (*Board)(nil)
)

// selection is what the keyboard acts on.
type selection struct {
	note    string // the selected note
	block   string // the block with the keyboard focus: the selected note's, or an empty block
	focused bool   // the board has the keyboard focus
	shift   bool   // Shift is held
}

// Selected returns the ID of the selected note, or "".
func (b *Board) Selected() string { return b.sel.note }

// Select selects the note with the given ID and scrolls it into view; ""
// clears the selection. An unknown ID is ignored.
func (b *Board) Select(id string) {
	if id == "" {
		b.setSelection("", "")
		b.redraw()
		return
	}
	block, _, ok := b.find(id)
	if !ok {
		return
	}
	b.setSelection(id, block)
	b.scrollIntoView(id)
	b.redraw()
}

// setSelection selects a note (or none) and the block with the keyboard
// focus, telling OnSelect when the note changed.
func (b *Board) setSelection(id, block string) {
	changed := id != b.sel.note
	b.sel.note, b.sel.block = id, block
	if changed && b.OnSelect != nil {
		b.OnSelect(id)
	}
}

// requestFocus gives the board the keyboard focus.
func (b *Board) requestFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(b); c != nil && c.Focused() != b {
		c.Focus(b)
	}
}

// Tapped on the board's background clears the selection and takes the
// keyboard focus.
func (b *Board) Tapped(*fyne.PointEvent) {
	b.requestFocus()
	b.setSelection("", "")
	b.redraw()
}

func (b *Board) pressNote(id string) {
	block, _, ok := b.find(id)
	if !ok {
		return
	}
	b.requestFocus()
	if id != b.sel.note || block != b.sel.block {
		b.setSelection(id, block)
		b.redraw()
	}
}

func (b *Board) pressBlock(id string) {
	b.requestFocus()
	if b.sel.note != "" || b.sel.block != id {
		b.setSelection("", id)
		b.redraw()
	}
}

func (b *Board) secondaryTapNote(id string, e *fyne.PointEvent) {
	b.pressNote(id)
	b.showNoteMenu(id, e.AbsolutePosition)
}

// FocusGained shows the selection as focused.
func (b *Board) FocusGained() {
	b.sel.focused = true
	b.redraw()
}

// FocusLost shows the selection as unfocused.
func (b *Board) FocusLost() {
	b.sel.focused, b.sel.shift = false, false
	b.redraw()
}

// AcceptsTab is true while there is something to move to: the board uses
// Tab and Shift+Tab to move between notes, and passes the focus on after
// the last one.
func (b *Board) AcceptsTab() bool { return b.template() != nil }

// KeyDown tracks the Shift key, which Tab events do not carry.
func (b *Board) KeyDown(e *fyne.KeyEvent) {
	if e.Name == desktop.KeyShiftLeft || e.Name == desktop.KeyShiftRight {
		b.sel.shift = true
	}
}

// KeyUp tracks the Shift key.
func (b *Board) KeyUp(e *fyne.KeyEvent) {
	if e.Name == desktop.KeyShiftLeft || e.Name == desktop.KeyShiftRight {
		b.sel.shift = false
	}
}

// TypedRune recolours the selected note with the digits 1 to 7 (the
// palette in menu order) and shows the focused block's prompts with "?".
func (b *Board) TypedRune(r rune) {
	switch {
	case r >= '1' && int(r-'1') < len(bmc.Palette()):
		if b.sel.note != "" {
			b.recolour(b.sel.note, bmc.Palette()[r-'1'])
		}
	case r == '?':
		b.showHelp()
	}
}

// TypedKey handles the board's keys: Tab and the arrows move the
// selection, Enter or F2 edits, Insert adds, Delete removes, Escape clears
// the focus on a segment or else the selection, Shift+F10 or the Menu key
// opens the context menu, F1 shows the prompts, Page Up and Page Down
// scroll the focused block.
func (b *Board) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyTab:
		b.tab(b.sel.shift)
	case fyne.KeyUp:
		b.arrow(dirUp)
	case fyne.KeyDown:
		b.arrow(dirDown)
	case fyne.KeyLeft:
		b.arrow(dirLeft)
	case fyne.KeyRight:
		b.arrow(dirRight)
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyF2:
		if b.sel.note != "" {
			b.EditSelected()
		} else if b.sel.block != "" {
			b.AddNote(b.sel.block)
		}
	case fyne.KeyInsert:
		if blk := b.focusBlock(); blk != "" {
			b.AddNote(blk)
		}
	case fyne.KeyDelete, fyne.KeyBackspace:
		b.DeleteSelected()
	case fyne.KeyEscape:
		if b.look.focus != "" {
			b.setFocus("", true)
			return
		}
		b.setSelection("", "")
		b.redraw()
	case fyne.KeyPageDown, fyne.KeyPageUp:
		b.page(e.Name == fyne.KeyPageDown)
	case fyne.KeyF10:
		if b.sel.shift {
			b.keyboardMenu()
		}
	case desktop.KeyMenu:
		b.keyboardMenu()
	case fyne.KeyF1:
		b.showHelp()
	default:
		if b.OnOtherKey != nil {
			b.OnOtherKey(e)
		}
	}
}

// page scrolls the focused block by a view's worth of rows.
func (b *Board) page(down bool) {
	g := b.geometry()
	k := g.find(b.focusBlock())
	if k < 0 {
		return
	}
	bg := &g.blocks[k]
	n := max(bg.end-bg.first, 1)
	if !down {
		n = -n
	}
	b.scrollRows(bg.block.ID, n)
}

// TypedShortcut moves the selected note with Ctrl+arrow, adds a note with
// Ctrl+Enter and zooms with Ctrl+=, Ctrl+- and Ctrl+0; other shortcuts go
// on to the window's canvas, so that shortcuts the application added there
// still work while the board has the focus.
func (b *Board) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok &&
		(cs.Modifier == fyne.KeyModifierControl || cs.Modifier == fyne.KeyModifierShortcutDefault) {
		switch cs.KeyName {
		case fyne.KeyUp:
			b.moveSelected(dirUp)
			return
		case fyne.KeyDown:
			b.moveSelected(dirDown)
			return
		case fyne.KeyLeft:
			b.moveSelected(dirLeft)
			return
		case fyne.KeyRight:
			b.moveSelected(dirRight)
			return
		case fyne.KeyReturn, fyne.KeyEnter:
			if blk := b.focusBlock(); blk != "" {
				b.AddNote(blk)
			}
			return
		}
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(b); c != nil {
		if sc, ok := c.(fyne.Shortcutable); ok {
			sc.TypedShortcut(s)
		}
	}
}

// focusBlock returns the block with the keyboard focus, or "".
func (b *Board) focusBlock() string {
	if block, _, ok := b.find(b.sel.note); ok {
		return block
	}
	return b.sel.block
}

// stop is a place Tab moves to: a note, or an empty block.
type stop struct{ block, note string }

// stops lists the Tab stops in order: block by block in template order,
// each block's notes in order, and an empty block as a stop of its own.
func (b *Board) stops() []stop {
	var out []stop
	g := b.geometry()
	for _, bg := range g.blocks {
		if bg.leaving {
			continue
		}
		notes := b.canvas.Blocks[bg.block.ID]
		if len(notes) == 0 {
			out = append(out, stop{block: bg.block.ID})
		}
		for _, n := range notes {
			out = append(out, stop{block: bg.block.ID, note: n.ID})
		}
	}
	return out
}

// goTo selects a stop.
func (b *Board) goTo(s stop) {
	if s.note != "" {
		b.setSelection(s.note, s.block)
		b.scrollIntoView(s.note)
	} else {
		b.setSelection("", s.block)
	}
	b.redraw()
}

// tab moves to the next (or previous) stop; past the last one the focus
// leaves the board, and comes back round to the first when nothing else
// takes it.
func (b *Board) tab(back bool) {
	stops := b.stops()
	if len(stops) == 0 {
		return
	}
	at := -1
	for i, s := range stops {
		if (b.sel.note != "" && s.note == b.sel.note) || (b.sel.note == "" && s.note == "" && s.block == b.sel.block) {
			at = i
			break
		}
		if b.sel.note == "" && s.block == b.sel.block {
			// A block with notes has the focus: Tab goes to its first
			// note, Shift+Tab to the stop before it.
			at = i - 1
			if back {
				at = i
			}
			break
		}
	}
	next := at + 1
	if back {
		next = at - 1
		if at < 0 {
			next = len(stops) - 1
		}
	}
	if next < 0 || next >= len(stops) {
		if c := fyne.CurrentApp().Driver().CanvasForObject(b); c != nil {
			if back {
				c.FocusPrevious()
			} else {
				c.FocusNext()
			}
			if c.Focused() != b {
				return
			}
		}
		next = 0
		if back {
			next = len(stops) - 1
		}
	}
	b.goTo(stops[next])
}

// focusPoint returns the centre of the selected card or of the focused
// block, and the index of its block in g.
func (b *Board) focusPoint(g *geometry) (fyne.Position, int) {
	if block, i, ok := b.find(b.sel.note); ok {
		if k := g.find(block); k >= 0 {
			bg := &g.blocks[k]
			c := bg.cardOf(i)
			s := bg.cardSize(c)
			return bg.cardPos(c).AddXY(s.Width/2, s.Height/2), k
		}
	}
	if k := g.find(b.sel.block); k >= 0 {
		bg := &g.blocks[k]
		return bg.pos.AddXY(bg.size.Width/2, bg.size.Height/2), k
	}
	return fyne.Position{}, -1
}

// arrow moves the selection: within a block through its grid of cards,
// and across block edges to the neighbouring block.
func (b *Board) arrow(d direction) {
	g := b.geometry()
	at, k := b.focusPoint(g)
	if k < 0 {
		if stops := b.stops(); len(stops) > 0 {
			b.goTo(stops[0])
		}
		return
	}
	if b.sel.note == "" && g.blocks[k].real() > 0 {
		// A block with notes has the focus: go to its first note in view.
		from, _ := g.blocks[k].visible()
		i := g.blocks[k].nearestNote(from) // not a ghost
		b.goTo(stop{block: g.blocks[k].block.ID, note: b.canvas.Blocks[g.blocks[k].block.ID][i].ID})
		return
	}
	if _, i, ok := b.find(b.sel.note); ok {
		if j := g.blocks[k].step(i, d); j >= 0 {
			id := b.canvas.Blocks[g.blocks[k].block.ID][j].ID
			b.goTo(stop{block: g.blocks[k].block.ID, note: id})
			return
		}
	}
	n := g.neighbour(k, d, at)
	if n < 0 {
		return
	}
	to := &g.blocks[n]
	if j := to.entry(d, at); j >= 0 {
		b.goTo(stop{block: to.block.ID, note: b.canvas.Blocks[to.block.ID][j].ID})
	} else {
		b.goTo(stop{block: to.block.ID})
	}
}

// moveSelected moves the selected note one place in direction d: within
// its block through the grid, or across the edge into the neighbouring
// block, next to the note the selection would move to.
func (b *Board) moveSelected(d direction) {
	block, i, ok := b.find(b.sel.note)
	if !ok {
		return
	}
	g := b.geometry()
	at, k := b.focusPoint(g)
	if k < 0 {
		return
	}
	if j := b.moveStep(&g.blocks[k], block, i, d); j >= 0 {
		b.moveNote(b.sel.note, block, j)
		return
	}
	n := g.neighbour(k, d, at)
	if n < 0 {
		return
	}
	to := &g.blocks[n]
	index := to.entry(d, at)
	switch {
	case index < 0:
		index = 0
	case d == dirLeft || d == dirUp:
		index++
	}
	b.moveNote(b.sel.note, to.block.ID, index)
}

// moveStep returns the index to move note i of block to, counted after
// it is taken out, so that its card goes one step in direction d, or -1
// when the move leaves the block. Without ghosts that is the place of the
// note a step goes to. The ghosts of removed notes follow the notes they
// followed, the moved one's too, so among them each place is tried: the
// one that puts the card in the nearest row below or above (then the
// nearest column), or in the nearest column to the side in its row.
func (b *Board) moveStep(bg *blockGeom, block string, i int, d direction) int {
	if bg.ghosts == 0 {
		return bg.step(i, d)
	}
	notes := b.notes(block)
	moved := notes[i]
	rest := slices.Delete(slices.Clone(notes), i, i+1)
	ghosts := b.ghostsIn(block)
	at := func(order []bmc.Note) int { // the moved note's card
		cards := bmc.InsertGhosts(order, ghosts)
		return slices.IndexFunc(cards, func(n bmc.Note) bool { return n.ID == moved.ID })
	}
	c0 := bg.cardOf(i)
	row0, col0 := c0/bg.cols, c0%bg.cols
	best, bestRows, bestCols := -1, 0, 0
	for j := 0; j <= len(rest); j++ {
		if j == i {
			continue
		}
		c := at(slices.Insert(slices.Clone(rest), j, moved))
		row, col := c/bg.cols, c%bg.cols
		rows, cols := abs(row-row0), abs(col-col0)
		switch d {
		case dirDown, dirUp:
			if rows == 0 || (row > row0) != (d == dirDown) {
				continue
			}
		case dirLeft, dirRight:
			if rows != 0 || cols == 0 || (col > col0) != (d == dirRight) {
				continue
			}
		}
		if best < 0 || rows < bestRows || rows == bestRows && cols < bestCols {
			best, bestRows, bestCols = j, rows, cols
		}
	}
	return best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// noteMenu is a note's context menu: edit, delete, colour, then the
// application's items.
func (b *Board) noteMenu(id string) *fyne.Menu {
	n, _ := b.note(id)
	colours := make([]*fyne.MenuItem, len(bmc.Palette()))
	for i, c := range bmc.Palette() {
		item := fyne.NewMenuItem(fmt.Sprintf("%s\t%d", colorName(c), i+1), func() { b.recolour(id, c) })
		item.Label = colorName(c)
		item.Icon = swatch(c)
		item.Checked = n.Color == c
		colours[i] = item
	}
	colour := fyne.NewMenuItem("Colour", nil)
	colour.ChildMenu = fyne.NewMenu("", colours...)
	items := []*fyne.MenuItem{
		fyne.NewMenuItem("Edit", func() { b.startEdit(id) }),
		fyne.NewMenuItem("Delete", func() { b.deleteNote(id) }),
		fyne.NewMenuItemSeparator(),
		colour,
	}
	if b.ContextMenuExtra != nil {
		if extra := b.ContextMenuExtra(id); len(extra) > 0 {
			items = append(items, fyne.NewMenuItemSeparator())
			items = append(items, extra...)
		}
	}
	return fyne.NewMenu("", items...)
}

// showNoteMenu opens a note's context menu at an absolute position.
func (b *Board) showNoteMenu(id string, at fyne.Position) {
	c := fyne.CurrentApp().Driver().CanvasForObject(b)
	if c == nil {
		return
	}
	widget.ShowPopUpMenuAtPosition(b.noteMenu(id), c, at)
}

// keyboardMenu opens the selected note's context menu over its card.
func (b *Board) keyboardMenu() {
	block, i, ok := b.find(b.sel.note)
	if !ok {
		return
	}
	g := b.geometry()
	k := g.find(block)
	if k < 0 {
		return
	}
	bg := &g.blocks[k]
	c := bg.cardOf(i)
	if from, to := bg.visible(); c < from || c >= to {
		return
	}
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
	s := bg.cardSize(c)
	b.showNoteMenu(b.sel.note, abs.Add(bg.cardPos(c)).AddXY(s.Width/2, s.Height/2))
}

// showHelp shows the focused block's prompts.
func (b *Board) showHelp() {
	b.blockWidgets()
	if w := b.blocks[b.focusBlock()]; w != nil {
		w.ShowHelp()
	}
}
