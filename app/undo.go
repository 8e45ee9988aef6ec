package app

import "github.com/bmcanvas/bmcanvas/bmc"

// MaxUndo is how many edits the undo history keeps; older ones are
// forgotten.
const MaxUndo = 250

// step is one entry of an undo or redo stack: a canvas as it was, the state
// number it had, and the label of the edit that leads away from it.
type step struct {
	label  string
	canvas *bmc.Canvas
	state  int
}

// History holds the undo and redo stacks of one document as whole-canvas
// snapshots. It never changes the canvases it is given.
type History struct {
	undo, redo []step
	limit      int
}

// NewHistory returns an empty history that keeps at most limit undo steps
// (MaxUndo when limit is not positive).
func NewHistory(limit int) *History {
	if limit <= 0 {
		limit = MaxUndo
	}
	return &History{limit: limit}
}

// Push records that the edit named label changed the canvas away from
// before, whose state number was state. It forgets every redo step, and the
// oldest undo step when the history is full.
func (h *History) Push(label string, before *bmc.Canvas, state int) {
	h.redo = nil
	if len(h.undo) >= h.limit {
		copy(h.undo, h.undo[1:])
		h.undo = h.undo[:len(h.undo)-1]
	}
	h.undo = append(h.undo, step{label: label, canvas: before, state: state})
}

// Undo returns the canvas and state number before the last edit, and keeps
// cur (with state curState) for Redo. ok is false when there is nothing to
// undo.
func (h *History) Undo(cur *bmc.Canvas, curState int) (prev *bmc.Canvas, prevState int, ok bool) {
	return move(&h.undo, &h.redo, cur, curState)
}

// Redo returns the canvas and state number after the last undone edit, and
// keeps cur for Undo. ok is false when there is nothing to redo.
func (h *History) Redo(cur *bmc.Canvas, curState int) (next *bmc.Canvas, nextState int, ok bool) {
	return move(&h.redo, &h.undo, cur, curState)
}

// move takes the last step off from, pushes cur onto to under the same
// label, and returns the step's canvas and state.
func move(from, to *[]step, cur *bmc.Canvas, curState int) (*bmc.Canvas, int, bool) {
	if len(*from) == 0 {
		return cur, curState, false
	}
	s := (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	*to = append(*to, step{label: s.label, canvas: cur, state: curState})
	return s.canvas, s.state, true
}

// UndoLabel names the edit Undo would reverse, or "" when there is none.
func (h *History) UndoLabel() string {
	if len(h.undo) == 0 {
		return ""
	}
	return h.undo[len(h.undo)-1].label
}

// RedoLabel names the edit Redo would repeat, or "" when there is none.
func (h *History) RedoLabel() string {
	if len(h.redo) == 0 {
		return ""
	}
	return h.redo[len(h.redo)-1].label
}

// CanUndo reports whether there is an edit to undo.
func (h *History) CanUndo() bool { return len(h.undo) > 0 }

// CanRedo reports whether there is an undone edit to repeat.
func (h *History) CanRedo() bool { return len(h.redo) > 0 }

// Len returns the number of undo and redo steps held.
func (h *History) Len() (undo, redo int) { return len(h.undo), len(h.redo) }
