package cmd

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/bmcanvas/bmcanvas/bmc"
)

func init() {
	register(&command{name: "new", usage: "[--template ID] [--title T] [--force] -o FILE.yaml",
		summary: "create an empty canvas file (templates: " + strings.Join(bmc.TemplateIDs(), ", ") + ")",
		run:     runNew})
}

func runNew(e *env, args []string) int {
	fs := e.flags(commands["new"])
	tmpl := fs.String("template", bmc.BusinessModelCanvas().ID, "the template: "+strings.Join(bmc.TemplateIDs(), ", "))
	title := fs.String("title", "", "the canvas title")
	out := fs.String("o", "", "the file to write (required; \"-\" for standard output)")
	force := forceFlag(fs, "an existing file")
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		e.errorf("unexpected argument %q; give the file with -o", rest[0])
		return ExitUsage
	}
	if *out == "" {
		e.errorf("name the file to write with -o FILE.yaml")
		return ExitUsage
	}
	c, err := bmc.New(*tmpl)
	if err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	c.Title = *title
	c.Date = time.Now().Format(time.DateOnly)
	if strings.ContainsAny(c.Title, "\r\n") {
		e.errorf("--title: the title must be a single line")
		return ExitUsage
	}
	data, err := c.Marshal()
	if err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	if *out == "-" {
		e.stdout.Write(data)
		return ExitOK
	}
	if st, err := os.Stat(*out); err == nil {
		switch {
		case st.IsDir():
			e.errorf("%s: is a folder; name the canvas file to write with -o", *out)
			return ExitUsage
		case !*force:
			e.errorf("%s: already exists; use --force to replace it", *out)
			return ExitUsage
		}
	}
	if err := bmc.WriteFileAtomic(*out, data); err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	fmt.Fprintf(e.stdout, "wrote %s (%s)\n", *out, c.Template().Name)
	return ExitOK
}
