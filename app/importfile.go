package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/bmc/formats"
)

// openExtensions are the extensions File → Open offers: canvas files and
// the files it converts.
func openExtensions() []string {
	return append(append([]string(nil), canvasExtensions...), formats.ImportExtensions()...)
}

// isImportFile reports whether File → Open converts path (Markdown, JSON,
// BMML) rather than opening it as a canvas file.
func isImportFile(path string) bool {
	_, ok := formats.FormatOf(path)
	return ok
}

// openImported converts the Markdown, JSON or BMML file at path and
// opens the result as an untitled canvas with unsaved changes, then says
// what went where. A file that cannot be converted is listed problem by
// problem, as a canvas file that cannot be opened, and the canvas on
// screen stays.
func (e *Editor) openImported(path string) error {
	f, _ := formats.FormatOf(path)
	c, rep, err := formats.ImportFile(path, f, formats.Options{})
	if err != nil {
		kept := e.doc.Path != "" || e.doc.Dirty() || e.doc.Canvas().NoteCount() > 0
		e.showLoadError(path, err, kept)
		return err
	}
	name := filepath.Base(path)
	d := NewDocument(c, "")
	d.Untitled = name + " (imported)"
	d.Suggested = strings.TrimSuffix(name, filepath.Ext(name)) + ".yaml"
	d.MarkUnsaved() // in no canvas file yet: closing asks to save it
	e.setDocument(d)
	e.showImportReport(name, f, c.NoteCount(), rep)
	return nil
}

// showImportReport tells what an import made of the file: where each part
// went and what was not imported, each with its line.
func (e *Editor) showImportReport(name string, f formats.Format, notes int, rep *formats.Report) {
	lines := append([]string(nil), rep.Kept...)
	if len(rep.Skipped) > 0 {
		lines = append(lines, "", fmt.Sprintf("Not imported as it stood (%d):", len(rep.Skipped)))
		for _, s := range rep.Skipped {
			lines = append(lines, s.Error())
		}
	}
	head := fmt.Sprintf("%s became an untitled canvas of %d notes. Save it to keep it as a canvas file.", name, notes)
	if notes == 1 {
		head = strings.Replace(head, "1 notes", "1 note", 1)
	}
	body := widget.NewLabel(strings.Join(lines, "\n"))
	body.Wrapping = fyne.TextWrapWord
	body.Selectable = true
	scroll := container.NewVScroll(body)
	scroll.SetMinSize(fyne.NewSize(560, 240))
	h := widget.NewLabel(head)
	h.Wrapping = fyne.TextWrapWord
	h.TextStyle.Bold = true
	d := dialog.NewCustom("Imported from "+f.Name(), "Close", container.NewBorder(h, nil, nil, nil, scroll), e.win)
	d.SetIcon(theme.InfoIcon())
	d.Resize(dialogSize(e.win, 720, 480))
	d.Show()
}
