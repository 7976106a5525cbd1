package model

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// The GraphQL spelling of the vocabularies: gqlgen binds the schema's enums
// to these types (gqlgen.yml), so a value has one Go form from the loader to
// the API and only its GraphQL spelling differs: "ArmsTransfer" is
// ARMS_TRANSFER, "occurred" is OCCURRED.

// MarshalGQL writes the GraphQL enum value.
func (t EntityType) MarshalGQL(w io.Writer) { writeEnum(w, string(t)) }

// UnmarshalGQL reads a GraphQL enum value.
func (t *EntityType) UnmarshalGQL(v any) error { return readEnum(v, EntityTypes, t) }

// MarshalGQL writes the GraphQL enum value.
func (t EventType) MarshalGQL(w io.Writer) { writeEnum(w, string(t)) }

// UnmarshalGQL reads a GraphQL enum value.
func (t *EventType) UnmarshalGQL(v any) error { return readEnum(v, EventTypes, t) }

// MarshalGQL writes the GraphQL enum value.
func (s Status) MarshalGQL(w io.Writer) { writeEnum(w, string(s)) }

// UnmarshalGQL reads a GraphQL enum value.
func (s *Status) UnmarshalGQL(v any) error { return readEnum(v, Statuses, s) }

// EnumName is a vocabulary word's GraphQL spelling: "ArmsTransfer" →
// "ARMS_TRANSFER", "occurred" → "OCCURRED".
func EnumName(word string) string {
	var b strings.Builder
	for i, r := range word {
		if i > 0 && unicode.IsUpper(r) {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

func writeEnum(w io.Writer, word string) {
	_, _ = io.WriteString(w, strconv.Quote(EnumName(word)))
}

func readEnum[T ~string](v any, vocabulary []T, into *T) error {
	s, ok := v.(string)
	if !ok {
		return fmt.Errorf("enum value must be a string, not %T", v)
	}
	for _, w := range vocabulary {
		if EnumName(string(w)) == s {
			*into = w
			return nil
		}
	}
	return fmt.Errorf("%q is not a valid value", s)
}
