// Package bmc is the bmcanvas document model: canvases of sticky notes laid
// out on a template's blocks, the templates themselves (titles, guiding
// questions, geometry, icons), the bmcanvas/1 YAML format with its strict,
// located error messages, and atomic file I/O.
//
// Every front end (the editor, the PDF export, the command line) goes
// through this package; it has no user-interface dependencies.
package bmc
