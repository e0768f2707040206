package read

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"dateline/internal/doc"
)

var bom = []byte("\xef\xbb\xbf")

// clean turns raw bytes into document text: a leading byte-order mark is
// dropped and invalid UTF-8 sequences become U+FFFD, so every offset a stage
// writes lands on a rune boundary of valid UTF-8. Nothing else changes: line
// ends (CRLF too) and spacing are kept, so offsets match the input.
func clean(data []byte) string {
	data = bytes.TrimPrefix(data, bom)
	if utf8.Valid(data) {
		return string(data)
	}
	return strings.ToValidUTF8(string(data), "\uFFFD")
}

// parseText reads a plain-text article dated by date (may be empty).
func parseText(data []byte, date string) (*doc.Document, error) {
	text := clean(data)
	if strings.TrimSpace(text) == "" {
		return nil, ErrEmpty
	}
	if date != "" {
		if _, err := doc.ParseDate(date); err != nil {
			return nil, err
		}
	}
	return &doc.Document{Date: date, Text: text}, nil
}

// seedHeader returns the length of a seed header at the start of b ("date
// 2025-08-06" followed by a space or line end), or 0 when there is none.
func seedHeader(b []byte) int {
	const n = len("date 2025-08-06")
	if len(b) < n || !bytes.HasPrefix(b, []byte("date ")) {
		return 0
	}
	for i, c := range b[5:n] {
		if i == 4 || i == 7 {
			if c != '-' {
				return 0
			}
		} else if c < '0' || c > '9' {
			return 0
		}
	}
	if len(b) > n && b[n] != ' ' && b[n] != '\t' && b[n] != '\n' && b[n] != '\r' {
		return 0
	}
	return n
}

// parseSeed reads the seed format: optional leading blank lines and spaces,
// "date YYYY-MM-DD", then the article text, trimmed of surrounding space.
// Paragraph breaks inside the text are kept as they are.
func parseSeed(data []byte) (*doc.Document, error) {
	s := clean(data)
	s = strings.TrimLeft(s, " \t\r\n")
	n := seedHeader([]byte(s[:min(len(s), 32)]))
	if n == 0 {
		return nil, fmt.Errorf("seed format: want %q at the start", "date YYYY-MM-DD")
	}
	date := s[5:n]
	if _, err := doc.ParseDate(date); err != nil {
		return nil, err
	}
	text := strings.TrimSpace(s[n:])
	if text == "" {
		return nil, ErrEmpty
	}
	return &doc.Document{Date: date, Text: text}, nil
}
