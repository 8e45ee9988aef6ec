package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// This file holds the Board's pointer and keyboard handling.

var (
	_ fyne.Focusable    = (*Board)(nil)
	_ fyne.Tabbable     = (*Board)(nil)
	_ fyne.Shortcutable = (*Board)(nil)
	_ fyne.Tappable     = (*Board)(nil)
	_ desktop.Keyable   = (*Board)(nil)
)

// wheelNotch is the wheel distance that scrolls a block by one row.
const wheelNotch = 20

// relayout moves the board's pieces after a change of selection, scroll or
// drag, without refreshing every card.
func (b *Board) relayout() {
	if b.view != nil {
		b.view.Layout(b.Size())
	}
}

// Tapped on the board's background clears the selection and takes the
// keyboard focus.
func (b *Board) Tapped(*fyne.PointEvent) {
	b.requestFocus()
	b.setSelection("", "")
	b.relayout()
}

func (b *Board) pressNote(id string) {
	block, _, ok := b.find(id)
	if !ok {
		return
	}
	b.requestFocus()
	if id != b.selected || block != b.current {
		b.setSelection(id, block)
		b.relayout()
	}
}

func (b *Board) pressBlock(id string) {
	b.requestFocus()
	if b.selected != "" || b.current != id {
		b.setSelection("", id)
		b.relayout()
	}
}

func (b *Board) secondaryTapNote(id string, e *fyne.PointEvent) {
	b.pressNote(id)
	b.showNoteMenu(id, e.AbsolutePosition)
}

// scrollBlock turns wheel distance over a block into rows of cards.
func (b *Board) scrollBlock(id string, dy float32) {
	b.wheel[id] += dy
	steps := int(b.wheel[id] / wheelNotch)
	if steps == 0 {
		return
	}
	b.wheel[id] -= float32(steps) * wheelNotch
	b.scroll[id] -= steps
	b.dirty = true
	b.relayout()
}

// dragNote follows a card being dragged: pointer is relative to the card.
// Only the ghost card and the drop bar move; the board is not rebuilt.
func (b *Board) dragNote(c *NoteCard, pointer fyne.Position) {
	r := b.view
	if r == nil {
		return
	}
	if b.drag == nil {
		block, _, ok := b.find(c.Note.ID)
		if !ok {
			return
		}
		if b.editing != "" {
			b.editor.commit(false)
		}
		b.drag = &boardDrag{id: c.Note.ID, fromBlock: block, origin: c.Position(), grab: c.grab}
		b.setSelection(c.Note.ID, block)
		r.ghost.setNote(c.Note)
		r.ghost.setLook(c.Marks, c.Segment, c.SegmentFocused, false, c.Currency)
		r.ghost.Refresh()
		r.ghost.Resize(c.Size())
		r.ghost.Show()
		c.Lifted = true
		c.Refresh()
		r.ring.Hide()
		r.conns.layout(b, r.shownAt) // hides the connections while dragging
	}
	d := b.drag
	at := d.origin.Add(pointer)
	r.ghost.Move(at.Subtract(d.grab))
	g := b.geometry()
	target := ""
	if k := g.blockAt(at); k >= 0 {
		target = g.blocks[k].block.ID
		index, pos, size := g.blocks[k].dropAt(at)
		d.index = index
		r.bar.Move(pos)
		r.bar.Resize(size)
		r.bar.Show()
	} else {
		r.bar.Hide()
	}
	if target != d.target {
		r.highlight(d.target, false)
		r.highlight(target, true)
		d.target = target
	}
}

// highlight marks or unmarks a block as the drop target.
func (r *boardRenderer) highlight(block string, on bool) {
	if w := r.blocks[block]; w != nil && w.Target != on {
		w.Target = on
		w.Refresh()
	}
}

// endDrag drops the dragged note where the bar shows, or nowhere when the
// pointer left every block. The layout may have changed since the last
// Dragged event (the backstage hidden, an undo): a target block that is
// no longer in view cancels the drop, and an index past the block's end
// is clamped to it.
func (b *Board) endDrag() {
	d := b.drag
	if d == nil {
		return
	}
	b.drag = nil
	if r := b.view; r != nil {
		r.ghost.Hide()
		r.bar.Hide()
		r.highlight(d.target, false)
	}
	b.relayout()
	if d.target == "" || b.geometry().find(d.target) < 0 || !b.blockShown(d.target) {
		return
	}
	from, i, ok := b.find(d.id)
	if !ok {
		return
	}
	block := d.target
	index := clampInt(d.index, 0, len(b.canvas.Blocks[block]))
	if block == from {
		if index == i || index == i+1 {
			return
		}
		if index > i {
			index--
		}
	}
	b.moveNote(d.id, block, index)
}

// blockShown reports whether the canvas lays out a block: it is in the
// template and not in a hidden backstage.
func (b *Board) blockShown(id string) bool {
	if b.template() == nil {
		return false
	}
	for _, p := range b.canvas.Layout() {
		if p.Block.ID == id {
			return true
		}
	}
	return false
}

// FocusGained shows the selection as focused.
func (b *Board) FocusGained() {
	b.focused = true
	b.relayout()
}

// FocusLost shows the selection as unfocused.
func (b *Board) FocusLost() {
	b.focused, b.shift = false, false
	b.relayout()
}

// AcceptsTab is true while there is something to move to: the board uses
// Tab and Shift+Tab to move between notes, and passes the focus on after
// the last one.
func (b *Board) AcceptsTab() bool { return b.template() != nil }

// KeyDown tracks the Shift key, which Tab events do not carry.
func (b *Board) KeyDown(e *fyne.KeyEvent) {
	if e.Name == desktop.KeyShiftLeft || e.Name == desktop.KeyShiftRight {
		b.shift = true
	}
}

// KeyUp tracks the Shift key.
func (b *Board) KeyUp(e *fyne.KeyEvent) {
	if e.Name == desktop.KeyShiftLeft || e.Name == desktop.KeyShiftRight {
		b.shift = false
	}
}

// TypedRune recolours the selected note with the digits 1 to 7 (the
// palette in menu order) and shows the focused block's prompts with "?".
func (b *Board) TypedRune(r rune) {
	switch {
	case r >= '1' && int(r-'1') < len(bmc.Palette()):
		if b.selected != "" {
			b.recolour(b.selected, bmc.Palette()[r-'1'])
		}
	case r == '?':
		b.showHelp()
	}
}

// TypedKey handles the board's keys: Tab and the arrows move the
// selection, Enter or F2 edits, Insert adds, Delete removes, Escape clears
// the focus on a segment or else the selection, Shift+F10 or the Menu key opens the context menu and F1
// shows the prompts.
func (b *Board) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyTab:
		b.tab(b.shift)
	case fyne.KeyUp:
		b.arrow(dirUp)
	case fyne.KeyDown:
		b.arrow(dirDown)
	case fyne.KeyLeft:
		b.arrow(dirLeft)
	case fyne.KeyRight:
		b.arrow(dirRight)
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyF2:
		if b.selected != "" {
			b.EditSelected()
		} else if b.current != "" {
			b.AddNote(b.current)
		}
	case fyne.KeyInsert:
		if blk := b.focusBlock(); blk != "" {
			b.AddNote(blk)
		}
	case fyne.KeyDelete, fyne.KeyBackspace:
		b.DeleteSelected()
	case fyne.KeyEscape:
		if b.focus != "" {
			b.setFocus("", true)
			return
		}
		b.setSelection("", "")
		b.relayout()
	case fyne.KeyF10:
		if b.shift {
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

// TypedShortcut moves the selected note with Ctrl+arrow and adds a note
// with Ctrl+Enter; other shortcuts go on to the window's canvas, so that
// shortcuts the application added there still work while the board has
// the focus.
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
	if block, _, ok := b.find(b.selected); ok {
		return block
	}
	return b.current
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
	b.relayout()
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
		if (b.selected != "" && s.note == b.selected) || (b.selected == "" && s.note == "" && s.block == b.current) {
			at = i
			break
		}
		if b.selected == "" && s.block == b.current {
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
	if block, i, ok := b.find(b.selected); ok {
		if k := g.find(block); k >= 0 {
			bg := &g.blocks[k]
			return bg.cardPos(i).AddXY(bg.card.Width/2, bg.card.Height/2), k
		}
	}
	if k := g.find(b.current); k >= 0 {
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
	if b.selected == "" && g.blocks[k].count > 0 {
		// A block with notes has the focus: go to its first note in view.
		from, _ := g.blocks[k].visible()
		b.goTo(stop{block: g.blocks[k].block.ID, note: b.canvas.Blocks[g.blocks[k].block.ID][from].ID})
		return
	}
	if _, i, ok := b.find(b.selected); ok {
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
	block, i, ok := b.find(b.selected)
	if !ok {
		return
	}
	g := b.geometry()
	at, k := b.focusPoint(g)
	if k < 0 {
		return
	}
	if j := g.blocks[k].step(i, d); j >= 0 {
		b.moveNote(b.selected, block, j)
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
	b.moveNote(b.selected, to.block.ID, index)
}

// keyboardMenu opens the selected note's context menu over its card.
func (b *Board) keyboardMenu() {
	if b.view == nil {
		return
	}
	c, ok := b.view.shownAt[b.selected]
	if !ok {
		return
	}
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
	b.showNoteMenu(b.selected, abs.Add(c.Position()).AddXY(c.Size().Width/2, c.Size().Height/2))
}

// showHelp shows the focused block's prompts.
func (b *Board) showHelp() {
	if b.view == nil {
		return
	}
	if w := b.view.blocks[b.focusBlock()]; w != nil {
		w.ShowHelp()
	}
}
