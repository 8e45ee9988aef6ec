package app

import (
	"fmt"

	"fyne.io/fyne/v2/theme"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// This file is the Merge answer to a file changed on disk while the
// canvas has unsaved changes: the version last opened or saved is the
// base, the canvas on screen is ours, the file on disk is theirs, and
// bmc.Merge combines them note by note (see the README's rules).

// setBase records c as the version on disk, the base of a later merge.
func (d *Document) setBase(c *bmc.Canvas) { d.base = c.Clone() }

// Base returns the version of the canvas last opened or saved, which
// merging a change on disk starts from; nil when there is none, as for a
// canvas never saved.
func (d *Document) Base() *bmc.Canvas { return d.base }

// MergeFromDisk merges the file on disk into the canvas as one undoable
// step, then says what happened: which notes conflict (tagged
// "conflict", both versions kept) or that nothing did. The merged canvas
// is not saved; the file on disk becomes the base of the next merge and
// the version Save replaces without asking. When the file cannot be read
// or merged, the canvas stays as it is and the problem is shown.
func (e *Editor) MergeFromDisk() error {
	d := e.doc
	if d.Path == "" || d.base == nil {
		return fmt.Errorf("merge: the canvas was not opened from a file")
	}
	e.board.CommitEdit()
	disk, _ := fingerprintFile(d.Path) // before the content, so that a later change is noticed
	theirs, err := bmc.LoadFile(d.Path)
	if err != nil {
		e.showLoadError(d.Path, err, true)
		return err
	}
	m, err := bmc.Merge(d.base, d.Canvas(), theirs)
	if err != nil {
		e.showErrorTitled("Cannot merge", err)
		return err
	}
	if err := e.edit("Merge with the file on disk", func(c *bmc.Canvas) error {
		*c = *m.Canvas.Clone()
		return nil
	}); err != nil {
		e.showError(err)
		return err
	}
	d.Disk = disk
	d.setBase(theirs)
	d.MarkUnsaved() // the merge is not on disk yet
	e.refresh()
	var lines []string
	for _, r := range m.Renumbered {
		lines = append(lines, fmt.Sprintf("Both versions added a note %s: the one from disk is now %s.", r.Old, r.New))
	}
	for _, c := range m.Conflicts {
		lines = append(lines, c.String())
	}
	head := "Your changes and the changes on disk are combined. Save to write the result."
	if n := len(m.Conflicts); n > 0 {
		head = fmt.Sprintf("Your changes and the changes on disk are combined, with %s: "+
			"each note concerned is tagged “conflict” and keeps both versions (find them with tag:conflict). "+
			"Resolve them, remove the tag, and save.", counted(n, "1 conflict", "%d conflicts"))
	}
	e.showMessage("Merged with "+d.Name(), head, lines)
	return nil
}

// mergeAnswer is the Merge answer of askReload, when the canvas has a base
// to merge from; it does as Keep mine when the merge fails.
func (e *Editor) mergeAnswer(d *Document, w *diskWatch, now Fingerprint) []answer {
	if d.base == nil {
		return nil
	}
	return []answer{{label: "Merge", icon: theme.ContentPasteIcon(), do: func() {
		w.asking = false
		if e.doc != d {
			return
		}
		if e.MergeFromDisk() != nil {
			w.kept = now.SHA256
		}
	}}}
}

// mergeHelp explains the Merge answer, when there is one.
func mergeHelp(d *Document) string {
	if d.base == nil {
		return ""
	}
	return "Merging combines both, note by note, and keeps both versions where they clash. "
}
