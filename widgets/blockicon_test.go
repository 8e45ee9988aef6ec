package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/bmcanvas/bmcanvas/bmc"
)

func TestBlockIconDrawsEveryShape(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(lightTheme{theme.DefaultTheme()})
	for _, b := range bmc.BusinessModelCanvas.Blocks {
		ic := newBlockIcon(b.Icon)
		ic.Resize(fyne.NewSquareSize(20))
		objs := test.WidgetRenderer(ic).Objects()
		if len(objs) != len(b.Icon.Shapes) {
			t.Errorf("%s: %d objects for %d shapes", b.Icon.Name, len(objs), len(b.Icon.Shapes))
		}
		for i, s := range b.Icon.Shapes {
			switch o := objs[i].(type) {
			case *canvas.Circle:
				if !s.Circle || !close32(o.Position2.X-o.Position1.X, float32(2*s.R*20)) {
					t.Errorf("%s shape %d: circle %v…%v for %+v", b.Icon.Name, i, o.Position1, o.Position2, s)
				}
			case *canvas.Line:
				if s.Circle || !close32(o.Position1.X, float32(s.X1*20)) || !close32(o.Position1.Y, float32(s.Y1*20)) {
					t.Errorf("%s shape %d: line from %v for %+v", b.Icon.Name, i, o.Position1, s)
				}
			}
		}
	}
	gear, _ := bmc.BusinessModelCanvas.Block("key_activities")
	ic := newBlockIcon(gear.Icon)
	ic.Resize(fyne.NewSquareSize(24))
	test.AssertObjectRendersToMarkup(t, "blockicon/gear.xml", ic)
	ic.Icon, _ = func() (bmc.Icon, bool) { b, ok := bmc.BusinessModelCanvas.Block("key_partners"); return b.Icon, ok }()
	ic.Refresh()
	if n := len(test.WidgetRenderer(ic).Objects()); n != 2 {
		t.Errorf("after changing to the link icon: %d objects, want 2", n)
	}
}

func close32(a, b float32) bool { return a-b < 1e-3 && b-a < 1e-3 }
