package app

import (
	"flag"
	"fmt"
	"image"
	"image/draw"
	"path/filepath"
	"slices"
	"testing"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/internal/examples"
	"github.com/bmcanvas/bmcanvas/internal/imagetest"
)

var update = flag.Bool("update", false, "rewrite the golden images in testdata/")

// goldenCanvases are the canvases the board's golden images show: the
// three examples and a crowded canvas of 150 notes.
func goldenCanvases(t *testing.T) map[string]*bmc.Canvas {
	t.Helper()
	out := map[string]*bmc.Canvas{}
	for _, name := range []string{"bakery", "designer", "startup"} {
		out[name] = examples.Load(t, name)
	}
	c, err := bmc.LoadFile(filepath.Join("testdata", "crowded.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if c.NoteCount() != 150 {
		t.Fatalf("crowded.yaml has %d notes", c.NoteCount())
	}
	out["crowded"] = c
	return out
}

// The editor on laptop and desktop screens, light and dark: every note
// whole, or scrolled out of view only in a block whose text is at the
// legibility floor, and then reported; the pictures match the golden
// images in testdata/board (drawn at half size to keep them small).
func TestBoardOnScreens(t *testing.T) {
	canvases := goldenCanvases(t)
	for _, name := range []string{"bakery", "designer", "startup", "crowded"} {
		for _, size := range [][2]int{{1366, 768}, {1280, 800}, {1920, 1080}} {
			for _, dark := range []bool{false, true} {
				theme := "light"
				if dark {
					theme = "dark"
				}
				id := fmt.Sprintf("%s-%dx%d-%s", name, size[0], size[1], theme)
				t.Run(id, func(t *testing.T) {
					e, img, err := drawEditor(canvases[name].Clone(), size[0], size[1], dark, 1)
					if err != nil {
						t.Fatal(err)
					}
					if b := img.Bounds(); b.Dx() != size[0] || b.Dy() != size[1] {
						t.Fatalf("picture is %v", b.Size())
					}
					var reported []string
					for _, v := range e.board.View() {
						if len(v.Cut) > 0 {
							t.Errorf("%s: notes cut: %v", v.Block, v.Cut)
						}
						if len(v.Scrolled) > 0 && !v.AtFloor {
							t.Errorf("%s scrolls %d notes at text size %v, above the floor", v.Block, len(v.Scrolled), v.TextSize)
						}
						reported = append(reported, v.Scrolled...)
					}
					if hidden := e.board.Hidden(); !slices.Equal(hidden, reported) {
						t.Errorf("Hidden() = %v, the blocks report %v", hidden, reported)
					}
					if name != "crowded" && len(reported) > 0 && size[0] >= 1920 {
						t.Errorf("%s on a 1920×1080 screen hides %v", name, reported)
					}
					assertGolden(t, filepath.Join("board", id+".png"), img)
				})
			}
		}
	}
}

// assertGolden compares img, at half size, with the golden PNG
// testdata/name, writing the full-size picture to testdata/failed/name
// when they differ; -update rewrites the golden image.
func assertGolden(t *testing.T, name string, img image.Image) {
	t.Helper()
	imagetest.Match(t, name, halfSize(img), img, *update)
}

// halfSize shrinks img to half its width and height, averaging each 2×2
// square of pixels.
func halfSize(img image.Image) *image.NRGBA {
	src := image.NewNRGBA(img.Bounds())
	draw.Draw(src, src.Bounds(), img, img.Bounds().Min, draw.Src)
	w, h := src.Bounds().Dx()/2, src.Bounds().Dy()/2
	out := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			for c := 0; c < 4; c++ {
				sum := 0
				for _, d := range [][2]int{{0, 0}, {1, 0}, {0, 1}, {1, 1}} {
					sum += int(src.Pix[(2*y+d[1])*src.Stride+(2*x+d[0])*4+c])
				}
				out.Pix[y*out.Stride+x*4+c] = uint8(sum / 4)
			}
		}
	}
	return out
}
