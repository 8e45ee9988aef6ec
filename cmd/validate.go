package cmd

import (
	"errors"
	"fmt"

	"github.com/bmcanvas/bmcanvas/bmc"
)

func init() {
	register(&command{name: "validate", usage: "FILE...",
		summary: "check canvas files; print one line per problem",
		run:     runValidate})
}

func runValidate(e *env, args []string) int {
	fs := e.flags(commands["validate"])
	quiet := fs.Bool("q", false, "print nothing for valid files")
	files, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(files) == 0 {
		e.errorf("validate: name at least one canvas file")
		fs.Usage()
		return ExitUsage
	}
	code = ExitOK
	for _, f := range files {
		c, err := bmc.LoadFile(f)
		var located bmc.Errors
		switch {
		case errors.As(err, &located):
			for _, p := range located {
				fmt.Fprintln(e.stdout, p)
			}
			code = max(code, ExitProblems)
		case err != nil:
			e.errorf("%v", err)
			code = ExitUsage
		case !*quiet:
			fmt.Fprintf(e.stdout, "%s: ok (%s, %s)\n", f, c.Template().Name, plural(c.NoteCount(), "note"))
		}
	}
	return code
}

// plural returns "1 note", "2 notes".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
