// Package imagetest compares rendered images with golden PNGs, for the
// tests of the packages that draw: widgets and app.
package imagetest

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// Diff says how two images differ, or "" when they match: the same size,
// and at most 0.1% of pixels differing by more than 16 in a channel (text
// anti-aliasing differs a little between machines).
func Diff(want, got image.Image) string {
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

// WritePNG writes img to path as a compact PNG, making its folder.
func WritePNG(path string, img image.Image) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Match compares got with the golden PNG testdata/name (see Diff) and
// fails t when they differ, writing failed, or got when failed is nil, to
// testdata/failed/name to look at. With update it rewrites the golden
// image instead.
func Match(t testing.TB, name string, got, failed image.Image, update bool) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if failed == nil {
		failed = got
	}
	if update {
		if err := WritePNG(path, got); err != nil {
			t.Fatal(err)
		}
		return
	}
	failedPath := filepath.Join("testdata", "failed", name)
	f, err := os.Open(path)
	if err != nil {
		WritePNG(failedPath, failed)
		t.Fatalf("%v (run with -update to create it)", err)
		return
	}
	defer f.Close()
	want, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
		return
	}
	if msg := Diff(want, got); msg != "" {
		WritePNG(failedPath, failed)
		t.Errorf("%s: %s; see %s", path, msg, failedPath)
	}
}
