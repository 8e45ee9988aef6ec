package cmd

import (
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bmcanvas/bmcanvas/bmc"
)

func TestBoardCommand(t *testing.T) {
	var got struct {
		w, h int
		dark bool
		zoom float64
	}
	old := BoardImage
	BoardImage = func(c *bmc.Canvas, w, h int, dark bool, zoom float64) (image.Image, []string, error) {
		got.w, got.h, got.dark, got.zoom = w, h, dark, zoom
		return image.NewNRGBA(image.Rect(0, 0, w, h)), []string{"n3", "n7"}, nil
	}
	defer func() { BoardImage = old }()
	out := filepath.Join(t.TempDir(), "board.png")
	code, _, errs := run(t, "board", examples+"bakery.yaml", "--size", "800x600", "--theme", "dark", "--zoom", "125%", "-o", out)
	if code != ExitOK || errs != "2 notes not shown whole\nn3\nn7\n" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if got.w != 800 || got.h != 600 || !got.dark || got.zoom != 1.25 {
		t.Errorf("drew %+v", got)
	}
	if data, err := os.ReadFile(out); err != nil || !strings.HasPrefix(string(data), "\x89PNG") {
		t.Errorf("no PNG written: %v", err)
	}
	if code, _, _ := run(t, "board", examples+"bakery.yaml", "--zoom", "fit", "-o", out); code != ExitOK || got.zoom != 0 || got.w != 1366 {
		t.Errorf("--zoom fit: exit %d, %+v", code, got)
	}
	for _, args := range [][]string{
		{"board", examples + "bakery.yaml"},                                 // no -o
		{"board", "-o", out},                                                // no file
		{"board", examples + "bakery.yaml", "--size", "big", "-o", out},     // bad size
		{"board", examples + "bakery.yaml", "--size", "100x100", "-o", out}, // too small
		{"board", examples + "bakery.yaml", "--theme", "blue", "-o", out},   // bad theme
		{"board", examples + "bakery.yaml", "--zoom", "9", "-o", out},       // bad zoom
		{"board", examples + "bakery.yaml", "-o", examples + "bakery.yaml"}, // over the canvas
		{"board", "no-such.yaml", "-o", out},
	} {
		if code, _, errs := run(t, args...); code != ExitUsage || errs == "" {
			t.Errorf("%q: exit %d, stderr %q", args, code, errs)
		}
	}
}
