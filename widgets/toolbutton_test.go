package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestToolButton(t *testing.T) {
	test.NewTempApp(t)
	taps := 0
	var hovers []bool
	b := newToolButton(theme.ContentAddIcon(), "Add", func() { taps++ })
	b.onHover = func(in bool) { hovers = append(hovers, in) }
	b.Resize(fyne.NewSquareSize(20))
	r := test.WidgetRenderer(b).(*toolButtonRenderer)
	if !r.bg.Hidden {
		t.Error("highlight shown without the pointer")
	}
	b.MouseIn(nil)
	if r.bg.Hidden {
		t.Error("no highlight under the pointer")
	}
	b.MouseOut()
	test.Tap(b)
	if taps != 1 || len(hovers) != 2 || !hovers[0] || hovers[1] {
		t.Errorf("taps %d, hovers %v", taps, hovers)
	}
	if b.Cursor() != desktop.PointerCursor {
		t.Error("no pointing hand")
	}
	if _, ok := any(b).(fyne.Focusable); ok {
		t.Error("the button takes the keyboard focus; Tab would stop at eighteen of them")
	}
}
