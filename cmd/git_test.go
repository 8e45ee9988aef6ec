package cmd

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// These tests drive the real git: diff between revisions, and merge as
// git's merge driver. They skip when git is missing, except under CI.

// requireGit skips the test when git is not installed, and fails it under
// CI=true, where a missing tool is a broken set-up.
func requireGit(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("git is not installed, and CI=true: install git")
		}
		t.Skip("git is not installed")
	}
}

// gitEnv keeps the user's own git settings out of the tests.
var gitEnv = []string{"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1", "GIT_TERMINAL_PROMPT=0"}

// git runs git in dir and returns its output; it fails the test when git
// fails, unless the caller expects that (ok false returned).
func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	out, err := gitTry(dir, args...)
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

func gitTry(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), gitEnv...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// gitRepo makes a repository holding the bakery as canvas.yaml, committed
// on branch main.
func gitRepo(t *testing.T) string {
	t.Helper()
	requireGit(t)
	dir := t.TempDir()
	git(t, dir, "init", "-q")
	git(t, dir, "checkout", "-q", "-b", "main")
	git(t, dir, "config", "user.name", "bmcanvas tests")
	git(t, dir, "config", "user.email", "tests@bmcanvas.invalid")
	git(t, dir, "config", "commit.gpgsign", "false")
	saveCanvas(t, dir, "canvas.yaml", bakery(t))
	git(t, dir, "add", "canvas.yaml")
	git(t, dir, "commit", "-q", "-m", "the bakery")
	return dir
}

// commitCanvas changes canvas.yaml in dir and commits it.
func commitCanvas(t *testing.T, dir, msg string, edit func(c *bmc.Canvas) error) {
	t.Helper()
	path := filepath.Join(dir, "canvas.yaml")
	c, err := bmc.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := edit(c); err != nil {
		t.Fatal(err)
	}
	saveCanvas(t, dir, "canvas.yaml", c)
	git(t, dir, "commit", "-q", "-am", msg)
}

func TestDiffGitRevisions(t *testing.T) {
	dir := gitRepo(t)
	edited, err := bakeryEdited(t).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "canvas.yaml"), edited, 0o644); err != nil {
		t.Fatal(err)
	}
	git(t, dir, "commit", "-q", "-am", "version 4")
	commitCanvas(t, dir, "version 5", func(c *bmc.Canvas) error { return c.SetText("n1", "Office workers") })
	t.Chdir(dir)

	code, out, errs := run(t, "diff", "HEAD~2:canvas.yaml", "canvas.yaml")
	if code != ExitProblems || !strings.Contains(out, "--- HEAD~2:canvas.yaml (Corner Bakery, version 3, 2026-11-24)\n") ||
		!strings.Contains(out, `+ n39 in Channels: "Market stall on Saturdays"`) || !strings.Contains(out, `~ n1 text:`) {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	code, out, _ = run(t, "diff", "HEAD~1:canvas.yaml", "HEAD:./canvas.yaml")
	if code != ExitProblems || !strings.HasSuffix(out, "1 changed\n") {
		t.Errorf("between two revisions: exit %d\n%s", code, out)
	}
	if code, out, _ := run(t, "diff", "HEAD:canvas.yaml", "canvas.yaml"); code != ExitOK {
		t.Errorf("the working copy is committed: exit %d\n%s", code, out)
	}

	tests := []struct {
		name, arg, err string
	}{
		{"no such revision", "HEAD~7:canvas.yaml", "HEAD~7:canvas.yaml: git cannot show it: "},
		{"no such file in it", "HEAD:missing.yaml", "HEAD:missing.yaml: git cannot show it: "},
		{"a folder", "HEAD:", "HEAD:: is a folder in git"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := run(t, "diff", tt.arg, "canvas.yaml")
			if code != ExitUsage || !strings.Contains(errs, tt.err) {
				t.Errorf("exit %d, stderr %q; want %d, %q", code, errs, ExitUsage, tt.err)
			}
		})
	}
	t.Run("a change poster against a revision", func(t *testing.T) {
		code, out, errs := run(t, "export", "canvas.yaml", "--compare", "HEAD~2:canvas.yaml", "-o", filepath.Join(t.TempDir(), "changes.pdf"))
		if code != ExitOK || !strings.Contains(out, "changes.pdf") {
			t.Errorf("exit %d, stderr %q", code, errs)
		}
	})
	t.Run("without git", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		code, _, errs := run(t, "diff", "HEAD:canvas.yaml", "canvas.yaml")
		if code != ExitUsage || !strings.Contains(errs, "needs git, which is not installed") {
			t.Errorf("exit %d, stderr %q", code, errs)
		}
	})
}

// TestCLIProcess is the command line, run by git as a merge driver from
// TestMergeDriver: it runs only with BMCANVAS_CLI_PROCESS=1, on the
// arguments after "--".
func TestCLIProcess(t *testing.T) {
	if os.Getenv("BMCANVAS_CLI_PROCESS") != "1" {
		t.Skip("the command line for TestMergeDriver's git")
	}
	args := os.Args
	for i, a := range args {
		if a == "--" {
			args = args[i+1:]
			break
		}
	}
	os.Exit(Main(args, os.Stdout, os.Stderr, Window{}))
}

// mergeDriverRepo returns the bakery's repository set up as the README
// says: a .gitattributes line and the driver in the repository's config,
// with this test binary standing in for bmcanvas.
func mergeDriverRepo(t *testing.T) string {
	dir := gitRepo(t)
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("BMCANVAS_CLI_PROCESS", "1")
	bmcanvas := "'" + strings.ReplaceAll(self, "'", `'\''`) + "' -test.run=^TestCLIProcess$ --"
	if err := os.WriteFile(filepath.Join(dir, ".gitattributes"), []byte("canvas.yaml merge=bmcanvas\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	git(t, dir, "config", "merge.bmcanvas.name", "bmcanvas: merge canvases by note")
	git(t, dir, "config", "merge.bmcanvas.driver", bmcanvas+" merge %O %A %B -o %A")
	git(t, dir, "add", ".gitattributes")
	git(t, dir, "commit", "-q", "-m", "merge canvases with bmcanvas")
	return dir
}

func TestMergeDriver(t *testing.T) {
	dir := mergeDriverRepo(t)
	git(t, dir, "checkout", "-q", "-b", "theirs")
	commitCanvas(t, dir, "tourists", func(c *bmc.Canvas) error {
		seg, err := c.AddNote(bmc.SegmentBlock, -1, bmc.Note{Text: "Tourists on the old-town walk", Color: bmc.Orange})
		if err != nil {
			return err
		}
		if _, err := c.AddNote("channels", -1, bmc.Note{Text: "Leaflets in the hotels", Color: bmc.Orange, Segments: []string{seg.ID}}); err != nil {
			return err
		}
		n, _ := c.Note("n9")
		n.Segments = append(n.Segments, seg.ID)
		if err := c.UpdateNote(n); err != nil {
			return err
		}
		return c.SetText("n30", "Molino Ruiz – organic flour, delivered daily")
	})
	git(t, dir, "checkout", "-q", "main")
	commitCanvas(t, dir, "market stall", func(c *bmc.Canvas) error {
		if _, err := c.AddNote("channels", 0, bmc.Note{Text: "Market stall on Saturdays", Segments: []string{"n2"}}); err != nil {
			return err
		}
		m := c.Meta
		m.Version = "4"
		if err := c.SetMeta(m); err != nil {
			return err
		}
		return c.SetColor("n8", bmc.Pink)
	})
	if out, err := gitTry(dir, "merge", "--no-edit", "theirs"); err != nil {
		t.Fatalf("git merge: %v\n%s", err, out)
	}
	if st := git(t, dir, "status", "--porcelain"); st != "" {
		t.Errorf("not clean after the merge:\n%s", st)
	}
	m, err := bmc.LoadFile(filepath.Join(dir, "canvas.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	// Both added n39 (the editor's next number): theirs' segment became
	// n41, and theirs' links to it followed.
	for id, want := range map[string]string{
		"n39": "Market stall on Saturdays", "n41": "Tourists on the old-town walk",
		"n40": "Leaflets in the hotels", "n30": "Molino Ruiz – organic flour, delivered daily",
	} {
		if n, _ := m.Note(id); n.Text != want {
			t.Errorf("%s: %q, want %q", id, n.Text, want)
		}
	}
	n40, _ := m.Note("n40")
	n9, _ := m.Note("n9")
	n8, _ := m.Note("n8")
	if strings.Join(n40.Segments, ",") != "n41" || strings.Join(n9.Segments, ",") != "n41" || n8.Color != bmc.Pink || m.Version != "4" {
		t.Errorf("n40 %v, n9 %v, n8 %s, version %s", n40.Segments, n9.Segments, n8.Color, m.Version)
	}
	if got := bmc.Compare(m, m).Equal(); !got {
		t.Error("Compare")
	}
	if log := git(t, dir, "log", "--oneline"); strings.Count(log, "\n") != 5 {
		t.Errorf("want a merge commit on top of 4:\n%s", log)
	}
}

func TestMergeDriverConflict(t *testing.T) {
	dir := mergeDriverRepo(t)
	git(t, dir, "checkout", "-q", "-b", "theirs")
	commitCanvas(t, dir, "theirs", func(c *bmc.Canvas) error {
		if err := c.SetText("n5", "Coffee + croissant, no queue"); err != nil {
			return err
		}
		return c.DeleteNote("n24")
	})
	git(t, dir, "checkout", "-q", "main")
	commitCanvas(t, dir, "ours", func(c *bmc.Canvas) error {
		if err := c.SetText("n5", "Coffee + croissant in 90 seconds"); err != nil {
			return err
		}
		return c.SetText("n24", "Grandmother's sourdough starter")
	})
	out, err := gitTry(dir, "merge", "--no-edit", "theirs")
	if err == nil {
		t.Fatalf("git merge succeeded despite the conflicts:\n%s", out)
	}
	for _, want := range []string{"conflict: note n5 in value_propositions: text changed on both sides",
		"conflict: note n24 in key_resources: ours changed it; theirs deleted it", "CONFLICT"} {
		if !strings.Contains(out, want) {
			t.Errorf("git merge's output lacks %q:\n%s", want, out)
		}
	}
	if u := git(t, dir, "diff", "--name-only", "--diff-filter=U"); u != "canvas.yaml\n" {
		t.Errorf("unmerged: %q", u)
	}
	m, err := bmc.LoadFile(filepath.Join(dir, "canvas.yaml"))
	if err != nil {
		t.Fatalf("the conflicted file does not load: %v", err)
	}
	if tagged := m.Select(bmc.ParseQuery("tag:conflict")); len(tagged) != 2 || !tagged["n5"] || !tagged["n24"] {
		t.Errorf("tagged conflict: %v", tagged)
	}
}

// "bmcanvas canvas.yaml --compare HEAD~1:canvas.yaml" opens the editor
// with the canvas compared with the version git holds.
func TestEditorComparingGitRevision(t *testing.T) {
	dir := gitRepo(t)
	commitCanvas(t, dir, "version 4", func(c *bmc.Canvas) error { return c.SetText("n1", "Office workers") })
	t.Chdir(dir)
	var got []string
	win := Window{EditorComparing: func(path string, old *bmc.Canvas, name string) error {
		n, _ := old.Note("n1")
		got = append(got, path, name, n.Text)
		return nil
	}}
	if code, _, errs := runWin(t, win, "canvas.yaml", "--compare", "HEAD~1:canvas.yaml"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if len(got) != 3 || got[0] != "canvas.yaml" || got[1] != "HEAD~1:canvas.yaml" || got[2] == "Office workers" {
		t.Errorf("opened %q, want canvas.yaml compared with the first commit's n1", got)
	}
	if code, _, errs := runWin(t, win, "canvas.yaml", "--compare", "HEAD~5:canvas.yaml"); code != ExitUsage || !strings.Contains(errs, "--compare: ") {
		t.Errorf("a revision git lacks: exit %d, %q", code, errs)
	}
}
