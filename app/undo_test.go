package app

import (
	"fmt"
	"testing"

	"github.com/bmcanvas/bmcanvas/bmc"
)

func newCanvas(t testing.TB, template string) *bmc.Canvas {
	t.Helper()
	c, err := bmc.New(template)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func titled(t testing.TB, title string) *bmc.Canvas {
	c := newCanvas(t, bmc.BusinessModelCanvas().ID)
	c.Title = title
	return c
}

func TestHistory(t *testing.T) {
	a, b, c := titled(t, "a"), titled(t, "b"), titled(t, "c")
	tests := []struct {
		name       string
		run        func(h *History) (*bmc.Canvas, int)
		wantTitle  string
		wantState  int
		undo, redo string
	}{
		{"empty undo", func(h *History) (*bmc.Canvas, int) {
			c, s, _ := h.Undo(a, 0)
			return c, s
		}, "a", 0, "", ""},
		{"empty redo", func(h *History) (*bmc.Canvas, int) {
			c, s, _ := h.Redo(a, 0)
			return c, s
		}, "a", 0, "", ""},
		{"push then undo", func(h *History) (*bmc.Canvas, int) {
			h.Push("Add note", a, 0)
			c, s, _ := h.Undo(b, 1)
			return c, s
		}, "a", 0, "", "Add note"},
		{"undo then redo", func(h *History) (*bmc.Canvas, int) {
			h.Push("Add note", a, 0)
			h.Push("Move note", b, 1)
			cur, s, _ := h.Undo(c, 2)
			cur, s, _ = h.Undo(cur, s)
			cur, s, _ = h.Redo(cur, s)
			return cur, s
		}, "b", 1, "Add note", "Move note"},
		{"push clears redo", func(h *History) (*bmc.Canvas, int) {
			h.Push("Add note", a, 0)
			cur, s, _ := h.Undo(b, 1)
			h.Push("Edit details", cur, s)
			return c, 2
		}, "c", 2, "Edit details", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := NewHistory(0)
			got, state := tt.run(h)
			if got.Title != tt.wantTitle || state != tt.wantState {
				t.Errorf("got %q state %d, want %q state %d", got.Title, state, tt.wantTitle, tt.wantState)
			}
			if h.UndoLabel() != tt.undo || h.RedoLabel() != tt.redo {
				t.Errorf("labels undo %q redo %q, want %q %q", h.UndoLabel(), h.RedoLabel(), tt.undo, tt.redo)
			}
			if h.CanUndo() != (tt.undo != "") || h.CanRedo() != (tt.redo != "") {
				t.Errorf("CanUndo %v CanRedo %v disagree with the labels", h.CanUndo(), h.CanRedo())
			}
		})
	}
}

func TestHistoryLimit(t *testing.T) {
	h := NewHistory(3)
	for i := range 5 {
		h.Push(fmt.Sprint("edit ", i), titled(t, fmt.Sprint(i)), i)
	}
	if u, r := h.Len(); u != 3 || r != 0 {
		t.Fatalf("Len = %d, %d; want 3, 0", u, r)
	}
	cur := titled(t, "5")
	var titles []string
	for {
		prev, _, ok := h.Undo(cur, 0)
		if !ok {
			break
		}
		cur = prev
		titles = append(titles, cur.Title)
	}
	if fmt.Sprint(titles) != "[4 3 2]" {
		t.Errorf("undone to %v, want [4 3 2]: the oldest steps go first", titles)
	}
}
