package attache

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
)

// DocumentID returns the content id of a text: "sha256:" and the hex SHA-256
// of its NFC normalisation, so that the same story in another Unicode form
// gets the same id.
func DocumentID(text string) string {
	h := sha256.Sum256([]byte(norm.NFC.String(text)))
	return "sha256:" + hex.EncodeToString(h[:])
}

// dateLayouts are the accepted forms of a published date.
var dateLayouts = []string{
	"2006-01-02",
	time.RFC3339,
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04",
	"2006/01/02",
	"20060102",
	time.RFC1123Z,
	time.RFC1123,
	"02-Jan-2006 15:04:05",
	"2 January 2006",
	"January 2, 2006",
}

// NormalizeDate parses a published date in one of the common forms and
// returns it as YYYY-MM-DD (the calendar date as written, without moving
// it to UTC).
func NormalizeDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format("2006-01-02"), nil
		}
	}
	// "26-FEB-1987 15:01:01.79" (Reuters-21578 style)
	if len(s) >= 11 {
		if t, err := time.Parse("02-Jan-2006", strings.Title(strings.ToLower(s[:11]))); err == nil {
			return t.Format("2006-01-02"), nil
		}
	}
	return "", fmt.Errorf("cannot parse date %q (want YYYY-MM-DD or RFC 3339)", s)
}
