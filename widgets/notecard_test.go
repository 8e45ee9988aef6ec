package widgets

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/bmcanvas/bmcanvas/bmc"
)

func cardLines(c *NoteCard) []string {
	r := test.WidgetRenderer(c).(*noteCardRenderer)
	var out []string
	for _, t := range r.lines {
		if t.Visible() {
			out = append(out, t.Text)
		}
	}
	return out
}

func TestNoteCardWrapsAndFits(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(lightTheme{theme.DefaultTheme()})
	c := NewNoteCard(bmc.Note{ID: "n1", Text: "Coffee and a croissant in under two minutes", Color: bmc.Blue})
	c.Resize(fyne.NewSize(110, 90))
	lines := cardLines(c)
	if len(lines) < 2 || strings.Join(lines, " ") != c.Note.Text {
		t.Errorf("lines = %q, want the whole text wrapped", lines)
	}

	c.SetNote(bmc.Note{ID: "n1", Text: strings.Repeat("a long story about bread ", 20), Color: bmc.Blue})
	lines = cardLines(c)
	if last := lines[len(lines)-1]; !strings.HasSuffix(last, "…") {
		t.Errorf("overlong text does not end in an textlayout.Ellipsis: %q", lines)
	}
	r := test.WidgetRenderer(c).(*noteCardRenderer)
	inside := 110 - 2*newCardStyle(cardTextSize(theme.DefaultTheme())).pad
	for _, l := range r.lines {
		if w := fyne.MeasureText(l.Text, l.TextSize, fyne.TextStyle{}).Width; l.Visible() && w > inside {
			t.Errorf("line %q is %v wide, wider than the card's %v", l.Text, w, inside)
		}
	}

	if got := r.paper.FillColor; got != (color.NRGBA{0xb3, 0xe5, 0xfc, 0xff}) {
		t.Errorf("paper = %v, want the blue of the palette", got)
	}
	if r.lines[0].Color != inkColor {
		t.Errorf("ink = %v, want dark ink", r.lines[0].Color)
	}
	if r.fade.Visible() || !r.shadow.Visible() {
		t.Error("a card at rest is drawn faded")
	}
	c.Lifted = true
	c.Refresh()
	if !r.fade.Visible() || r.fade.FillColor.(color.NRGBA).A < 0x80 || !r.shadow.Hidden {
		t.Error("a lifted card is not drawn faded")
	}
}

func TestNoteCardInkIsDarkInDarkTheme(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(test.NewTheme())
	c := NewNoteCard(bmc.Note{ID: "n1", Text: "Flour", Color: bmc.Yellow})
	c.Resize(fyne.NewSize(100, 80))
	if r := test.WidgetRenderer(c).(*noteCardRenderer); r.lines[0].Color != inkColor {
		t.Errorf("ink = %v in another theme, want the same dark ink", r.lines[0].Color)
	}
}

func TestNoteCardEvents(t *testing.T) {
	test.NewTempApp(t)
	c := NewNoteCard(bmc.Note{ID: "n1", Text: "x"})
	c.Resize(fyne.NewSize(100, 80))
	var got []string
	var pointers []fyne.Position
	c.OnPressed = func() { got = append(got, "pressed") }
	c.OnTapped = func() { got = append(got, "tapped") }
	c.OnDoubleTapped = func() { got = append(got, "double") }
	c.OnSecondaryTapped = func(*fyne.PointEvent) { got = append(got, "secondary") }
	c.OnDragged = func(p fyne.Position) { pointers = append(pointers, p) }
	c.OnDragEnd = func() { got = append(got, "end") }

	c.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(10, 20)}, Button: desktop.MouseButtonSecondary})
	test.Tap(c)
	test.DoubleTap(c)
	test.TapSecondary(c)
	// A real drag: pressed at (10,20), then the driver reports the pointer
	// after it crossed its threshold, and a later move.
	c.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(10, 20)}, Button: desktop.MouseButtonPrimary})
	c.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(13, 20)}, Dragged: fyne.NewDelta(3, 0)})
	c.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(50, 60)}, Dragged: fyne.NewDelta(37, 40)})
	c.MouseUp(&desktop.MouseEvent{Button: desktop.MouseButtonPrimary})
	c.DragEnd()
	// test.Drag's single event: from its position by its distance.
	c.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(5, 5)}, Dragged: fyne.NewDelta(100, 0)})
	c.DragEnd()
	c.DragEnd() // no drag: nothing

	if want := "tapped double secondary pressed end end"; strings.Join(got, " ") != want {
		t.Errorf("events = %q, want %q", strings.Join(got, " "), want)
	}
	want := []fyne.Position{{X: 13, Y: 20}, {X: 50, Y: 60}, {X: 105, Y: 5}}
	if len(pointers) != 3 || pointers[0] != want[0] || pointers[1] != want[1] || pointers[2] != want[2] {
		t.Errorf("pointer positions = %v, want %v", pointers, want)
	}
}

func TestNoteCardMarkup(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(lightTheme{theme.DefaultTheme()})
	c := NewNoteCard(bmc.Note{ID: "n1", Text: "Dairy co-op for butter, milk and eggs", Color: bmc.Green})
	c.Resize(fyne.NewSize(110, 90))
	test.AssertObjectRendersToMarkup(t, "notecard/green.xml", c)
}
