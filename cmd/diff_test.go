package cmd

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// bakery loads the bundled bakery example.
func bakery(t *testing.T) *bmc.Canvas {
	t.Helper()
	c, err := bmc.LoadFile(examples + "bakery.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// saveCanvas writes c to name in dir and returns the path.
func saveCanvas(t *testing.T, dir, name string, c *bmc.Canvas) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := bmc.SaveFile(path, c); err != nil {
		t.Fatal(err)
	}
	return path
}

// bakeryEdited returns the bakery with one change of every kind diff
// reports.
func bakeryEdited(t *testing.T) *bmc.Canvas {
	t.Helper()
	c := bakery(t)
	check := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	m := c.Meta
	m.Version, m.Date = "4", "2026-12-01"
	check(c.SetMeta(m))
	check(c.SetBackstageShown(false))
	_, err := c.AddNote("channels", -1, bmc.Note{Text: "Market stall on Saturdays", Segments: []string{"n2"}})
	check(err)
	check(c.DeleteNote("n11"))
	check(c.MoveNote("n32", "channels", 0))
	check(c.ReorderNote("n14", -1))
	check(c.SetText("n9", "Pâtisserie like in Lyon"))
	check(c.SetColor("n9", bmc.Blue))
	n, _ := c.Note("n17")
	n.Status, n.Evidence, n.Tags, n.Segments = bmc.StatusValidated, "12 families signed up", []string{"subscription"}, []string{"n2", "n1"}
	check(c.UpdateNote(n))
	n, _ = c.Note("n33")
	a := 2600.0
	n.Amount = &a
	check(c.UpdateNote(n))
	return c
}

func TestDiff(t *testing.T) {
	dir := t.TempDir()
	old := examples + "bakery.yaml"
	new := saveCanvas(t, dir, "new.yaml", bakeryEdited(t))
	bad := write(t, "bad.yaml", "format: bmcanvas/1\ntemplate: lean\ntitle: [\n")

	code, out, errs := run(t, "diff", old, new)
	if code != ExitProblems || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{
		"--- ../assets/examples/bakery.yaml (Corner Bakery, version 3, 2026-11-24)\n+++ " + new + " (Corner Bakery, version 4, 2026-12-01)\n",
		`date: "2026-11-24" → "2026-12-01"`,
		`version: "3" → "4"`,
		"backstage: shown → hidden",
		"> n32 moved from Key Partners to Channels (place 1)",
		`~ n9 text: "Pâtisserie like in Lyon, at neighbourhood prices" → "Pâtisserie like in Lyon"`,
		"~ n9 colour: orange → blue",
		"> n14 reordered in Customer Relationships: place 1 → 4",
		"~ n17 status: hypothesis → validated",
		`~ n17 evidence: "" → "12 families signed up"`,
		"~ n17 tags: +subscription",
		"~ n17 segments: +n1 (Office workers within a 5-minute walk)",
		`- n11 from Channels: "Pre-order app for office pick-up"`,
		`+ n39 in Channels: "Market stall on Saturdays"`,
		"~ n33 amount: 2400 per month → 2600 per month",
		// Deleting n11 and moving n32 out of Key Partners take links with them.
		"~ n29 links: −n11 (Pre-order app for office pick-up)",
		"~ n32 links: −n28 (Plan tomorrow's quantities to cut waste)",
		"1 added, 1 removed, 1 moved, 1 reordered, 5 changed, 3 header fields\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}

	code, out, _ = run(t, "diff", "--json", old, new)
	var j struct {
		Old, New struct{ Name, Version string }
		Equal    bool
		Summary  bmc.Summary
		Changes  []bmc.Change
	}
	if err := json.Unmarshal([]byte(out), &j); err != nil || code != ExitProblems {
		t.Fatalf("exit %d, %v:\n%s", code, err, out)
	}
	if j.Equal || j.New.Version != "4" || j.Summary.Added != 1 || len(j.Changes) != 16 { // 14, and two links that went with n11 and n32
		t.Errorf("json: %+v", j)
	}

	tests := []struct {
		args     []string
		code     int
		out, err string
	}{
		{[]string{"diff", old, old}, ExitOK, "no changes", ""},
		{[]string{"diff", "--json", old, old}, ExitOK, `"equal": true`, ""},
		{[]string{"diff", old}, ExitUsage, "", "name two versions"},
		{[]string{"diff", old, filepath.Join(dir, "missing.yaml")}, ExitUsage, "", "missing.yaml: cannot open"},
		{[]string{"diff", bad, old}, ExitUsage, "", "bad.yaml: line 4"},
		{[]string{"diff", dir, old}, ExitUsage, "", "is a folder"},
		{[]string{"diff", "-h"}, ExitOK, "", "REV:PATH"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errs := run(t, tt.args...)
			if code != tt.code || !strings.Contains(out, tt.out) || !strings.Contains(errs, tt.err) {
				t.Errorf("exit %d, stdout %q, stderr %q; want %d, %q, %q", code, out, errs, tt.code, tt.out, tt.err)
			}
		})
	}
}

func TestIsRevision(t *testing.T) {
	for arg, want := range map[string]bool{
		"HEAD~3:canvas.yaml": true, "main:./a.yaml": true, ":0:a.yaml": true,
		"canvas.yaml": false, `C:\x.yaml`: false, "C:/x.yaml": false, "--output=x:y": false,
	} {
		if isRevision(arg) != want {
			t.Errorf("isRevision(%q) = %v", arg, !want)
		}
	}
}

func TestDiffPrefersAnExistingFile(t *testing.T) {
	data, err := os.ReadFile(examples + "bakery.yaml")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	if err := os.WriteFile("a:b.yaml", data, 0o644); err != nil {
		t.Skip("this file system does not allow ':' in names")
	}
	if code, _, errs := run(t, "diff", "a:b.yaml", "a:b.yaml"); code != ExitOK {
		t.Errorf("exit %d: %s", code, errs)
	}
}
