// Package capture catches what code prints to the process's standard
// output, for the tests that check a library never prints behind the
// program's back.
package capture

import (
	"os"
	"testing"
)

// Stdout runs f and returns what it wrote to os.Stdout. Tests that use it
// must not run in parallel: os.Stdout is the process's.
func Stdout(t testing.TB, f func()) string {
	t.Helper()
	tmp, err := os.CreateTemp(t.TempDir(), "stdout")
	if err != nil {
		t.Fatal(err)
	}
	defer tmp.Close()
	old := os.Stdout
	os.Stdout = tmp
	func() {
		defer func() { os.Stdout = old }()
		f()
	}()
	data, err := os.ReadFile(tmp.Name())
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
