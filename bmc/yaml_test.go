package bmc

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/bmcanvas/bmcanvas/assets"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// tricky is a canvas that exercises every field and awkward text.
func tricky(t testing.TB) *Canvas {
	c := sample(t)
	c.Meta = Meta{Title: "Corner Bakery: “best” bread", DesignedFor: "Corner Bakery Ltd", DesignedBy: "Ana Ruiz",
		Date: "2026-11-24", Version: "3", Currency: "€"}
	c.View.Backstage = BackstageHidden
	amount, cost := 1200.5, 2400.0
	texts := []string{
		"multi\nline\n", "trailing space \nnext", "\tleading tab\nx", " leading space\nx", "yes", "null", "3.14",
		"- dash", "# hash", "key: value", "Ünïcödé — €, Ελληνικά, кириллица, 中文", "emoji 🥐", "", "'quoted'",
		"a\r\nb", "bell\a", "  ", "\n", "x\n\n\n",
	}
	for _, s := range texts {
		if _, err := c.AddNote("channels", -1, Note{Text: s}); err != nil {
			t.Fatal(err)
		}
	}
	for _, n := range []Note{
		{ID: "r1", Text: "Bread subscriptions", Color: Green, Segments: []string{"s1"}, Status: StatusHypothesis,
			Evidence: "3 of 5 asked\nwould pay", Tags: []string{"subscription", "with: colon"}, Amount: &amount, Period: PeriodMonth},
		{ID: "c1", Text: "Rent", Tags: []string{"fixed"}, Amount: &cost, Period: PeriodYear, Status: StatusInvalidated},
	} {
		block := "revenue_streams"
		if n.ID == "c1" {
			block = "cost_structure"
		}
		if _, err := c.AddNote(block, -1, n); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

func TestMarshalGolden(t *testing.T) {
	lean, _ := New(Lean().ID)
	lean.Title = "Empty lean"
	for name, c := range map[string]*Canvas{"tricky.yaml": tricky(t), "empty-lean.yaml": lean} {
		t.Run(name, func(t *testing.T) {
			data, err := c.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			golden(t, name, data)
			if bytes.Contains(data, []byte("\r")) {
				t.Error("output has a CR; line endings must be LF")
			}
			back, err := Load(name, data)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(back, c) {
				t.Errorf("load(marshal(c)) != c:\n%+v\n%+v", back, c)
			}
		})
	}
}

// TestExamplesRoundTrip loads each bundled example and saves it again: the
// bytes must not change.
func TestExamplesRoundTrip(t *testing.T) {
	examples := assets.Examples()
	if len(examples) != 3 {
		t.Fatalf("%d examples, want 3", len(examples))
	}
	templates := map[string]bool{}
	for _, ex := range examples {
		t.Run(ex.Name, func(t *testing.T) {
			c, err := Load(ex.Name+".yaml", ex.Data)
			if err != nil {
				t.Fatal(err)
			}
			templates[c.TemplateID] = true
			if n := c.NoteCount(); n < 25 || n > 40 {
				t.Errorf("%d notes, want 25–40", n)
			}
			out, err := c.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out, ex.Data) {
				t.Errorf("saving the unchanged example changed it:\n%s", firstDiff(ex.Data, out))
			}
		})
	}
	if len(templates) != 3 {
		t.Errorf("examples cover templates %v, want all three", templates)
	}
}

func firstDiff(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d: %q became %q", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("%d lines became %d", len(al), len(bl))
}

func TestFileRoundTripAndAtomicSave(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "canvas.yaml")
	c := tricky(t)
	if err := SaveFile(path, c); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	back, err := LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, c) {
		t.Error("LoadFile(SaveFile(c)) != c")
	}
	c.Title = "changed"
	if err := SaveFile(path, c); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("save changed the permissions to %v", st.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("save left %d files behind", len(entries))
	}
}

func TestFailedSaveKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "canvas.yaml")
	old := []byte("old content\n")
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	syncFile = func(*os.File) error { return fmt.Errorf("disk full") }
	defer func() { syncFile = (*os.File).Sync }()
	err := WriteFileAtomic(path, []byte("new content\n"))
	if err == nil || !strings.Contains(err.Error(), "disk full") || !strings.Contains(err.Error(), path) {
		t.Fatalf("error = %v", err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, old) {
		t.Errorf("the old file became %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the failed save left %d files", len(entries))
	}
}

func TestSaveRefusesDirectoryAndMissingFolder(t *testing.T) {
	dir := t.TempDir()
	if err := WriteFileAtomic(dir, []byte("x")); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("saving over a folder: %v", err)
	}
	if err := WriteFileAtomic(filepath.Join(dir, "no", "such.yaml"), []byte("x")); err == nil {
		t.Error("saving into a missing folder succeeded")
	}
}

func TestLoadFileErrors(t *testing.T) {
	if _, err := LoadFile(filepath.Join(t.TempDir(), "missing.yaml")); err == nil || !strings.HasSuffix(err.Error(), "missing.yaml: cannot open: no such file or directory") {
		t.Errorf("missing file: %v", err)
	}
	big := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(big, bytes.Repeat([]byte("#"), MaxFileSize+10), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadFile(big); err == nil || !strings.Contains(err.Error(), "big.yaml: is 8,388,618 bytes (8.0 MiB), 10 bytes more than a canvas file may be (8 MiB)") {
		t.Errorf("big file: %v", err)
	}
}

func TestSaveRefusesWhatLoadWouldRefuse(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(path, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, _ := New(Lean().ID)
	for i := 0; i <= MaxFileSize/MaxTextLength; i++ {
		if _, err := c.AddNote("problem", -1, Note{Text: strings.Repeat("long text ", MaxTextLength/10)}); err != nil {
			t.Fatal(err)
		}
	}
	err := SaveFile(path, c)
	if err == nil || !strings.Contains(err.Error(), "at most 8 MiB") {
		t.Fatalf("error = %v", err)
	}
	// The import and merge commands write through MarshalFile too.
	if data, err := c.MarshalFile(); err == nil || data != nil || !strings.Contains(err.Error(), "would make a file of") {
		t.Errorf("MarshalFile: %d bytes, %v", len(data), err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old\n" {
		t.Errorf("the old file became %.20q", got)
	}
}
