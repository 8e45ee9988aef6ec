package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/assets"
	"github.com/bmcanvas/bmcanvas/bmc"
)

// canvasExtensions are the file name extensions of canvas files.
var canvasExtensions = []string{".yaml", ".yml"}

// isCanvasFile reports whether path has a canvas file's extension.
func isCanvasFile(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	for _, x := range canvasExtensions {
		if ext == x {
			return true
		}
	}
	return false
}

// New asks about unsaved changes, then offers the template chooser.
func (e *Editor) New() { e.confirmDiscard(e.ShowChooser) }

// NewCanvas replaces the document with an empty canvas of the template,
// dated today.
func (e *Editor) NewCanvas(templateID string) error {
	c, err := bmc.New(templateID)
	if err != nil {
		return fmt.Errorf("new canvas: %w", err)
	}
	c.Date = time.Now().Format(time.DateOnly)
	e.setDocument(NewDocument(c, ""))
	return nil
}

// OpenExample replaces the document with an untitled copy of a bundled
// example, such as "bakery".
func (e *Editor) OpenExample(name string) error {
	data, err := assets.ExampleData(name)
	if err != nil {
		return fmt.Errorf("open example: %w", err)
	}
	c, err := bmc.Load(name+".yaml", data)
	if err != nil {
		return fmt.Errorf("open example %s: %w", name, err)
	}
	d := NewDocument(c, "")
	d.Untitled, d.Suggested = name+" example", name+".yaml"
	e.setDocument(d)
	return nil
}

// Open asks about unsaved changes, then lets the user pick a canvas file.
func (e *Editor) Open() {
	e.confirmDiscard(func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil {
				e.showError(fmt.Errorf("open: %w", err))
				return
			}
			if r == nil {
				return
			}
			path := r.URI().Path()
			r.Close()
			e.OpenFile(path)
		}, e.win)
		d.SetFilter(storage.NewExtensionFileFilter(canvasExtensions))
		e.setDialogFolder(d)
		d.Resize(dialogSize(e.win, 900, 640))
		d.Show()
	})
}

// OpenFile loads the canvas file at path in place of the document. When
// the file cannot be loaded, a dialog lists every problem the loader found
// and the current canvas stays as it is.
func (e *Editor) OpenFile(path string) error {
	c, err := bmc.LoadFile(path)
	if err != nil {
		kept := e.doc.Path != "" || e.doc.Dirty() || e.doc.Canvas().NoteCount() > 0
		e.showLoadError(path, err, kept)
		return err
	}
	abs, aerr := filepath.Abs(path)
	if aerr != nil {
		abs = path
	}
	e.setDocument(NewDocument(c, abs))
	e.addRecent(abs)
	return nil
}

// Save writes the document to its file, or asks for one.
func (e *Editor) Save() { e.save(nil) }

// save writes the document and then calls then (when not nil) if it was
// written.
func (e *Editor) save(then func()) {
	if e.doc.Path == "" {
		e.saveAs(then)
		return
	}
	if e.SaveTo(e.doc.Path) == nil && then != nil {
		then()
	}
}

// SaveAs asks for a file and writes the document there.
func (e *Editor) SaveAs() { e.saveAs(nil) }

func (e *Editor) saveAs(then func()) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			e.showError(fmt.Errorf("save: %w", err))
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		// The writer is lazy (see installLazyFileWriter): closing it
		// unwritten leaves an existing file as it was, and SaveTo
		// replaces it atomically.
		w.Close()
		if e.SaveTo(path) == nil && then != nil {
			then()
		}
	}, e.win)
	d.SetFilter(storage.NewExtensionFileFilter(canvasExtensions))
	d.SetFileName(e.doc.FileName())
	e.setDialogFolder(d)
	d.Resize(dialogSize(e.win, 900, 640))
	d.Show()
}

// saveFile writes a canvas file atomically; tests make it fail.
var saveFile = bmc.SaveFile

// SaveTo writes the document to path atomically. On failure it shows the
// error and the document keeps its unsaved changes.
func (e *Editor) SaveTo(path string) error {
	// A note being typed in is committed first.
	e.board.CommitEdit()
	if err := saveFile(path, e.doc.Canvas()); err != nil {
		e.showErrorTitled("Could not save", err)
		return err
	}
	e.doc.MarkSaved(path)
	e.addRecent(path)
	e.refresh()
	return nil
}

// setDialogFolder starts a file dialog in the document's folder.
func (e *Editor) setDialogFolder(d *dialog.FileDialog) {
	if e.doc.Path == "" {
		return
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(e.doc.Path))); err == nil {
		d.SetLocation(l)
	}
}

// addRecent puts path on top of Open Recent.
func (e *Editor) addRecent(path string) {
	e.recent.Add(path)
	e.fillRecent(e.menu)
	e.menu.main.Refresh()
}

// confirmDiscard calls then at once when the document has no unsaved
// changes; otherwise it asks whether to save them first (Save, Don't Save,
// Cancel) and calls then unless the user cancels or the save fails.
func (e *Editor) confirmDiscard(then func()) {
	e.board.CommitEdit()
	if !e.doc.Dirty() {
		then()
		return
	}
	msg := widget.NewLabel(fmt.Sprintf("%s has unsaved changes.\nSave them before closing the canvas?", e.doc.Name()))
	d := dialog.NewCustomWithoutButtons("Save changes?", msg, e.win)
	save := widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), func() {
		d.Hide()
		e.save(then)
	})
	save.Importance = widget.HighImportance
	discard := widget.NewButtonWithIcon("Don't Save", theme.DeleteIcon(), func() {
		d.Hide()
		then()
	})
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), d.Hide)
	d.SetButtons([]fyne.CanvasObject{cancel, discard, save})
	e.showDialog(d, func() { save.OnTapped() })
}

// Quit ends the program once unsaved changes are saved or given up.
func (e *Editor) Quit() { e.confirmDiscard(e.quit) }

// closeWindow is the window's close intercept.
func (e *Editor) closeWindow() { e.confirmDiscard(e.win.Close) }

// dropped opens the first canvas file dropped on the window.
func (e *Editor) dropped(_ fyne.Position, uris []fyne.URI) {
	for _, u := range uris {
		if u.Scheme() == "file" && isCanvasFile(u.Path()) {
			path := u.Path()
			e.confirmDiscard(func() { e.OpenFile(path) })
			return
		}
	}
	if len(uris) > 0 {
		e.showErrorTitled("Cannot open", fmt.Errorf("%s is not a canvas file: bmcanvas opens .yaml and .yml files", uris[0].Name()))
	}
}

// loadProblems turns a load error into lines for people: one per problem
// the loader found, each with file, line and column.
func loadProblems(err error) []string {
	var es bmc.Errors
	if errors.As(err, &es) {
		lines := make([]string, len(es))
		for i, p := range es {
			lines[i] = p.Error()
		}
		return lines
	}
	return strings.Split(err.Error(), "\n")
}

// showLoadError lists the problems of a file that could not be opened;
// kept says whether there is a canvas on screen that stays as it was.
func (e *Editor) showLoadError(path string, err error, kept bool) {
	problems := loadProblems(err)
	name := filepath.Base(path)
	head := name + " could not be opened."
	if len(problems) > 1 {
		head = fmt.Sprintf("%s has %d problems and could not be opened.", name, len(problems))
	}
	if kept {
		head += "\nThe canvas you had stays as it was."
	}
	e.showMessage("Cannot open "+filepath.Base(path), head, problems)
}

// showError is the board's OnError, and reports any failed action.
func (e *Editor) showError(err error) { e.showErrorTitled("Error", err) }

func (e *Editor) showErrorTitled(title string, err error) {
	e.showMessage(title, "", strings.Split(err.Error(), "\n"))
}

// showMessage shows a dialog with a heading and lines of detail, in a
// scrolling, selectable text when they are many or long.
func (e *Editor) showMessage(title, head string, lines []string) {
	body := widget.NewLabel(strings.Join(lines, "\n"))
	body.Wrapping = fyne.TextWrapWord
	body.Selectable = true
	var content fyne.CanvasObject = body
	if len(lines) > 8 {
		scroll := container.NewVScroll(body)
		scroll.SetMinSize(fyne.NewSize(560, 240))
		content = scroll
	}
	if head != "" {
		h := widget.NewLabel(head)
		h.Wrapping = fyne.TextWrapWord
		h.TextStyle.Bold = true
		content = container.NewBorder(h, nil, nil, nil, content)
	}
	d := dialog.NewCustom(title, "Close", content, e.win)
	d.SetIcon(theme.ErrorIcon())
	d.Resize(dialogSize(e.win, 640, 0))
	e.showDialog(d, nil)
}

// dialogSize is w×h (h 0: the content's own height) made to fit inside
// the window.
func dialogSize(win fyne.Window, w, h float32) fyne.Size {
	size := win.Canvas().Size()
	if size.Width > 0 && w > size.Width-40 {
		w = size.Width - 40
	}
	if size.Height > 0 && h > size.Height-40 {
		h = size.Height - 40
	}
	return fyne.NewSize(w, h)
}
