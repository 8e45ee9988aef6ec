package benchdata

import (
	"testing"

	"github.com/bmcanvas/bmcanvas/bmc"
)

func TestVersions(t *testing.T) {
	base, ours, theirs, err := Versions(1000)
	if err != nil {
		t.Fatal(err)
	}
	if base.NoteCount() != 1000 {
		t.Errorf("%d notes, want 1000", base.NoteCount())
	}
	for name, v := range map[string]*bmc.Canvas{"ours": ours, "theirs": theirs} {
		if n := len(bmc.Compare(base, v).Changes); n != 50 {
			t.Errorf("%s changes %d notes, want 50", name, n)
		}
	}
	m, err := bmc.Merge(base, ours, theirs)
	if err != nil || len(m.Conflicts) > 0 {
		t.Errorf("merge: %v, %d conflicts", err, len(m.Conflicts))
	}
}
