package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// DiskPollInterval is how often the editor looks whether the open file
// changed on disk (its size and time only, the content when they change).
const DiskPollInterval = 2 * time.Second

// diskWatch is what the editor remembers between looks at the open file
// on disk.
type diskWatch struct {
	// doc is the document the rest applies to; another one starts afresh.
	doc *Document
	// kept is the SHA-256 of a version on disk the user chose not to
	// load: they are not asked about it again.
	kept string
	// asking is set while a question about the file on disk is open.
	asking bool
}

// watchDisk looks at the open file on disk (CheckDisk) whenever the
// window comes to the front and every interval; stop ends the polling.
func (e *Editor) watchDisk(interval time.Duration) (stop func()) {
	e.app.Lifecycle().SetOnEnteredForeground(e.CheckDisk)
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				fyne.Do(e.CheckDisk)
			case <-done:
				return
			}
		}
	}()
	return func() { close(done) }
}

// watching returns what the editor remembers of the open file on disk,
// starting afresh for a document it has not seen.
func (e *Editor) watching() *diskWatch {
	if e.disk.doc != e.doc {
		e.disk = diskWatch{doc: e.doc}
	}
	return &e.disk
}

// CheckDisk looks whether the open file changed on disk since it was
// loaded or saved. Changed, it offers to reload it, warning when that
// would lose unsaved changes; deleted, it says so once and marks the
// canvas unsaved, so that Save writes it again. It asks nothing while
// another dialog is open, nor twice about a version the user kept.
func (e *Editor) CheckDisk() {
	d, w := e.doc, e.watching()
	if d.Path == "" || w.asking || e.win.Canvas().Overlays().Top() != nil {
		return
	}
	now, err := d.Disk.recheck(d.Path)
	if err != nil {
		return // unreadable for now (permissions, a network folder): look again later
	}
	if now.Same(d.Disk) {
		d.Disk = now // a new time on the same content
		return
	}
	if !now.Exists {
		d.Disk = now
		d.MarkUnsaved()
		e.refresh()
		e.showMessage("File deleted", fmt.Sprintf("%s was deleted or moved away.", d.Name()),
			[]string{"The canvas is still open here. Save it (Ctrl+S) to write " + d.Path + " again."})
		return
	}
	if now.SHA256 == w.kept {
		return
	}
	e.askReload(now)
}

// askReload asks whether to load the version now on disk in place of the
// canvas, with a warning when the canvas has unsaved changes.
func (e *Editor) askReload(now Fingerprint) {
	// The question takes the keyboard: a note being typed in counts.
	e.board.CommitEdit()
	d, w := e.doc, e.watching()
	w.asking = true
	keep := func() {
		w.asking = false
		w.kept = now.SHA256
		if e.doc == d && !d.Dirty() {
			// What is on screen is no longer what is on disk.
			d.MarkUnsaved()
			e.refresh()
		}
	}
	reload := func() {
		w.asking = false
		if e.doc != d {
			return
		}
		if e.OpenFile(d.Path) != nil {
			// The new version cannot be loaded: keep this one, and do
			// not ask about that version again.
			w.kept = now.SHA256
		}
	}
	changed := facts("File", d.Path, "Changed", whenKept(now.ModTime, time.Now()))
	if !d.Dirty() {
		e.ask("File changed on disk", fmt.Sprintf("%s changed on disk. Reload?", d.Name()),
			container.NewVBox(changed, paragraph("Another program changed the file since bmcanvas opened it. You have no unsaved changes here.")),
			answer{label: "Keep this version", icon: theme.CancelIcon(), do: keep},
			answer{label: "Reload", icon: theme.ViewRefreshIcon(), primary: true, do: reload},
		)
		return
	}
	e.ask("File changed on disk", fmt.Sprintf("%s changed on disk, and you have unsaved changes.", d.Name()),
		container.NewVBox(changed, paragraph("Reloading shows the file as it is now and loses your changes. "+
			mergeHelp(d)+"Keeping yours leaves the file as it is; saving will ask before replacing it.")),
		append(append([]answer{{label: "Reload and lose my changes", icon: theme.ViewRefreshIcon(), danger: true, do: reload}},
			e.mergeAnswer(d, w, now)...),
			answer{label: "Keep mine", icon: theme.DocumentIcon(), primary: true, do: keep})...,
	)
}

// confirmOverwrite calls write at once unless another program changed
// the open file since it was loaded or saved; then it asks first, and
// Cancel writes nothing.
func (e *Editor) confirmOverwrite(write func()) {
	d, w := e.doc, e.watching()
	now, err := fingerprintFile(d.Path)
	if err != nil || !now.Exists || now.Same(d.Disk) {
		write() // nothing newer to lose; a file that cannot be read fails to save with a message
		return
	}
	w.asking = true
	e.board.CommitEdit() // the question takes the keyboard
	e.ask("Overwrite "+d.Name()+"?",
		fmt.Sprintf("%s was changed by another program since you opened it.", d.Name()),
		container.NewVBox(facts("File", d.Path, "Changed", whenKept(now.ModTime, time.Now())),
			paragraph("Overwrite replaces that version with yours. Cancel leaves the file as it is; your changes stay open here.")),
		answer{label: "Overwrite", icon: theme.DocumentSaveIcon(), danger: true, do: func() {
			w.asking = false
			write()
		}},
		answer{label: "Cancel", icon: theme.CancelIcon(), primary: true, do: func() { w.asking = false }},
	)
}
