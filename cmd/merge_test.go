package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// sides returns the bakery as base and two edited versions of it, saved
// in a temp folder.
func sides(t *testing.T, ours, theirs func(c *bmc.Canvas) error) (dir, base, o, th string) {
	t.Helper()
	dir = t.TempDir()
	base = saveCanvas(t, dir, "base.yaml", bakery(t))
	for _, s := range []struct {
		name string
		edit func(c *bmc.Canvas) error
		path *string
	}{{"ours.yaml", ours, &o}, {"theirs.yaml", theirs, &th}} {
		c := bakery(t)
		if err := s.edit(c); err != nil {
			t.Fatal(err)
		}
		*s.path = saveCanvas(t, dir, s.name, c)
	}
	return dir, base, o, th
}

func TestMergeCommand(t *testing.T) {
	dir, base, ours, theirs := sides(t,
		func(c *bmc.Canvas) error {
			_, err := c.AddNote("channels", -1, bmc.Note{Text: "Market stall", Segments: []string{"n2"}})
			return err
		},
		func(c *bmc.Canvas) error {
			if _, err := c.AddNote("channels", -1, bmc.Note{Text: "Hotel leaflets"}); err != nil {
				return err
			}
			return c.SetText("n30", "Molino Ruiz – flour, delivered daily")
		})
	out := filepath.Join(dir, "merged.yaml")
	code, stdout, errs := run(t, "merge", base, ours, theirs, "-o", out)
	if code != ExitOK || stdout != "" || !strings.Contains(errs, "both sides added a note n39: theirs' (in channels) is now n40") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, errs)
	}
	m, err := bmc.LoadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	n39, _ := m.Note("n39")
	n40, _ := m.Note("n40")
	n30, _ := m.Note("n30")
	if n39.Text != "Market stall" || n40.Text != "Hotel leaflets" || n30.Text != "Molino Ruiz – flour, delivered daily" {
		t.Errorf("merged: %q %q %q", n39.Text, n40.Text, n30.Text)
	}

	// Without -o the canvas goes to standard output.
	code, stdout, _ = run(t, "merge", base, ours, theirs)
	if code != ExitOK || !strings.HasPrefix(stdout, "format: bmcanvas/1\n") || !strings.Contains(stdout, "Hotel leaflets") {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
}

func TestMergeCommandConflicts(t *testing.T) {
	dir, base, ours, theirs := sides(t,
		func(c *bmc.Canvas) error {
			if err := c.SetText("n5", "Coffee + croissant in 90 seconds"); err != nil {
				return err
			}
			return c.SetColor("n6", bmc.Pink)
		},
		func(c *bmc.Canvas) error {
			if err := c.SetText("n5", "Coffee + croissant, no queue"); err != nil {
				return err
			}
			if err := c.SetColor("n6", bmc.Green); err != nil {
				return err
			}
			return c.DeleteNote("n7")
		})
	out := filepath.Join(dir, "merged.yaml")
	code, _, errs := run(t, "merge", base, ours, theirs, "-o", out)
	if code != ExitProblems {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		`bmcanvas merge: conflict: note n5 in value_propositions: text changed on both sides: ours "Coffee + croissant in 90 seconds", theirs "Coffee + croissant, no queue"`,
		`bmcanvas merge: conflict: note n6 in value_propositions: color changed on both sides: ours "pink", theirs "green"; kept ours; theirs is in the evidence`,
		"bmcanvas merge: 2 conflicts; find the notes with tag:conflict",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("missing %q in\n%s", want, errs)
		}
	}
	m, err := bmc.LoadFile(out)
	if err != nil {
		t.Fatalf("the merged file does not load: %v", err)
	}
	n5, _ := m.Note("n5")
	if !strings.Contains(n5.Text, "<<<<<<< ours\nCoffee + croissant in 90 seconds\n=======\nCoffee + croissant, no queue\n>>>>>>> theirs") {
		t.Errorf("n5: %q", n5.Text)
	}
	if _, ok := m.Note("n7"); ok {
		t.Error("theirs deleted n7, which ours left alone")
	}
}

func TestMergeCommandErrors(t *testing.T) {
	dir, base, ours, theirs := sides(t,
		func(c *bmc.Canvas) error { c.TemplateID = bmc.Personal().ID; return nil },
		func(c *bmc.Canvas) error { return c.SetText("n1", "Office workers") })
	bad := write(t, "bad.yaml", "format: bmcanvas/1\n")
	out := filepath.Join(dir, "out.yaml")
	empty := write(t, "empty.yaml", "")
	notes := write(t, "notes.md", "# Notes\n")
	tests := []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"merge", base, ours}, ExitUsage, "name three versions"},
		{[]string{"merge", base, ours, bad, "-o", out}, ExitUsage, `missing "template:"`},
		{[]string{"merge", bad, ours, theirs, "-o", out}, ExitUsage, `missing "template:"`},
		{[]string{"merge", base, ours, filepath.Join(dir, "nope.yaml"), "-o", out}, ExitUsage, "nope.yaml: cannot open"},
		{[]string{"merge", base, ours, theirs, "-o", dir}, ExitUsage, "is a folder"},
		{[]string{"merge", base, ours, theirs, "-o", out}, ExitOK, ""},
		// No common ancestor: everything is new on both sides.
		{[]string{"merge", empty, ours, ours, "-o", out}, ExitOK, ""},
		// OUT may be a version (git's merge driver) or a canvas; no other file.
		{[]string{"merge", base, ours, theirs, "-o", ours}, ExitOK, ""},
		{[]string{"merge", base, ours, theirs, "-o", notes}, ExitUsage, "notes.md: is not a canvas file; use --force to replace it"},
		{[]string{"merge", base, ours, theirs, "-o", notes, "--force"}, ExitOK, ""},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args[1:], " "), func(t *testing.T) {
			code, _, errs := run(t, tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.err) {
				t.Errorf("exit %d, stderr %q; want %d, %q", code, errs, tt.code, tt.err)
			}
		})
	}
	if _, err := os.Stat(out); err != nil {
		t.Error(err)
	}
	// Both changed the template differently.
	_, base2, ours2, theirs2 := sides(t,
		func(c *bmc.Canvas) error { c.TemplateID = bmc.Personal().ID; return nil },
		func(c *bmc.Canvas) error {
			c.Blocks = map[string][]bmc.Note{}
			c.TemplateID = bmc.Lean().ID
			return nil
		})
	if code, _, errs := run(t, "merge", base2, ours2, theirs2); code != ExitUsage || !strings.Contains(errs, "template") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}
