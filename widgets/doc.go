// Package widgets holds the Fyne widgets of the bmcanvas editor: the Board
// that shows and edits a canvas and the NoteCard it shows notes on, and
// the tips (TipLayer) that Fyne 2.7 lacks.
//
// The board draws the template geometry of package bmc scaled to its size
// and makes every change to the canvas through its OnEdit callback, so
// that the application can record changes for undo. The widgets import
// only Fyne's core packages, never its driver, so that their tests run
// headless with fyne.io/fyne/v2/test.
package widgets
