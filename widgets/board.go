package widgets

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/textlayout"
)

var _ fyne.Widget = (*Board)(nil)

// animationTime is how long the board takes to hide or reveal the
// backstage.
const animationTime = 200 * time.Millisecond

// Board is the editable canvas: the blocks of the canvas's template laid
// out to fill the widget, the notes as cards flowing in each block, and,
// when the backstage is hidden, a curtain strip that reveals it.
//
// Every change the board makes to the canvas goes through OnEdit, so that
// an application can record it for undo; the board never changes the
// canvas in any other way.
//
// The board is split along its seams: board_layout.go lays it out (a pure
// function), board_render.go draws that layout, board_keys.go holds the
// selection and the keyboard, board_drag.go the pointer drags,
// board_edit.go editing a note in place, board_focus.go the focus on a
// segment and the filter, and links.go the selected note's links.
type Board struct {
	widget.BaseWidget

	// OnEdit, when set, performs every change the board makes: it should
	// take an undo snapshot, apply op to the canvas, mark the document
	// changed and call Refresh. label names the change for an Undo menu:
	// "Move note", "Edit note", "Add note", "Delete note", "Recolour note",
	// "Link to segment", "Link notes", "Hide backstage" or "Show
	// backstage". When OnEdit
	// is nil the board applies op to its canvas itself and refreshes.
	OnEdit func(label string, op func(*bmc.Canvas) error) error
	// OnError, when set, is told about changes that failed.
	OnError func(err error)
	// OnSelect, when set, is called when the selected note changes, with
	// its ID or "" for none.
	OnSelect func(noteID string)
	// ContextMenuExtra, when set, returns items to add at the end of a
	// note's context menu.
	ContextMenuExtra func(noteID string) []*fyne.MenuItem
	// OnFocusChange, when set, is called when the segment in focus changes
	// from inside the board: a segment's dot tapped, Escape pressed, or
	// the segment gone from the canvas. It gets the segment's ID or "".
	// SetFocusSegment does not call it.
	OnFocusChange func(segmentID string)
	// OnOtherKey receives the keys the board does not use, such as F5:
	// Fyne fires no shortcut without a modifier while the board has focus.
	OnOtherKey func(*fyne.KeyEvent)
	// OnZoom, when set, is called when the zoom changes from inside the
	// board (Ctrl and the mouse wheel). SetZoom does not call it.
	OnZoom func(Zoom)

	canvas *bmc.Canvas
	sel    selection
	edit   inPlaceEdit
	drag   dragController
	look   lookState
	zoom   Zoom
	scroll map[string]int     // first row in view, per block
	wheel  map[string]float32 // wheel distance not yet turned into rows
	anim   *boardAnim
	cache  layoutCache
	blocks map[string]*blockWidget // one per block of the template
	order  []*blockWidget          // in template order
	// blocksFor is the template the block widgets were made for.
	blocksFor string
	// changes are the marks of a comparison, nil when there is none.
	changes *bmc.Marks
}

// layoutCache is the board's last layout and what it was made from.
type layoutCache struct {
	geom    *geometry
	dirty   bool
	base    baseSizes
	texts   map[string]*textlayout.Text // each note text prepared for wrapping
	cards   map[cardKey]cardLayout      // card layouts, by what they show
	columns map[columnsKey]int          // crowded blocks' columns
	version int                         // counts changes of the canvas
	shown   bool                        // the backstage setting last laid out
	tmplID  string                      // the template last laid out
	laidOut bool                        // laid out at a real size at least once
}

// boardAnim is the backstage being hidden or revealed.
type boardAnim struct {
	from, to               []place
	curtainFrom, curtainTo float32
	f                      float32
	anim                   *fyne.Animation
}

// NewBoard returns a board showing c.
func NewBoard(c *bmc.Canvas) *Board {
	b := &Board{canvas: c, scroll: map[string]int{}, wheel: map[string]float32{}, zoom: Zoom{Factor: 1}}
	b.cache.dirty = true
	b.ExtendBaseWidget(b)
	b.edit.editor = newNoteEditor()
	b.edit.editor.onCommit = b.commitEdit
	b.edit.editor.onCancel = b.cancelEdit
	b.edit.editor.Hidden = true
	b.drag.overlay = newDragOverlay()
	b.drag.conns = newConnections()
	b.drag.overlay.handle.onDragged = b.dragHandle
	b.drag.overlay.handle.onDragEnd = b.endLink
	b.sync()
	return b
}

// Canvas returns the canvas shown.
func (b *Board) Canvas() *bmc.Canvas { return b.canvas }

// SetCanvas shows another canvas, such as after opening a file or undoing
// a change. The selection stays when the new canvas has a note with the
// same ID.
func (b *Board) SetCanvas(c *bmc.Canvas) {
	b.canvas = c
	b.Refresh()
}

// SetChanges marks the notes with how they changed since another version
// of the canvas, as the change poster does: new notes outlined in green,
// changed ones in blue with a label (and an edited note's old text struck
// through), and the removed notes as faded, read-only ghosts where they
// were, after the note they followed. The ghosts are not part of the
// canvas and take no part in selection, moves or drops. Call it again
// after every change of the canvas; nil clears the marks.
func (b *Board) SetChanges(m *bmc.Marks) {
	b.changes = m
	b.cache.dirty = true
	b.cache.version++
	b.redraw()
}

// Changes returns the marks set with SetChanges.
func (b *Board) Changes() *bmc.Marks { return b.changes }

// cardNotes returns what block's cards show, in order: its notes and,
// during a comparison, the ghosts of the removed notes that were in it,
// each after the note it followed, as the change poster has them
// (bmc.InsertGhosts).
func (b *Board) cardNotes(block string) []bmc.Note {
	return bmc.InsertGhosts(b.notes(block), b.ghostsIn(block))
}

// ghostsIn returns the ghosts of the removed notes that were in block, as
// the board shows them: their IDs cannot be a canvas note's.
func (b *Board) ghostsIn(block string) []bmc.Ghost {
	gs := b.changes.GhostsIn(block)
	for i := range gs {
		gs[i].Note.ID = ghostPrefix + gs[i].Note.ID
		gs[i].Note.Links = nil
	}
	return gs
}

// ghostPrefix starts the ID of a removed note's ghost on the board: no
// canvas note has it, as IDs in files are letters, digits, "-" and "_".
const ghostPrefix = "\x00removed:"

// isGhost reports whether id is a ghost's.
func isGhost(id string) bool { return strings.HasPrefix(id, ghostPrefix) }

// currencyOf returns the currency a note's amount is shown in: the
// canvas's, or for the ghost of a removed note the old version's.
func (b *Board) currencyOf(id string) string {
	if isGhost(id) && b.changes != nil {
		return b.changes.OldCurrency
	}
	return b.canvas.Currency
}

// changeMark returns the mark of the note with the given ID, a ghost's
// too, or nil.
func (b *Board) changeMark(id string) *bmc.NoteMark {
	return b.changes.Of(strings.TrimPrefix(id, ghostPrefix))
}

// Zoom returns the board's zoom.
func (b *Board) Zoom() Zoom { return b.zoom }

// SetZoom sets how large the board draws its blocks and notes. A factor
// outside 0.5 to 3 is brought inside.
func (b *Board) SetZoom(z Zoom) {
	if !z.Fit {
		z.Factor = min(max(z.Factor, zoomSteps[0]), zoomSteps[len(zoomSteps)-1])
	}
	if z == b.zoom {
		return
	}
	b.zoom = z
	b.cache.dirty = true
	b.redraw()
}

// ZoomIn and ZoomOut step the zoom to the next larger or smaller of the
// usual factors (from the size fit chose, when fitting).
func (b *Board) ZoomIn() { b.SetZoom(Zoom{Factor: nextZoom(b.ZoomFactor(), 1)}) }

// ZoomOut steps the zoom down; see ZoomIn.
func (b *Board) ZoomOut() { b.SetZoom(Zoom{Factor: nextZoom(b.ZoomFactor(), -1)}) }

// ZoomFactor returns the zoom factor in use: the one set, or the one fit
// chose.
func (b *Board) ZoomFactor() float32 {
	if !b.zoom.Fit {
		return b.zoom.Factor
	}
	return b.geometry().m.zoom
}

// nextZoom returns the next of zoomSteps after f in direction dir (1 or
// -1), or the last one.
func nextZoom(f float32, dir int) float32 {
	if dir > 0 {
		for _, s := range zoomSteps {
			if s > f+0.005 {
				return s
			}
		}
		return zoomSteps[len(zoomSteps)-1]
	}
	for i := len(zoomSteps) - 1; i >= 0; i-- {
		if zoomSteps[i] < f-0.005 {
			return zoomSteps[i]
		}
	}
	return zoomSteps[0]
}

// BlockView says how a board shows one block's notes.
type BlockView struct {
	// Block is the block's ID.
	Block string
	// TextSize is the size of every note's text in the block.
	TextSize float32
	// AtFloor is true when the text is at its smallest, the legibility
	// floor of the zoom: only then does a block scroll.
	AtFloor bool
	// Scrolled lists the notes scrolled out of view; Cut those in view
	// but drawn shorter than they need, taller than the block's view.
	Scrolled, Cut []string
}

// View reports how the board shows its notes, block by block in template
// order.
func (b *Board) View() []BlockView {
	g := b.geometry()
	var out []BlockView
	for k := range g.blocks {
		bg := &g.blocks[k]
		if bg.leaving {
			continue
		}
		v := BlockView{Block: bg.block.ID, TextSize: bg.text, AtFloor: bg.text <= g.m.noteFloor}
		from, to := bg.visible()
		for i, n := range b.canvas.Blocks[bg.block.ID] {
			switch c := bg.cardOf(i); {
			case c < from || c >= to:
				v.Scrolled = append(v.Scrolled, n.ID)
			case bg.cut(c):
				v.Cut = append(v.Cut, n.ID)
			}
		}
		out = append(out, v)
	}
	return out
}

// Hidden returns the IDs of the notes not shown whole: scrolled out of
// view, or cut because a note is taller than its block's view, in
// template and block order.
func (b *Board) Hidden() []string {
	var out []string
	for _, v := range b.View() {
		out = append(out, v.Scrolled...)
		out = append(out, v.Cut...)
	}
	return out
}

// AddNote adds an empty note at the end of a block and opens it for
// editing. Cancelling that edit, or committing it empty, deletes the note
// again.
func (b *Board) AddNote(blockID string) {
	if b.canvas == nil || b.template() == nil {
		return
	}
	t := b.template()
	blk, ok := t.Block(blockID)
	if !ok {
		b.report(fmt.Errorf("add note: the %s has no block %q", t.Name, blockID))
		return
	}
	if blk.Backstage && !b.canvas.BackstageShown() {
		b.report(fmt.Errorf("add note: show the backstage to add a note to %s", blk.Title))
		return
	}
	b.edit.editor.commit(false)
	b.edit.pending = &pendingNote{block: blockID, note: bmc.Note{ID: pendingID, Color: bmc.Yellow}}
	b.cache.dirty = true
	b.startEdit(pendingID)
}

// DeleteSelected deletes the selected note and selects its neighbour.
func (b *Board) DeleteSelected() {
	if b.sel.note != "" {
		b.deleteNote(b.sel.note)
	}
}

// SetBackstageShown hides or reveals the backstage blocks, through OnEdit,
// animating the change. It does nothing for templates without a backstage
// or when the backstage already is as asked.
func (b *Board) SetBackstageShown(shown bool) {
	t := b.template()
	if t == nil || !t.HasBackstage() || b.canvas.BackstageShown() == shown {
		return
	}
	label := "Hide backstage"
	if shown {
		label = "Show backstage"
	}
	b.change(label, func(c *bmc.Canvas) error { return c.SetBackstageShown(shown) })
}

// Refresh brings the board up to date with its canvas: call it after
// changing the canvas.
func (b *Board) Refresh() {
	b.sync()
	b.BaseWidget.Refresh()
}

// redraw draws the board again after a change of selection, scroll, zoom
// or drag, without checking the canvas.
func (b *Board) redraw() { b.BaseWidget.Refresh() }

// CreateRenderer is a private method to Fyne which links this widget to its
// renderer.
func (b *Board) CreateRenderer() fyne.WidgetRenderer { return newBoardRenderer(b) }

// template returns the canvas's template, or nil when there is no canvas
// or its template is unknown.
func (b *Board) template() *bmc.Template {
	if b.canvas == nil {
		return nil
	}
	t, ok := bmc.TemplateByID(b.canvas.TemplateID)
	if !ok {
		return nil
	}
	return t
}

// blockWidgets returns the block widgets of the canvas's template, making
// them when the template changed.
func (b *Board) blockWidgets() []*blockWidget {
	t := b.template()
	id := ""
	if t != nil {
		id = t.ID
	}
	if b.blocks != nil && id == b.blocksFor {
		return b.order
	}
	b.blocksFor = id
	b.blocks = map[string]*blockWidget{}
	b.order = nil
	if t != nil {
		for i := range t.Blocks {
			spec := &t.Blocks[i]
			w := newBlockWidget(spec)
			w.OnPressed = func() { b.pressBlock(spec.ID) }
			w.OnAdd = func() { b.AddNote(spec.ID) }
			w.OnScrolled = func(e *fyne.ScrollEvent) { b.scrolled(spec.ID, e) }
			b.blocks[spec.ID] = w
			b.order = append(b.order, w)
		}
	}
	return b.order
}

// sync checks the board's state against its canvas after a change: it
// drops a selection whose note went away, closes an editor whose note went
// away, and starts the backstage animation when the setting changed.
func (b *Board) sync() {
	b.cache.dirty = true
	b.cache.version++
	t := b.template()
	if t == nil {
		b.setSelection("", "")
		b.closeEditor()
		b.cache.tmplID = ""
		b.syncSegments()
		return
	}
	visible := map[string]bool{}
	for _, p := range b.canvas.Layout() {
		visible[p.Block.ID] = true
	}
	if b.sel.note != "" {
		if block, _, ok := b.find(b.sel.note); !ok || !visible[block] {
			b.setSelection("", "")
		} else {
			b.sel.block = block
		}
	}
	if b.sel.block != "" && !visible[b.sel.block] {
		b.sel.block = ""
	}
	if b.edit.note != "" {
		if block, _, ok := b.find(b.edit.note); !ok || !visible[block] {
			b.closeEditor()
		}
	}
	if p := b.edit.pending; p != nil && (!visible[p.block] || b.edit.note != pendingID) {
		b.edit.pending = nil
	}
	b.syncSegments()
	shown := b.canvas.BackstageShown()
	if t.ID == b.cache.tmplID && shown != b.cache.shown && b.cache.laidOut {
		b.animate(b.cache.shown, shown)
	} else if t.ID != b.cache.tmplID && b.anim != nil {
		b.anim.anim.Stop()
		b.anim = nil
	}
	b.cache.tmplID, b.cache.shown = t.ID, shown
}

// animate starts moving the blocks from the layout of one backstage
// setting to the other's.
func (b *Board) animate(wasShown, shown bool) {
	t := b.template()
	from := placesOf(t.Layout(wasShown))
	curtainFrom := curtainFor(t, wasShown)
	if b.anim != nil { // reverse from where a running animation got to
		from = tween(b.anim.from, b.anim.to, b.anim.f)
		curtainFrom = b.anim.curtainFrom + (b.anim.curtainTo-b.anim.curtainFrom)*b.anim.f
		b.anim.anim.Stop()
	}
	a := &boardAnim{from: from, to: placesOf(t.Layout(shown)), curtainFrom: curtainFrom, curtainTo: curtainFor(t, shown)}
	a.anim = fyne.NewAnimation(animationTime, func(f float32) {
		if b.anim != a {
			return
		}
		a.f = f
		if f >= 1 {
			b.anim = nil
		}
		b.cache.dirty = true
		b.redraw()
	})
	a.anim.Curve = fyne.AnimationEaseInOut
	b.anim = a
	a.anim.Start()
}

// curtainFor is the share of the curtain strip shown for a setting.
func curtainFor(t *bmc.Template, shown bool) float32 {
	if t.HasBackstage() && !shown {
		return 1
	}
	return 0
}

// find returns the block and index of a note, a new note being written
// too.
func (b *Board) find(id string) (block string, index int, ok bool) {
	if b.canvas == nil || id == "" {
		return "", -1, false
	}
	if p := b.edit.pending; p != nil && id == pendingID {
		return p.block, len(b.canvas.Blocks[p.block]), true
	}
	return b.canvas.Find(id)
}

// note returns the note with the given ID.
func (b *Board) note(id string) (bmc.Note, bool) {
	block, i, ok := b.find(id)
	if !ok {
		return bmc.Note{}, false
	}
	return b.notes(block)[i], true
}

// change makes a change through OnEdit, or directly when OnEdit is nil,
// and reports whether it succeeded.
func (b *Board) change(label string, op func(*bmc.Canvas) error) bool {
	if b.canvas == nil {
		return false
	}
	var err error
	if b.OnEdit != nil {
		err = b.OnEdit(label, op)
		b.cache.dirty = true
	} else {
		err = op(b.canvas)
		b.Refresh()
	}
	if err != nil {
		b.report(err)
		return false
	}
	return true
}

func (b *Board) report(err error) {
	if err != nil && b.OnError != nil {
		b.OnError(err)
	}
}

// deleteNote deletes a note; when it was selected, its neighbour in the
// block is selected next.
func (b *Board) deleteNote(id string) {
	block, i, ok := b.find(id)
	if !ok {
		return
	}
	next := ""
	if notes := b.canvas.Blocks[block]; i+1 < len(notes) {
		next = notes[i+1].ID
	} else if i > 0 {
		next = notes[i-1].ID
	}
	wasSelected := id == b.sel.note
	if id == b.edit.note {
		b.closeEditor()
	}
	if id == pendingID {
		b.edit.pending = nil
		b.cache.dirty = true
		b.redraw()
		return
	}
	if !b.change("Delete note", func(c *bmc.Canvas) error { return c.DeleteNote(id) }) {
		return
	}
	if wasSelected {
		b.setSelection(next, block)
		b.redraw()
	}
}

// recolour sets a note's colour.
func (b *Board) recolour(id string, c bmc.Color) {
	if n, ok := b.note(id); !ok || n.Color == c {
		return
	}
	b.change("Recolour note", func(cv *bmc.Canvas) error { return cv.SetColor(id, c) })
}

// moveNote moves a note to index in block, the index counted with the
// note taken out, unless that is where it is.
func (b *Board) moveNote(id, block string, index int) {
	from, i, ok := b.find(id)
	if !ok || (from == block && i == index) {
		return
	}
	if b.change("Move note", func(c *bmc.Canvas) error { return c.MoveNote(id, block, index) }) {
		b.setSelection(id, block)
		b.scrollIntoView(id)
		b.redraw()
	}
}

// geometry returns the layout for the board's current size, canvas and
// zoom, computing it only when something changed.
func (b *Board) geometry() *geometry {
	size := b.Size()
	base := themeSizes(b.Theme())
	c := &b.cache
	if c.geom != nil && !c.dirty && c.geom.size == size && c.base == base {
		return c.geom
	}
	if c.base != base || c.cards == nil || len(c.columns) > 256 {
		c.cards = map[cardKey]cardLayout{}
		c.columns = map[columnsKey]int{}
	}
	c.base = base
	t := b.template()
	var places []place
	var curtain float32
	switch {
	case t == nil:
	case b.anim != nil:
		a := b.anim
		places = tween(a.from, a.to, a.f)
		curtain = a.curtainFrom + (a.curtainTo-a.curtainFrom)*a.f
	default:
		places = placesOf(b.canvas.Layout())
		curtain = curtainFor(t, b.canvas.BackstageShown())
	}
	c.geom = layoutBoard(boardInput{
		size: size, tmpl: t, places: places, curtain: curtain, base: base, zoom: b.zoom,
		notes: b.cardNotes,
		card: func(n *bmc.Note, block string) cardContent {
			c := contentOf(n, b.prepared(n.Text), len(b.marks(n)), block == bmc.SegmentBlock && !isGhost(n.ID), b.currencyOf(n.ID))
			c.change = changeOf(b.changeMark(n.ID))
			return c
		},
		ms:      screenMeasures(b.Theme()),
		scroll:  b.scroll,
		cards:   c.cards,
		columns: c.columns,
		version: c.version,
	})
	if len(c.cards) > 8*max(b.noteCount(), 64) {
		clear(c.cards)
	}
	for _, bg := range c.geom.blocks { // remember clamped scroll positions
		if bg.first != b.scroll[bg.block.ID] && !bg.leaving {
			b.scroll[bg.block.ID] = bg.first
		}
	}
	c.dirty = false
	if size.Width > 0 && size.Height > 0 {
		c.laidOut = true
	}
	return c.geom
}

// noteCount returns the number of notes on the canvas.
func (b *Board) noteCount() int {
	if b.canvas == nil {
		return 0
	}
	return b.canvas.NoteCount()
}

// prepared returns a note text made ready for wrapping, remembering it
// while the text is on the board.
func (b *Board) prepared(text string) *textlayout.Text {
	if t, ok := b.cache.texts[text]; ok {
		return t
	}
	if b.cache.texts == nil || len(b.cache.texts) > 4*max(b.noteCount(), 64) {
		b.cache.texts = map[string]*textlayout.Text{}
	}
	t := textlayout.Prepare(text)
	b.cache.texts[text] = t
	return t
}

// scrolled turns the wheel over a block into rows of cards, or, with Ctrl
// held, into zoom.
func (b *Board) scrolled(id string, e *fyne.ScrollEvent) {
	if ctrlHeld() {
		if e.Scrolled.DY > 0 {
			b.ZoomIn()
		} else if e.Scrolled.DY < 0 {
			b.ZoomOut()
		}
		if b.OnZoom != nil {
			b.OnZoom(b.zoom)
		}
		return
	}
	b.scrollBlock(id, e.Scrolled.DY)
}

// ctrlHeld reports whether Ctrl (or Cmd) is held down; tests replace it.
var ctrlHeld = func() bool {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0
	}
	return false
}

// wheelNotch is the wheel distance that scrolls a block by one row.
const wheelNotch = 20

// scrollBlock turns wheel distance over a block into rows of cards.
func (b *Board) scrollBlock(id string, dy float32) {
	b.wheel[id] += dy
	steps := int(b.wheel[id] / wheelNotch)
	if steps == 0 {
		return
	}
	b.wheel[id] -= float32(steps) * wheelNotch
	b.scrollRows(id, -steps)
}

// scrollRows scrolls a block by n rows (positive: towards later notes).
func (b *Board) scrollRows(id string, n int) {
	g := b.geometry()
	k := g.find(id)
	if k < 0 || n == 0 {
		return
	}
	bg := &g.blocks[k]
	first := clampInt(bg.first+n, 0, bg.maxFirst())
	if first == bg.first {
		return
	}
	b.scroll[id] = first
	bg.scrollTo(first)
	b.redraw()
}

// scrollIntoView scrolls a note's block so that the note is in view.
func (b *Board) scrollIntoView(id string) {
	block, i, ok := b.find(id)
	if !ok {
		return
	}
	g := b.geometry()
	if k := g.find(block); k >= 0 {
		if first := g.blocks[k].scrolledTo(g.blocks[k].cardOf(i)); first != g.blocks[k].first {
			b.scroll[block] = first
			g.blocks[k].scrollTo(first)
		}
	}
}
