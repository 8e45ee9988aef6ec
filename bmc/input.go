package bmc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"syscall"
)

// ReadFile reads an input file for bmcanvas: a canvas, a font, a file to
// compare with. Only regular files are read, so a FIFO, a device or a
// folder is refused at once instead of hanging or filling memory, and at
// most limit bytes: a larger file is refused with its exact size. what
// names the kind of file in messages, such as "canvas file". Problems come
// back as an *Error naming path.
func ReadFile(path string, limit int64, what string) ([]byte, error) {
	// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a
	// writer forever. It changes nothing for regular files.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, &Error{File: path, Msg: "cannot open: " + reason(err)}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, &Error{File: path, Msg: "cannot read: " + reason(err)}
	}
	if !st.Mode().IsRegular() {
		return nil, &Error{File: path, Msg: fmt.Sprintf("is %s, not a %s", fileKind(st.Mode()), what)}
	}
	if st.Size() > limit {
		return nil, &Error{File: path, Msg: tooBig(what, st.Size(), limit)}
	}
	// The size can change while we read: read one byte past the limit,
	// into a buffer of the size found (plus room for ReadFrom's minimum
	// read) rather than one grown step by step.
	buf := bytes.NewBuffer(make([]byte, 0, st.Size()+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, &Error{File: path, Msg: "cannot read: " + reason(err)}
	}
	data := buf.Bytes()
	if int64(len(data)) > limit {
		return nil, &Error{File: path, Msg: fmt.Sprintf("grew past %s while being read; a %s may be at most %s", FormatSize(limit), what, FormatSize(limit))}
	}
	return data, nil
}

// tooBig says that a file of size bytes is over limit, exactly.
func tooBig(what string, size, limit int64) string {
	return fmt.Sprintf("is %s, %s more than a %s may be (%s)", FormatSize(size), FormatSize(size-limit), what, FormatSize(limit))
}

// FormatSize writes a byte count exactly, with a rounded figure beside a
// large one: "1 byte", "812 bytes", "8 MiB", "8,388,609 bytes (8.0 MiB)".
func FormatSize(n int64) string {
	switch {
	case n == 1:
		return "1 byte"
	case n < 1024:
		return strconv.FormatInt(n, 10) + " bytes"
	case n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	case n%(1<<10) == 0 && n < 1<<20:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	case n < 1<<20:
		return fmt.Sprintf("%s bytes (%.1f KiB)", groupDigits(n), float64(n)/(1<<10))
	}
	return fmt.Sprintf("%s bytes (%.1f MiB)", groupDigits(n), float64(n)/(1<<20))
}

// groupDigits writes n with commas between thousands.
func groupDigits(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// fileKind names what a non-regular file is, for messages.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// reason is the system's word for why a file operation failed, without
// the operation and path that *fs.PathError adds: callers name the file
// once themselves.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		err = le.Err
	}
	return err.Error()
}
