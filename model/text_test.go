package model

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestTextGQL: empty text is GraphQL null, anything else a JSON string
// that reads back to itself; null reads as empty; other types are refused.
func TestTextGQL(t *testing.T) {
	for _, tc := range []struct {
		text Text
		gql  string
	}{
		{"", `null`},
		{"2023-09", `"2023-09"`},
		{"said", `"said"`},
		{`He said "no" & <left>`, `"He said \"no\" & <left>"`},
		{"line\nbreak\ttab\\", `"line\nbreak\ttab\\"`},
		{"Пхеньян — 平壤", `"Пхеньян — 平壤"`},
		{" ", `" "`},
		{"Kim’s “visit” \u2028 next", `"Kim’s “visit” \u2028 next"`},
		{"bad \xff utf-8", `"bad \ufffd utf-8"`},
		{"bell \a", `"bell \u0007"`},
	} {
		var b bytes.Buffer
		tc.text.MarshalGQL(&b)
		if b.String() != tc.gql {
			t.Errorf("MarshalGQL(%q) = %s, want %s", tc.text, b.String(), tc.gql)
		}
		if !json.Valid(b.Bytes()) {
			t.Errorf("MarshalGQL(%q) is not JSON: %s", tc.text, b.String())
		}
		var back Text = "stale"
		var in any = string(tc.text)
		if tc.text == "" {
			in = nil // what a GraphQL null arrives as
		}
		if err := back.UnmarshalGQL(in); err != nil || back != tc.text {
			t.Errorf("UnmarshalGQL(%#v) = %q, %v", in, back, err)
		}
	}
	var v Text
	for _, bad := range []any{3, true, []any{"a"}, map[string]any{}} {
		if v.UnmarshalGQL(bad) == nil {
			t.Errorf("UnmarshalGQL(%#v) accepted", bad)
		}
	}
}

// TestTextJSON: in JSON, Text is a plain string, so the extraction
// document keeps its shape: "omitempty" drops an empty one and an empty
// one without it is "".
func TestTextJSON(t *testing.T) {
	for _, tc := range []struct {
		in   any
		want string
	}{
		{Event{Date: "2023-09-13", Cameo: "036"}, `"date":"2023-09-13"`},
		{Span{Sentence: "It met."}, `"sentence":"It met."`},
		{Article{Title: "", Extractor: "x"}, `{"id":"","title":"","published":"","dateline":"","url":"","source":"","extractor":"x"}`},
		{struct {
			T Text `json:"t,omitempty"`
		}{}, `{}`},
	} {
		b, err := json.Marshal(tc.in)
		if err != nil || !bytes.Contains(b, []byte(tc.want)) {
			t.Errorf("json.Marshal(%#v) = %s, %v; want it to contain %s", tc.in, b, err, tc.want)
		}
	}
	if b, _ := json.Marshal(Statement{}); bytes.Contains(b, []byte(`"verb"`)) {
		t.Errorf("an empty verb is written: %s", b)
	}
	var ev Event
	if err := json.Unmarshal([]byte(`{"date":"2023-09","stage":"agreed"}`), &ev); err != nil || ev.Date != "2023-09" || ev.Stage != "agreed" {
		t.Errorf("json.Unmarshal: %+v, %v", ev, err)
	}
}

// FuzzTextGQL: MarshalGQL writes what encoding/json writes for the string
// (without HTML escaping), whether it takes the short way or not.
func FuzzTextGQL(f *testing.F) {
	for _, s := range []string{"plain", `q"uote`, "back\\slash", "tab\t", "’curly’", "\u2028", "\u2029x", "\xe2\x80", "\xff", "é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if s == "" {
			return
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		Text(s).MarshalGQL(&got)
		if got.String() != string(bytes.TrimSuffix(want.Bytes(), []byte("\n"))) {
			t.Errorf("MarshalGQL(%q) = %s, encoding/json writes %s", s, got.String(), want.String())
		}
	})
}
