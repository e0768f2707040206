package cli

import (
	"bytes"
	"strings"
)

// archive is a txtar archive (the format of golang.org/x/tools/txtar, which
// is not worth a dependency): a comment, then files, each introduced by a
// line "-- name --".
type archive struct {
	comment string
	files   []archiveFile
}

type archiveFile struct {
	name string
	data string
}

// parseArchive parses a txtar archive. Every file's data ends in a newline
// unless it is empty, as in txtar.
func parseArchive(data string) archive {
	var a archive
	cur := &a.comment
	for len(data) > 0 {
		line, rest, _ := strings.Cut(data, "\n")
		data = rest
		if name, ok := fileMarker(line); ok {
			a.files = append(a.files, archiveFile{name: name})
			cur = &a.files[len(a.files)-1].data
			continue
		}
		*cur += line + "\n"
	}
	return a
}

// fileMarker returns the name in a "-- name --" line.
func fileMarker(line string) (string, bool) {
	name, ok := strings.CutPrefix(line, "-- ")
	if !ok {
		return "", false
	}
	name, ok = strings.CutSuffix(name, " --")
	name = strings.TrimSpace(name)
	return name, ok && name != ""
}

// format writes the archive back; parseArchive(a.format()) == a for
// archives whose file data ends in a newline.
func (a archive) format() []byte {
	var b bytes.Buffer
	b.WriteString(a.comment)
	for _, f := range a.files {
		b.WriteString("-- " + f.name + " --\n")
		b.WriteString(f.data)
		if f.data != "" && !strings.HasSuffix(f.data, "\n") {
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}

// file returns the data of the named file.
func (a archive) file(name string) (string, bool) {
	for _, f := range a.files {
		if f.name == name {
			return f.data, true
		}
	}
	return "", false
}

// set replaces (or adds) the named file.
func (a *archive) set(name, data string) {
	for i := range a.files {
		if a.files[i].name == name {
			a.files[i].data = data
			return
		}
	}
	a.files = append(a.files, archiveFile{name: name, data: data})
}
