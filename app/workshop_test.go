package app

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// F5 on the board opens workshop mode; it walks the nine blocks with the
// arrow keys, and Escape brings the board back.
func TestWorkshopByKeyboard(t *testing.T) {
	e, w := newTestEditor(t)
	openBakeryFile(t, e)
	w.Canvas().Focus(e.board)
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyF5})
	if !e.InWorkshop() || w.Content() != e.Workshop() {
		t.Fatal("F5 did not open workshop mode")
	}
	if w.Canvas().Focused() != e.Workshop() {
		t.Fatal("workshop mode does not have the keyboard")
	}
	var seen []string
	for range 9 {
		seen = append(seen, e.Workshop().Block())
		w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	if got, want := strings.Join(seen, ","), strings.Join(e.doc.Canvas().Template().FillOrder, ","); got != want {
		t.Errorf("walked %s, want %s", got, want)
	}
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if e.InWorkshop() || w.Content() != e.window {
		t.Error("Escape did not bring the board back")
	}
	if w.MainMenu() == nil {
		t.Error("the menu bar did not come back")
	}
}

// A vote in workshop mode goes through the document's history: undo takes
// a dot back, and the saved file keeps the result.
func TestWorkshopVoteUndoAndSave(t *testing.T) {
	e, w := newTestEditor(t)
	path, _ := openBakeryFile(t, e)
	e.ShowWorkshop()
	ws := e.Workshop()
	ws.StartVote(2)
	id := e.doc.Canvas().Blocks[ws.Block()][0].ID
	ws.PlaceDot(id)
	ws.PlaceDot(id)
	if dots, left := e.doc.Canvas().DotsOf(0); dots[id] != 2 || left != 0 {
		t.Fatalf("dots %v, %d left", dots, left)
	}
	w.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{})
	if dots, _ := e.doc.Canvas().DotsOf(0); dots[id] != 1 {
		t.Errorf("after undo, %v", dots)
	}
	ws.CloseVote()
	w.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(ctrl(fyne.KeyS))
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "votes: 1\n") || strings.Contains(string(data), "vote:\n") {
		t.Errorf("saved file lacks the result or keeps the vote:\n%s", data)
	}
	e.CloseWorkshop()
	if n, _ := e.doc.Canvas().Note(id); n.Votes != 1 {
		t.Errorf("the board's canvas has %d votes on %s", n.Votes, id)
	}
}

func TestWorkshopStartVoteDialog(t *testing.T) {
	e, w := newTestEditor(t)
	openBakeryFile(t, e)
	e.ShowWorkshop()
	e.askStartVote()
	tapButton(t, w, "Start")
	if c := e.doc.Canvas(); !c.Voting() || c.Vote.Dots != 3 || c.Voters() != 1 {
		t.Errorf("vote %+v", c.Vote)
	}
}
