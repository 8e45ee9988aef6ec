package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/bmc"
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
	// heading names the canvas at the right end; tapping it opens the
	// details form.
	heading toolbarButton
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
	t.heading = toolbarButton{widget.NewButton("", e.ShowDetails)}
	t.heading.Importance = widget.LowImportance
	t.bar = widget.NewToolbar(
		widget.NewToolbarAction(theme.DocumentCreateIcon(), e.New),
		widget.NewToolbarAction(theme.FolderOpenIcon(), e.Open),
		widget.NewToolbarAction(theme.DocumentSaveIcon(), e.Save),
		widget.NewToolbarSeparator(),
		t.undo, t.redo,
		widget.NewToolbarSeparator(),
		t.backstage, details, export,
		widget.NewToolbarSpacer(),
		t.heading,
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
	t.heading.SetText(heading(c))
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

// heading names the canvas for the toolbar: its title (or "Untitled
// canvas"), its template and who it is for, such as "Corner Bakery ·
// Business Model Canvas · for Corner Bakery Ltd".
func heading(c *bmc.Canvas) string {
	parts := []string{c.Title, c.Template().Name}
	if parts[0] == "" {
		parts[0] = "Untitled canvas"
	}
	if c.DesignedFor != "" && c.DesignedFor != c.Title {
		parts = append(parts, "for "+c.DesignedFor)
	}
	text := strings.Join(parts, " · ")
	if r := []rune(text); len(r) > 90 {
		text = string(r[:89]) + "…"
	}
	return text
}
