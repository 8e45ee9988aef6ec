package app

import (
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// detailsForm is the Canvas Details form: one entry per header field.
type detailsForm struct {
	title, designedFor, designedBy, date, version, currency *dialogEntry
}

// newDetailsForm returns the form filled from m.
func (e *Editor) newDetailsForm(m bmc.Meta) *detailsForm {
	entry := func(text, placeholder string) *dialogEntry {
		en := e.newDialogEntry()
		en.SetText(text)
		en.SetPlaceHolder(placeholder)
		return en
	}
	return &detailsForm{
		title:       entry(m.Title, "What the canvas is about"),
		designedFor: entry(m.DesignedFor, "The organisation or person"),
		designedBy:  entry(m.DesignedBy, "Who drew it"),
		date:        entry(m.Date, "YYYY-MM-DD"),
		version:     entry(m.Version, "1"),
		currency:    entry(m.Currency, "€, USD…"),
	}
}

// items returns the form's rows.
func (f *detailsForm) items() []*widget.FormItem {
	return []*widget.FormItem{
		widget.NewFormItem("Title", f.title),
		widget.NewFormItem("Designed for", f.designedFor),
		widget.NewFormItem("Designed by", f.designedBy),
		widget.NewFormItem("Date", f.date),
		widget.NewFormItem("Version", f.version),
		widget.NewFormItem("Currency", f.currency),
	}
}

// meta returns the header as typed.
func (f *detailsForm) meta() bmc.Meta {
	return bmc.Meta{
		Title:       f.title.Text,
		DesignedFor: f.designedFor.Text,
		DesignedBy:  f.designedBy.Text,
		Date:        f.date.Text,
		Version:     f.version.Text,
		Currency:    f.currency.Text,
	}
}

// ShowDetails shows the Canvas Details form; applying it changes the
// header as one undoable edit.
func (e *Editor) ShowDetails() {
	e.board.CommitEdit()
	f := e.newDetailsForm(e.doc.Canvas().Meta)
	items := append([]*widget.FormItem{
		widget.NewFormItem("Template", widget.NewLabel(e.doc.Canvas().Template().Name)),
	}, f.items()...)
	d := dialog.NewForm("Canvas details", "Apply", "Cancel", items, func(ok bool) {
		if ok {
			e.SetMeta(f.meta())
		}
	}, e.win)
	d.Resize(dialogSize(e.win, 560, 0))
	e.showForm(d)
}

// SetMeta changes the canvas header as one undoable edit, showing what is
// wrong when it is refused.
func (e *Editor) SetMeta(m bmc.Meta) error {
	err := e.edit("Edit details", func(c *bmc.Canvas) error { return c.SetMeta(m) })
	if err != nil {
		e.showErrorTitled("Could not change the details", err)
	}
	return err
}
