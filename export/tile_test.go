package export

import (
	"io"
	"strings"
	"testing"
	"time"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// Rows of sheets are named like spreadsheet columns, so that no two
// sheets of a poster share a name.
func TestSheetNames(t *testing.T) {
	for _, tc := range []struct {
		row, col int
		want     string
	}{
		{0, 0, "A1"}, {1, 4, "B5"}, {25, 0, "Z1"}, {26, 0, "AA1"}, {27, 2, "AB3"},
		{51, 0, "AZ1"}, {52, 0, "BA1"}, {74, 1, "BW2"}, {701, 0, "ZZ1"}, {702, 9, "AAA10"},
	} {
		if got := sheetName(tc.row, tc.col); got != tc.want {
			t.Errorf("sheetName(%d, %d) = %q, want %q", tc.row, tc.col, got, tc.want)
		}
	}
	seen := map[string]bool{}
	for r := 0; r < 1000; r++ {
		name := rowLabel(r)
		if seen[name] {
			t.Fatalf("row %d is named %q like an earlier one", r, name)
		}
		seen[name] = true
	}
}

// The numbers maxSheets's comment gives, and the limit itself.
func TestPlanSheets(t *testing.T) {
	a0, _ := ParsePaper("A0")
	a4, _ := ParsePaper("A4")
	a3, _ := ParsePaper("A3")
	w, h := a0.Size(false)
	if p, err := planSheets(w, h, a4, 1); err != nil || p.cols*p.rows != 25 {
		t.Errorf("A0 on A4: %d sheets, %v; want 25", p.cols*p.rows, err)
	}
	if p, err := planSheets(5000, 5000, a3, 1); err != nil || p.cols*p.rows != 247 {
		t.Errorf("5 × 5 m on A3: %d sheets, %v; want 247", p.cols*p.rows, err)
	}
	// Continuation pages count too.
	if _, err := planSheets(w, h, a4, maxSheets/25); err != nil {
		t.Errorf("%d pages of A0 on A4: %v", maxSheets/25, err)
	}
	_, err := planSheets(w, h, a4, maxSheets/25+1)
	if want := "tiling the 1189 × 841 mm poster on A4 sheets would take 425 sheets (17 pages of 5 rows of 5); at most 400 are printed: " +
		"tile on a larger sheet, such as Legal (340 sheets)"; err == nil || err.Error() != want {
		t.Errorf("17 pages of A0 on A4:\n got %v\nwant %s", err, want)
	}
	tiny, _ := ParsePaper("100x100")
	_, err = planSheets(5000, 5000, tiny, 1)
	if want := "tiling the 5000 × 5000 mm poster on 100 × 100 mm sheets would take 5,100 sheets (75 rows of 68); at most 400 are printed: " +
		"tile on a larger sheet, such as Tabloid (260 sheets)"; err == nil || err.Error() != want {
		t.Errorf("5 × 5 m on 10 cm sheets:\n got %v\nwant %s", err, want)
	}
}

// A tiling over the limit is refused before any layout or drawing: it
// once took 4.5 minutes and wrote 5,100 pages.
func TestTooManySheetsRefusedFast(t *testing.T) {
	c := example(t, "bakery")
	start := time.Now()
	_, err := PDF(io.Discard, c, Options{Paper: "5000x5000", Tile: "100x100"})
	if err == nil || !strings.Contains(err.Error(), "would take 5,100 sheets") {
		t.Fatalf("err = %v", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("refusing took %v", d)
	}
}

// A poster with more than 26 rows of sheets names them on past Z.
func TestTiledRowsPastZ(t *testing.T) {
	c, _ := bmc.New(bmc.Lean().ID)
	pdf, _ := writePDF(t, c, Options{Paper: "100x5000", Portrait: true, Tile: "100x100"})
	if info := pdfInfo(t, pdf); info["Pages"] != "150" {
		t.Fatalf("%s sheets, want 150 (75 rows of 2)", info["Pages"])
	}
	text := strings.Join(strings.Fields(string(tool(t, pdf, "pdftotext", "-f", "150", "-l", "150", "-enc", "UTF-8", "-"))), " ")
	if !strings.Contains(text, "Sheet BW2: row 75 of 75, column 2 of 2") {
		t.Errorf("the last sheet's label:\n%s", text)
	}
}
