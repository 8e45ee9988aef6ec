package app

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/assets"
	"github.com/bmcanvas/bmcanvas/bmc"
)

// choice is one tile of the chooser: a template or a bundled example.
type choice struct {
	title, detail, button string
	pick                  func() error
}

// choices lists the templates, then the bundled examples, each with what
// the tile says and what picking it does.
func (e *Editor) choices() (templates, examples []choice) {
	for _, t := range bmc.Templates() {
		id := t.ID
		templates = append(templates, choice{
			title: t.Name, detail: t.Description, button: "New " + shortName(t),
			pick: func() error { return e.NewCanvas(id) },
		})
	}
	for _, ex := range assets.Examples() {
		name := ex.Name
		c, err := bmc.Load(name+".yaml", ex.Data)
		if err != nil {
			continue // a broken example is left out; assets has tests for them
		}
		title := c.Title
		if title == "" {
			title = name
		}
		examples = append(examples, choice{
			title: title, detail: "An example " + c.Template().Name + " with " + plural(c.NoteCount(), "note") + ".",
			button: "Open example", pick: func() error { return e.OpenExample(name) },
		})
	}
	return templates, examples
}

// shortName is a template's name without the part in brackets.
func shortName(t *bmc.Template) string {
	if i := strings.IndexByte(t.Name, '('); i > 0 {
		return strings.TrimSpace(t.Name[:i])
	}
	return t.Name
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// ShowChooser offers the templates and the bundled examples, and a way to
// open a file; picking one replaces the document (unsaved changes have
// been dealt with by the caller). Cancel keeps the current canvas.
func (e *Editor) ShowChooser() {
	var d *dialog.CustomDialog
	tile := func(c choice, primary bool) fyne.CanvasObject {
		title := widget.NewLabelWithStyle(c.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Wrapping = fyne.TextWrapWord
		detail := widget.NewLabel(c.detail)
		detail.Wrapping = fyne.TextWrapWord
		b := widget.NewButton(c.button, func() {
			d.Hide()
			if err := c.pick(); err != nil {
				e.showError(err)
			}
		})
		if primary {
			b.Importance = widget.HighImportance
		}
		return widget.NewCard("", "", container.NewBorder(title, b, nil, nil, detail))
	}
	templates, examples := e.choices()
	row := func(cs []choice, primary bool) *fyne.Container {
		g := container.NewGridWithColumns(len(cs))
		for _, c := range cs {
			g.Add(tile(c, primary))
		}
		return g
	}
	heading := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	open := widget.NewButtonWithIcon("Open a file…", theme.FolderOpenIcon(), func() {
		d.Hide()
		e.Open()
	})
	content := container.NewVBox(
		heading("Start a new canvas"), row(templates, true),
		widget.NewSeparator(),
		heading("Or look at an example"), row(examples, false),
		widget.NewSeparator(),
		container.NewHBox(open),
	)
	d = dialog.NewCustom("Welcome to bmcanvas", "Cancel", content, e.win)
	d.Resize(dialogSize(e.win, 920, 0))
	e.showDialog(d, nil)
}
