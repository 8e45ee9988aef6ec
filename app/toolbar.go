package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// toolbarButton puts a labelled button in a toolbar.
type toolbarButton struct{ *widget.Button }

// ToolbarObject returns the button.
func (b toolbarButton) ToolbarObject() fyne.CanvasObject { return b.Button }

// toolbar holds the common actions above the board.
type toolbar struct {
	bar        *widget.Toolbar
	undo, redo *widget.ToolbarAction
	backstage  toolbarButton
}

// newToolbar builds the toolbar: files, undo, the backstage toggle,
// details and export.
func (e *Editor) newToolbar() *toolbar {
	t := &toolbar{
		undo:      widget.NewToolbarAction(theme.ContentUndoIcon(), e.Undo),
		redo:      widget.NewToolbarAction(theme.ContentRedoIcon(), e.Redo),
		backstage: toolbarButton{widget.NewButtonWithIcon("Backstage", theme.VisibilityIcon(), e.ToggleBackstage)},
	}
	t.backstage.Importance = widget.LowImportance
	details := toolbarButton{widget.NewButtonWithIcon("Details", theme.DocumentIcon(), e.ShowDetails)}
	details.Importance = widget.LowImportance
	export := toolbarButton{widget.NewButtonWithIcon("Export PDF", theme.DocumentPrintIcon(), e.ShowExport)}
	export.Importance = widget.LowImportance
	t.bar = widget.NewToolbar(
		widget.NewToolbarAction(theme.DocumentCreateIcon(), e.New),
		widget.NewToolbarAction(theme.FolderOpenIcon(), e.Open),
		widget.NewToolbarAction(theme.DocumentSaveIcon(), e.Save),
		widget.NewToolbarSeparator(),
		t.undo, t.redo,
		widget.NewToolbarSeparator(),
		t.backstage, details, export,
	)
	return t
}

// refresh follows the document: undo and redo, and the backstage toggle's
// state (an open or crossed-out eye; disabled without a backstage).
func (t *toolbar) refresh(e *Editor) {
	h := e.doc.History()
	setEnabled(t.undo, h.CanUndo())
	setEnabled(t.redo, h.CanRedo())
	c := e.doc.Canvas()
	b := t.backstage.Button
	if c.BackstageShown() {
		b.SetText("Hide backstage")
		b.SetIcon(theme.VisibilityOffIcon())
	} else {
		b.SetText("Show backstage")
		b.SetIcon(theme.VisibilityIcon())
	}
	if c.Template().HasBackstage() {
		b.Enable()
	} else {
		b.SetText("Backstage")
		b.Disable()
	}
}

func setEnabled(a *widget.ToolbarAction, on bool) {
	if on {
		a.Enable()
	} else {
		a.Disable()
	}
}
