package export

import (
	"encoding/binary"
	"os"
	"strings"
	"testing"

	"github.com/bmcanvas/bmcanvas/assets"
)

func TestCheckTrueType(t *testing.T) {
	for _, data := range [][]byte{assets.FontRegular, assets.FontBold} {
		if err := checkTrueType(data); err != nil {
			t.Errorf("Noto Sans refused: %v", err)
		}
	}
	cut := assets.FontRegular[:200]
	noCmap := append([]byte(nil), assets.FontRegular...)
	renameTable(noCmap, "cmap", "xxxx")
	for name, tc := range map[string]struct {
		data []byte
		want string
	}{
		"empty":      {nil, "too short"},
		"text":       {[]byte("this is not a font at all"), "not a TrueType font"},
		"OpenType":   {append([]byte("OTTO"), make([]byte, 20)...), "CFF"},
		"collection": {append([]byte("ttcf"), make([]byte, 20)...), "collection"},
		"cut short":  {cut, "outside the file"},
		"no cmap":    {noCmap, `no "cmap" table`},
	} {
		err := checkTrueType(tc.data)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: checkTrueType = %v, want %q", name, err, tc.want)
		}
	}
}

func renameTable(font []byte, from, to string) {
	n := int(binary.BigEndian.Uint16(font[4:]))
	for i := 0; i < n; i++ {
		rec := font[12+16*i:]
		if string(rec[:4]) == from {
			copy(rec, to)
		}
	}
}

func FuzzCheckTrueType(f *testing.F) {
	f.Add(assets.FontRegular[:4096])
	f.Add([]byte("\x00\x01\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00cmap\x00\x00\x00\x00\x00\x00\x00\x1c\x00\x00\x00\x08\x00\x00\x00\x01"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if checkTrueType(data) == nil {
			if _, err := newFace("x", "", data); err != nil {
				t.Skip() // our check is looser than sfnt's parser; both must only not crash
			}
		}
	})
}

// The user's font is read like every input file (bmc.ReadFile: regular
// files only, at most MaxFontSize) and checked; each error names it once.
func TestLoadFontErrors(t *testing.T) {
	dir := t.TempDir()
	bad := dir + "/bad.ttf"
	if err := os.WriteFile(bad, []byte("not a font, just text pretending"), 0o644); err != nil {
		t.Fatal(err)
	}
	big := dir + "/big.ttf"
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, MaxFontSize+1); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ path, want string }{
		{"/no/such/font.ttf", "/no/such/font.ttf: cannot open: no such file or directory"},
		{dir, dir + ": is a folder, not a font file"},
		{"/dev/zero", "/dev/zero: is a device, not a font file"},
		{big, big + ": is 67,108,865 bytes (64.0 MiB), 1 byte more than a font file may be (64 MiB)"},
		{bad, bad + ": not a TrueType font"},
	} {
		if _, err := loadFonts(tc.path); err == nil || err.Error() != tc.want {
			t.Errorf("loadFonts(%s) = %v, want %q", tc.path, err, tc.want)
		}
	}
}

// Noto Sans covers what the issue asks for: Latin with accents, Greek,
// Cyrillic, the euro sign, typographic quotes and dashes.
func TestNotoCoverage(t *testing.T) {
	fs := testFonts(t)
	for _, r := range "ÀÉÎÕÜßçøłŠžőĞİ ΑΩαωάΐ ДЖЯжяёї €£¥ “”‘’„«» –—…•" {
		if r == ' ' {
			continue
		}
		if !fs.regular.has(r) || !fs.bold.has(r) {
			t.Errorf("Noto Sans lacks %q U+%04X", r, r)
		}
	}
}

// Noto Sans has every printable ASCII character, in both styles: the
// sanitizer and the drawing of plain text take them as they are without
// asking the fonts.
func TestNotoCoversPrintableASCII(t *testing.T) {
	fs := testFonts(t)
	for r := rune(0x20); r < 0x7F; r++ {
		if !fs.covers(fs.regular, r) || !fs.covers(fs.bold, r) || !fs.regular.has(r) || !fs.bold.has(r) {
			t.Errorf("Noto Sans lacks %q", r)
		}
	}
}
