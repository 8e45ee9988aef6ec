package widgets

import (
	"fmt"
	"image/color"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// This file holds the Board's pointer drags: a note dragged to another
// place or block, and a segment's dot dragged onto a note to link it. Both
// draw only on the drag overlay, so a pointer move costs the same for ten
// notes or a thousand.

// dragController follows the drags in progress.
type dragController struct {
	note    *noteDrag // a note being dragged
	link    *linkDrag // a segment dot or a link handle being dragged onto a note
	overlay *dragOverlay
	// conns draws the selected note's connections, under the cards
	// (links.go); drags hide it.
	conns *connections
	// edge scrolls the block under a dragged note while the pointer rests
	// near its top or bottom edge.
	edge *time.Ticker
	stop chan struct{}
}

// noteDrag is a note being dragged.
type noteDrag struct {
	id        string
	fromBlock string
	origin    fyne.Position // the card's place when the drag began
	grab      fyne.Position // where the pointer holds the card
	at        fyne.Position // the pointer, on the board
	target    string        // the block under the pointer, or ""
	index     int           // where in the target block it would land, counted with the note in place
}

// linkDrag is a segment's dot being dragged onto a note, or the selected
// note's link handle (links.go) onto another note: then segment is empty
// and note set.
type linkDrag struct {
	segment string
	note    string
	origin  fyne.Position // the segment card's, or the handle's, place when the drag began
	from    fyne.Position // the dot's, or the handle's, centre
	target  string        // the note a drop links, or ""
}

// dragging returns the ID of the note being dragged, or "".
func (d *dragController) dragging() string {
	if d.note == nil {
		return ""
	}
	return d.note.id
}

// dragNote follows a card being dragged: pointer is relative to the card.
// Only the ghost card and the drop bar move; the board is not laid out
// again.
func (b *Board) dragNote(c *NoteCard, pointer fyne.Position) {
	d := &b.drag
	if d.note == nil {
		block, _, ok := b.find(c.Note.ID)
		if !ok {
			return
		}
		if b.edit.note != "" {
			b.edit.editor.commit(false)
		}
		d.note = &noteDrag{id: c.Note.ID, fromBlock: block, origin: c.Position(), grab: c.grab}
		b.setSelection(c.Note.ID, block)
		d.overlay.lift(c)
		c.Lifted = true // the card left behind fades
		c.Refresh()
		d.conns.hide() // and the selected note's connections (links.go)
		d.overlay.handle.Hide()
	}
	n := d.note
	n.at = n.origin.Add(pointer)
	b.followNote()
	b.edgeScroll()
}

// followNote moves the ghost to the pointer and the drop bar to where the
// note would land.
func (b *Board) followNote() {
	n := b.drag.note
	o := b.drag.overlay
	o.ghost.Move(n.at.Subtract(n.grab))
	g := b.geometry()
	target := ""
	if k := g.blockAt(n.at); k >= 0 {
		target = g.blocks[k].block.ID
		index, pos, size := g.blocks[k].dropAt(n.at)
		n.index = index
		o.showBar(pos, size)
	} else {
		o.bar.Hide()
	}
	if target != n.target {
		b.highlight(n.target, false)
		b.highlight(target, true)
		n.target = target
	}
}

// highlight marks or unmarks a block as the drop target.
func (b *Board) highlight(block string, on bool) {
	if w := b.blocks[block]; w != nil && w.state.target != on {
		w.state.target = on
		w.Refresh()
	}
}

// edgeZone is how near the top or bottom of a block's view a dragged note
// must be for the block to scroll, and edgeEvery how often it scrolls a
// row while it stays there.
const (
	edgeZone  = 24
	edgeEvery = 350 * time.Millisecond
)

// edgeDirection returns -1 or 1 when the dragged note's pointer rests near
// the top or bottom edge of a block that can scroll that way, else 0.
func (b *Board) edgeDirection() (string, int) {
	n := b.drag.note
	if n == nil {
		return "", 0
	}
	g := b.geometry()
	k := g.blockAt(n.at)
	if k < 0 {
		return "", 0
	}
	bg := &g.blocks[k]
	top, bottom := bg.content.Y, bg.content.Y+bg.view.Height
	switch {
	case n.at.Y < top+edgeZone && bg.first > 0:
		return bg.block.ID, -1
	case n.at.Y > bottom-edgeZone && n.at.Y < bg.pos.Y+bg.size.Height && bg.end < len(bg.rows):
		return bg.block.ID, 1
	}
	return "", 0
}

// edgeScroll scrolls the block under a dragged note by a row when the
// pointer is near its edge, and again every edgeEvery while it stays.
func (b *Board) edgeScroll() {
	d := &b.drag
	block, dir := b.edgeDirection()
	if dir == 0 {
		b.stopEdgeScroll()
		return
	}
	if d.edge != nil {
		return
	}
	b.scrollRows(block, dir)
	b.followNote()
	d.edge = time.NewTicker(edgeEvery)
	d.stop = make(chan struct{})
	tick, stop := d.edge.C, d.stop
	go func() {
		for {
			select {
			case <-stop:
				return
			case <-tick:
				fyne.Do(func() {
					if block, dir := b.edgeDirection(); dir != 0 {
						b.scrollRows(block, dir)
						b.followNote()
					}
				})
			}
		}
	}()
}

func (b *Board) stopEdgeScroll() {
	d := &b.drag
	if d.edge != nil {
		d.edge.Stop()
		close(d.stop)
		d.edge, d.stop = nil, nil
	}
}

// endDrag drops the dragged note where the bar shows, or nowhere when the
// pointer left every block. The layout may have changed since the last
// Dragged event (the backstage hidden, an undo): a target block that is
// no longer in view cancels the drop, and an index past the block's end
// is clamped to it.
func (b *Board) endDrag() {
	n := b.drag.note
	if n == nil {
		return
	}
	b.stopEdgeScroll()
	b.drag.note = nil
	b.drag.overlay.drop()
	b.highlight(n.target, false)
	b.redraw()
	if n.target == "" || b.geometry().find(n.target) < 0 || !b.blockShown(n.target) {
		return
	}
	from, i, ok := b.find(n.id)
	if !ok {
		return
	}
	block := n.target
	index := clampInt(n.index, 0, len(b.canvas.Blocks[block]))
	if block == from {
		if index == i || index == i+1 {
			return
		}
		if index > i {
			index--
		}
	}
	b.moveNote(n.id, block, index)
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

// dragLink follows a segment dot being dragged: pointer is relative to the
// segment's card. The note under the pointer is the drop target when it
// can be linked: not a customer segment and not linked to the segment
// already.
func (b *Board) dragLink(c *NoteCard, pointer fyne.Position) {
	d := &b.drag
	if d.link == nil {
		if !b.isSegment(c.Note.ID) || d.note != nil {
			return
		}
		centre := c.dot.Position().AddXY(c.dot.Size().Width/2, c.dot.Size().Height/2)
		b.startLink(&linkDrag{segment: c.Note.ID, origin: c.Position(), from: c.Position().Add(centre)}, c.Note.Color)
	}
	b.followLink(d.link.origin.Add(pointer))
}

// startLink begins a link drag: it commits an edit in progress, hides the
// selected note's connections and shows the line from l.from, with a dot
// of colour col.
func (b *Board) startLink(l *linkDrag, col bmc.Color) {
	if b.edit.note != "" {
		b.edit.editor.commit(false)
	}
	b.drag.link = l
	b.drag.overlay.links.start(col, l.from)
	b.drag.conns.hide()
}

// followLink moves the end of the dragged link to at, on the board, and
// rings the note a drop there would link.
func (b *Board) followLink(at fyne.Position) {
	d := &b.drag
	l := d.link
	if l == nil {
		return
	}
	l.target = ""
	g := b.geometry()
	var over *fyne.Position
	var overSize fyne.Size
	if k, i, ok := g.noteAt(at); ok {
		bg := &g.blocks[k]
		if id := b.canvas.Blocks[bg.block.ID][i].ID; b.linkable(l, id) {
			l.target = id
			p := bg.cardPos(bg.cardOf(i))
			over, overSize = &p, bg.cardSize(bg.cardOf(i))
		}
	}
	d.overlay.links.follow(at, over, overSize)
}

// linkable reports whether a drop of l on note id would link something.
func (b *Board) linkable(l *linkDrag, id string) bool {
	if l.note != "" {
		return b.canLinkNotes(l.note, id)
	}
	return b.canLink(id, l.segment)
}

// canLink reports whether a note can be linked to a segment: it is no
// customer segment itself (segments serve no segment) and not linked to
// the segment yet.
func (b *Board) canLink(id, segment string) bool {
	block, i, ok := b.canvas.Find(id)
	return ok && block != bmc.SegmentBlock && !slices.ContainsFunc(b.canvas.Blocks[block][i].Segments, func(s string) bool { return bmc.SegmentOf(s) == segment })
}

// endLink links the note under the dropped dot to the segment, or the
// dropped handle's note to the note under it, through OnEdit; a drop
// anywhere else does nothing.
func (b *Board) endLink() {
	l := b.drag.link
	if l == nil {
		return
	}
	b.drag.link = nil
	b.drag.overlay.links.hide()
	b.redraw()
	if l.note != "" {
		if l.target != "" && b.canLinkNotes(l.note, l.target) {
			b.linkNotes(l.note, l.target)
		}
		return
	}
	if l.target == "" || !b.isSegment(l.segment) || !b.canLink(l.target, l.segment) {
		return
	}
	target, segment := l.target, l.segment
	b.change("Link to segment", func(c *bmc.Canvas) error {
		n, ok := c.Note(target)
		if !ok {
			return fmt.Errorf("link to segment: no note %q", target)
		}
		n.Segments = append(n.Segments, segment)
		return c.UpdateNote(n)
	})
}

// dragOverlay draws over the board's cards: the selection ring, and what
// follows the pointer during drags: the ghost of a dragged card, the bar
// where it would land, and the line from a dragged segment dot.
type dragOverlay struct {
	widget.BaseWidget
	ring   *canvas.Rectangle
	ghost  *NoteCard
	bar    *canvas.Rectangle
	links  linkIndicator
	handle *linkHandle // on the selected note (links.go)
}

func newDragOverlay() *dragOverlay {
	o := &dragOverlay{ring: &canvas.Rectangle{}, ghost: NewNoteCard(bmc.Note{}), bar: &canvas.Rectangle{}, links: newLinkIndicator(), handle: newLinkHandle()}
	o.ExtendBaseWidget(o)
	o.ghost.floating = true
	o.ghost.Hide()
	o.bar.Hide()
	o.ring.Hide()
	return o
}

// lift shows the ghost of card c where c is, in place of the ring.
func (o *dragOverlay) lift(c *NoteCard) {
	o.ring.Hide()
	o.ghost.setNote(c.Note)
	o.ghost.setLook(c.Marks, nil, c.Segment, c.SegmentFocused, false, c.Currency)
	o.ghost.setShapes(c.MarkShapes, c.SegmentShape)
	o.ghost.layout = c.layout
	o.ghost.Resize(c.Size())
	o.ghost.Move(c.Position())
	o.ghost.Show()
	o.ghost.Refresh()
}

// showBar shows the drop bar.
func (o *dragOverlay) showBar(pos fyne.Position, size fyne.Size) {
	o.bar.Move(pos)
	o.bar.Resize(size)
	o.bar.Show()
}

// drop hides the ghost and the bar.
func (o *dragOverlay) drop() {
	o.ghost.Hide()
	o.bar.Hide()
}

// CreateRenderer is a private method to Fyne which links this widget to its
// renderer.
func (o *dragOverlay) CreateRenderer() fyne.WidgetRenderer {
	objects := append([]fyne.CanvasObject{o.ring, o.bar}, o.links.objects()...)
	objects = append(objects, o.handle, o.ghost)
	return &dragOverlayRenderer{overlay: o, objects: objects}
}

type dragOverlayRenderer struct {
	overlay *dragOverlay
	objects []fyne.CanvasObject
}

func (r *dragOverlayRenderer) Layout(fyne.Size) {}

func (r *dragOverlayRenderer) MinSize() fyne.Size { return fyne.Size{} }

func (r *dragOverlayRenderer) Refresh() {
	o := r.overlay
	th, v := o.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	o.bar.FillColor = th.Color(theme.ColorNamePrimary, v)
	o.bar.Refresh()
	o.links.refresh(th, v)
	o.handle.Refresh()
}

func (r *dragOverlayRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *dragOverlayRenderer) Destroy() {}

// linkIndicator shows a segment dot being dragged: a line from the
// segment's dot to the pointer, a dot of the segment's colour under the
// pointer, and a ring around the note a drop would link.
type linkIndicator struct {
	line *canvas.Line
	dot  *canvas.Circle
	ring *canvas.Rectangle
}

func newLinkIndicator() linkIndicator {
	l := linkIndicator{
		line: &canvas.Line{StrokeWidth: 2},
		dot:  &canvas.Circle{StrokeWidth: 1.5},
		ring: &canvas.Rectangle{StrokeWidth: 2.5},
	}
	l.hide()
	return l
}

func (l linkIndicator) objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{l.ring, l.line, l.dot}
}

// refresh reads the theme's colours.
func (l linkIndicator) refresh(th fyne.Theme, v fyne.ThemeVariant) {
	primary := th.Color(theme.ColorNamePrimary, v)
	l.line.StrokeColor = primary
	l.ring.StrokeColor = primary
	tint := color.NRGBAModel.Convert(primary).(color.NRGBA)
	tint.A = 0x30
	l.ring.FillColor = tint
	l.ring.CornerRadius = th.Size(theme.SizeNameInputRadius)/1.5 + 3
	l.dot.Resize(fyne.NewSquareSize(th.Size(theme.SizeNameText)))
	for _, o := range l.objects() {
		o.Refresh()
	}
}

// start shows the line and the dot for a segment of colour col whose dot
// is at from.
func (l linkIndicator) start(col bmc.Color, from fyne.Position) {
	l.dot.FillColor, l.dot.StrokeColor = markColor(col), markEdge(col)
	l.line.Position1 = from
	l.line.Position2 = from
	l.line.Show()
	l.dot.Show()
	l.dot.Refresh()
}

// follow moves the end of the line and the dot to the pointer at, and
// rings the card at over (of size size), or nothing when over is nil.
func (l linkIndicator) follow(at fyne.Position, over *fyne.Position, size fyne.Size) {
	l.line.Position2 = at
	l.line.Refresh()
	d := l.dot.Size()
	l.dot.Move(at.SubtractXY(d.Width/2, d.Height/2))
	if over == nil {
		l.ring.Hide()
		return
	}
	const gap = 3
	l.ring.Move(over.SubtractXY(gap, gap))
	l.ring.Resize(size.AddWidthHeight(2*gap, 2*gap))
	l.ring.Show()
	l.ring.Refresh()
}

func (l linkIndicator) hide() {
	for _, o := range l.objects() {
		o.Hide()
	}
}
