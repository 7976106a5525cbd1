package model

import (
	"bytes"
	"strconv"
	"testing"
)

// TestEnumGQL: every vocabulary value writes its GraphQL spelling and reads
// back to itself; anything else is refused.
func TestEnumGQL(t *testing.T) {
	check := func(word string, marshal func(*bytes.Buffer), unmarshal func(any) error, back func() string) {
		t.Helper()
		var b bytes.Buffer
		marshal(&b)
		enum, err := strconv.Unquote(b.String())
		if err != nil || enum != EnumName(word) {
			t.Errorf("%s marshals to %s", word, b.String())
		}
		if err := unmarshal(enum); err != nil || back() != word {
			t.Errorf("%s does not read back: %q, %v", enum, back(), err)
		}
	}
	for _, w := range EventTypes {
		var v EventType
		check(string(w), func(b *bytes.Buffer) { w.MarshalGQL(b) }, v.UnmarshalGQL, func() string { return string(v) })
	}
	for _, w := range Statuses {
		var v Status
		check(string(w), func(b *bytes.Buffer) { w.MarshalGQL(b) }, v.UnmarshalGQL, func() string { return string(v) })
	}
	for _, w := range EntityTypes {
		var v EntityType
		check(string(w), func(b *bytes.Buffer) { w.MarshalGQL(b) }, v.UnmarshalGQL, func() string { return string(v) })
	}
	if EnumName("ArmsTransfer") != "ARMS_TRANSFER" || EnumName("occurred") != "OCCURRED" {
		t.Error("EnumName spelling changed")
	}
	var v EventType
	for _, bad := range []any{"Meeting", "meeting", "", 3, nil} {
		if v.UnmarshalGQL(bad) == nil {
			t.Errorf("UnmarshalGQL(%#v) accepted", bad)
		}
	}
}

// TestStatusOf: the most certain status other than denied; denied only
// when every report denies.
func TestStatusOf(t *testing.T) {
	for _, tc := range []struct {
		in   []Status
		want Status
	}{
		{[]Status{Alleged, Denied}, Alleged},
		{[]Status{Denied, Speculative, Planned}, Planned},
		{[]Status{Reported, Occurred}, Occurred},
		{[]Status{Denied, Denied}, Denied},
		{nil, ""},
	} {
		if got := StatusOf(tc.in); got != tc.want {
			t.Errorf("StatusOf(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
