//go:build ignore

// gen_icon draws icon.png, the application icon: a canvas of nine blocks
// with a few sticky notes. Run with: go run gen_icon.go
package main

import (
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"log"
	"os"
)

func main() {
	const size, pad = 512, 40
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	fill := func(x0, y0, x1, y1 int, c color.Color) {
		draw.Draw(img, image.Rect(x0, y0, x1, y1), &image.Uniform{c}, image.Point{}, draw.Src)
	}
	ink := color.RGBA{0x26, 0x32, 0x38, 0xff}
	fill(pad-16, pad-16, size-pad+16, size-pad+16, ink)
	fill(pad, pad, size-pad, size-pad, color.RGBA{0xfa, 0xfa, 0xf7, 0xff})
	w, h := size-2*pad, size-2*pad
	gx := func(u int) int { return pad + u*w/30 }
	gy := func(u int) int { return pad + u*h/16 }
	lines := [][4]int{{6, 0, 6, 12}, {12, 0, 12, 12}, {18, 0, 18, 12}, {24, 0, 24, 12}, {0, 12, 30, 12},
		{15, 12, 15, 16}, {6, 6, 12, 6}, {18, 6, 24, 6}}
	for _, l := range lines {
		x0, y0, x1, y1 := gx(l[0]), gy(l[1]), gx(l[2]), gy(l[3])
		fill(x0-4, y0-4, x1+4, y1+4, ink)
	}
	notes := []struct {
		x, y int
		c    color.RGBA
	}{
		{1, 1, color.RGBA{0xff, 0xf1, 0x76, 0xff}}, {13, 1, color.RGBA{0xf8, 0xbb, 0xd0, 0xff}},
		{13, 5, color.RGBA{0xb3, 0xe5, 0xfc, 0xff}}, {25, 1, color.RGBA{0xb3, 0xe5, 0xfc, 0xff}},
		{25, 5, color.RGBA{0xf8, 0xbb, 0xd0, 0xff}}, {7, 1, color.RGBA{0xc5, 0xe1, 0xa5, 0xff}},
		{19, 13, color.RGBA{0xff, 0xcc, 0x80, 0xff}}, {2, 13, color.RGBA{0xd1, 0xc4, 0xe9, 0xff}},
	}
	for _, n := range notes {
		fill(gx(n.x), gy(n.y), gx(n.x+4), gy(n.y+3)-8, n.c)
	}
	f, err := os.Create("icon.png")
	if err != nil {
		log.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}
