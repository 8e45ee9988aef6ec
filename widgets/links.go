package widgets

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// This file holds the links between notes on the board: the selected
// note's connections (lines to the notes it links to and from, and rings
// around them, drawn under the cards so that they never cross a note's
// text), and the link handle on the selected card, which links it to
// another note by dragging (the drag itself is board_drag.go's linkDrag).
// links_layout.go computes where they go.

// connections draws a linkLayout's lines and rings. The board keeps it
// with its drags, which hide it; its renderer draws it between the blocks
// and the cards.
type connections struct {
	box   *fyne.Container
	lines []*canvas.Line
	rings []*canvas.Rectangle
}

func newConnections() *connections {
	return &connections{box: container.NewWithoutLayout()}
}

// show draws l in the theme's colours.
func (cn *connections) show(l *linkLayout, th fyne.Theme, v fyne.ThemeVariant) {
	faint := color.NRGBAModel.Convert(th.Color(theme.ColorNamePrimary, v)).(color.NRGBA)
	faint.A = 0xa0
	radius := th.Size(theme.SizeNameInputRadius)/1.5 + 2
	for i, ln := range l.lines {
		line := cn.line(i)
		line.Position1, line.Position2 = ln.from, ln.to
		line.StrokeColor, line.StrokeWidth = faint, 2
		line.Show()
		line.Refresh()
	}
	for _, line := range cn.lines[len(l.lines):] {
		line.Hide()
	}
	for i, box := range l.rings {
		const gap = 2
		ring := cn.ring(i)
		ring.Move(box.pos.SubtractXY(gap, gap))
		ring.Resize(box.size.AddWidthHeight(2*gap, 2*gap))
		ring.StrokeColor, ring.StrokeWidth, ring.FillColor = faint, 2, color.Transparent
		ring.CornerRadius = radius
		ring.Show()
		ring.Refresh()
	}
	for _, ring := range cn.rings[len(l.rings):] {
		ring.Hide()
	}
}

// hide hides every line and ring.
func (cn *connections) hide() {
	for _, l := range cn.lines {
		l.Hide()
		l.Refresh()
	}
	for _, r := range cn.rings {
		r.Hide()
		r.Refresh()
	}
}

func (cn *connections) line(i int) *canvas.Line {
	for len(cn.lines) <= i {
		l := &canvas.Line{}
		cn.lines = append(cn.lines, l)
		cn.box.Add(l)
	}
	return cn.lines[i]
}

func (cn *connections) ring(i int) *canvas.Rectangle {
	for len(cn.rings) <= i {
		r := &canvas.Rectangle{}
		cn.rings = append(cn.rings, r)
		cn.box.Add(r)
	}
	return cn.rings[i]
}

// showsLinks reports whether the selected note's connections show: a
// note is selected, not edited, and no drag is in progress.
func (b *Board) showsLinks() bool {
	sel := b.sel.note
	return sel != "" && b.canvas != nil && b.edit.note != sel && b.drag.note == nil && b.drag.link == nil
}

// linked returns the notes linked to or from the selected one, when its
// connections show.
func (r *boardRenderer) linked() []string {
	if b := r.board; b.showsLinks() {
		return b.canvas.Neighbours(b.sel.note)
	}
	return nil
}

// layoutLinks lays out and draws the selected note's connections to the
// notes near, and places the link handle: nothing when no note is
// selected or its card is out of view, while it is edited, or during a
// drag (the handle stays during its own drag). A linked note out of view
// gets no line or ring: its block's indicator counts it when it is
// scrolled out; one in a hidden backstage is not shown.
func (r *boardRenderer) layoutLinks(g *geometry, near []string) {
	b := r.board
	h := b.drag.overlay.handle
	var l linkLayout
	sel := b.sel.note
	if b.showsLinks() {
		l = layoutLinks(g, sel, near, b.find, b.mayLink(sel))
	}
	b.drag.conns.show(&l, r.theme, r.variant)
	if l := b.drag.link; l != nil && l.note != "" {
		return // the handle being dragged stays where it is
	}
	if !l.hasHandle {
		h.Hide()
		return
	}
	h.note = sel
	h.Move(l.handle.SubtractXY(l.handleD/2, l.handleD/2))
	h.Resize(fyne.NewSquareSize(l.handleD))
	h.Show()
	h.Refresh()
}

// linkHandle is the knob on the selected note that links it to another
// note by dragging: drop it on a note of a block the two blocks give a
// link a meaning.
type linkHandle struct {
	widget.BaseWidget
	note      string
	onDragged func(pointer fyne.Position) // pointer relative to the handle
	onDragEnd func()
}

var (
	_ fyne.Draggable     = (*linkHandle)(nil)
	_ desktop.Cursorable = (*linkHandle)(nil)
	_ desktop.Hoverable  = (*linkHandle)(nil)
)

// handleTip explains the link handle on hover.
const handleTip = "Drag onto another note to link them"

func newLinkHandle() *linkHandle {
	h := &linkHandle{}
	h.ExtendBaseWidget(h)
	h.Hide()
	return h
}

// Dragged follows the pointer.
func (h *linkHandle) Dragged(e *fyne.DragEvent) {
	HideTip(h)
	if h.onDragged != nil {
		h.onDragged(e.Position)
	}
}

// DragEnd links the note under the pointer, if any.
func (h *linkHandle) DragEnd() {
	if h.onDragEnd != nil {
		h.onDragEnd()
	}
}

// MouseIn shows the handle's tip.
func (h *linkHandle) MouseIn(*desktop.MouseEvent) { ShowTip(h, handleTip) }

// MouseMoved does nothing: the tip stays while the pointer is on the
// handle.
func (h *linkHandle) MouseMoved(*desktop.MouseEvent) {}

// MouseOut hides the handle's tip.
func (h *linkHandle) MouseOut() { HideTip(h) }

// Cursor shows the pointing hand: the handle is a control.
func (h *linkHandle) Cursor() desktop.Cursor { return desktop.PointerCursor }

// CreateRenderer is a private method to Fyne which links this widget to its
// renderer.
func (h *linkHandle) CreateRenderer() fyne.WidgetRenderer {
	r := &linkHandleRenderer{h: h, ring: &canvas.Circle{StrokeWidth: 2}, dot: &canvas.Circle{}}
	r.Refresh()
	return r
}

type linkHandleRenderer struct {
	h         *linkHandle
	ring, dot *canvas.Circle
}

func (r *linkHandleRenderer) Layout(size fyne.Size) {
	r.ring.Resize(size)
	r.dot.Move(fyne.NewPos(size.Width/4, size.Height/4))
	r.dot.Resize(fyne.NewSize(size.Width/2, size.Height/2))
}

func (r *linkHandleRenderer) MinSize() fyne.Size { return fyne.NewSquareSize(handleSize) }

func (r *linkHandleRenderer) Refresh() {
	th, v := r.h.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	r.ring.FillColor = th.Color(theme.ColorNameBackground, v)
	r.ring.StrokeColor = th.Color(theme.ColorNamePrimary, v)
	r.dot.FillColor = th.Color(theme.ColorNamePrimary, v)
	r.Layout(r.h.Size())
	r.ring.Refresh()
	r.dot.Refresh()
}

func (r *linkHandleRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.ring, r.dot}
}

func (r *linkHandleRenderer) Destroy() {}

// dragHandle follows the link handle being dragged: pointer is relative
// to the handle. It starts a linkDrag for the handle's note.
func (b *Board) dragHandle(pointer fyne.Position) {
	d := &b.drag
	h := d.overlay.handle
	if d.link == nil {
		n, ok := b.note(h.note)
		if !ok || d.note != nil {
			return
		}
		centre := h.Position().AddXY(h.Size().Width/2, h.Size().Height/2)
		b.startLink(&linkDrag{note: n.ID, origin: h.Position(), from: centre}, n.Color)
	}
	b.followLink(d.link.origin.Add(pointer))
}

// mayLink reports whether note id's block gives links with another
// block's notes a meaning and that block has notes: whether the note gets
// a link handle. Cheaper than LinkTargets, for every layout.
func (b *Board) mayLink(id string) bool {
	block, _, ok := b.find(id)
	if !ok || id == pendingID {
		return false
	}
	for _, r := range bmc.Relations(b.canvas.TemplateID) {
		switch {
		case r.From == block && len(b.canvas.Blocks[r.To]) > 0,
			r.To == block && len(b.canvas.Blocks[r.From]) > 0:
			return true
		}
	}
	return false
}

// canLinkNotes reports whether notes a and other can be linked (their
// blocks give the link a meaning) and are not yet.
func (b *Board) canLinkNotes(a, other string) bool {
	for _, t := range b.canvas.LinkTargets(a) {
		if t.Note.ID == other {
			return !t.Linked
		}
	}
	return false
}

// linkNotes links two notes through OnEdit, in one edit.
func (b *Board) linkNotes(from, to string) {
	b.change("Link notes", func(c *bmc.Canvas) error {
		if err := c.Link(from, to); err != nil {
			return fmt.Errorf("link notes: %w", err)
		}
		return nil
	})
}
