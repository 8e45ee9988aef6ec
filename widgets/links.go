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

// connections draws the links of the selected note: a line from its card
// to the card of every note it links to or from (bmc.Canvas.Neighbours)
// and a ring around each of those cards. Notes out of view get no line.
type connections struct {
	box    *fyne.Container // holds the lines and rings, in pairs, and the handle
	lines  []*canvas.Line
	rings  []*canvas.Rectangle
	handle *linkHandle
}

func newConnections(b *Board) *connections {
	cn := &connections{handle: newLinkHandle(b)}
	cn.handle.Hide()
	cn.box = container.NewWithoutLayout(cn.handle)
	return cn
}

// layout draws the selected note's connections, or hides them when no
// note is selected, it is being edited or dragged, or it is out of view.
func (cn *connections) layout(b *Board, shownAt map[string]*NoteCard) {
	n := 0
	if from, ok := shownAt[b.selected]; ok && b.canvas != nil && b.editing != b.selected && b.drag == nil {
		th, v := b.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
		col := th.Color(theme.ColorNamePrimary, v)
		r, g, bl, _ := col.RGBA()
		faint := color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(bl >> 8), A: 0x90}
		for _, id := range b.canvas.Neighbours(b.selected) {
			to, ok := shownAt[id]
			if !ok {
				continue
			}
			line, ring := cn.pair(n)
			n++
			line.Position1 = centre(from)
			line.Position2 = centre(to)
			line.StrokeColor, line.StrokeWidth = faint, 2
			const gap = 2
			ring.Move(to.Position().SubtractXY(gap, gap))
			ring.Resize(to.Size().AddWidthHeight(2*gap, 2*gap))
			ring.StrokeColor, ring.StrokeWidth, ring.FillColor = faint, 2, color.Transparent
			ring.CornerRadius = th.Size(theme.SizeNameInputRadius)/1.5 + gap
			line.Show()
			ring.Show()
			line.Refresh()
			ring.Refresh()
		}
	}
	for i := n; i < len(cn.lines); i++ {
		cn.lines[i].Hide()
		cn.rings[i].Hide()
	}
	cn.layoutHandle(b, shownAt)
}

// layoutHandle puts the link handle on the selected card's top right
// corner when the note's block links to another; hidden otherwise.
func (cn *connections) layoutHandle(b *Board, shownAt map[string]*NoteCard) {
	card, ok := shownAt[b.selected]
	if !ok || b.canvas == nil || b.editing == b.selected || b.drag != nil || b.link != nil || len(b.canvas.LinkTargets(b.selected)) == 0 {
		if b.link == nil || b.link.segment != "" {
			cn.handle.Hide()
		}
		return
	}
	const size = 16
	cn.handle.Resize(fyne.NewSize(size, size))
	cn.handle.Move(card.Position().AddXY(card.Size().Width-size/2-2, -size/2+2))
	cn.handle.note = b.selected
	cn.handle.Show()
	cn.handle.Refresh()
}

// linkHandle is the knob on the selected note that links it to another
// note by dragging: drop it on a note of a block the note links with.
type linkHandle struct {
	widget.BaseWidget
	board *Board
	note  string
}

var (
	_ fyne.Draggable     = (*linkHandle)(nil)
	_ desktop.Cursorable = (*linkHandle)(nil)
)

func newLinkHandle(b *Board) *linkHandle {
	h := &linkHandle{board: b}
	h.ExtendBaseWidget(h)
	return h
}

// Dragged draws a line from the handle to the pointer and rings the note
// a drop would link.
func (h *linkHandle) Dragged(e *fyne.DragEvent) {
	h.board.dragNoteLink(h.note, h.Position().AddXY(h.Size().Width/2, h.Size().Height/2), h.Position().Add(e.Position))
}

// DragEnd links the note under the pointer, if any.
func (h *linkHandle) DragEnd() { h.board.endLink() }

// Cursor shows the pointing hand: the handle is a control.
func (h *linkHandle) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (h *linkHandle) CreateRenderer() fyne.WidgetRenderer {
	ring := &canvas.Circle{StrokeWidth: 2}
	dot := &canvas.Circle{}
	r := &linkHandleRenderer{h: h, ring: ring, dot: dot}
	r.Refresh()
	return r
}

type linkHandleRenderer struct {
	h         *linkHandle
	ring, dot *canvas.Circle
}

var _ fyne.WidgetRenderer = (*linkHandleRenderer)(nil)

func (r *linkHandleRenderer) Layout(size fyne.Size) {
	r.ring.Resize(size)
	r.dot.Move(fyne.NewPos(size.Width/4, size.Height/4))
	r.dot.Resize(fyne.NewSize(size.Width/2, size.Height/2))
}

func (r *linkHandleRenderer) MinSize() fyne.Size { return fyne.NewSize(16, 16) }

func (r *linkHandleRenderer) Refresh() {
	th, v := r.h.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	r.ring.FillColor = th.Color(theme.ColorNameBackground, v)
	r.ring.StrokeColor = th.Color(theme.ColorNamePrimary, v)
	r.dot.FillColor = th.Color(theme.ColorNamePrimary, v)
	r.ring.Refresh()
	r.dot.Refresh()
}

func (r *linkHandleRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.ring, r.dot} }

func (r *linkHandleRenderer) Destroy() {}

// dragNoteLink follows the link handle of note id being dragged from
// from to at: the note under the pointer is the drop target when the two
// notes' blocks give a link a meaning and they are not linked yet.
func (b *Board) dragNoteLink(id string, from, at fyne.Position) {
	r := b.view
	if r == nil || b.canvas == nil {
		return
	}
	if b.link == nil {
		n, ok := b.note(id)
		if !ok {
			return
		}
		if b.editing != "" {
			b.editor.commit(false)
		}
		b.link = &linkDrag{note: id, from: from}
		r.links.start(n.Color, from)
	}
	l := b.link
	l.target = ""
	var over *NoteCard
	for tid, card := range r.shownAt {
		p, s := card.Position(), card.Size()
		if at.X >= p.X && at.Y >= p.Y && at.X < p.X+s.Width && at.Y < p.Y+s.Height {
			if b.canLinkNotes(id, tid) {
				l.target, over = tid, card
			}
			break
		}
	}
	r.links.follow(at, over)
}

// canLinkNotes reports whether notes a and b can be linked and are not.
func (b *Board) canLinkNotes(a, other string) bool {
	for _, t := range b.canvas.LinkTargets(a) {
		if t.Note.ID == other {
			return !t.Linked
		}
	}
	return false
}

// endNoteLink links the notes of a finished handle drag through OnEdit.
func (b *Board) endNoteLink(l *linkDrag) {
	if l.target == "" || !b.canLinkNotes(l.note, l.target) {
		return
	}
	from, to := l.note, l.target
	b.edit("Link notes", func(c *bmc.Canvas) error {
		if err := c.Link(from, to); err != nil {
			return fmt.Errorf("link notes: %w", err)
		}
		return nil
	})
}

// pair returns the i-th line and ring, making them when the pool is short.
func (cn *connections) pair(i int) (*canvas.Line, *canvas.Rectangle) {
	for len(cn.lines) <= i {
		l, r := &canvas.Line{}, &canvas.Rectangle{}
		cn.lines, cn.rings = append(cn.lines, l), append(cn.rings, r)
		cn.box.Add(r)
		cn.box.Add(l)
	}
	return cn.lines[i], cn.rings[i]
}

// centre returns the middle of a card, in board coordinates.
func centre(c *NoteCard) fyne.Position {
	return c.Position().AddXY(c.Size().Width/2, c.Size().Height/2)
}
