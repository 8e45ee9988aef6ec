package widgets

import (
	"flag"
	"image"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/internal/examples"
	"github.com/bmcanvas/bmcanvas/internal/imagetest"
)

// lightTheme is Fyne's default theme in its light variant whatever the
// system's setting, so that golden images do not depend on the machine.
type lightTheme struct{ fyne.Theme }

func (t lightTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, theme.VariantLight)
}

// example loads a bundled example canvas.
func example(t testing.TB, name string) *bmc.Canvas {
	t.Helper()
	return examples.Load(t, name)
}

// newTestBoard shows a board on c in a test window of the given size with
// the light theme.
func newTestBoard(t testing.TB, c *bmc.Canvas, size fyne.Size) (*Board, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(lightTheme{theme.DefaultTheme()})
	b := NewBoard(c)
	w := test.NewTempWindow(t, b)
	w.SetPadded(false)
	w.Resize(size)
	return b, w
}

// viewOf returns a board's renderer.
func viewOf(b *Board) *boardRenderer {
	return test.WidgetRenderer(b).(*boardRenderer)
}

var update = flag.Bool("update", false, "rewrite the golden images in testdata/")

// assertImage compares img with the golden PNG testdata/name, allowing a
// few pixels to differ slightly (anti-aliasing), and writes what it got to
// testdata/failed/name when they differ. With -update it rewrites the
// golden image instead. Unlike test.AssertImageMatches it reports how
// many pixels differ rather than diffing megabytes of pixels.
func assertImage(t *testing.T, name string, img image.Image) {
	t.Helper()
	imagetest.Match(t, name, img, nil, *update)
}
