//go:build unix

package bmc

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestReadFileRefusesWhatIsNotACanvasFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, make([]byte, 1001), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ path, want string }{
		{fifo, fifo + ": is a named pipe (FIFO), not a canvas file"},
		{"/dev/zero", "/dev/zero: is a device, not a canvas file"},
		{dir, dir + ": is a folder, not a canvas file"},
		{filepath.Join(dir, "none.yaml"), filepath.Join(dir, "none.yaml") + ": cannot open: no such file or directory"},
		{big, big + ": is 1001 bytes, 1 byte more than a canvas file may be (1000 bytes)"},
	}
	for _, tt := range tests {
		done := make(chan error, 1)
		go func() { _, err := ReadFile(tt.path, 1000, "canvas file"); done <- err }()
		select {
		case err := <-done:
			var e *Error
			if !errors.As(err, &e) || err.Error() != tt.want {
				t.Errorf("ReadFile(%s) = %v, want %q", tt.path, err, tt.want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("ReadFile(%s) hangs", tt.path)
		}
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 bytes", 1: "1 byte", 1023: "1023 bytes", 2048: "2 KiB",
		1500: "1,500 bytes (1.5 KiB)", MaxFileSize: "8 MiB", MaxFileSize + 1: "8,388,609 bytes (8.0 MiB)"} {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestSaveRefusesReadOnlyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ro.yaml")
	if err := os.WriteFile(path, []byte("old\n"), 0o444); err != nil {
		t.Fatal(err)
	}
	err := WriteFileAtomic(path, []byte("new\n"))
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "another name") {
		t.Fatalf("saving over a read-only file: %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old\n" {
		t.Errorf("the read-only file became %q", got)
	}
}

func TestSaveRespectsUmaskModeAndOwner(t *testing.T) {
	dir := t.TempDir()
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	fresh := filepath.Join(dir, "new.yaml")
	if err := WriteFileAtomic(fresh, []byte("x\n")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(fresh); st.Mode().Perm() != 0o600 {
		t.Errorf("a new file under umask 077 got mode %v", st.Mode().Perm())
	}
	kept := filepath.Join(dir, "kept.yaml")
	if err := os.WriteFile(kept, []byte("x\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	os.Chmod(kept, 0o664) // wider than the umask allows for new files
	if os.Geteuid() == 0 {
		os.Chown(kept, 4321, 4322)
	}
	if err := WriteFileAtomic(kept, []byte("y\n")); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(kept)
	if st.Mode().Perm() != 0o664 {
		t.Errorf("an existing 0664 file became %v", st.Mode().Perm())
	}
	if s := st.Sys().(*syscall.Stat_t); os.Geteuid() == 0 && (s.Uid != 4321 || s.Gid != 4322) {
		t.Errorf("owner became %d:%d, want 4321:4322", s.Uid, s.Gid)
	}
}

func TestSaveKeepsHardLinksOneFile(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.yaml")
	if err := os.WriteFile(a, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(a, b); err != nil {
		t.Skip("no hard links here:", err)
	}
	if err := WriteFileAtomic(a, []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(b); string(got) != "new\n" {
		t.Errorf("the other link reads %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("%d files in the folder, want the two links", len(entries))
	}
}

func TestSaveRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "c.yaml")
	dead := filepath.Join(dir, ".c.yaml.999999999-12.tmp")                    // a process that no longer runs
	mine := filepath.Join(dir, fmt.Sprintf(".c.yaml.%d-7.tmp", os.Getpid()))  // an earlier failed save of ours
	live := filepath.Join(dir, fmt.Sprintf(".c.yaml.%d-7.tmp", os.Getppid())) // a save under way elsewhere
	other := filepath.Join(dir, ".d.yaml.999999999-1.tmp")                    // another file's
	for _, f := range []string{dead, mine, live, other} {
		os.WriteFile(f, []byte("half"), 0o600)
	}
	if err := WriteFileAtomic(path, []byte("x\n")); err != nil {
		t.Fatal(err)
	}
	for f, want := range map[string]bool{dead: false, mine: false, live: true, other: true} {
		if _, err := os.Stat(f); (err == nil) != want {
			t.Errorf("%s exists: %v, want %v", filepath.Base(f), err == nil, want)
		}
	}
}

// TestKilledSavesNeverCorrupt kills a process that saves a large canvas in
// a loop, at random moments, 100 times: the file always loads as the old
// or the new version, and the next save leaves no temporary file.
func TestKilledSavesNeverCorrupt(t *testing.T) {
	if os.Getenv("BMC_SAVE_LOOP") != "" {
		return // the child's side is in TestMain
	}
	if testing.Short() {
		t.Skip("kills 100 processes")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "big.yaml")
	versions := map[string]bool{}
	for v := range 2 {
		data, err := saveLoopCanvas(v).Marshal()
		if err != nil {
			t.Fatal(err)
		}
		versions[string(data)] = true
	}
	if err := SaveFile(path, saveLoopCanvas(0)); err != nil {
		t.Fatal(err)
	}
	for i := range 100 {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "BMC_SAVE_LOOP="+path)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(10+rand.IntN(70)) * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
		data, err := os.ReadFile(path)
		if err != nil || !versions[string(data)] {
			t.Fatalf("kill %d: the file holds %d bytes that are neither version (%v)", i, len(data), err)
		}
		if _, err := Load(path, data); err != nil {
			t.Fatalf("kill %d: %v", i, err)
		}
	}
	if err := SaveFile(path, saveLoopCanvas(1)); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("after the next save the folder holds %v", names)
	}
}

// saveLoopCanvas is a 1,000-note canvas; v makes two versions differ.
func saveLoopCanvas(v int) *Canvas {
	c := bigCanvas(nil, 1000)
	c.Title = fmt.Sprintf("version %d", v)
	return c
}

func TestMain(m *testing.M) {
	if path := os.Getenv("BMC_SAVE_LOOP"); path != "" { // the child of TestKilledSavesNeverCorrupt
		for v := 0; ; v = 1 - v {
			if err := SaveFile(path, saveLoopCanvas(v)); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(3)
			}
		}
	}
	os.Exit(m.Run())
}
