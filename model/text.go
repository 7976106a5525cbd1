package model

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf8"
)

// Text is a piece of text that may be unknown, "" when it is: an event's
// date, an article's title, a statement's verb. In Go and in JSON it is a
// plain string, so the extraction document reads as before ("omitempty"
// drops it); in GraphQL it is a nullable String that is null when empty,
// so gqlgen binds the schema's optional strings straight to the fields
// (gqlgen.yml) and no resolver has to turn "" into null.
type Text string

// MarshalGQL writes the string, or null when it is empty.
func (t Text) MarshalGQL(w io.Writer) {
	if t == "" {
		_, _ = io.WriteString(w, "null")
		return
	}
	// Most text is written as it is between quotes: a large answer has
	// thousands of evidence sentences (issue 9's profile).
	if !needsEscape(string(t)) {
		_, _ = io.WriteString(w, `"`)
		_, _ = io.WriteString(w, string(t))
		_, _ = io.WriteString(w, `"`)
		return
	}
	// A JSON string is a GraphQL response string; HTML characters stay as
	// they are, as gqlgen writes its own strings.
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(string(t)) // a string always encodes
	_, _ = w.Write(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}

// needsEscape tells whether JSON writes s otherwise than as it is: a
// control character, a quote or a backslash, invalid UTF-8, or U+2028 and
// U+2029 (which encoding/json escapes).
func needsEscape(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c == '"' || c == '\\':
			return true
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9):
			return true
		}
	}
	return !utf8.ValidString(s)
}

// UnmarshalGQL reads a string; null reads as "".
func (t *Text) UnmarshalGQL(v any) error {
	switch s := v.(type) {
	case string:
		*t = Text(s)
	case nil:
		*t = ""
	default:
		return fmt.Errorf("text must be a string, not %T", v)
	}
	return nil
}
