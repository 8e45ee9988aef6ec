package cmd

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/bmcanvas/bmcanvas/assets"
	"github.com/bmcanvas/bmcanvas/internal/capture"
)

// export and poster replace an existing PDF or empty file, refuse any
// other file (a canvas, above all) unless --force, and never replace a
// folder, a FIFO or the canvas being printed.
func TestPDFTargets(t *testing.T) {
	canvas, err := os.ReadFile(examples + "startup.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		old      string // what the target holds; "" for an empty file
		args     []string
		replaced bool
		msg      string // after "bmcanvas COMMAND: TARGET: "
	}{
		{"a canvas", string(canvas), nil, false, "exists and is a canvas, not a PDF; use --force to replace it, or choose another name with -o"},
		{"a text file", "notes\n", nil, false, "exists and is not a PDF; use --force to replace it, or choose another name with -o"},
		{"a PDF", "%PDF-1.3\nold", nil, true, ""},
		{"an empty file", "", nil, true, ""},
		{"a canvas with --force", string(canvas), []string{"--force"}, true, ""},
		{"a text file with -f", "notes\n", []string{"-f"}, true, ""},
	} {
		for _, command := range []string{"export", "poster"} {
			t.Run(command+" over "+tc.name, func(t *testing.T) {
				in := copyExample(t, "bakery")
				target := filepath.Join(filepath.Dir(in), "other.yaml")
				if err := os.WriteFile(target, []byte(tc.old), 0o644); err != nil {
					t.Fatal(err)
				}
				args := []string{command, "-o", target, "--paper", "A4"}
				if command == "export" {
					args = append(args, in)
				}
				code, out, errs := run(t, append(args, tc.args...)...)
				data, _ := os.ReadFile(target)
				if tc.replaced {
					if code != ExitOK || out != "wrote "+target+"\n" || !strings.HasPrefix(string(data), "%PDF-") {
						t.Errorf("exit %d, stdout %q, stderr %q; the file holds %.20q", code, out, errs, data)
					}
					return
				}
				if want := "bmcanvas " + command + ": " + target + ": " + tc.msg + "\n"; code != ExitUsage || errs != want || out != "" {
					t.Errorf("exit %d, stdout %q, stderr\n%q; want\n%q", code, out, errs, want)
				}
				if string(data) != tc.old {
					t.Errorf("the file became %.20q", data)
				}
			})
		}
	}

	in := copyExample(t, "bakery")
	dir := filepath.Dir(in)
	fifo := filepath.Join(dir, "pipe.pdf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"a folder", []string{"export", in, "-o", dir, "--force"}, "bmcanvas export: " + dir + ": is a folder; name a file to write with -o\n"},
		{"a FIFO", []string{"poster", "-o", fifo, "--force"}, "bmcanvas poster: " + fifo + ": is not a regular file; name a file to write with -o\n"},
		{"the canvas itself", []string{"export", in, "-o", in, "--force"},
			"bmcanvas export: " + in + ": the PDF would replace the canvas it is printed from; choose another name with -o\n"},
	} {
		if code, out, errs := runQuick(t, tc.args...); code != ExitUsage || errs != tc.want || out != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr\n%q; want\n%q", tc.name, code, out, errs, tc.want)
		}
	}
	if data, _ := os.ReadFile(in); !strings.HasPrefix(string(data), "format: bmcanvas/1") {
		t.Error("the canvas was replaced")
	}
}

// brokenFont writes a copy of Noto Sans whose horizontal metrics have a
// format the PDF writer does not know: given to it, it prints "Unknown
// horizontal metric data format 1" on standard output.
func brokenFont(t *testing.T) string {
	font := slices.Clone(assets.FontRegular)
	for i := 0; i < int(binary.BigEndian.Uint16(font[4:])); i++ {
		if rec := font[12+16*i:]; string(rec[:4]) == "hhea" {
			binary.BigEndian.PutUint16(font[binary.BigEndian.Uint32(rec[8:])+32:], 1)
		}
	}
	return write(t, "broken.ttf", string(font))
}

// export's standard output holds one line, "wrote FILE": warnings and
// errors go to standard error, and the PDF library prints nothing.
func TestExportStdoutOnlyWrote(t *testing.T) {
	in := write(t, "emoji.yaml", "format: bmcanvas/1\ntemplate: lean\ntitle: \"Launch 🚀\"\nblocks:\n  problem:\n    - {id: p1, text: \"Queues 😩 and 排队\"}\n")
	out := filepath.Join(filepath.Dir(in), "e.pdf")
	font := brokenFont(t)
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string // a prefix of every line
	}{
		{"maybe warnings", []string{"export", in, "-o", out}, ExitOK, "wrote " + out + "\n", "bmcanvas export: warning: "},
		{"a poster", []string{"poster", "-o", out}, ExitOK, "wrote " + out + "\n", ""},
		{"a font the PDF writer complains about", []string{"export", in, "-o", out, "--font", font}, ExitUsage, "",
			"bmcanvas export: " + font + ": unknown horizontal metric format 1 in the hhea table"},
	} {
		var code int
		var stdout, stderr string
		printed := capture.Stdout(t, func() { code, stdout, stderr = run(t, tc.args...) })
		if printed != "" {
			t.Errorf("%s: printed %q on the process's standard output", tc.name, printed)
		}
		if code != tc.code || stdout != tc.stdout {
			t.Errorf("%s: exit %d, stdout %q; want %d, %q", tc.name, code, stdout, tc.code, tc.stdout)
		}
		for _, line := range strings.Split(strings.TrimSuffix(stderr, "\n"), "\n") {
			if line != "" && !strings.HasPrefix(line, tc.stderr) { // no warnings where every font is installed
				t.Errorf("%s: stderr line %q does not start with %q", tc.name, line, tc.stderr)
			}
		}
	}
}

// Every message names its command once (errorf adds it) and its file
// once: no "export: export:", no "open X: open X:".
func TestMessagesNameCommandAndFileOnce(t *testing.T) {
	in := copyExample(t, "bakery")
	dir := filepath.Dir(in)
	missing := filepath.Join(dir, "missing.yaml")
	existing := write(t, "existing.yaml", "x")
	for _, tc := range []struct {
		args []string
		file string // named once in the message; "" for none
	}{
		{[]string{"validate", missing}, missing},
		{[]string{"lint", missing}, missing},
		{[]string{"export", missing}, missing},
		{[]string{"export", in, "-o", filepath.Join(dir, "x.pdf"), "--font", missing}, missing},
		{[]string{"export", in, "--paper", "B7"}, ""},
		{[]string{"export", in, "--tile", "B7"}, ""},
		{[]string{"export", in, "--paper", "A4", "--tile", "A4"}, ""},
		{[]string{"export", in, "--paper", "5000x5000", "--tile", "100x100"}, ""},
		{[]string{"export", in, "--focus", "nope"}, in},
		{[]string{"export", in, "-o", existing}, existing},
		{[]string{"poster", "--template", "nope"}, ""},
		{[]string{"poster", "-o", existing}, existing},
		{[]string{"new", "--template", "nope", "-o", "-"}, ""},
		{[]string{"new", "-o", existing}, existing},
		{[]string{"new", "-o", "x.yaml", "--title", "a\nb"}, ""},
	} {
		code, out, errs := run(t, tc.args...)
		command := tc.args[0]
		if code != ExitUsage || out != "" || strings.Count(errs, "\n") != 1 {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2 and one line on stderr", tc.args, code, out, errs)
			continue
		}
		if !strings.HasPrefix(errs, "bmcanvas "+command+": ") || strings.Count(errs, command+":") != 1 {
			t.Errorf("%q: %q does not name the command once, first", tc.args, errs)
		}
		if tc.file != "" && strings.Count(errs, tc.file) != 1 {
			t.Errorf("%q: %q does not name %s once", tc.args, errs, tc.file)
		}
	}
}

// A PDF that may not be written says so once.
func TestReadOnlyTarget(t *testing.T) {
	in := copyExample(t, "startup")
	out := filepath.Join(filepath.Dir(in), "out.pdf")
	if err := os.WriteFile(out, []byte("%PDF-1.3\nold"), 0o444); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := run(t, "export", in, "-o", out)
	if code == ExitOK {
		t.Skip("bmc.WriteFileAtomic still replaces a read-only file")
	}
	var errs string // the lines that are not warnings about the canvas's characters
	for _, line := range strings.SplitAfter(stderr, "\n") {
		if !strings.HasPrefix(line, "bmcanvas export: warning: ") {
			errs += line
		}
	}
	if code != ExitUsage || stdout != "" || strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, "bmcanvas export: ") ||
		strings.Count(errs, out) != 1 || strings.Count(errs, "export") != 1 {
		t.Errorf("exit %d, stdout %q, stderr %q; want 2 and one line naming the command and %s once", code, stdout, errs, out)
	}
	if data, _ := os.ReadFile(out); string(data) != "%PDF-1.3\nold" {
		t.Errorf("the read-only file became %.20q", data)
	}
}
