package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// Start shows what the editor opens with: the canvas file at path, or
// the template chooser when path is empty; then it offers back the
// unsaved changes of any editor that stopped without saving them (see
// offerRecovery). The chooser waits until they are answered, and is left
// out when a canvas was restored.
func (e *Editor) Start(path string) {
	if path != "" {
		// A file that fails to load shows its problems over an empty
		// canvas; they go to the terminal too.
		if err := e.OpenFile(path); err != nil {
			fmt.Fprintf(os.Stderr, "bmcanvas: %v\n", err)
		}
	}
	e.offerRecovery(func(restored bool) {
		if path == "" && !restored {
			e.ShowChooser()
		}
	})
}

// offerRecovery offers back, one after another, the canvases that
// recovery files hold: the open file's first, then the newest first.
// Each offer says which file, when its changes were kept and how they
// differ from the file on disk, with Restore and Discard. Recovery files
// that cannot be read are reported. done is called after the last answer
// with whether a canvas was restored.
func (e *Editor) offerRecovery(done func(restored bool)) {
	found, broken := e.recovery.pending()
	if len(broken) > 0 {
		lines := []string{}
		for _, err := range broken {
			lines = append(lines, strings.Split(err.Error(), "\n")...)
		}
		e.showMessage("Recovery file unreadable",
			"A recovery file of unsaved changes could not be read; bmcanvas carries on without it.", lines)
	}
	for i, rc := range found {
		if rc.Record.Path != "" && rc.Record.Path == e.doc.Path {
			copy(found[1:i+1], found[:i])
			found[0] = rc
			break
		}
	}
	restored := false
	var next func()
	next = func() {
		if len(found) == 0 {
			if done != nil {
				done(restored)
			}
			return
		}
		rc := found[0]
		found = found[1:]
		e.offerOne(rc, func(r bool) {
			restored = restored || r
			next()
		})
	}
	next()
}

// offerOne asks whether to restore one recovered canvas, then calls then
// with whether it was.
func (e *Editor) offerOne(rc recoveredCanvas, then func(restored bool)) {
	rec := rc.Record
	name, where := rec.Untitled, "an untitled canvas"
	if rec.Path != "" {
		name, where = filepath.Base(rec.Path), rec.Path
	}
	if name == "" {
		name = "Untitled"
	}
	diff, diskNote := recoveredDifference(rc)
	pairs := []string{"Canvas", where, "Kept", whenKept(rec.Written, time.Now()), "Changes", diff}
	body := []fyne.CanvasObject{facts(pairs...)}
	if diskNote != "" {
		body = append(body, paragraph(diskNote))
	}
	e.ask("Restore unsaved changes?",
		fmt.Sprintf("bmcanvas stopped before the changes to %s were saved. Restore them?", name),
		container.NewVBox(body...),
		answer{label: "Discard", icon: theme.DeleteIcon(), do: func() {
			if err := e.recovery.discard(rc); err != nil {
				e.showError(err)
			}
			then(false)
		}},
		answer{label: "Restore", icon: theme.HistoryIcon(), primary: true, do: func() {
			e.confirmDiscard(func() {
				e.restore(rc)
				then(true)
			})
		}},
	)
}

// recoveredDifference says how a recovered canvas differs from its file
// on disk now, and, when the file itself changed since editing started,
// a sentence saying so.
func recoveredDifference(rc recoveredCanvas) (diff, diskNote string) {
	rec := rc.Record
	if rec.Path == "" {
		return fmt.Sprintf("a new canvas with %s", plural(rc.Canvas.NoteCount(), "note")), ""
	}
	disk, err := bmc.LoadFile(rec.Path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Sprintf("%s; the file no longer exists", plural(rc.Canvas.NoteCount(), "note")),
			"Restore and save to write the file again."
	case err != nil:
		diff = "unknown: the file on disk cannot be read"
	default:
		diff = describeChanges(disk, rc.Canvas)
		if diff == "" {
			diff = "none: the file on disk already holds them"
		}
	}
	if now, err := fingerprintFile(rec.Path); err == nil && rec.Disk.Exists && !now.Same(rec.Disk) {
		diskNote = "The file was changed on disk after these changes began: restoring and saving would replace that version."
	}
	return upperFirst(diff), diskNote
}

// restore makes a recovered canvas the document, for its file, with
// unsaved changes: Save writes it.
func (e *Editor) restore(rc recoveredCanvas) {
	rec := rc.Record
	d := NewDocument(rc.Canvas, rec.Path)
	if rec.Path == "" && rec.Untitled != "" {
		d.Untitled = rec.Untitled
	}
	d.Suggested = rec.Suggested
	// Save asks before replacing a file changed since editing began.
	d.Disk = rec.Disk
	d.MarkUnsaved()
	e.recovery.adopt(rc, d)
	e.setDocument(d)
	if rec.Path != "" {
		// The offer said whether the file changed on disk: do not ask
		// again about that version.
		if now, err := fingerprintFile(rec.Path); err == nil && now.Exists {
			e.disk = diskWatch{doc: d, kept: now.SHA256}
		}
	}
}

// whenKept says when changes were kept, for a person: "today at 14:32
// (5 minutes ago)".
func whenKept(t, now time.Time) string {
	t = t.In(now.Location())
	date := func(t time.Time) string { return t.Format(time.DateOnly) }
	day := t.Format("Mon 2 Jan 2006")
	switch {
	case date(t) == date(now):
		day = "today"
	case date(t) == date(now.AddDate(0, 0, -1)):
		day = "yesterday"
	case t.Year() == now.Year():
		day = t.Format("Mon 2 Jan")
	}
	ago := now.Sub(t)
	var since string
	switch {
	case ago < 0:
		return day + " at " + t.Format("15:04")
	case ago < time.Minute:
		since = "moments ago"
	case ago < time.Hour:
		since = plural(int(ago/time.Minute), "minute") + " ago"
	case ago < 48*time.Hour:
		since = plural(int(ago/time.Hour), "hour") + " ago"
	default:
		since = plural(int(ago/(24*time.Hour)), "day") + " ago"
	}
	return fmt.Sprintf("%s at %s (%s)", day, t.Format("15:04"), since)
}

// keepRecovery makes the editor keep unsaved changes in recovery files in
// dir (see recoveryDir); without a folder (err) it says so on the
// terminal and keeps none.
func (e *Editor) keepRecovery(dir string, err error) {
	if err != nil {
		fmt.Fprintf(os.Stderr, "bmcanvas: %v; unsaved changes will not survive a crash\n", err)
		return
	}
	r := NewRecovery(dir)
	r.onError = func(err error) {
		fyne.Do(func() { e.showErrorTitled("Unsaved changes cannot be kept for recovery", err) })
	}
	e.recovery = r
	r.Follow(e.doc)
}
