package app

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/bmc"
	"github.com/bmcanvas/bmcanvas/bmc/formats"
	"github.com/bmcanvas/bmcanvas/export"
)

// The Export dialog's Format choices: the PDF poster, the poster as a
// picture (PNG or SVG), or the canvas as data (see package formats).
const formatPDF = "PDF poster"

var pictureFormatChoices = []struct {
	label  string
	format export.PictureFormat
}{
	{"PNG picture of the poster, for slides", export.PNG},
	{"SVG picture of the poster, for slides and the web", export.SVG},
}

// dpiChoices are the resolutions a PNG export offers; the first is the
// default.
var dpiChoices = []string{"96 dpi (screen)", "150 dpi", "200 dpi", "300 dpi (print)"}

// newDPISelect returns the Resolution choice, on the default, disabled
// until PNG is chosen.
func newDPISelect() *widget.Select {
	s := widget.NewSelect(dpiChoices, nil)
	s.SetSelected(dpiChoices[0])
	s.Disable()
	return s
}

// dpi returns the resolution chosen.
func (f *exportForm) dpi() float64 {
	var v float64
	if _, err := fmt.Sscanf(f.resolution.Selected, "%g", &v); err != nil || v <= 0 {
		return export.DefaultDPI
	}
	return v
}

// pictureFormat returns the picture format chosen, and false for any
// other.
func (f *exportForm) pictureFormat() (export.PictureFormat, bool) {
	for _, c := range pictureFormatChoices {
		if f.format.Selected == c.label {
			return c.format, true
		}
	}
	return "", false
}

// formatChanged enables the rows that shape what the format chosen
// writes: the resolution for PNG only, the tiling for the PDF only, the
// poster's choices for the PDF and pictures.
func (f *exportForm) formatChanged() {
	pic, isPicture := f.pictureFormat()
	_, isData := f.dataFormat()
	setEnabled(f.resolution, isPicture && pic == export.PNG)
	setEnabled(f.tile, !isPicture && !isData)
	for _, w := range []fyne.Disableable{f.paper, f.portrait, f.blank, f.ink} {
		setEnabled(w, !isData)
	}
	setEnabled(f.frontstage, !isData && f.hasBackstage)
	setEnabled(f.focus, !isData && len(f.focus.Options) > 1)
}

var dataFormatChoices = []struct {
	label  string
	format formats.Format
}{
	{"Markdown (.md): headings and bullets", formats.Markdown},
	{"JSON (.json): the canvas as data", formats.JSON},
}

// newFormatSelect returns the Export dialog's Format choice, on PDF.
func newFormatSelect() *widget.Select {
	choices := []string{formatPDF}
	for _, c := range pictureFormatChoices {
		choices = append(choices, c.label)
	}
	for _, c := range dataFormatChoices {
		choices = append(choices, c.label)
	}
	s := widget.NewSelect(choices, nil)
	s.SetSelected(formatPDF)
	return s
}

// formatItem is the Format row of the Export dialog.
func (f *exportForm) formatItem() *widget.FormItem {
	item := widget.NewFormItem("Format", f.format)
	item.HintText = "PNG and SVG draw the poster as the PDF does; Markdown and JSON keep every note as data"
	return item
}

// dataFormat returns the data format chosen, and false for the PDF.
func (f *exportForm) dataFormat() (formats.Format, bool) {
	for _, c := range dataFormatChoices {
		if f.format.Selected == c.label {
			return c.format, true
		}
	}
	return "", false
}

// ExportDataTo writes the canvas as Markdown or JSON to path, then says
// where it went or why not. A path without an extension gets the format's;
// a canvas file, the open one above all, is refused and left as it is.
func (e *Editor) ExportDataTo(path string, fm formats.Format) error {
	if filepath.Ext(filepath.Base(path)) == "" {
		path += fm.Extension()
	}
	name := filepath.Base(path)
	if isCanvasFile(path) {
		err := fmt.Errorf("%s is a canvas file; the %s cannot replace it. Choose a name ending in %s", name, fm.Name(), fm.Extension())
		e.showErrorTitled("Export refused", err)
		return err
	}
	if e.doc.Path != "" {
		if same, err := sameFile(path, e.doc.Path); err != nil || same {
			if err == nil {
				err = fmt.Errorf("%s is the canvas being edited; the %s cannot replace it. Choose another name", name, fm.Name())
			}
			e.showErrorTitled("Export refused", err)
			return err
		}
	}
	data, err := formats.Export(e.doc.Canvas(), fm)
	if err == nil {
		err = bmc.WriteFileAtomic(path, data)
	}
	if err != nil {
		err = fmt.Errorf("export %s: %w", name, err)
		e.showErrorTitled("Export failed", err)
		return err
	}
	dialog.ShowInformation("Exported", "Wrote "+path, e.win)
	return nil
}
