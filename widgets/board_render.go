package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"github.com/bmcanvas/bmcanvas/bmc"
)

var _ fyne.WidgetRenderer = (*boardRenderer)(nil)

// boardRenderer draws the board's layout. It keeps a pool of note cards
// and shows only the notes in view, so drawing costs the same for ten
// notes or a thousand. It changes nothing but what it draws.
type boardRenderer struct {
	board   *Board
	bg      *canvas.Rectangle
	curtain *curtainStrip
	cards   []*NoteCard
	shownAt map[string]*NoteCard     // the card showing each note in view
	editor  *container.ThemeOverride // holds the board's note editor
	paper   bmc.Color                // the paper the editor is dressed in
	text    float32                  // and its text size
	objects []fyne.CanvasObject
	blocks  []*blockWidget // the block widgets in objects

	theme   fyne.Theme // the theme last refreshed with
	variant fyne.ThemeVariant

	onLayout func() // for tests: called on every layout
}

func newBoardRenderer(b *Board) *boardRenderer {
	r := &boardRenderer{
		board:   b,
		bg:      &canvas.Rectangle{},
		curtain: newCurtainStrip(func() { b.SetBackstageShown(true) }),
		shownAt: map[string]*NoteCard{},
		editor:  container.NewThemeOverride(b.edit.editor, newPaperTheme(b.Theme(), bmc.Yellow, 0)),
		paper:   bmc.Yellow,
	}
	r.Refresh()
	return r
}

// card returns pooled card i, making it if needed.
func (r *boardRenderer) card(i int) *NoteCard {
	for len(r.cards) <= i {
		c := NewNoteCard(bmc.Note{})
		b := r.board
		c.OnPressed = func() { b.pressNote(c.Note.ID) }
		c.OnTapped = func() { b.pressNote(c.Note.ID) }
		c.OnDoubleTapped = func() { b.startEdit(c.Note.ID) }
		c.OnSecondaryTapped = func(e *fyne.PointEvent) { b.secondaryTapNote(c.Note.ID, e) }
		c.OnDragged = func(p fyne.Position) { b.dragNote(c, p) }
		c.OnDragEnd = func() { b.endDrag() }
		c.OnDotTapped = func() { b.toggleFocus(c.Note.ID) }
		c.OnDotDragged = func(p fyne.Position) { b.dragLink(c, p) }
		c.OnDotDragEnd = func() { b.endLink() }
		r.cards = append(r.cards, c)
		r.objects = nil
	}
	return r.cards[i]
}

func (r *boardRenderer) Layout(size fyne.Size) {
	if r.onLayout != nil {
		r.onLayout()
	}
	b := r.board
	blocks := b.blockWidgets()
	if len(blocks) != len(r.blocks) || (len(blocks) > 0 && blocks[0] != r.blocks[0]) {
		r.blocks = blocks
		r.objects = nil
	}
	g := b.geometry()
	r.bg.Resize(size)
	if g.curtain.Width > 0 {
		r.curtain.Move(fyne.NewPos(0, 0))
		r.curtain.Resize(g.curtain)
		r.curtain.Show()
	} else {
		r.curtain.Hide()
	}
	near := r.linked()
	r.layoutBlocks(g, near)
	r.layoutCards(g)
	r.layoutRing()
	r.layoutLinks(g, near)
	r.placeEditor(g)
	if n := b.drag.note; n != nil && g.find(n.target) < 0 { // the target went out of the layout
		b.drag.overlay.bar.Hide()
	}
	b.drag.overlay.Resize(size)
}

// layoutBlocks places the block widgets and tells each what it shows
// besides the cards: near are the notes linked to or from the selected
// one, counted when out of view.
func (r *boardRenderer) layoutBlocks(g *geometry, near []string) {
	b := r.board
	placed := map[string]bool{}
	for k := range g.blocks {
		bg := &g.blocks[k]
		w := b.blocks[bg.block.ID]
		if w == nil {
			continue
		}
		placed[bg.block.ID] = true
		w.Move(bg.pos)
		w.Resize(bg.size)
		st := blockState{
			empty:   bg.count == 0,
			focused: b.sel.focused && b.sel.note == "" && b.sel.block == bg.block.ID,
			target:  b.drag.note != nil && b.drag.note.target == bg.block.ID,
			zoom:    g.m.zoom,
		}
		if bg.scrolls && len(bg.rows) > 0 {
			st.above, st.below = bg.above(), bg.below()
			st.aboveMatch, st.belowMatch = -1, -1
			if b.look.filter != nil {
				st.aboveMatch, st.belowMatch = 0, 0
				from, to := bg.visible()
				for i, n := range b.canvas.Blocks[bg.block.ID] {
					switch c := bg.cardOf(i); {
					case !b.look.filter[n.ID]:
					case c < from:
						st.aboveMatch++
					case c >= to:
						st.belowMatch++
					}
				}
			}
			st.aboveLinked, st.belowLinked = bg.outOfView(near, b.find)
			last := bg.rows[len(bg.rows)-1]
			st.total = last.top + last.h
			st.viewTop = bg.rows[bg.first].top
			st.viewH = bg.rowsHeight(bg.first, bg.end)
		}
		if w.state != st || !w.Visible() {
			w.state = st
			w.Show()
			w.Refresh()
		}
	}
	for id, w := range b.blocks {
		if !placed[id] {
			w.Hide()
		}
	}
}

// layoutCards puts a pooled card on every note in view and hides the rest.
func (r *boardRenderer) layoutCards(g *geometry) {
	b := r.board
	n := 0
	clear(r.shownAt)
	for k := range g.blocks {
		bg := &g.blocks[k]
		if bg.leaving {
			continue
		}
		notes := b.cardNotes(bg.block.ID)
		from, to := bg.visible()
		for i := from; i < min(to, len(notes), len(bg.cards)); i++ {
			c := r.card(n)
			n++
			note := &notes[i]
			changed := c.setNote(*note)
			changed = c.setLook(b.marks(note), b.markNames(note), bg.block.ID == bmc.SegmentBlock && !isGhost(note.ID), note.ID == b.look.focus && b.look.focus != "",
				b.dimmed(note.ID), b.currencyOf(note.ID)) || changed
			changed = c.setShapes(b.markShapes(note), b.segmentShape(note.ID)) || changed
			changed = c.setChange(b.changeMark(note.ID)) || changed
			lifted := b.drag.dragging() == note.ID
			if l := &bg.cards[i]; c.layout == nil || !c.layout.same(l) || c.Lifted != lifted {
				changed = true
			}
			c.layout, c.Lifted = &bg.cards[i], lifted
			size := bg.cardSize(i)
			changed = changed || c.Size() != size
			c.Move(bg.cardPos(i))
			c.Resize(size)
			if changed {
				c.Refresh()
			}
			if !c.Visible() {
				c.Show()
			}
			r.shownAt[note.ID] = c
		}
	}
	for _, c := range r.cards[n:] {
		if c.Visible() {
			c.Hide()
			c.layout = nil
		}
	}
}

// layoutRing draws the selection ring around the selected note's card.
func (r *boardRenderer) layoutRing() {
	b := r.board
	ring := b.drag.overlay.ring
	c, ok := r.shownAt[b.sel.note]
	if !ok || b.edit.note == b.sel.note || b.drag.note != nil {
		ring.Hide()
		return
	}
	const gap = 3
	ring.Move(c.Position().SubtractXY(gap, gap))
	ring.Resize(c.Size().AddWidthHeight(2*gap, 2*gap))
	th, v := b.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	col := th.Color(theme.ColorNamePrimary, v)
	if !b.sel.focused {
		col = th.Color(theme.ColorNamePlaceHolder, v)
	}
	ring.StrokeColor = col
	ring.StrokeWidth = 2
	ring.FillColor = color.Transparent
	ring.CornerRadius = th.Size(theme.SizeNameInputRadius)/1.5 + gap
	ring.Show()
	ring.Refresh()
}

// placeEditor puts the editor over the card of the note being edited,
// somewhat larger than the card and inside the board, dressed in the
// note's paper.
func (r *boardRenderer) placeEditor(g *geometry) {
	b := r.board
	if b.edit.note == "" {
		return
	}
	block, i, ok := b.find(b.edit.note)
	k := g.find(block)
	if !ok || k < 0 {
		return
	}
	bg := &g.blocks[k]
	if p := b.edit.editor.paper; p != r.paper || bg.text != r.text {
		r.paper, r.text = p, bg.text
		r.editor.Theme = newPaperTheme(b.Theme(), p, bg.text)
		r.editor.Refresh()
	}
	// Cover whole columns, enough for a comfortable width, so that no
	// neighbouring card peeks out from under the editor.
	comfortable := 16 * bg.text
	cols := min(max(int((comfortable+bg.gap)/(bg.cardW+bg.gap)+0.999), 1), bg.cols)
	c := bg.cardOf(i)
	col := min(c%bg.cols, bg.cols-cols)
	grow := b.Theme().Size(theme.SizeNamePadding)
	pos := bg.cardPos(c-c%bg.cols+col).SubtractXY(grow, grow)
	size := fyne.NewSize(float32(cols)*(bg.cardW+bg.gap)-bg.gap+2*grow,
		max(bg.cardSize(c).Height+2*grow, b.edit.editor.MinSize().Height*1.6))
	size = fyne.NewSize(min(size.Width, g.size.Width), min(size.Height, g.size.Height))
	pos.X = min(max(pos.X, 0), g.size.Width-size.Width)
	pos.Y = min(max(pos.Y, 0), g.size.Height-size.Height)
	r.editor.Move(pos)
	r.editor.Resize(size)
}

func (r *boardRenderer) MinSize() fyne.Size {
	return fyne.NewSize(400, 280)
}

// Refresh draws the board again: everything after a theme change, else
// only what changed.
func (r *boardRenderer) Refresh() {
	b := r.board
	th, v := b.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	if th != r.theme || v != r.variant {
		r.theme, r.variant = th, v
		r.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
		r.bg.Refresh()
		r.editor.Theme = newPaperTheme(th, r.paper, r.text)
		r.editor.Refresh()
		b.drag.overlay.Refresh()
		for _, w := range b.blockWidgets() {
			w.Refresh()
		}
		for _, c := range r.cards {
			c.Refresh()
		}
		r.curtain.Refresh()
		b.cache.dirty = true
	}
	r.Layout(b.Size())
}

func (r *boardRenderer) Objects() []fyne.CanvasObject {
	if r.objects == nil {
		r.objects = append(r.objects, r.bg, r.curtain)
		for _, w := range r.blocks {
			r.objects = append(r.objects, w)
		}
		r.objects = append(r.objects, r.board.drag.conns.box)
		for _, c := range r.cards {
			r.objects = append(r.objects, c)
		}
		r.objects = append(r.objects, r.board.drag.overlay, r.editor)
	}
	return r.objects
}

func (r *boardRenderer) Destroy() {
	b := r.board
	if a := b.anim; a != nil {
		a.anim.Stop()
		b.anim = nil
	}
	b.stopEdgeScroll()
}
