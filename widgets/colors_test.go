package widgets

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/bmcanvas/bmcanvas/bmc"
)

func TestSwatchShowsThePaperColour(t *testing.T) {
	test.NewTempApp(t)
	for _, c := range bmc.Palette() {
		img := canvas.NewImageFromResource(swatch(c))
		img.Resize(fyne.NewSquareSize(32))
		w := test.NewTempWindow(t, img)
		w.SetPadded(false)
		w.Resize(fyne.NewSquareSize(32))
		got := color.NRGBAModel.Convert(w.Canvas().Capture().At(16, 16)).(color.NRGBA)
		r, g, b := c.RGB()
		if got.R != r || got.G != g || got.B != b {
			t.Errorf("%s swatch centre is %v, want #%02x%02x%02x", c, got, r, g, b)
		}
		if swatch(c) != swatch(c) {
			t.Errorf("%s swatch is made afresh each time", c)
		}
	}
}

func TestBlend(t *testing.T) {
	white := color.NRGBA{0xff, 0xff, 0xff, 0xff}
	if got := blend(white, color.NRGBA{0, 0, 0, 0x80}); got != (color.NRGBA{0x7f, 0x7f, 0x7f, 0xff}) {
		t.Errorf("half black over white = %v", got)
	}
	if got := blend(white, color.Transparent); got != white {
		t.Errorf("transparent over white = %v", got)
	}
	if colorName(bmc.Purple) != "Purple" || colorName("") != "" {
		t.Error("colour names")
	}
}
