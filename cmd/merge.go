package cmd

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/bmcanvas/bmcanvas/bmc"
)

func init() {
	register(&command{name: "merge", usage: "BASE OURS THEIRS [-o OUT.yaml] [--force]",
		summary: "merge two versions of a canvas that grew from BASE (works as a git merge driver)",
		details: `Notes are merged by id and field: a change made on one side is taken.
The same field changed differently on both sides is a conflict: the
merged canvas keeps both texts between <<<<<<< ours and >>>>>>> theirs
markers, or keeps ours' colour, status, amount or block and writes
theirs' into the note's evidence; such notes are tagged "conflict". A
note deleted on one side and changed on the other is kept. Notes added
on both sides under the same id are both kept: theirs gets a new id.
Each conflict is listed on standard error.

The merged canvas goes to OUT, or to standard output. OUT may be one of
the versions, a canvas file or a new file; any other file is replaced
only with --force. Any version may be git's REV:PATH. An empty BASE file
means the versions share no ancestor.

As a git merge driver (see the README):
  git config merge.bmcanvas.driver "bmcanvas merge %O %A %B -o %A"

Exit codes: 0 merged cleanly, 1 merged with conflicts, 2 a version could
not be read, is not a valid canvas, or cannot be merged (both sides
changed the template), or OUT could not be written.`,
		run: runMerge})
}

func runMerge(e *env, args []string) int {
	fs := e.flags(commands["merge"])
	out := fs.String("o", "", "the merged canvas file to write (default: standard output)")
	force := forceFlag(fs, "an OUT that is not a canvas file")
	files, code, ok := e.files(fs, args, 3, "name three versions of a canvas: BASE, OURS and THEIRS")
	if !ok {
		return code
	}
	if *out != "" && !*force {
		if err := checkCanvasTarget(*out, files); err != nil {
			e.errorf("%v", err)
			return ExitUsage
		}
	}
	defer relaxGC()()
	versions, code, ok := e.loadVersions(map[int]bool{0: true}, files...)
	if !ok {
		return code
	}
	base, ours, theirs := versions[0], versions[1], versions[2]
	if base == nil { // an empty file: git's stand-in for no common ancestor
		base, _ = bmc.New(ours.TemplateID) // ours loaded: its template is known
	}
	m, err := bmc.Merge(base, ours, theirs)
	if err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	data, err := m.Canvas.MarshalFile()
	if err != nil {
		e.errorf("merged: %v", err)
		return ExitUsage
	}
	if *out == "" {
		e.stdout.Write(data)
	} else if err := bmc.WriteFileAtomic(*out, data); err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	for _, r := range m.Renumbered {
		e.errorf("both sides added a note %s: theirs' (in %s) is now %s", r.Old, r.Block, r.New)
	}
	for _, c := range m.Conflicts {
		e.errorf("conflict: %s", c)
	}
	if len(m.Conflicts) > 0 {
		e.errorf("%s; find the notes with tag:conflict, resolve them and remove the tag", plural(len(m.Conflicts), "conflict"))
		return ExitProblems
	}
	return ExitOK
}

// checkCanvasTarget refuses to let a merge replace a file that is not a
// canvas, such as a mistyped README.md: OUT may be missing, empty, one of
// the versions merged (as git's merge driver has it), or a canvas file.
func checkCanvasTarget(out string, versions []string) error {
	if _, err := os.Stat(out); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	for _, v := range versions {
		if sameFile(v, out) {
			return nil
		}
	}
	data, err := bmc.ReadFile(out, bmc.MaxFileSize, "canvas file")
	if err != nil {
		return err
	}
	if len(data) > 0 && !bytes.Contains(data, []byte("format: bmcanvas/")) {
		return fmt.Errorf("%s: is not a canvas file; use --force to replace it", out)
	}
	return nil
}
