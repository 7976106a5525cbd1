package neo4j

import (
	"slices"
	"testing"

	"github.com/geokg/geokg/model"
)

// TestProbesSymmetric: whether two reports can match does not depend on
// which is loaded first: b's keys are among a's probes exactly when a's
// are among b's.
func TestProbesSymmetric(t *testing.T) {
	anchors := []string{"2024-05-13", "2024-05-16", "2024-05-17", "2024-05-10", "2024-05-31", "2024-06-01", "2024-06-03",
		"2024-05", "2024-06", "2023-12-30", "2024-01-02", ""}
	rep := func(anchor string) *report {
		return &report{typ: model.Meeting, sides: []string{"country:AAA", "country:BBB"}, anchor: anchor}
	}
	finds := func(a, b *report) bool {
		for _, k := range b.keys() {
			if slices.Contains(a.probes(), k) {
				return true
			}
		}
		return false
	}
	for _, x := range anchors {
		for _, y := range anchors {
			a, b := rep(x), rep(y)
			if finds(a, b) != finds(b, a) {
				t.Errorf("%q finds %q: %v, but %q finds %q: %v", x, y, finds(a, b), y, x, finds(b, a))
			}
		}
	}
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"2024-05-13", "2024-05-16", true}, {"2024-05-13", "2024-05-17", false}, {"2024-05-31", "2024-06-03", true},
		{"2024-05", "2024-05-31", true}, {"2024-05", "2024-06-01", false}, {"2024-05", "2024-05", true},
		{"2023-12-30", "2024-01-02", true}, {"", "", false}, {"", "2024-05-13", false},
	} {
		if got := finds(rep(tc.a), rep(tc.b)); got != tc.want {
			t.Errorf("%q finds %q: %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestCompatible: the principal actors must agree.
func TestCompatible(t *testing.T) {
	r := func(sides, persons []string, sup, rec string) *report {
		return &report{sides: sides, persons: persons, supplier: sup, recipient: rec, anchor: "2024-05-13"}
	}
	c := func(x *report) candidate { return x.candidate(x.anchor) }
	ab, abc, ac := []string{"A", "B"}, []string{"A", "B", "C"}, []string{"A", "C"}
	for _, tc := range []struct {
		name string
		a, b *report
		want bool
	}{
		{"same sides", r(ab, nil, "", ""), r(ab, nil, "", ""), true},
		{"one more side", r(ab, nil, "", ""), r(abc, nil, "", ""), true},
		{"one side shared of two", r(ab, nil, "", ""), r(ac, nil, "", ""), false},
		{"a one-sided event", r([]string{"A"}, nil, "", ""), r([]string{"A"}, nil, "", ""), true},
		{"one side against two", r([]string{"A"}, nil, "", ""), r(ab, nil, "", ""), true},
		{"same people", r(ab, []string{"p"}, "", ""), r(ab, []string{"p", "q"}, "", ""), true},
		{"other people", r(ab, []string{"p"}, "", ""), r(ab, []string{"q"}, "", ""), false},
		{"people on one side only", r(ab, []string{"p"}, "", ""), r(ab, nil, "", ""), true},
		{"same direction", r(ab, nil, "A", "B"), r(ab, nil, "A", "B"), true},
		{"opposite direction", r(ab, nil, "A", "B"), r(ab, nil, "B", "A"), false},
		{"direction on one side only", r(ab, nil, "A", "B"), r(ab, nil, "", ""), true},
	} {
		_, ok := compatible(tc.a, c(tc.b))
		_, back := compatible(tc.b, c(tc.a))
		if ok != tc.want || back != tc.want {
			t.Errorf("%s: compatible %v / %v, want %v", tc.name, ok, back, tc.want)
		}
	}
}
