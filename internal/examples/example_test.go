package examples

import "testing"

func TestLoad(t *testing.T) {
	for _, name := range []string{"bakery", "designer", "startup"} {
		if c := Load(t, name); c.NoteCount() == 0 {
			t.Errorf("%s: no notes", name)
		}
	}
}
