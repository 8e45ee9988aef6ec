package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/widgets"
)

// On screen, as on posters, a note's segment marks differ in shape as well
// as colour: a card linked to four segments of the same colour still
// shows four different marks, and the board gives each card the shapes
// of its segments' places in Customer Segments.
func TestSegmentMarksHaveShapesOnScreen(t *testing.T) {
	test.NewTempApp(t)
	var cards []fyne.CanvasObject
	for i := 0; i < 4; i++ {
		c := widgets.NewNoteCard(bmc.Note{ID: "n", Text: bmc.SegmentShape(i).Name, Segments: []string{"s"}})
		c.Marks = []bmc.Color{bmc.Blue}
		c.MarkShapes = []bmc.MarkShape{bmc.SegmentShape(i)}
		c.Resize(fyne.NewSize(110, 80))
		cards = append(cards, c)
	}
	w := test.NewTempWindow(t, container.NewGridWithColumns(4, cards...))
	w.Resize(fyne.NewSize(480, 100))
	test.AssertImageMatches(t, "markshapes.png", w.Canvas().Capture())

	sides := map[uint]int{}
	for _, o := range allObjects(w.Canvas().Content()) {
		if p, ok := o.(*canvas.Polygon); ok && p.Visible() && p.CornerRadius == 0 {
			sides[p.Sides]++
		}
	}
	if sides[4] != 2 || sides[3] != 1 {
		t.Errorf("visible polygon marks by sides: %v; want a square, a triangle and a diamond", sides)
	}

	e, _ := newTestEditor(t)
	openBakeryFile(t, e)
	var shapes []string
	for _, o := range allObjects(e.win.Content()) {
		if c, ok := o.(*widgets.NoteCard); ok && c.Note.ID == e.doc.Canvas().Segments()[1].ID {
			shapes = append(shapes, c.SegmentShape.Name)
		}
	}
	if len(shapes) == 0 || shapes[0] != bmc.SegmentShape(1).Name {
		t.Errorf("the second segment's card has dot shapes %v, want %s", shapes, bmc.SegmentShape(1).Name)
	}
}

// allObjects returns o and every object inside it, widgets' renderers
// included.
func allObjects(o fyne.CanvasObject) []fyne.CanvasObject {
	out := []fyne.CanvasObject{o}
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			out = append(out, allObjects(c)...)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			out = append(out, allObjects(c)...)
		}
	}
	return out
}
