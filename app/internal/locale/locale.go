// Package locale stops Fyne from logging "Error parsing user locale C" on
// every start, which would reach the terminal with each command-line use
// of bmcanvas, when the environment names the C or POSIX locale with an
// encoding (LANG=C.UTF-8, common in containers and CI): Fyne takes the "C"
// for a language and cannot parse it.
//
// Import it for its side effect only. Its init runs before Fyne's lang
// package reads the environment: Go initialises, among the packages whose
// dependencies are ready, the one whose import path sorts first, and this
// package (needing only os and strings) sorts before the locale library
// Fyne's lang package waits for. scripts/e2e.sh checks that a command
// run under LANG=C.UTF-8 prints nothing from Fyne.
package locale

import (
	"os"
	"strings"
)

// Fallback is the language given to Fyne under the C locale.
const Fallback = "en"

func init() { Apply(os.Getenv, os.Setenv) }

// Apply sets LANGUAGE to Fallback when the locale in effect (the first of
// LC_ALL, LC_MESSAGES and LANG that is set) is C or POSIX with an encoding
// or modifier, and LANGUAGE is not set. It leaves any other setting alone.
func Apply(getenv func(string) string, setenv func(string, string) error) {
	if getenv("LANGUAGE") != "" {
		return
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(name)
		if v == "" {
			continue
		}
		lang, _, _ := strings.Cut(v, ".")
		lang, _, _ = strings.Cut(lang, "@")
		if v != lang && (lang == "C" || lang == "POSIX") {
			setenv("LANGUAGE", Fallback)
		}
		return
	}
}
