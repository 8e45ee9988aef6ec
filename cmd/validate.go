package cmd

import (
	"fmt"
)

func init() {
	register(&command{name: "validate", usage: "FILE...",
		summary: "check canvas files; print one line per problem",
		run:     runValidate})
}

func runValidate(e *env, args []string) int {
	fs := e.flags(commands["validate"])
	quiet := fs.Bool("q", false, "print nothing for valid files")
	files, code, ok := e.fileArgs(fs, args)
	if !ok {
		return code
	}
	for _, f := range files {
		c, _, fcode := e.load(f, e.stdout)
		switch {
		case fcode != ExitOK:
			code = max(code, fcode)
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
