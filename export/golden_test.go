package export

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/bmcanvas/bmcanvas/bmc"
)

var update = flag.Bool("update", false, "rewrite the golden images in testdata/golden")

// Golden images: each poster rendered at low resolution by pdftoppm must
// match the stored PNG, pixel by pixel within a small tolerance, so that
// layout changes show up. After a deliberate change, look at the images
// in testdata/failed/, then run go test ./export -run Golden -update.
func TestGoldenImages(t *testing.T) {
	needTool(t, "pdftoppm")
	blank := func(id string, opt Options) func(t *testing.T) []byte {
		return func(t *testing.T) []byte {
			tmpl, _ := bmc.TemplateByID(id)
			var buf bytes.Buffer
			if _, err := Poster(&buf, tmpl, opt); err != nil {
				t.Fatal(err)
			}
			return buf.Bytes()
		}
	}
	filled := func(name string, opt Options) func(t *testing.T) []byte {
		return func(t *testing.T) []byte {
			opt.FileName = name + ".yaml"
			pdf, _ := writePDF(t, example(t, name), opt)
			return pdf
		}
	}
	for _, tc := range []struct {
		name string
		pdf  func(t *testing.T) []byte
		page string
	}{
		{"bakery", filled("bakery", Options{}), "1"},
		{"designer", filled("designer", Options{}), "1"},
		{"startup", filled("startup", Options{}), "1"},
		{"bakery-frontstage", filled("bakery", Options{Frontstage: true}), "1"},
		{"bakery-focus-families", filled("bakery", Options{Focus: "n2"}), "1"},
		{"bakery-focus-partner", filled("bakery", Options{Focus: "n30"}), "1"},
		{"bakery-light", filled("bakery", Options{Ink: InkLight}), "1"},
		{"bakery-mono-focus-families", filled("bakery", Options{Ink: InkMono, Focus: "n2"}), "1"},
		{"designer-portrait-a3", filled("designer", Options{Paper: "A3", Portrait: true}), "1"},
		{"bakery-tile-a4-sheet7", filled("bakery", Options{Tile: "A4"}), "7"},
		{"blank-business-model-canvas", blank("business-model-canvas", Options{}), "1"},
		{"blank-personal", blank("personal", Options{}), "1"},
		{"blank-lean-portrait", blank("lean", Options{Portrait: true}), "1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := tool(t, tc.pdf(t), "pdftoppm", "-png", "-r", "14", "-singlefile", "-f", tc.page, "-l", tc.page)
			matchGolden(t, tc.name, got)
		})
	}
}

// matchGolden compares a rendered page with testdata/golden/name.png (see
// TestGoldenImages), or rewrites it with -update.
func matchGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name+".png")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if msg := compareImages(t, got, want); msg != "" {
		keepFailed(t, name, got)
		t.Errorf("%s: %s; see testdata/failed/%s.png", path, msg, name)
	}
}

// keepFailed writes a picture that did not match to testdata/failed/, to
// look at.
func keepFailed(t *testing.T, name string, data []byte) {
	t.Helper()
	path := filepath.Join("testdata", "failed", name+".png")
	os.MkdirAll(filepath.Dir(path), 0o755)
	os.WriteFile(path, data, 0o644)
}

// compareImages returns what differs between two PNGs, or "": the sizes,
// or more than 0.5% of pixels with a channel off by more than 40 of 255.
func compareImages(t *testing.T, a, b []byte) string {
	t.Helper()
	ia, ib := decodePNG(t, a), decodePNG(t, b)
	if ia.Bounds() != ib.Bounds() {
		return "size " + ia.Bounds().String() + ", want " + ib.Bounds().String()
	}
	differ, total := 0, ia.Bounds().Dx()*ia.Bounds().Dy()
	for y := ia.Bounds().Min.Y; y < ia.Bounds().Max.Y; y++ {
		for x := ia.Bounds().Min.X; x < ia.Bounds().Max.X; x++ {
			if pixelDiff(ia, ib, x, y) > 40 {
				differ++
			}
		}
	}
	if differ*200 > total {
		return fmt.Sprintf("%.1f%% of the pixels differ", float64(differ)*100/float64(total))
	}
	return ""
}

func decodePNG(t *testing.T, data []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func pixelDiff(a, b image.Image, x, y int) int {
	r1, g1, b1, _ := a.At(x, y).RGBA()
	r2, g2, b2, _ := b.At(x, y).RGBA()
	d := 0
	for _, p := range [][2]uint32{{r1, r2}, {g1, g2}, {b1, b2}} {
		v := int(p[0]>>8) - int(p[1]>>8)
		d = max(d, v, -v)
	}
	return d
}
