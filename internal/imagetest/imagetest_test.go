package imagetest

import (
	"fmt"
	"image"
	"image/color"
	"os"
	"path/filepath"
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

// failures records what Match reports instead of failing the test.
type failures struct {
	testing.TB
	msgs []string
}

func (f *failures) Helper()                   {}
func (f *failures) Errorf(s string, a ...any) { f.msgs = append(f.msgs, fmt.Sprintf(s, a...)) }
func (f *failures) Fatalf(s string, a ...any) { f.msgs = append(f.msgs, fmt.Sprintf(s, a...)) }
func (f *failures) Fatal(a ...any)            { f.msgs = append(f.msgs, fmt.Sprint(a...)) }

// Match writes the golden image with update, passes an equal picture,
// and fails a different one, keeping it in testdata/failed/.
func TestMatch(t *testing.T) {
	t.Chdir(t.TempDir())
	a := image.NewNRGBA(image.Rect(0, 0, 40, 40))
	Match(t, "x/a.png", a, nil, true)
	Match(t, "x/a.png", a, nil, false)
	b := image.NewNRGBA(image.Rect(0, 0, 40, 40))
	for i := range 40 {
		b.Set(i, i, color.NRGBA{G: 255, A: 255})
	}
	f := &failures{TB: t}
	Match(f, "x/a.png", b, nil, false)
	if len(f.msgs) != 1 {
		t.Fatalf("a different picture: %q", f.msgs)
	}
	if _, err := os.Stat(filepath.Join("testdata", "failed", "x", "a.png")); err != nil {
		t.Errorf("the failed picture was not kept: %v", err)
	}
	f.msgs = nil
	Match(f, "x/missing.png", a, nil, false)
	if len(f.msgs) != 1 {
		t.Errorf("a missing golden image: %q", f.msgs)
	}
}
