package widgets

import (
	"fmt"
	"image/color"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/bmc"
)

var (
	_ fyne.Widget         = (*Board)(nil)
	_ fyne.WidgetRenderer = (*boardRenderer)(nil)
)

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
type Board struct {
	widget.BaseWidget

	// OnEdit, when set, performs every change the board makes: it should
	// take an undo snapshot, apply op to the canvas, mark the document
	// changed and call Refresh. label names the change for an Undo menu:
	// "Move note", "Edit note", "Add note", "Delete note", "Recolour note",
	// "Hide backstage" or "Show backstage". When OnEdit is nil the board
	// applies op to its canvas itself and refreshes.
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
	// OnOtherKey receives the keys the board does not use, such as F5.
	OnOtherKey func(*fyne.KeyEvent)

	canvas   *bmc.Canvas
	selected string // the selected note
	current  string // the block with the keyboard focus: the selected note's, or an empty block
	focused  bool
	shift    bool
	scroll   map[string]int     // first row in view, per block
	wheel    map[string]float32 // wheel distance not yet turned into rows
	fresh    string             // a note AddNote made that has not been committed
	editing  string             // the note being edited
	editor   *noteEditor
	drag     *boardDrag
	anim     *boardAnim
	link     *linkDrag // a segment dot being dragged onto a note

	// What the cards show besides their notes.
	focus    string               // the customer segment in focus
	chain    map[string]bool      // the focused segment's chain
	filter   map[string]bool      // the notes a filter matches, or nil
	segColor map[string]bmc.Color // each customer segment's colour
	marksBuf []bmc.Color          // scratch space for a card's marks

	// The cached layout, and what it was made from.
	geom    *geometry
	dirty   bool
	metrics *metrics
	shown   bool   // the backstage setting last laid out
	tmplID  string // the template last laid out
	laidOut bool   // laid out at a real size at least once

	view *boardRenderer
}

// boardDrag is a note being dragged.
type boardDrag struct {
	id        string
	fromBlock string
	origin    fyne.Position // the card's place when the drag began
	grab      fyne.Position // where the pointer holds the card
	target    string        // the block under the pointer, or ""
	index     int           // where in the target block it would land, counted with the note in place
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
	b := &Board{canvas: c, scroll: map[string]int{}, wheel: map[string]float32{}, dirty: true}
	b.ExtendBaseWidget(b)
	b.editor = newNoteEditor()
	b.editor.onCommit = b.commitEdit
	b.editor.onCancel = b.cancelEdit
	b.editor.Hidden = true
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

// Selected returns the ID of the selected note, or "".
func (b *Board) Selected() string { return b.selected }

// Select selects the note with the given ID and scrolls it into view; ""
// clears the selection. An unknown ID is ignored.
func (b *Board) Select(id string) {
	if id == "" {
		b.setSelection("", "")
		b.relayout()
		return
	}
	block, _, ok := b.find(id)
	if !ok {
		return
	}
	b.setSelection(id, block)
	b.scrollIntoView(id)
	b.relayout()
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
	b.editor.commit(false)
	var id string
	ok = b.edit("Add note", func(c *bmc.Canvas) error {
		n, err := c.AddNote(blockID, -1, bmc.Note{})
		id = n.ID
		return err
	})
	if !ok || id == "" {
		return
	}
	b.fresh = id
	b.startEdit(id)
}

// EditSelected opens the selected note for editing in place.
func (b *Board) EditSelected() {
	if b.selected != "" {
		b.startEdit(b.selected)
	}
}

// CommitEdit saves the text of a note being edited in place, if any, and
// closes the editor. Call it before saving or exporting, since choosing a
// menu item does not take the focus from the editor.
func (b *Board) CommitEdit() {
	if b.editing != "" {
		b.editor.commit(false)
	}
}

// DeleteSelected deletes the selected note and selects its neighbour.
func (b *Board) DeleteSelected() {
	if b.selected != "" {
		b.deleteNote(b.selected)
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
	b.edit(label, func(c *bmc.Canvas) error { return c.SetBackstageShown(shown) })
}

// Refresh brings the board up to date with its canvas: call it after
// changing the canvas.
func (b *Board) Refresh() {
	b.sync()
	b.BaseWidget.Refresh()
}

// CreateRenderer is a private method to Fyne which links this widget to its
// renderer.
func (b *Board) CreateRenderer() fyne.WidgetRenderer {
	r := &boardRenderer{
		board:   b,
		bg:      &canvas.Rectangle{},
		curtain: NewCurtain(func() { b.SetBackstageShown(true) }),
		bar:     &canvas.Rectangle{},
		ring:    &canvas.Rectangle{},
		ghost:   NewNoteCard(bmc.Note{}),
		blocks:  map[string]*Block{},
		editor:  container.NewThemeOverride(b.editor, newPaperTheme(b.Theme(), bmc.Yellow)),
		links:   newLinkIndicator(),
		conns:   newConnections(b),
	}
	r.bar.Hide()
	r.ring.Hide()
	r.ghost.floating = true
	r.ghost.Hide()
	b.view = r
	r.Refresh()
	return r
}

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

// sync checks the board's state against its canvas after a change: it
// drops a selection whose note went away, closes an editor whose note went
// away, and starts the backstage animation when the setting changed.
func (b *Board) sync() {
	b.dirty = true
	b.metrics = nil
	t := b.template()
	if t == nil {
		b.setSelection("", "")
		b.closeEditor()
		b.tmplID = ""
		b.syncSegments()
		return
	}
	visible := map[string]bool{}
	for _, p := range b.canvas.Layout() {
		visible[p.Block.ID] = true
	}
	if b.selected != "" {
		if block, _, ok := b.find(b.selected); !ok || !visible[block] {
			b.setSelection("", "")
		} else {
			b.current = block
		}
	}
	if b.current != "" && !visible[b.current] {
		b.current = ""
	}
	if b.editing != "" {
		if block, _, ok := b.find(b.editing); !ok || !visible[block] {
			b.closeEditor()
		}
	}
	b.syncSegments()
	shown := b.canvas.BackstageShown()
	if t.ID == b.tmplID && shown != b.shown && b.laidOut {
		b.animate(b.shown, shown)
	} else if t.ID != b.tmplID && b.anim != nil {
		b.anim.anim.Stop()
		b.anim = nil
	}
	b.tmplID, b.shown = t.ID, shown
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
		b.dirty = true
		if b.view != nil {
			b.view.Layout(b.Size())
		}
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

// find returns the block and index of a note.
func (b *Board) find(id string) (block string, index int, ok bool) {
	if b.canvas == nil || id == "" {
		return "", -1, false
	}
	return b.canvas.Find(id)
}

// note returns the note with the given ID.
func (b *Board) note(id string) (bmc.Note, bool) {
	block, i, ok := b.find(id)
	if !ok {
		return bmc.Note{}, false
	}
	return b.canvas.Blocks[block][i], true
}

// setSelection selects a note (or none) and the block with the keyboard
// focus, telling OnSelect when the note changed.
func (b *Board) setSelection(id, block string) {
	changed := id != b.selected
	b.selected, b.current = id, block
	if changed && b.OnSelect != nil {
		b.OnSelect(id)
	}
}

// scrollIntoView scrolls a note's block so that the note is in view.
func (b *Board) scrollIntoView(id string) {
	block, i, ok := b.find(id)
	if !ok {
		return
	}
	g := b.geometry()
	if k := g.find(block); k >= 0 {
		if first := g.blocks[k].scrolledTo(i); first != g.blocks[k].first {
			b.scroll[block] = first
			b.dirty = true
		}
	}
}

// edit makes a change through OnEdit, or directly when OnEdit is nil, and
// reports whether it succeeded.
func (b *Board) edit(label string, op func(*bmc.Canvas) error) bool {
	if b.canvas == nil {
		return false
	}
	var err error
	if b.OnEdit != nil {
		err = b.OnEdit(label, op)
		b.dirty = true
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
	wasSelected := id == b.selected
	if id == b.editing {
		b.closeEditor()
	}
	if !b.edit("Delete note", func(c *bmc.Canvas) error { return c.DeleteNote(id) }) {
		return
	}
	if wasSelected {
		b.setSelection(next, block)
		b.Refresh()
	}
}

// recolour sets a note's colour.
func (b *Board) recolour(id string, c bmc.Color) {
	if n, ok := b.note(id); !ok || n.Color == c {
		return
	}
	b.edit("Recolour note", func(cv *bmc.Canvas) error { return cv.SetColor(id, c) })
}

// moveNote moves a note to index in block, the index counted with the
// note taken out, unless that is where it is.
func (b *Board) moveNote(id, block string, index int) {
	from, i, ok := b.find(id)
	if !ok || (from == block && i == index) {
		return
	}
	if b.edit("Move note", func(c *bmc.Canvas) error { return c.MoveNote(id, block, index) }) {
		b.setSelection(id, block)
		b.scrollIntoView(id)
		b.Refresh()
	}
}

// startEdit opens the editor over a note's card and focuses it.
func (b *Board) startEdit(id string) {
	n, ok := b.note(id)
	if !ok {
		return
	}
	if b.editing != "" && b.editing != id {
		b.editor.commit(false)
	}
	b.editing = id
	if b.view != nil {
		b.view.editor.Theme = newPaperTheme(b.Theme(), n.Color)
		b.view.editor.Refresh()
	}
	b.Select(id) // lays out the editor over the card
	b.editor.Show()
	b.editor.start(id, n.Text)
	if c := fyne.CurrentApp().Driver().CanvasForObject(b); c != nil {
		c.Focus(b.editor)
	}
}

// commitEdit saves the editor's text; byKey says the user asked for it
// (Ctrl+Enter) rather than clicking away, and takes the focus back.
func (b *Board) commitEdit(id, text string, byKey bool) {
	b.closeEditor()
	fresh := id == b.fresh
	b.fresh = ""
	if n, ok := b.note(id); ok && text != n.Text {
		text = trimAdded(text, n.Text)
		switch {
		case fresh && text == "":
			b.deleteNote(id)
		case text != n.Text:
			b.edit("Edit note", func(c *bmc.Canvas) error { return c.SetText(id, text) })
		}
	}
	if byKey {
		b.requestFocus()
	}
}

// trimAdded drops the blank space at either end of text that was not in
// the note's text before: spaces and newlines typed after the last word
// or before the first go, while those the note already had stay. Text
// that is only blank space becomes "".
func trimAdded(text, before string) string {
	lead, body, trail := margins(text)
	if body == "" {
		return ""
	}
	oldLead, oldBody, oldTrail := margins(before)
	if oldBody == "" { // the note was blank: none of its space is a margin
		oldLead, oldTrail = "", ""
	}
	return commonSuffix(lead, oldLead) + body + commonPrefix(trail, oldTrail)
}

// margins splits s into its leading blank space, the rest up to its
// trailing blank space, and that.
func margins(s string) (lead, body, trail string) {
	rest := strings.TrimLeftFunc(s, unicode.IsSpace)
	body = strings.TrimRightFunc(rest, unicode.IsSpace)
	return s[:len(s)-len(rest)], body, rest[len(body):]
}

// commonPrefix returns the longest common prefix of a and b, in whole
// characters.
func commonPrefix(a, b string) string {
	n := 0
	for n < len(a) && n < len(b) {
		ra, size := utf8.DecodeRuneInString(a[n:])
		if rb, _ := utf8.DecodeRuneInString(b[n:]); ra != rb {
			break
		}
		n += size
	}
	return a[:n]
}

// commonSuffix returns the longest common suffix of a and b, in whole
// characters.
func commonSuffix(a, b string) string {
	n := 0
	for n < len(a) && n < len(b) {
		ra, size := utf8.DecodeLastRuneInString(a[:len(a)-n])
		if rb, _ := utf8.DecodeLastRuneInString(b[:len(b)-n]); ra != rb {
			break
		}
		n += size
	}
	return a[len(a)-n:]
}

// cancelEdit closes the editor without saving; a note just added and still
// empty goes away.
func (b *Board) cancelEdit(id string) {
	b.closeEditor()
	if id == b.fresh {
		b.fresh = ""
		if n, ok := b.note(id); ok && n.Text == "" {
			b.deleteNote(id)
		}
	}
	b.requestFocus()
}

// closeEditor hides the editor, ending its session without a word.
func (b *Board) closeEditor() {
	if b.editor == nil {
		return
	}
	b.editor.open = false
	b.editing = ""
	b.editor.Hide()
}

// requestFocus gives the board the keyboard focus.
func (b *Board) requestFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(b); c != nil && c.Focused() != b {
		c.Focus(b)
	}
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

// geometry returns the layout for the board's current size and canvas,
// computing it only when something changed.
func (b *Board) geometry() *geometry {
	size := b.Size()
	if b.geom != nil && !b.dirty && b.geom.size == size {
		return b.geom
	}
	t := b.template()
	if t == nil {
		b.geom = &geometry{size: size}
		b.dirty = false
		return b.geom
	}
	if b.metrics == nil {
		m := newMetrics(b.Theme())
		b.metrics = &m
	}
	var places []place
	var curtain float32
	if a := b.anim; a != nil {
		places = tween(a.from, a.to, a.f)
		curtain = a.curtainFrom + (a.curtainTo-a.curtainFrom)*a.f
	} else {
		places = placesOf(b.canvas.Layout())
		curtain = curtainFor(t, b.canvas.BackstageShown())
	}
	blocks := b.canvas.Blocks
	b.geom = layoutBoard(size, t.Width, t.Height, places, curtain, *b.metrics,
		func(id string) int { return len(blocks[id]) }, b.scroll)
	for _, bg := range b.geom.blocks { // remember clamped scroll positions
		if bg.first != b.scroll[bg.block.ID] && !bg.leaving {
			b.scroll[bg.block.ID] = bg.first
		}
	}
	b.dirty = false
	if size.Width > 0 && size.Height > 0 {
		b.laidOut = true
	}
	return b.geom
}

// boardRenderer draws the board. It keeps a pool of note cards and shows
// only the notes in view, so a relayout costs the same for ten notes or a
// thousand.
type boardRenderer struct {
	board   *Board
	bg      *canvas.Rectangle
	curtain *Curtain
	blocks  map[string]*Block
	order   []*Block // in template order
	cards   []*NoteCard
	shownAt map[string]*NoteCard     // the card showing each note in view
	bar     *canvas.Rectangle        // the drop indicator
	ring    *canvas.Rectangle        // the selection ring
	ghost   *NoteCard                // the card following the pointer in a drag
	editor  *container.ThemeOverride // holds the board's note editor
	links   linkIndicator            // shows where a dragged segment dot goes
	conns   *connections             // the selected note's links (links.go)
	tmpl    string
	objects []fyne.CanvasObject

	onLayout func() // for tests: called on every full layout
}

// rebuildBlocks makes a Block widget per block of the template.
func (r *boardRenderer) rebuildBlocks() {
	b := r.board
	t := b.template()
	id := ""
	if t != nil {
		id = t.ID
	}
	if id == r.tmpl && r.order != nil {
		return
	}
	r.tmpl = id
	r.blocks = map[string]*Block{}
	r.order = nil
	if t != nil {
		for i := range t.Blocks {
			spec := &t.Blocks[i]
			w := NewBlock(spec)
			w.OnPressed = func() { b.pressBlock(spec.ID) }
			w.OnAdd = func() { b.AddNote(spec.ID) }
			w.OnScrolled = func(dy float32) { b.scrollBlock(spec.ID, dy) }
			r.blocks[spec.ID] = w
			r.order = append(r.order, w)
		}
	}
	r.objects = nil
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
	g := b.geometry()
	r.bg.Resize(size)
	if g.curtain.Width > 0 {
		r.curtain.Move(fyne.NewPos(0, 0))
		r.curtain.Resize(g.curtain)
		r.curtain.Show()
	} else {
		r.curtain.Hide()
	}

	placed := map[string]bool{}
	for _, bg := range g.blocks {
		w := r.blocks[bg.block.ID]
		if w == nil {
			continue
		}
		placed[bg.block.ID] = true
		w.Move(bg.pos)
		w.Resize(bg.size)
		hidden, target := bg.hidden(), false
		if b.drag != nil {
			target = b.drag.target == bg.block.ID
		}
		focused := b.focused && b.selected == "" && b.current == bg.block.ID
		if w.Empty != (bg.count == 0) || w.OutOfView != hidden || w.FirstRow != bg.first || w.Rows != bg.rows ||
			w.TotalRows != bg.totalRows() || w.Focused != focused || w.Target != target || !w.Visible() {
			w.Empty, w.OutOfView, w.FirstRow, w.Rows, w.TotalRows = bg.count == 0, hidden, bg.first, bg.rows, bg.totalRows()
			w.Focused, w.Target = focused, target
			w.Show()
			w.Refresh()
		}
	}
	for id, w := range r.blocks {
		if !placed[id] {
			w.Hide()
		}
	}

	r.layoutCards(g)
	r.layoutRing()
	r.conns.layout(b, r.shownAt)
	r.placeEditor()
	if b.drag != nil {
		r.ghost.Resize(r.cardSizeFor(b.drag.fromBlock))
		if g.find(b.drag.target) < 0 { // the target went out of the layout
			r.bar.Hide()
		}
	}
}

// layoutCards puts a pooled card on every note in view and hides the rest.
func (r *boardRenderer) layoutCards(g *geometry) {
	b := r.board
	n := 0
	if r.shownAt == nil {
		r.shownAt = map[string]*NoteCard{}
	}
	clear(r.shownAt)
	for i := range g.blocks {
		bg := &g.blocks[i]
		if bg.leaving {
			continue
		}
		notes := b.canvas.Blocks[bg.block.ID]
		from, to := bg.visible()
		for k := from; k < to; k++ {
			c := r.card(n)
			n++
			// Resize first, with the new note in place, so that a card
			// given another note and another size fits its text once.
			n := &notes[k]
			changed := c.setNote(*n)
			changed = c.setLook(b.marks(n), bg.block.ID == bmc.SegmentBlock, n.ID == b.focus && b.focus != "",
				b.dimmed(n.ID), b.canvas.Currency) || changed
			lifted := b.drag != nil && b.drag.id == n.ID
			changed = changed || c.Lifted != lifted
			c.Lifted = lifted
			c.Move(bg.cardPos(k))
			c.Resize(bg.card)
			if changed {
				c.Refresh()
			}
			if !c.Visible() {
				c.Show()
			}
			r.shownAt[n.ID] = c
		}
	}
	for _, c := range r.cards[n:] {
		if c.Visible() {
			c.Hide()
		}
	}
}

// layoutRing draws the selection ring around the selected note's card.
func (r *boardRenderer) layoutRing() {
	b := r.board
	c, ok := r.shownAt[b.selected]
	if !ok || b.editing == b.selected || b.drag != nil {
		r.ring.Hide()
		return
	}
	const gap = 3
	r.ring.Move(c.Position().SubtractXY(gap, gap))
	r.ring.Resize(c.Size().AddWidthHeight(2*gap, 2*gap))
	th, v := b.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	col := th.Color(theme.ColorNamePrimary, v)
	if !b.focused {
		col = th.Color(theme.ColorNamePlaceHolder, v)
	}
	r.ring.StrokeColor = col
	r.ring.StrokeWidth = 2
	r.ring.FillColor = color.Transparent
	r.ring.CornerRadius = th.Size(theme.SizeNameInputRadius)/1.5 + gap
	r.ring.Show()
	r.ring.Refresh()
}

// placeEditor puts the editor over the card of the note being edited,
// somewhat larger than the card and inside the board.
func (r *boardRenderer) placeEditor() {
	b := r.board
	if b.editing == "" {
		return
	}
	g := b.geometry()
	block, i, ok := b.find(b.editing)
	k := g.find(block)
	if !ok || k < 0 {
		return
	}
	bg := &g.blocks[k]
	// Cover whole columns, enough for a comfortable width, so that no
	// neighbouring card peeks out from under the editor.
	const comfortable = 200
	cols := min(max(int((comfortable+bg.gap)/(bg.card.Width+bg.gap)+0.999), 1), bg.cols)
	col := min(i%bg.cols, bg.cols-cols)
	grow := b.Theme().Size(theme.SizeNamePadding)
	pos := bg.cardPos(i-i%bg.cols+col).SubtractXY(grow, grow)
	size := fyne.NewSize(float32(cols)*(bg.card.Width+bg.gap)-bg.gap+2*grow,
		max(bg.card.Height+2*grow, b.editor.MinSize().Height*1.6))
	size = fyne.NewSize(min(size.Width, g.size.Width), min(size.Height, g.size.Height))
	pos.X = min(max(pos.X, 0), g.size.Width-size.Width)
	pos.Y = min(max(pos.Y, 0), g.size.Height-size.Height)
	r.editor.Move(pos)
	r.editor.Resize(size)
}

// cardSizeFor returns the size of cards in a block.
func (r *boardRenderer) cardSizeFor(block string) fyne.Size {
	g := r.board.geometry()
	if k := g.find(block); k >= 0 {
		return g.blocks[k].card
	}
	return r.ghost.Size()
}

func (r *boardRenderer) MinSize() fyne.Size {
	return fyne.NewSize(480, 320)
}

func (r *boardRenderer) Refresh() {
	b := r.board
	th, v := b.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	r.rebuildBlocks()
	r.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.bar.FillColor = th.Color(theme.ColorNamePrimary, v)
	r.bg.Refresh()
	r.bar.Refresh()
	r.links.refresh(th, v)
	for _, w := range r.order {
		w.Refresh()
	}
	for _, c := range r.cards {
		c.Refresh()
	}
	r.curtain.Refresh()
	r.Layout(b.Size())
}

func (r *boardRenderer) Objects() []fyne.CanvasObject {
	if r.objects == nil {
		r.objects = append(r.objects, r.bg, r.curtain)
		for _, w := range r.order {
			r.objects = append(r.objects, w)
		}
		for _, c := range r.cards {
			r.objects = append(r.objects, c)
		}
		r.objects = append(r.objects, r.conns.box, r.ring, r.bar)
		r.objects = append(r.objects, r.links.objects()...)
		r.objects = append(r.objects, r.editor, r.ghost)
	}
	return r.objects
}

func (r *boardRenderer) Destroy() {
	if a := r.board.anim; a != nil {
		a.anim.Stop()
		r.board.anim = nil
	}
}
