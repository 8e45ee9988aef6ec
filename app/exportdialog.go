package app

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/export"
)

// noTiling is the Tile choice for printing on one sheet.
const noTiling = "None: one sheet"

// inkChoices name export.Inks in the dialog, in the same order.
var inkChoices = []string{"Colour", "Light", "Black and white"}

// allSegments is the Focus choice for drawing every note alike.
const allSegments = "All notes alike"

// defaultExportOptions are the export dialog's first choices: a landscape
// poster of the whole canvas on the export's default paper.
func defaultExportOptions() export.Options {
	return export.Options{Paper: export.DefaultPaper}
}

// exportForm is the Export dialog's fields.
type exportForm struct {
	format                      *widget.Select // PDF, PNG, SVG, Markdown or JSON: exportformats.go
	resolution                  *widget.Select // a PNG's
	paper, tile, focus          *widget.Select
	ink                         *widget.RadioGroup
	portrait, frontstage, blank *widget.Check
	// segments maps the focus choices to customer-segment note IDs.
	segments map[string]string
	// hasBackstage is true when the template has a backstage to hide.
	hasBackstage bool
}

// newExportForm returns the form filled from opt, for canvas c (front
// stage only is offered when its template has a backstage; focus lists its
// customer segments).
func newExportForm(opt export.Options, c *bmc.Canvas) *exportForm {
	t := c.Template()
	f := &exportForm{
		format:     newFormatSelect(),
		resolution: newDPISelect(),
		segments:   map[string]string{},
		paper:      widget.NewSelect(export.Papers(), nil),
		tile:       widget.NewSelect(append([]string{noTiling}, export.Papers()...), nil),
		portrait:   widget.NewCheck("Portrait", nil),
		frontstage: widget.NewCheck("Front stage only (hide the backstage)", nil),
		blank:      widget.NewCheck("Blank: the questions without the notes, for a workshop", nil),
		ink:        widget.NewRadioGroup(inkChoices, nil),
	}
	f.ink.Horizontal = true
	f.ink.Required = true
	f.ink.SetSelected(inkChoices[0])
	for i, ink := range export.Inks() {
		if export.Ink(ink) == opt.Ink {
			f.ink.SetSelected(inkChoices[i])
		}
	}
	choices := []string{allSegments}
	selected := allSegments
	for _, n := range c.Segments() {
		label := segmentLabel(n)
		for f.segments[label] != "" {
			label += " "
		}
		f.segments[label] = n.ID
		choices = append(choices, label)
		if n.ID == opt.Focus {
			selected = label
		}
	}
	if n, ok := c.Note(opt.Focus); ok && selected == allSegments { // the board's focus on a note that is no segment
		label := segmentLabel(n)
		for f.segments[label] != "" {
			label += " "
		}
		f.segments[label] = n.ID
		choices = append(choices, label)
		selected = label
	}
	f.focus = widget.NewSelect(choices, nil)
	f.focus.SetSelected(selected)
	if len(choices) == 1 {
		f.focus.Disable()
	}
	f.paper.SetSelected(opt.Paper)
	if !slices.Contains(f.paper.Options, opt.Paper) {
		f.paper.SetSelected(export.DefaultPaper)
	}
	f.tile.SetSelected(noTiling)
	if opt.Tile != "" {
		f.tile.SetSelected(opt.Tile)
	}
	f.portrait.SetChecked(opt.Portrait)
	f.frontstage.SetChecked(opt.Frontstage && t.HasBackstage())
	if !t.HasBackstage() {
		f.frontstage.Disable()
	}
	f.blank.SetChecked(opt.Blank)
	f.hasBackstage = t.HasBackstage()
	f.format.OnChanged = func(string) { f.formatChanged() }
	return f
}

// items returns the dialog's rows. The rows whose widgets the format
// enables or disables hold them in a plain container: Fyne's form greys a
// disabled widget's label only when it is built, so the labels stay as
// they are and the widgets themselves show whether they apply.
func (f *exportForm) items() []*widget.FormItem {
	row := func(label string, w fyne.CanvasObject, hint string) *widget.FormItem {
		item := widget.NewFormItem(label, container.NewStack(w))
		item.HintText = hint
		return item
	}
	return []*widget.FormItem{
		f.formatItem(),
		row("Resolution", f.resolution, "For PNG: 96 dpi makes an A1 poster about 3,200 pixels wide"),
		row("Paper", f.paper, ""),
		row("Ink", f.ink, "Light prints white notes with a coloured edge; black and white uses no colour (segments keep their shapes)"),
		row("Orientation", f.portrait, ""),
		row("Blocks", f.frontstage, ""),
		row("Notes", f.blank, ""),
		row("Focus on", f.focus, "Fades the notes that do not serve this customer segment"),
		row("Print on sheets of", f.tile, "For PDF: splits a large poster over smaller pages to tape together"),
	}
}

// options returns the choices made, keeping what the form does not show
// from base.
func (f *exportForm) options(base export.Options) export.Options {
	opt := base
	opt.Paper = f.paper.Selected
	opt.Portrait = f.portrait.Checked
	opt.Frontstage = f.frontstage.Checked && !f.frontstage.Disabled()
	opt.Blank = f.blank.Checked
	opt.Focus = f.segments[f.focus.Selected]
	opt.Ink = export.InkColor
	for i, ink := range export.Inks() {
		if f.ink.Selected == inkChoices[i] {
			opt.Ink = export.Ink(ink)
		}
	}
	opt.Tile = ""
	if f.tile.Selected != noTiling {
		opt.Tile = f.tile.Selected
	}
	return opt
}

// ShowExport shows the Export dialog, then asks where to write the export.
// Its focus is the board's: the poster shows what the screen shows.
func (e *Editor) ShowExport() {
	e.board.CommitEdit()
	e.exportOptions.Focus = e.Focus()
	f := newExportForm(e.exportOptions, e.doc.Canvas())
	d := dialog.NewForm("Export", "Export…", "Cancel", f.items(), func(ok bool) {
		if !ok {
			return
		}
		if fm, data := f.dataFormat(); data {
			e.askExportFile(fm.Extension(), func(path string) { e.ExportDataTo(path, fm) })
			return
		}
		e.exportOptions = f.options(e.exportOptions)
		opt := e.exportOptions
		if pf, ok := f.pictureFormat(); ok {
			opt.Tile = ""
			dpi := f.dpi()
			if err := export.CheckPicture(opt, pf, dpi); err != nil {
				e.showErrorTitled("Export refused", err)
				return
			}
			e.askExportFile("."+string(pf), func(path string) { e.ExportPicturesTo(path, opt, pf, dpi) })
			return
		}
		e.askExportFile(".pdf", func(path string) { e.ExportTo(path, opt) })
	}, e.win)
	d.Resize(dialogSize(e.win, 560, 0))
	e.showForm(d)
}

// askExportFile asks where to write an export whose files end in ext,
// offering the canvas's name with ext, then calls write with the path.
// The Save dialog's writer is closed unwritten, which leaves an existing
// file alone: the export replaces it atomically.
func (e *Editor) askExportFile(ext string, write func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			e.showError(fmt.Errorf("export: %w", err))
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		write(path)
	}, e.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	name := e.doc.FileName()
	d.SetFileName(strings.TrimSuffix(name, filepath.Ext(name)) + ext)
	e.setDialogFolder(d)
	d.Resize(dialogSize(e.win, 900, 640))
	d.Show()
}

// ExportTo writes the canvas as a PDF to path in the background, then
// reports the result: an error, the export's warnings, or where it went.
// A path without an extension gets ".pdf"; a path that is the open canvas's
// file, or any canvas (.yaml, .yml) file, is refused with an error and left
// as it is.
func (e *Editor) ExportTo(path string, opt export.Options) {
	path, err := pdfTarget(path, e.doc.Path)
	if err != nil {
		e.showErrorTitled("Export refused", err)
		return
	}
	e.exportInBackground(path, opt, func(c *bmc.Canvas, opt export.Options) ([]string, error) {
		return writePDF(path, c, opt)
	})
}

// exportInBackground runs write on a copy of the canvas as it is now, on
// another goroutine behind a progress dialog, then reports how the export
// to path went.
func (e *Editor) exportInBackground(path string, opt export.Options, write func(c *bmc.Canvas, opt export.Options) ([]string, error)) {
	opt.FileName = e.doc.Name()
	c := e.doc.Canvas().Clone()
	progress := dialog.NewCustomWithoutButtons("Exporting "+filepath.Base(path), widget.NewProgressBarInfinite(), e.win)
	progress.Show()
	go func() {
		warnings, err := write(c, opt)
		fyne.Do(func() {
			progress.Hide()
			e.exportDone(path, warnings, err)
		})
	}()
}

// ExportPicturesTo draws the poster as PNG or SVG pictures, one per page,
// in the background: path for the first page (".png" or ".svg" added
// when it has no extension), path-2 … for the rest; then reports the
// result as ExportTo does.
func (e *Editor) ExportPicturesTo(path string, opt export.Options, f export.PictureFormat, dpi float64) {
	path, err := exportTarget(path, e.doc.Path, "."+string(f), f.Name())
	if err != nil {
		e.showErrorTitled("Export refused", err)
		return
	}
	canvasPath := e.doc.Path
	e.exportInBackground(path, opt, func(c *bmc.Canvas, opt export.Options) ([]string, error) {
		names, warnings, err := writePictures(path, canvasPath, c, opt, f, dpi)
		if err == nil && len(names) > 1 {
			warnings = append(warnings, fmt.Sprintf("The poster has %d pages, one picture each: %s", len(names), strings.Join(names, ", ")))
		}
		if stale := export.PageNames(path, len(names)+1)[len(names)]; err == nil && fileExists(stale) {
			warnings = append(warnings, fmt.Sprintf("%s is left from an earlier export with more pages; it is not part of this one", filepath.Base(stale)))
		}
		return warnings, err
	})
}

// writePictures draws c as pictures and writes each page atomically,
// returning the files written.
// No page replaces the canvas file canvasPath.
func writePictures(path, canvasPath string, c *bmc.Canvas, opt export.Options, f export.PictureFormat, dpi float64) ([]string, []string, error) {
	pages, warnings, err := export.Pictures(c, opt, f, dpi)
	if err != nil {
		return nil, warnings, fmt.Errorf("export %s: %w", filepath.Base(path), err)
	}
	names := export.PageNames(path, len(pages))
	for _, name := range names[1:] { // the first was checked before drawing
		if _, err := exportTarget(name, canvasPath, "."+string(f), f.Name()); err != nil {
			return nil, warnings, err
		}
	}
	for i, page := range pages {
		if err := bmc.WriteFileAtomic(names[i], page); err != nil {
			return names[:i], warnings, fmt.Errorf("export: %w", err)
		}
	}
	return names, warnings, nil
}

// exportDone tells how an export went.
func (e *Editor) exportDone(path string, warnings []string, err error) {
	switch {
	case err != nil:
		e.showErrorTitled("Export failed", err)
	case len(warnings) > 0:
		e.showMessage("Exported with warnings", "Wrote "+path+", but:", warnings)
	default:
		dialog.ShowInformation("Exported", "Wrote "+path, e.win)
	}
}

// pdfTarget returns the file an export to path writes: path with ".pdf"
// added when its name has no extension. It refuses a canvas file (by its
// extension) and the open canvas's own file canvasPath (by os.SameFile, so
// a link to it is refused too): exporting must never replace a canvas.
func pdfTarget(path, canvasPath string) (string, error) {
	return exportTarget(path, canvasPath, ".pdf", "a PDF")
}

// exportTarget is pdfTarget for an export whose files end in ext, what
// naming it in messages ("a PNG picture").
func exportTarget(path, canvasPath, ext, what string) (string, error) {
	if filepath.Ext(filepath.Base(path)) == "" {
		path += ext
	}
	name := filepath.Base(path)
	if isCanvasFile(path) {
		return "", fmt.Errorf("%s is a canvas file; %s cannot replace it. Choose a name ending in %s", name, what, ext)
	}
	if canvasPath != "" {
		if same, err := sameFile(path, canvasPath); err != nil {
			return "", fmt.Errorf("export %s: %w", name, err)
		} else if same {
			return "", fmt.Errorf("%s is the canvas being edited; %s cannot replace it. Choose another name", name, what)
		}
	}
	return path, nil
}

// sameFile reports whether a and b name the same existing file; a file
// that does not exist is not the same as any.
func sameFile(a, b string) (bool, error) {
	sa, err := os.Stat(a)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	} else if err != nil {
		return false, err
	}
	sb, err := os.Stat(b)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	} else if err != nil {
		return false, err
	}
	return os.SameFile(sa, sb), nil
}

// writePDF draws c as a PDF and writes it to path atomically.
func writePDF(path string, c *bmc.Canvas, opt export.Options) ([]string, error) {
	var buf bytes.Buffer
	warnings, err := export.PDF(&buf, c, opt)
	if err != nil {
		return warnings, fmt.Errorf("export %s: %w", filepath.Base(path), err)
	}
	if err := bmc.WriteFileAtomic(path, buf.Bytes()); err != nil {
		return warnings, fmt.Errorf("export: %w", err)
	}
	return warnings, nil
}

// segmentLabel is a customer-segment note as a menu choice: its first line,
// cut to 40 characters.
func segmentLabel(n bmc.Note) string {
	text := strings.TrimSpace(n.Text)
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = strings.TrimSpace(text[:i])
	}
	if r := []rune(text); len(r) > 40 {
		text = string(r[:39]) + "…"
	}
	if text == "" {
		text = n.ID
	}
	return text
}
