package cmd

import (
	"io"
	"path/filepath"
	"testing"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/internal/benchdata"
)

// bigVersionFiles saves benchdata.Versions(1000), as bmcanvas saves
// canvases, and returns the paths of base, ours and theirs.
func bigVersionFiles(b *testing.B) (base, ours, theirs string) {
	b.Helper()
	vb, vo, vt, err := benchdata.Versions(1000)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	save := func(name string, c *bmc.Canvas) string {
		path := filepath.Join(dir, name)
		if err := bmc.SaveFile(path, c); err != nil {
			b.Fatal(err)
		}
		return path
	}
	return save("base.yaml", vb), save("ours.yaml", vo), save("theirs.yaml", vt)
}

// BenchmarkDiff1k runs bmcanvas diff on two versions of a 1,000-note
// canvas in the process: reading and decoding both files, comparing,
// printing. (scripts/cmdtime.go times the whole process.)
func BenchmarkDiff1k(b *testing.B) {
	base, ours, _ := bigVersionFiles(b)
	for b.Loop() {
		if code := Main([]string{"diff", base, ours}, io.Discard, io.Discard, Window{}); code != ExitProblems {
			b.Fatalf("exit code %d, want %d", code, ExitProblems)
		}
	}
}

// BenchmarkMerge1k runs bmcanvas merge on three versions of a 1,000-note
// canvas in the process: reading and decoding them, merging, writing the
// merged canvas safely (synced) to a file.
func BenchmarkMerge1k(b *testing.B) {
	base, ours, theirs := bigVersionFiles(b)
	out := filepath.Join(filepath.Dir(base), "merged.yaml")
	for b.Loop() {
		if code := Main([]string{"merge", base, ours, theirs, "-o", out}, io.Discard, io.Discard, Window{}); code != ExitOK {
			b.Fatalf("exit code %d, want %d", code, ExitOK)
		}
	}
}

// BenchmarkExportBakery runs bmcanvas export on the bundled bakery
// example in the process: the warm cost of the command.
func BenchmarkExportBakery(b *testing.B) {
	out := filepath.Join(b.TempDir(), "bakery.pdf")
	for b.Loop() {
		if code := Main([]string{"export", examples + "bakery.yaml", "-o", out}, io.Discard, io.Discard, Window{}); code != ExitOK {
			b.Fatalf("exit code %d", code)
		}
	}
}
