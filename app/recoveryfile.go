package app

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/bmcanvas/bmcanvas/bmc"
)

// recoveryDir returns the folder recovery files go in: bmcanvas/recovery
// in the user's data folder, which is $XDG_DATA_HOME when set to an
// absolute path, else %LOCALAPPDATA% on Windows, ~/Library/Application
// Support on macOS and ~/.local/share elsewhere.
func recoveryDir(goos string, getenv func(string) string) (string, error) {
	base := getenv("XDG_DATA_HOME")
	if goos == "windows" {
		base = getenv("LOCALAPPDATA")
		if base == "" {
			return "", errors.New("no folder for recovery files: %LOCALAPPDATA% is not set")
		}
	} else if base == "" || !filepath.IsAbs(base) {
		home := getenv("HOME")
		if home == "" {
			return "", errors.New("no folder for recovery files: neither $XDG_DATA_HOME nor $HOME is set")
		}
		if goos == "darwin" || goos == "ios" {
			base = filepath.Join(home, "Library", "Application Support")
		} else {
			base = filepath.Join(home, ".local", "share")
		}
	}
	return filepath.Join(base, "bmcanvas", "recovery"), nil
}

// recoveryName returns the name of d's recovery file: one derived from a
// hash of the file's path, or from an id made up for an untitled canvas,
// so that every open canvas has its own.
func recoveryName(d *Document) string {
	if d.Path != "" {
		abs, err := filepath.Abs(d.Path)
		if err != nil {
			abs = d.Path
		}
		sum := sha256.Sum256([]byte(abs))
		return "file-" + hex.EncodeToString(sum[:8]) + ".yaml"
	}
	if d.recoveryID == "" {
		var b [8]byte
		rand.Read(b[:]) // never fails (crypto/rand panics rather than return an error)
		d.recoveryID = hex.EncodeToString(b[:])
	}
	return "untitled-" + d.recoveryID + ".yaml"
}

// recoveryRecord is what a recovery file holds: the canvas with its
// unsaved changes, and what is needed to offer it back.
type recoveryRecord struct {
	// Path is the canvas file, absolute; empty for an untitled canvas.
	Path string
	// Untitled and Suggested are the document's name while untitled and
	// the file name Save As offers.
	Untitled, Suggested string
	// Written is when the recovery file was written.
	Written time.Time
	// PID is the process that wrote it, to leave alone the files of an
	// editor that is still running.
	PID int
	// Disk is the canvas file as it was when editing started.
	Disk Fingerprint
	// Canvas is the canvas as bmc writes it.
	Canvas []byte
}

// recoveryIntro opens every recovery file, for a person who finds one.
const recoveryIntro = `# bmcanvas recovery file: unsaved changes to a canvas, kept in case
# bmcanvas stops before they are saved. bmcanvas offers them back when it
# starts next, and deletes this file once they are saved or discarded.
# Below the header is the canvas itself; bmcanvas can open this file.
`

// marshal writes the record: a header of "# key: value" comments, then
// the canvas.
func (r recoveryRecord) marshal() []byte {
	var b bytes.Buffer
	b.WriteString(recoveryIntro)
	field := func(key, value string) { fmt.Fprintf(&b, "# %s: %s\n", key, value) }
	if r.Path != "" {
		field("file", strconv.Quote(r.Path))
	} else {
		field("untitled", strconv.Quote(r.Untitled))
	}
	if r.Suggested != "" {
		field("suggested", strconv.Quote(r.Suggested))
	}
	field("written", r.Written.Format(time.RFC3339Nano))
	field("pid", strconv.Itoa(r.PID))
	if r.Disk.Exists {
		field("disk-size", strconv.FormatInt(r.Disk.Size, 10))
		field("disk-modified", r.Disk.ModTime.Format(time.RFC3339Nano))
		field("disk-sha256", r.Disk.SHA256)
	}
	b.Write(r.Canvas)
	return b.Bytes()
}

// parseRecovery reads a recovery file written by marshal and loads its
// canvas. name is the file's name, for messages.
func parseRecovery(name string, data []byte) (recoveryRecord, *bmc.Canvas, error) {
	var r recoveryRecord
	fields := map[string]string{}
	rest := data
	for len(rest) > 0 && rest[0] == '#' {
		line, after, _ := bytes.Cut(rest, []byte("\n"))
		rest = after
		if key, value, ok := strings.Cut(strings.TrimPrefix(string(line), "# "), ": "); ok && !strings.Contains(key, " ") {
			fields[key] = value
		}
	}
	bad := func(format string, args ...any) error {
		return fmt.Errorf("recovery file %s: %s", name, fmt.Sprintf(format, args...))
	}
	unquote := func(key string) (string, error) {
		v, ok := fields[key]
		if !ok {
			return "", nil
		}
		s, err := strconv.Unquote(v)
		if err != nil {
			return "", bad("%s is not a quoted text: %s", key, v)
		}
		return s, nil
	}
	var err error
	if r.Path, err = unquote("file"); err != nil {
		return r, nil, err
	}
	if r.Untitled, err = unquote("untitled"); err != nil {
		return r, nil, err
	}
	if r.Suggested, err = unquote("suggested"); err != nil {
		return r, nil, err
	}
	if _, ok := fields["file"]; !ok {
		if _, ok := fields["untitled"]; !ok {
			return r, nil, bad("the header names no file (is it a recovery file?)")
		}
	}
	if r.Written, err = time.Parse(time.RFC3339Nano, fields["written"]); err != nil {
		return r, nil, bad("no time of writing: %q", fields["written"])
	}
	if r.PID, err = strconv.Atoi(fields["pid"]); err != nil {
		return r, nil, bad("no process id: %q", fields["pid"])
	}
	if sum, ok := fields["disk-sha256"]; ok {
		r.Disk = Fingerprint{Exists: true, SHA256: sum}
		r.Disk.Size, _ = strconv.ParseInt(fields["disk-size"], 10, 64)
		r.Disk.ModTime, _ = time.Parse(time.RFC3339Nano, fields["disk-modified"])
	}
	r.Canvas = rest
	c, err := bmc.Load(name, rest)
	if err != nil {
		return r, nil, fmt.Errorf("recovery file %s: %w", name, err)
	}
	return r, c, nil
}
