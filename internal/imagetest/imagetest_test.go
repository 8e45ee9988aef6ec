package imagetest

import (
	"image"
	"image/color"
	"testing"
)

func TestDiff(t *testing.T) {
	a := image.NewNRGBA(image.Rect(0, 0, 100, 100))
	b := image.NewNRGBA(image.Rect(0, 0, 100, 100))
	if d := Diff(a, b); d != "" {
		t.Errorf("equal images: %q", d)
	}
	b.Set(0, 0, color.NRGBA{R: 255, A: 255}) // 1 pixel of 10,000: within 0.1%
	if d := Diff(a, b); d != "" {
		t.Errorf("one pixel: %q", d)
	}
	for i := range 20 {
		b.Set(i, 1, color.NRGBA{R: 255, A: 255})
	}
	if d := Diff(a, b); d != "21 of 10000 pixels differ" {
		t.Errorf("21 pixels: %q", d)
	}
	if d := Diff(a, image.NewNRGBA(image.Rect(0, 0, 10, 10))); d != "size (10,10), want (100,100)" {
		t.Errorf("sizes: %q", d)
	}
}
