package export

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"sync"
)

// The PDF writer compresses each content stream with a compressor of its
// own, and a compressor takes a megabyte to set up: on a poster of many
// pages and stamps, setting them up cost more than drawing. So the writer
// writes its streams plain, and compressStreams compresses them
// afterwards with a compressor per processor, reused by every poster of
// the process.

// compressors holds zlib writers at the PDF writer's level, best speed.
var compressors = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return w
}}

var (
	lengthField = regexp.MustCompile(`/Length (\d+)`)
	xrefEntry   = regexp.MustCompile(`^(\d{10}) (\d{5}) ([nf]) ?\r?\n?$`)
)

// parallelStreamBytes is how many bytes of plain streams make it worth
// compressing on one more goroutine.
const parallelStreamBytes = 256 << 10

// compressStreams returns pdf, as the PDF writer writes it without
// compression, with every stream that has no filter compressed with
// Flate, and the cross-reference table rebuilt for the new offsets.
func compressStreams(pdf []byte) ([]byte, error) {
	xref := bytes.LastIndex(pdf, []byte("\nxref\n"))
	trailer := bytes.LastIndex(pdf, []byte("\ntrailer\n"))
	if xref < 0 || trailer < xref {
		return nil, fmt.Errorf("compress: no cross-reference table")
	}
	xref++
	lines := bytes.Split(pdf[xref:trailer+1], []byte("\n"))
	if len(lines) < 3 || string(lines[0]) != "xref" {
		return nil, fmt.Errorf("compress: unexpected cross-reference table")
	}
	var offsets []int // by object number; -1 for free entries
	for _, l := range lines[2:] {
		if len(l) == 0 {
			continue
		}
		m := xrefEntry.FindSubmatch(append(l, '\n'))
		if m == nil {
			return nil, fmt.Errorf("compress: bad cross-reference entry %q", l)
		}
		off, _ := strconv.Atoi(string(m[1]))
		if m[3][0] == 'f' {
			off = -1
		}
		offsets = append(offsets, off)
	}
	order := make([]int, 0, len(offsets))
	for n, off := range offsets {
		if off >= 0 {
			order = append(order, n)
		}
	}
	slices.SortFunc(order, func(a, b int) int { return offsets[a] - offsets[b] })

	// First find each object's stream to compress, then compress them
	// on up to one goroutine per processor (each stream alone, with a
	// reset compressor, so the bytes do not depend on which goroutine
	// compressed what), then put the file together in order.
	type object struct {
		obj  []byte
		dict []byte // the stream's dictionary; nil: obj is copied as it is
		m    []int  // where /Length and its number stand in dict
		data []byte // the stream's plain bytes
		rest []byte // what follows them: endstream, endobj
	}
	objs := make([]object, len(order))
	var work []int // the objects with a stream to compress
	plain := 0     // their bytes
	for i, n := range order {
		start, end := offsets[n], xref
		if i+1 < len(order) {
			end = offsets[order[i+1]]
		}
		if start > end || end > len(pdf) {
			return nil, fmt.Errorf("compress: object %d lies outside the file", n)
		}
		obj := pdf[start:end]
		objs[i].obj = obj
		s := bytes.Index(obj, []byte(">>\nstream\n"))
		if s < 0 {
			continue
		}
		dict := obj[:s+2]
		m := lengthField.FindSubmatchIndex(dict)
		if m == nil || bytes.Contains(dict, []byte("/Filter")) {
			continue
		}
		length, _ := strconv.Atoi(string(dict[m[2]:m[3]]))
		data := s + len(">>\nstream\n")
		if data+length > len(obj) {
			return nil, fmt.Errorf("compress: object %d's stream is cut short", n)
		}
		objs[i].dict, objs[i].m = dict, m
		objs[i].data, objs[i].rest = obj[data:data+length], obj[data+length:]
		work = append(work, i)
		plain += length
	}
	packed := make([][]byte, len(objs))
	next := make(chan int, len(work))
	for _, i := range work {
		next <- i
	}
	close(next)
	compress := func() {
		zw := compressors.Get().(*zlib.Writer)
		defer compressors.Put(zw)
		for i := range next {
			buf := bytes.NewBuffer(make([]byte, 0, len(objs[i].data)/4+64))
			zw.Reset(buf)
			zw.Write(objs[i].data)
			zw.Close()
			packed[i] = buf.Bytes()
		}
	}
	// A compressor is a megabyte to set up: a poster gets another one per
	// parallelStreamBytes of plain streams; a small one is compressed on
	// this goroutine.
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(work), plain/parallelStreamBytes) - 1 {
		wg.Go(compress)
	}
	compress()
	wg.Wait()

	out := bytes.NewBuffer(make([]byte, 0, len(pdf)/3))
	first := xref
	if len(order) > 0 {
		first = offsets[order[0]]
	}
	out.Write(pdf[:first])
	newOffsets := make([]int, len(offsets))
	for i, n := range order {
		newOffsets[n] = out.Len()
		o := objs[i]
		if o.dict == nil {
			out.Write(o.obj)
			continue
		}
		out.Write(o.dict[:o.m[0]])
		fmt.Fprintf(out, "/Filter /FlateDecode /Length %d", len(packed[i]))
		out.Write(o.dict[o.m[1]:])
		out.WriteString("\nstream\n")
		out.Write(packed[i])
		out.Write(o.rest)
	}
	start := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n", len(offsets))
	for n, off := range offsets {
		if off < 0 {
			out.WriteString("0000000000 65535 f \n")
		} else {
			fmt.Fprintf(out, "%010d 00000 n \n", newOffsets[n])
		}
	}
	tail := pdf[trailer+1:]
	sx := bytes.LastIndex(tail, []byte("startxref\n"))
	if sx < 0 {
		return nil, fmt.Errorf("compress: no startxref")
	}
	out.Write(tail[:sx])
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", start)
	return out.Bytes(), nil
}
