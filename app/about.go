package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// ShowAbout tells what the program is and credits the templates.
func (e *Editor) ShowAbout() {
	icon := canvas.NewImageFromResource(Icon)
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSquareSize(64))
	text := "A desktop editor for the Business Model Canvas and its personal and Lean variants.\n\nTemplates:"
	for _, t := range bmc.Templates() {
		text += "\n• " + t.Attribution
	}
	body := widget.NewLabel(text)
	body.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("About "+AppName, "Close", container.NewBorder(nil, nil, icon, nil, body), e.win)
	d.Resize(dialogSize(e.win, 620, 0))
	e.showDialog(d, nil)
}
