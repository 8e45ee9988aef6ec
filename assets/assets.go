// Package assets holds the files built into the bmcanvas binary: the Noto
// Sans fonts used on posters, the application icon, and one worked example
// canvas per template.
package assets

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

//go:generate go run gen_icon.go

// FontRegular and FontBold are Noto Sans (SIL Open Font License, see
// fonts/LICENSE-NotoSans.txt): Latin with accents, Greek, Cyrillic and
// common symbols.
var (
	//go:embed fonts/NotoSans-Regular.ttf
	FontRegular []byte
	//go:embed fonts/NotoSans-Bold.ttf
	FontBold []byte
)

// Icon is the application icon, a 512×512 PNG.
//
//go:embed icon.png
var Icon []byte

//go:embed examples/*.yaml
var examples embed.FS

// Example is a bundled example canvas file.
type Example struct {
	// Name is the file name without extension, such as "bakery".
	Name string
	// Data is the file's content in the bmcanvas/1 format.
	Data []byte
}

// Examples returns the bundled example canvases, sorted by name.
func Examples() []Example {
	entries, _ := fs.ReadDir(examples, "examples")
	var out []Example
	for _, e := range entries {
		data, err := examples.ReadFile(path.Join("examples", e.Name()))
		if err != nil {
			continue
		}
		out = append(out, Example{Name: strings.TrimSuffix(e.Name(), ".yaml"), Data: data})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// ExampleData returns the bundled example with the given name.
func ExampleData(name string) ([]byte, error) {
	data, err := examples.ReadFile(path.Join("examples", name+".yaml"))
	if err != nil {
		return nil, fmt.Errorf("no bundled example %q", name)
	}
	return data, nil
}
