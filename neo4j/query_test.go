package neo4j

import "testing"

// TestLuceneQuery: user text is never Lucene syntax.
func TestLuceneQuery(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Kirby", "kirby kirby*"},
		{"arms  negotiations", "arms negotiations negotiations*"},
		{"U.S. AND (Russia", "u.s. and \\(russia \\(russia*"},
		{"country:RUS", "country\\:rus country\\:rus*"},
		{`"Kim" -Putin~`, `\"kim\" \-putin\~ \-putin\~*`},
		{"a", "a"},
		{" ?! - ", ""},
		{"", ""},
	} {
		if got := luceneQuery(tc.in); got != tc.want {
			t.Errorf("luceneQuery(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
