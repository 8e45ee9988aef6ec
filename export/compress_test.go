package export

import (
	"bytes"
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"testing"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// compressStreams leaves a well-formed PDF: every cross-reference entry
// points at its object, startxref at the table, every stream is
// compressed, and poppler reads it without a complaint.
func TestCompressedPDFIsWellFormed(t *testing.T) {
	c := example(t, "bakery")
	for _, opt := range []Options{{}, {Tile: "A4"}, {Ink: InkMono, Focus: "n2"}} {
		pdf, _ := writePDF(t, c, opt)
		checkPDFStructure(t, pdf)
	}
	pdf, _ := writePDF(t, scriptCanvas(t), Options{Paper: "A3"})
	checkPDFStructure(t, pdf)
}

var objHeader = regexp.MustCompile(`^(\d+) 0 obj\n`)

func checkPDFStructure(t *testing.T, pdf []byte) {
	t.Helper()
	sx := bytes.LastIndex(pdf, []byte("startxref\n"))
	var start int
	fmt.Sscanf(string(pdf[sx+len("startxref\n"):]), "%d", &start)
	if !bytes.HasPrefix(pdf[start:], []byte("xref\n0 ")) {
		t.Fatalf("startxref %d does not point at the table", start)
	}
	var n int
	fmt.Sscanf(string(pdf[start+len("xref\n0 "):]), "%d", &n)
	table := pdf[bytes.IndexByte(pdf[start+5:], '\n')+start+6:]
	for i := 1; i < n; i++ {
		entry := table[20*i : 20*i+20]
		off, _ := strconv.Atoi(string(entry[:10]))
		m := objHeader.FindSubmatch(pdf[off:min(len(pdf), off+20)])
		if m == nil || string(m[1]) != strconv.Itoa(i) {
			t.Fatalf("entry %d points at %q", i, pdf[off:min(len(pdf), off+20)])
		}
	}
	if plain := bytes.Count(pdf, []byte("stream\n")) - bytes.Count(pdf, []byte("endstream\n")); plain != bytes.Count(pdf, []byte("/FlateDecode")) && plain > 0 {
		// images carry their own filter and decode parameters; every
		// stream must name a filter
		streams := bytes.Count(pdf, []byte(">>\nstream\n"))
		if filtered := bytes.Count(pdf, []byte("/Filter")); filtered < streams {
			t.Errorf("%d streams, %d with a filter", streams, filtered)
		}
	}
	needTool(t, "pdfinfo")
	for _, tool := range [][]string{{"pdfinfo", "-"}, {"pdftotext", "-", "-"}} {
		cmd := exec.Command(tool[0], tool[1:]...)
		cmd.Stdin = bytes.NewReader(pdf)
		var errOut bytes.Buffer
		cmd.Stderr = &errOut
		if err := cmd.Run(); err != nil || errOut.Len() > 0 {
			t.Errorf("%s: %v: %s", tool[0], err, errOut.String())
		}
	}
}

// The same canvas exported twice gives the same bytes, compressed too.
func TestCompressedPDFIsDeterministic(t *testing.T) {
	c := scriptCanvas(t)
	a, _ := writePDF(t, c, Options{Paper: "A3"})
	b, _ := writePDF(t, c, Options{Paper: "A3"})
	if !bytes.Equal(a, b) {
		t.Error("two exports of the many-script canvas differ")
	}
	_ = bmc.SegmentBlock
}
