package cmd

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"

	"github.com/bmcanvas/bmcanvas/bmc"
)

func init() {
	register(&command{name: "diff", usage: "[--json] OLD NEW",
		summary: "list the changes between two versions of a canvas",
		details: `Notes are matched by id: added, removed, moved to another block or
reordered in theirs, and each changed field (text, colour, status,
evidence, tags, amount, segment links); then the header and the view.

OLD or NEW may be a file in git, as REV:PATH (git's own syntax: PATH
from the top of the repository, or ./PATH from the current folder):
  bmcanvas diff HEAD~3:canvas.yaml canvas.yaml

Exit codes, as diff(1): 0 the canvases are equal, 1 they differ, 2 a
version could not be read or is not a valid canvas.`,
		run: runDiff})
}

func runDiff(e *env, args []string) int {
	fs := e.flags(commands["diff"])
	asJSON := fs.Bool("json", false, "print the changes as JSON, for tools")
	files, code, ok := e.files(fs, args, 2, "name two versions of a canvas, OLD and NEW")
	if !ok {
		return code
	}
	defer relaxGC()()
	versions, code, ok := e.loadVersions(nil, files...)
	if !ok {
		return code
	}
	d := bmc.Compare(versions[0], versions[1])
	if *asJSON {
		printDiffJSON(e.stdout, files[0], files[1], d)
	} else {
		printDiff(e.stdout, files[0], files[1], d)
	}
	if d.Equal() {
		return ExitOK
	}
	return ExitProblems
}

// A version that cannot be read or is not a valid canvas is reported on
// standard error with ExitUsage: exit code 1 means "differ" for diff and
// "conflicts" for merge.

// loadVersions loads several versions at once, each on its own
// goroutine: reading and parsing is most of the work of diff and merge.
// When some cannot be loaded, the first of them in argument order is
// reported, as if they had been loaded one by one. An empty file comes
// back as nil when emptyOK holds its index.
func (e *env) loadVersions(emptyOK map[int]bool, args ...string) ([]*bmc.Canvas, int, bool) {
	type loaded struct {
		data []byte
		c    *bmc.Canvas
		err  error
	}
	out := make([]loaded, len(args))
	var wg sync.WaitGroup
	for i, arg := range args {
		wg.Go(func() {
			out[i].data, out[i].err = readVersion(arg)
			if out[i].err == nil && len(out[i].data) > 0 {
				out[i].c, _ = bmc.Load(arg, out[i].data)
			}
		})
	}
	wg.Wait()
	canvases := make([]*bmc.Canvas, len(args))
	for i, l := range out {
		switch {
		case l.err != nil:
			e.errorf("%v", l.err)
			return nil, ExitUsage, false
		case len(l.data) == 0 && emptyOK[i]:
		case l.c == nil: // decode again to report its problems
			c, code, ok := e.decodeVersion(args[i], l.data)
			if !ok {
				return nil, code, false
			}
			canvases[i] = c
		default:
			canvases[i] = l.c
		}
	}
	return canvases, 0, true
}

// decodeVersion reads a canvas version's bytes; its problems, one per line
// naming the version, line and column, go to standard error.
func (e *env) decodeVersion(arg string, data []byte) (*bmc.Canvas, int, bool) {
	c, err := bmc.Load(arg, data)
	if err != nil {
		var located bmc.Errors
		if errors.As(err, &located) {
			for _, p := range located {
				fmt.Fprintln(e.stderr, p)
			}
		} else {
			e.errorf("%v", err)
		}
		return nil, ExitUsage, false
	}
	return c, 0, true
}

// readVersion returns the bytes of a canvas version: the file arg, or,
// when arg holds a ':' and is no existing file, the output of "git show
// arg", bounded like a file.
func readVersion(arg string) ([]byte, error) {
	if _, err := os.Stat(arg); err == nil || !isRevision(arg) {
		return bmc.ReadFile(arg, bmc.MaxFileSize, "canvas file")
	}
	return gitShow(arg, bmc.MaxFileSize)
}

// isRevision reports whether arg reads as git's REV:PATH rather than a
// file name: it holds a ':' that is not a Windows drive's.
func isRevision(arg string) bool {
	i := strings.IndexByte(arg, ':')
	if i < 0 || strings.HasPrefix(arg, "-") {
		return false
	}
	drive := i == 1 && len(arg) > 2 && (arg[2] == '\\' || arg[2] == '/')
	return !drive
}

// gitShow runs "git show rev" and returns its output, at most limit bytes.
func gitShow(rev string, limit int64) ([]byte, error) {
	cmd := exec.Command("git", "show", rev)
	var stderr limitedBuffer
	stderr.max = 4096
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("%s: cannot run git: %v", rev, err)
	}
	if err := cmd.Start(); err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return nil, fmt.Errorf("%s: reading a version from git needs git, which is not installed (or not on the PATH); is %s meant to be a file? It does not exist", rev, rev)
		}
		return nil, fmt.Errorf("%s: cannot run git: %v", rev, err)
	}
	data, readErr := io.ReadAll(io.LimitReader(out, limit+1))
	if int64(len(data)) > limit {
		cmd.Process.Kill()
		cmd.Wait()
		return nil, fmt.Errorf("%s: is more than %s, the most a canvas file may be", rev, bmc.FormatSize(limit))
	}
	if err := cmd.Wait(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		msg = strings.TrimPrefix(msg, "fatal: ")
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("%s: git cannot show it: %s", rev, firstLines(msg, 3))
	}
	if readErr != nil {
		return nil, fmt.Errorf("%s: reading git's output: %v", rev, readErr)
	}
	if bytes.HasPrefix(data, []byte("tree "+rev+"\n\n")) { // git show lists a folder
		folder := rev
		if !strings.HasSuffix(folder, ":") && !strings.HasSuffix(folder, "/") {
			folder += "/"
		}
		return nil, fmt.Errorf("%s: is a folder in git, not a canvas file; name a file, such as %scanvas.yaml", rev, folder)
	}
	return data, nil
}

// limitedBuffer keeps the first max bytes written to it.
type limitedBuffer struct {
	bytes.Buffer
	max int
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if room := b.max - b.Len(); room > 0 {
		b.Buffer.Write(p[:min(room, len(p))])
	}
	return len(p), nil
}

// firstLines keeps the first n lines of s.
func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "; ")
}

// describe names a version for the header of a diff: its name, then its
// title, version and date where it has them.
func describe(name string, c *bmc.Canvas) string {
	var parts []string
	if c.Title != "" {
		parts = append(parts, c.Title)
	}
	if c.Version != "" {
		parts = append(parts, "version "+c.Version)
	}
	if c.Date != "" {
		parts = append(parts, c.Date)
	}
	if len(parts) == 0 {
		return name
	}
	return name + " (" + strings.Join(parts, ", ") + ")"
}

// printDiff writes the changes one per line: "+" added, "-" removed, ">"
// moved or reordered, "~" changed, then a line that counts them.
func printDiff(w io.Writer, oldName, newName string, d *bmc.Diff) {
	fmt.Fprintf(w, "--- %s\n+++ %s\n", describe(oldName, d.Old), describe(newName, d.New))
	if d.Equal() {
		fmt.Fprintln(w, "no changes")
		return
	}
	for _, ch := range d.Changes {
		fmt.Fprintln(w, changeLine(d, ch))
	}
	fmt.Fprintln(w, d.Summary())
}

// changeLine describes one change for people.
func changeLine(d *bmc.Diff, ch bmc.Change) string {
	title := func(c *bmc.Canvas, block string) string {
		if b, ok := c.Template().Block(block); ok {
			return b.Title
		}
		return block
	}
	q := strconv.Quote
	switch ch.Kind {
	case bmc.ChangeTemplate:
		return fmt.Sprintf("template: %s → %s", ch.Old, ch.New)
	case bmc.ChangeHeader:
		return fmt.Sprintf("%s: %s → %s", ch.Field, q(ch.Old), q(ch.New))
	case bmc.ChangeView:
		return fmt.Sprintf("backstage: %s → %s", ch.Old, ch.New)
	case bmc.ChangeAdded:
		return fmt.Sprintf("+ %s in %s: %s", ch.Note, title(d.New, ch.Block), q(ch.New))
	case bmc.ChangeRemoved:
		return fmt.Sprintf("- %s from %s: %s", ch.Note, title(d.Old, ch.Block), q(ch.Old))
	case bmc.ChangeMoved:
		return fmt.Sprintf("> %s moved from %s to %s (place %d)", ch.Note, title(d.Old, ch.Old), title(d.New, ch.New), ch.NewPos)
	case bmc.ChangeReordered:
		return fmt.Sprintf("> %s reordered in %s: place %d → %d", ch.Note, title(d.New, ch.Block), ch.OldPos, ch.NewPos)
	case bmc.ChangeTags:
		return fmt.Sprintf("~ %s tags: %s", ch.Note, listDelta(ch, func(s string) string { return s }))
	case bmc.ChangeSegments:
		return fmt.Sprintf("~ %s segments: %s", ch.Note, listDelta(ch, func(id string) string { return segmentName(d, id) }))
	case bmc.ChangePersonas:
		return fmt.Sprintf("~ %s personas: %s", ch.Note, listDelta(ch, func(s string) string { return s }))
	case bmc.ChangeLinks:
		return fmt.Sprintf("~ %s links: %s", ch.Note, listDelta(ch, func(id string) string { return segmentName(d, id) }))
	case bmc.ChangeText, bmc.ChangeEvidence:
		return fmt.Sprintf("~ %s %s: %s → %s", ch.Note, ch.Kind, q(ch.Old), q(ch.New))
	case bmc.ChangeColor:
		return fmt.Sprintf("~ %s colour: %s → %s", ch.Note, ch.Old, ch.New)
	}
	return fmt.Sprintf("~ %s %s: %s → %s", ch.Note, ch.Kind, orNone(ch.Old), orNone(ch.New))
}

// listDelta writes the change of a list: "+a −b", or the whole lists
// when only their order changed.
func listDelta(ch bmc.Change, name func(string) string) string {
	if delta := ch.Delta(name); delta != "" {
		return delta
	}
	return fmt.Sprintf("reordered [%s] → [%s]", ch.Old, ch.New)
}

func segmentName(d *bmc.Diff, id string) string {
	n, ok := d.Note(id)
	if !ok || strings.TrimSpace(n.Text) == "" {
		return id
	}
	return fmt.Sprintf("%s (%s)", id, shortText(n.Text))
}

// shortText returns the first line of s, cut to 40 characters.
func shortText(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// diffJSON is the JSON form of a diff.
type diffJSON struct {
	Old     versionJSON  `json:"old"`
	New     versionJSON  `json:"new"`
	Equal   bool         `json:"equal"`
	Summary bmc.Summary  `json:"summary"`
	Changes []bmc.Change `json:"changes"`
}

type versionJSON struct {
	Name     string `json:"name"`
	Template string `json:"template"`
	Title    string `json:"title"`
	Version  string `json:"version"`
	Date     string `json:"date"`
	Notes    int    `json:"notes"`
}

func versionOf(name string, c *bmc.Canvas) versionJSON {
	return versionJSON{Name: name, Template: c.TemplateID, Title: c.Title, Version: c.Version, Date: c.Date, Notes: c.NoteCount()}
}

func printDiffJSON(w io.Writer, oldName, newName string, d *bmc.Diff) {
	out := diffJSON{Old: versionOf(oldName, d.Old), New: versionOf(newName, d.New), Equal: d.Equal(), Summary: d.Summary(), Changes: d.Changes}
	if out.Changes == nil {
		out.Changes = []bmc.Change{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	enc.Encode(out)
}
