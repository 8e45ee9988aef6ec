package widgets

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/bmcanvas/bmcanvas/assets"
	"github.com/bmcanvas/bmcanvas/bmc"
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
	data, err := assets.ExampleData(name)
	if err != nil {
		t.Fatal(err)
	}
	c, err := bmc.Load(name+".yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	return c
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
	path := filepath.Join("testdata", name)
	if *update {
		if err := writePNG(path, img); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(path)
	if err != nil {
		writePNG(filepath.Join("testdata", "failed", name), img)
		t.Fatalf("%v (run with -update to create it)", err)
	}
	defer f.Close()
	want, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if msg := imageDiff(want, img); msg != "" {
		failed := filepath.Join("testdata", "failed", name)
		writePNG(failed, img)
		t.Errorf("%s: %s; see %s", path, msg, failed)
	}
}

// imageDiff says how two images differ, or "" when they match: same size,
// and at most 0.1% of pixels differing by more than 16 in a channel.
func imageDiff(want, got image.Image) string {
	wb, gb := want.Bounds(), got.Bounds()
	if wb.Size() != gb.Size() {
		return fmt.Sprintf("size %v, want %v", gb.Size(), wb.Size())
	}
	bad := 0
	for y := 0; y < wb.Dy(); y++ {
		for x := 0; x < wb.Dx(); x++ {
			r1, g1, b1, a1 := want.At(wb.Min.X+x, wb.Min.Y+y).RGBA()
			r2, g2, b2, a2 := got.At(gb.Min.X+x, gb.Min.Y+y).RGBA()
			for _, d := range []int{int(r1) - int(r2), int(g1) - int(g2), int(b1) - int(b2), int(a1) - int(a2)} {
				if d > 16<<8 || d < -16<<8 {
					bad++
					break
				}
			}
		}
	}
	if bad*1000 > wb.Dx()*wb.Dy() {
		return fmt.Sprintf("%d of %d pixels differ", bad, wb.Dx()*wb.Dy())
	}
	return ""
}

func writePNG(path string, img image.Image) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
