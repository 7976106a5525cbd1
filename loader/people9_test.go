package loader

import (
	"slices"
	"testing"

	"github.com/geokg/geokg/model"
)

// TestPeopleConstructions9 pins the people constructions of issue 7's
// ninth quotes round (docs/constructions.md), each in an example of our own.
func TestPeopleConstructions9(t *testing.T) {
	for _, tc := range []struct {
		id, text string
		want     []string // the people found, by name
	}{
		{"WIRE-CREDIT-4 an inline credit closing a paragraph names no one",
			"“The talks were useful,” Foreign Minister Lena Varga said. (Reporting by Tom Ericsson; editing by Jane Hollis)",
			[]string{"Lena Varga"}},
		{"ENT-11 a title of several words before a name",
			"President Lula met Mercado Bank's Chief Executive Officer Paolo Reyes in Brasilia.",
			[]string{"Luiz Inácio Lula da Silva", "Paolo Reyes"}},
		{"ENT-11 a general manager",
			"The drones were handed over by the firm's General Manager Kemal Ozturk on Friday.",
			[]string{"Kemal Ozturk"}},
		{"ENT-11 a state councillor",
			"Premier Li met State Councillor Chen Haoran in Beijing on Monday.",
			[]string{"Li", "Chen Haoran"}},
		{"ENT-12 a title, a comma and a name ending the sentence",
			"The protocol was signed by Mali's Defence Minister, Sadio Keita.",
			[]string{"Sadio Keita"}},
		{"ENT-13 a family name of two words is the person named in full",
			"Opposition leader Ana Lucia Ruiz Tagle was detained on Monday. Her supporters demanded that Ms. Ruiz Tagle be freed.",
			[]string{"Ana Lucia Ruiz Tagle"}},
		{"ENT-15 a verb after a title in a Title-Case headline starts no name",
			"Nigerian President Makes Historic Chad Visit After Summit\n\nABUJA - Nigeria's President Kofi Mensah left for N'Djamena on Monday.",
			[]string{"Kofi Mensah"}},
		{"ENT-15 a verb inside a Title-Case headline ends the name",
			"President Mensah Meets Amara Kone In Accra\n\nACCRA - Ghana's President Kofi Mensah met Amara Kone on Monday.",
			[]string{"Kofi Mensah", "Amara Kone"}},
		{"ENT-14 a platform's name is no person",
			"Photos of the delivery were posted on the official Telegram channel of the presidency.",
			nil},
	} {
		t.Run(tc.id, func(t *testing.T) {
			checkPeople(t, extract(t, tc.text), tc.want)
		})
	}
}

// checkPeople: the people found are exactly want, by name, in any order.
func checkPeople(t *testing.T, doc *model.Document, want []string) {
	t.Helper()
	var got []string
	for _, e := range doc.Entities {
		if e.Type == model.Person {
			got = append(got, e.Name)
		}
	}
	slices.Sort(got)
	want = slices.Clone(want)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("people = %q, want %q", got, want)
	}
}
