//go:build ignore

// icons writes the application icon in the sizes a Linux desktop looks up
// (the hicolor theme's 16×16 to 512×512 apps folders), scaled from
// assets/icon.png with Catmull-Rom, so that menus and docks never have to
// shrink a 512×512 picture themselves. The output is the same bytes on
// every machine: pure Go, no timestamps in the PNGs.
//
// Usage: go run scripts/icons.go DIR (writes DIR/NxN/apps/NAME.png)
package main

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"

	"golang.org/x/image/draw"
)

// name is the icon's name, the application ID, as the desktop entry's
// Icon= key gives it.
const name = "io.github.bmcanvas"

// sizes are the hicolor sizes written; scripts/install.sh lists the same.
var sizes = []int{16, 22, 24, 32, 48, 64, 128, 256, 512}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run scripts/icons.go DIR")
		os.Exit(2)
	}
	if err := write(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "icons:", err)
		os.Exit(1)
	}
}

func write(dir string) error {
	b, err := os.ReadFile("assets/icon.png")
	if err != nil {
		return err
	}
	src, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		return fmt.Errorf("assets/icon.png: %w", err)
	}
	for _, s := range sizes {
		out := filepath.Join(dir, fmt.Sprintf("%dx%d", s, s), "apps", name+".png")
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		var img image.Image = src
		if src.Bounds().Dx() != s || src.Bounds().Dy() != s {
			dst := image.NewNRGBA(image.Rect(0, 0, s, s))
			draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
			img = dst
		}
		var buf bytes.Buffer
		enc := png.Encoder{CompressionLevel: png.BestCompression}
		if err := enc.Encode(&buf, img); err != nil {
			return err
		}
		if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}
