package app

import (
	"fmt"
	"image"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/widgets"
)

// BoardImage draws c as the editor shows it in a window whose inside is
// width×height, in the light or dark theme, at a zoom factor (0: fit),
// with Fyne's software renderer: no display is needed. It returns the
// picture and the IDs of the notes not shown whole: scrolled out of view,
// or cut because a note is taller than its block. The window is drawn as
// on Linux and Windows, with Fyne's menu bar inside it.
func BoardImage(c *bmc.Canvas, width, height int, dark bool, zoom float64) (image.Image, []string, error) {
	e, img, err := drawEditor(c, width, height, dark, zoom)
	if err != nil {
		return nil, nil, err
	}
	return img, e.board.Hidden(), nil
}

// drawEditor draws the editor on c as BoardImage does, and returns it
// with the picture.
func drawEditor(c *bmc.Canvas, width, height int, dark bool, zoom float64) (*Editor, image.Image, error) {
	if width < 200 || height < 200 || width > 8000 || height > 8000 {
		return nil, nil, fmt.Errorf("a window of %d×%d: give a size from 200×200 to 8000×8000", width, height)
	}
	a := test.NewApp()
	variant := theme.VariantLight
	if dark {
		variant = theme.VariantDark
	}
	a.Settings().SetTheme(fixedVariant{theme.DefaultTheme(), variant})
	w := test.NewWindow(nil)
	defer w.Close()
	e := NewEditor(a, w)
	d := NewDocument(c, "")
	d.Untitled = c.Title
	e.setDocument(d)
	z := widgets.Zoom{Factor: float32(zoom)}
	if zoom <= 0 {
		z = widgets.Zoom{Fit: true}
	}
	e.SetZoom(z)
	// The driver pads the content below its menu bar.
	content := w.Content()
	w.SetPadded(false)
	w.SetContent(container.NewBorder(newMenuBarImage(e.menu.main), nil, nil, nil, container.NewPadded(content)))
	w.Resize(fyne.NewSize(float32(width), float32(height)))
	return e, w.Canvas().Capture(), nil
}

// fixedVariant is a theme in one variant whatever the system's.
type fixedVariant struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

// Color returns the colour of the fixed variant.
func (t fixedVariant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// newMenuBarImage draws the main menu's bar as Fyne's desktop driver does
// inside a window (its menu bar widget is internal): the menus' labels on
// the background, each with inner padding around it.
func newMenuBarImage(m *fyne.MainMenu) fyne.CanvasObject {
	th := theme.Current()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	inner := th.Size(theme.SizeNameInnerPadding)
	pad := th.Size(theme.SizeNamePadding)
	bg := canvas.NewRectangle(th.Color(theme.ColorNameBackground, v))
	objects := []fyne.CanvasObject{bg}
	x := inner
	var h float32
	for _, menu := range m.Items {
		t := canvas.NewText(menu.Label, th.Color(theme.ColorNameForeground, v))
		t.TextSize = th.Size(theme.SizeNameText)
		ts := t.MinSize()
		t.Move(fyne.NewPos(x+inner, inner/2))
		t.Resize(ts)
		objects = append(objects, t)
		x += ts.Width + 2*inner + pad
		h = max(h, ts.Height+inner/2)
	}
	bar := container.NewWithoutLayout(objects...)
	bg.Resize(fyne.NewSize(8000, h))
	spacer := canvas.NewRectangle(color.Transparent)
	spacer.SetMinSize(fyne.NewSize(0, h))
	return container.NewStack(spacer, bar)
}
