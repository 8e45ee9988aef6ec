// Package examples loads the bundled example canvases for tests, so that
// the packages' tests do not each keep their own copy of the loader.
package examples

import (
	"testing"

	"github.com/bmcanvas/bmcanvas/assets"
	"github.com/bmcanvas/bmcanvas/bmc"
)

// Load returns the bundled example canvas name ("bakery", "designer",
// "startup"), failing the test when it cannot be read.
func Load(t testing.TB, name string) *bmc.Canvas {
	t.Helper()
	data, err := assets.ExampleData(name)
	if err != nil {
		t.Fatal(err)
	}
	c, err := bmc.Load(name+".yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
