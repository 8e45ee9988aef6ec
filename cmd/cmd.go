// Package cmd holds the subcommands of the bmcanvas binary: with no
// argument or a file it opens the editor; new, validate, export, poster,
// lint, version and help work without a window.
//
// Exit codes: 0 success; 1 the input has problems (an invalid or failing
// canvas); 2 the command was used wrongly (unknown flag, missing argument)
// or a file could not be read or written.
package cmd

import (
	"errors"
	"flag"
	"fmt"
	"image"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// Exit codes shared by every subcommand.
const (
	ExitOK       = 0
	ExitProblems = 1
	ExitUsage    = 2
)

// version is the program's version when the build sets it with
// -ldflags "-X github.com/bmcanvas/bmcanvas/cmd.version=v1.2.3"; else the
// module version Go records in the binary is printed.
var version = ""

// command is one subcommand.
type command struct {
	name    string
	usage   string // arguments, after the name
	summary string
	details string // more help, printed by -h after the summary
	run     func(e *env, args []string) int
}

// Window is what the commands need from the desktop app, which main
// passes in, so that this package and its tests need no display. A zero
// Window is a build without the editor.
type Window struct {
	// Editor opens the editor on a canvas file, or on the template
	// chooser when path is empty.
	Editor func(path string) error
	// EditorComparing opens the editor on a canvas file compared with
	// an older version of it, named oldName (a file, or git's REV:PATH),
	// as View › Compare with… does: "bmcanvas FILE --compare OLD".
	EditorComparing func(path string, old *bmc.Canvas, oldName string) error
	// BoardImage draws a canvas as the editor shows it in a window whose
	// inside is width×height pixels, and returns the ids of the notes not
	// shown whole.
	BoardImage func(c *bmc.Canvas, width, height int, dark bool, zoom float64) (image.Image, []string, error)
}

// env is what a command reads and writes: standard output and error, and
// the app's window functions.
type env struct {
	stdout, stderr io.Writer
	editor         func(path string) error
	window         Window
	// command is the name of the running command, which errorf puts before
	// each message so that no message has to name it itself.
	command string
}

// errorf prints a message to standard error as "bmcanvas COMMAND: message".
// The message names the file it is about once, and not the command.
func (e *env) errorf(format string, args ...any) {
	prefix := "bmcanvas: "
	if e.command != "" {
		prefix = "bmcanvas " + e.command + ": "
	}
	fmt.Fprintf(e.stderr, prefix+format+"\n", args...)
}

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

// Main runs the command line args (without the program name) and returns
// the exit code. win holds the editor and the board renderer; main passes
// the app's. Without an editor, no argument prints the usage and a file
// name is an unknown command.
func Main(args []string, stdout, stderr io.Writer, win Window) int {
	editor := win.Editor
	e := &env{stdout: stdout, stderr: stderr, editor: editor, window: win}
	if len(args) == 0 {
		if editor == nil {
			usage(e.stdout)
			return ExitOK
		}
		return e.openEditor("")
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help":
		name = "help"
	case "-version", "--version":
		name = "version"
	}
	if c, ok := commands[name]; ok {
		e.command = c.name
		return c.run(e, args[1:])
	}
	if strings.HasPrefix(name, "-") {
		e.errorf("unknown flag %s", name)
		usage(e.stderr)
		return ExitUsage
	}
	if isCanvasPath(name) && len(args) == 1 && editor != nil {
		return e.openEditor(name)
	}
	if old, ok := compareArg(args[1:]); ok && isCanvasPath(name) && win.EditorComparing != nil {
		return e.openComparing(name, old)
	}
	if isCanvasPath(name) && len(args) > 1 && strings.HasPrefix(strings.TrimLeft(args[1], "-"), "compar") && win.EditorComparing != nil {
		e.errorf("to open %s compared with an older version, give one: bmcanvas %s --compare OLD (a file, or git's REV:PATH)", name, name)
		return ExitUsage
	}
	e.errorf("unknown command %q%s; run \"bmcanvas help\" for the list", name, closest(name))
	return ExitUsage
}

// isCanvasPath reports whether arg names a file to open rather than a
// mistyped command.
func isCanvasPath(arg string) bool {
	if _, err := os.Stat(arg); err == nil {
		return true
	}
	ext := strings.ToLower(filepath.Ext(arg))
	return ext == ".yaml" || ext == ".yml"
}

func (e *env) openEditor(path string) int {
	if err := e.editor(path); err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	return ExitOK
}

// compareArg returns OLD from the arguments after a file name when they
// are "--compare OLD" (or "-compare OLD", "--compare=OLD").
func compareArg(args []string) (string, bool) {
	switch {
	case len(args) == 2 && (args[0] == "--compare" || args[0] == "-compare"):
		return args[1], args[1] != ""
	case len(args) == 1:
		for _, p := range []string{"--compare=", "-compare="} {
			if old, ok := strings.CutPrefix(args[0], p); ok {
				return old, old != ""
			}
		}
	}
	return "", false
}

// openComparing opens the editor on path compared with the version old
// (a file, or git's REV:PATH), which must load.
func (e *env) openComparing(path, old string) int {
	prev, code, ok := e.loadVersionFor("--compare", old)
	if !ok {
		return code
	}
	name := old
	if !isRevision(old) {
		name = filepath.Base(old)
	}
	if err := e.window.EditorComparing(path, prev, name); err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	return ExitOK
}

// closest suggests the command name nearest to a mistyped one.
func closest(name string) string {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	return bmc.Suggestion(name, names)
}

func usage(w io.Writer) {
	fmt.Fprint(w, `bmcanvas: draw business model canvases as sticky notes, save them as YAML,
print them as posters.

Usage:
  bmcanvas                 open the editor
  bmcanvas FILE.yaml       open a canvas in the editor
  bmcanvas FILE.yaml --compare OLD.yaml (or git's REV:FILE.yaml)
                           open it with its changes since OLD marked
  bmcanvas COMMAND [-h] [arguments]

Commands:
`)
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprint(w, `
Exit codes: 0 success, 1 the canvas has problems, 2 wrong usage or a file
that cannot be read or written.
`)
}

// flags returns a flag set for c that prints its usage to e.stderr.
func (e *env) flags(c *command) *flag.FlagSet {
	fs := flag.NewFlagSet("bmcanvas "+c.name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: bmcanvas %s %s\n\n%s\n", c.name, c.usage, c.summary)
		if c.details != "" {
			fmt.Fprintf(e.stderr, "\n%s\n", c.details)
		}
		var any bool
		fs.VisitAll(func(*flag.Flag) { any = true })
		if any {
			fmt.Fprintln(e.stderr, "\nOptions:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parse parses args, allowing flags after positional arguments too
// ("validate a.yaml -q"). It returns the positional arguments, or an exit
// code when parsing ended the command: -h prints the command's usage; a
// bad flag or value prints what is wrong and how to get the usage, not
// the whole of it, so that the message stays in sight.
func parse(fs *flag.FlagSet, args []string) ([]string, int, bool) {
	full := fs.Usage
	fs.Usage = func() {} // the flag package prints the error itself
	defer func() { fs.Usage = full }()
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				full()
				return nil, ExitOK, false
			}
			fmt.Fprintf(fs.Output(), "Run '%s -h' for its usage.\n", fs.Name())
			return nil, ExitUsage, false
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, 0, true
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// fileArgs parses args for a command that takes one or more files, and
// returns them, or an exit code when there are none or parsing ended it.
func (e *env) fileArgs(fs *flag.FlagSet, args []string) ([]string, int, bool) {
	files, code, ok := parse(fs, args)
	if ok && len(files) == 0 {
		e.errorf("name at least one canvas file")
		fs.Usage()
		return nil, ExitUsage, false
	}
	return files, code, ok
}

// oneFile parses args for a command that takes exactly one file, what
// naming it in the message when there are none or more ("canvas file").
func (e *env) oneFile(fs *flag.FlagSet, args []string, what string) (string, int, bool) {
	files, code, ok := e.files(fs, args, 1, "name one "+what)
	if !ok {
		return "", code, false
	}
	return files[0], 0, true
}

// files parses args for a command that takes exactly n files; when there
// are more or fewer it says missing ("name two versions of a canvas") and
// prints the usage.
func (e *env) files(fs *flag.FlagSet, args []string, n int, missing string) ([]string, int, bool) {
	files, code, ok := parse(fs, args)
	if !ok {
		return nil, code, false
	}
	if len(files) != n {
		e.errorf("%s", missing)
		fs.Usage()
		return nil, ExitUsage, false
	}
	return files, 0, true
}

// load reads and decodes the canvas file at path. When it cannot, it
// reports why and returns the exit code: the file's problems, one per
// line naming the file, line and column, go to problems (ExitProblems); a
// file that cannot be read at all (missing, a folder, a FIFO, a device,
// too large) is named on standard error (ExitUsage).
func (e *env) load(path string, problems io.Writer) (*bmc.Canvas, *bmc.Source, int) {
	c, src, err := bmc.DecodeFile(path)
	if err == nil {
		return c, src, ExitOK
	}
	return nil, nil, e.loadFailed(err, problems)
}

// loadFailed reports why a file could not be loaded, as load does, and
// returns the exit code.
func (e *env) loadFailed(err error, problems io.Writer) int {
	var located bmc.Errors
	if errors.As(err, &located) {
		for _, p := range located {
			fmt.Fprintln(problems, p)
		}
		return ExitProblems
	}
	e.errorf("%v", err)
	return ExitUsage
}

func init() {
	register(&command{name: "help", usage: "[COMMAND]", summary: "show this help, or a command's",
		run: func(e *env, args []string) int {
			if len(args) > 0 && args[0] != "-h" && args[0] != "-help" && args[0] != "--help" { // help -h: this help
				if c, ok := commands[args[0]]; ok {
					return c.run(e, []string{"-h"})
				}
				e.errorf("unknown command %q%s", args[0], closest(args[0]))
				return ExitUsage
			}
			usage(e.stdout)
			return ExitOK
		}})
	register(&command{name: "version", summary: "print the version",
		run: func(e *env, args []string) int {
			fs := e.flags(commands["version"])
			if _, code, ok := parse(fs, args); !ok {
				return code
			}
			fmt.Fprintf(e.stdout, "bmcanvas %s\n", versionString())
			return ExitOK
		}})
}

// versionString returns the version set at build time, or the module
// version the binary was built from, or "dev".
func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}
