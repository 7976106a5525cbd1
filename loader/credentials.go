package loader

import (
	"slices"

	"github.com/geokg/geokg/model"
)

// Credentials (EV-HOST-11): a head of state "received the credentials of
// the new ambassadors of A, X, B, Y", "accredited the ambassadors of A,
// X and B, Y": the host receives each envoy in audience, one meeting per
// envoy (with the envoy's state), as state agencies report the ceremony.
// An envoy named with no state beside him ("received the credentials of
// X") is met alone; states with no envoy named ("ambassadors from A, B
// and C") are met each.

// credentials reads the clause when its trigger at c.k opens a
// credentials phrase; false leaves the clause to the other readers.
func (k *meetingKind) credentials(d *doc, c *clause, ev *event) bool {
	start := -1
	if c.tr.has(senseCredentials) {
		start = c.k + 1
	} else {
		// "received the credentials of", "received letters of credence from"
		for j := c.k + 1; j < c.end && j <= c.k+4; j++ {
			if k.Credentials[c.toks[j].norm] {
				start = j + 1
				break
			}
			if !c.toks[j].word {
				break
			}
		}
	}
	if start < 0 {
		return false
	}
	host := d.subject(c, c.k)
	if host == nil {
		return false
	}
	hostState := d.stateOf(host)
	var meetings [][]*entity
	var pending *entity // a state named before its envoy
	personFirst := false
	first := true
	for j := start; j < c.end; j++ {
		m := d.mentionAt(c.si, j)
		if m == nil {
			continue
		}
		j = m.tj - 1
		e := d.actor(c.si, m)
		if e == nil || e == host || e == hostState {
			continue
		}
		switch e.typ {
		case model.Person:
			if first {
				personFirst = true
			}
			var state *entity
			if !personFirst && pending != nil {
				state, pending = pending, nil
			}
			meetings = append(meetings, withState(host, e, state))
		case model.Country:
			if personFirst && len(meetings) > 0 && len(meetings[len(meetings)-1]) == 2 {
				// "X of A, Y of B": the state named after its envoy
				last := meetings[len(meetings)-1]
				meetings[len(meetings)-1] = append(last, e)
				break
			}
			if pending != nil {
				meetings = append(meetings, []*entity{host, pending}) // "ambassadors from A, B"
			}
			pending = e
		}
		first = false
	}
	if pending != nil {
		meetings = append(meetings, []*entity{host, pending})
	}
	if len(meetings) == 0 {
		return false
	}
	for i, p := range meetings {
		if len(p) == 2 && p[1].typ == model.Person {
			meetings[i] = withState(host, p[1], d.stateOf(p[1]))
		}
	}
	ev.participants = meetings[0]
	for _, p := range meetings[1:] {
		ev.also = append(ev.also, &event{typ: ev.typ, participants: p})
	}
	return true
}

// withState lists a host, an envoy and the envoy's state (when known).
func withState(host, envoy, state *entity) []*entity {
	if state == nil || state == envoy {
		return []*entity{host, envoy}
	}
	return []*entity{host, envoy, state}
}

// calledOn: "X called on President Y", "called on Sir Y, Governor-General
// of Z, at Government House": a person right after "on" (past titles) is
// whom X went to see (EV-HOST-13). "called on Russia to withdraw",
// "called on Y to resign" urge: a state or body after "on", or an
// infinitive after the person, is no meeting.
func (k *meetingKind) calledOn(d *doc, c *clause) bool {
	on := c.tr.thenEnd(c.toks, c.k)
	if on < 0 {
		return false
	}
	p := d.personAfter(c.si, on, 6)
	if p == nil || d.subject(c, c.k) == nil || d.subject(c, c.k).typ != model.Person {
		return false
	}
	toks := d.sents[c.si].tokens
	for j := on; j < len(toks); j++ {
		if gram.Infinitive[toks[j].norm] && j+1 < len(toks) && toks[j+1].word && !toks[j+1].cap {
			return false // "called on Y to step down"
		}
	}
	return true
}

// discussed reads "A and B discussed X", "A discussed X with B", "A
// exchanged views with B" (EV-MULTI-16): the people who discuss are the
// subjects and those after "with"; what they discuss ("discussed Syria",
// "relations between Nepal and India") is a topic, never a party. Talks
// by phone or video anywhere in the clause are no meeting, and fewer than
// two people none.
func (k *meetingKind) discussed(d *doc, c *clause, ev *event) bool {
	toks := d.sents[c.si].tokens
	for j := range toks {
		if k.Remote[toks[j].norm] || k.RemoteTalk[toks[j].norm] && !k.Courtesy[c.norm(j-1)] {
			return false
		}
	}
	var people []*entity
	for _, s := range d.subjects(c, c.k) {
		if s.typ == model.Person {
			people = append(people, s)
		}
	}
	if len(people) == 1 {
		// "Brazil's minister A and Egypt's minister B discussed": the
		// people before the verb, joined by "and".
		var before []*entity
		joined := false
		for j := c.start; j < c.k; j++ {
			if m := d.mentionAt(c.si, j); m != nil {
				if m.ent.typ == model.Person {
					before = append(before, m.ent)
				}
				j = m.tj - 1
				continue
			}
			joined = joined || len(before) > 0 && gram.Coordinators[c.toks[j].norm]
		}
		if joined && slices.Contains(before, people[0]) {
			people = before
		}
	}
	for j := c.k + 1; j < c.end; j++ {
		if gram.Comitative[c.toks[j].norm] {
			if p := d.personAfter(c.si, j+1, 6); p != nil {
				people = append(people, p)
			}
		}
	}
	people = uniqueEntities(people)
	if len(people) < 2 || d.domestic(people) {
		return false
	}
	// "The two leaders discussed Taiwan", "They discussed trade" retell
	// talks or a call told before: only people the clause names count.
	for _, p := range people {
		named := false
		for j := c.start; j < c.end && !named; j++ {
			if m := d.mentionAt(c.si, j); m != nil && m.ent == p && m.how != byNominal {
				named = true
			}
		}
		if !named {
			return false
		}
	}
	ev.participants = people
	return true
}

// presented reads the envoy's side of the ceremony: "X, Ambassador of
// the United States, and the envoys of Qatar and Monaco presented their
// credentials to President Y" (EV-HOST-11): the person after "to" is the
// host; each envoy named as subject, and each state whose envoy is not
// named, meets the host. Anything presented but credentials is no meeting.
func (k *meetingKind) presented(d *doc, c *clause, ev *event) bool {
	to := -1
	for j := c.k + 1; j < c.end && j <= c.k+4; j++ {
		if k.Credentials[c.toks[j].norm] {
			if gram.Infinitive[c.norm(j+1)] {
				to = j + 2
			}
			break
		}
	}
	if to < 0 {
		return false
	}
	host := d.personAfter(c.si, to, 6)
	if host == nil {
		return false
	}
	var meetings [][]*entity
	states := map[string]bool{}
	var countries []*entity
	for j := c.start; j < c.k; j++ {
		m := d.mentionAt(c.si, j)
		if m == nil {
			continue
		}
		j = m.tj - 1
		switch e := d.actor(c.si, m); {
		case e == nil || e == host:
		case e.typ == model.Person:
			s := d.stateOf(e)
			if s == e {
				s = nil
			}
			meetings = append(meetings, withState(host, e, s))
			if s != nil {
				states[s.iso3] = true
			}
		case e.typ == model.Country && m.how != byDemonym:
			if n := len(meetings); n > 0 && len(meetings[n-1]) == 2 && len(countries) == 0 && !states[e.iso3] {
				// "X, Ambassador of the United States,": the envoy's state
				meetings[n-1] = append(meetings[n-1], e)
				states[e.iso3] = true
				break
			}
			countries = append(countries, e)
		}
	}
	for _, cn := range countries {
		if !states[cn.iso3] && cn.iso3 != host.country {
			meetings = append(meetings, []*entity{host, cn})
			states[cn.iso3] = true
		}
	}
	if len(meetings) == 0 {
		return false
	}
	ev.participants = meetings[0]
	for _, p := range meetings[1:] {
		ev.also = append(ev.also, &event{typ: ev.typ, participants: p})
	}
	return true
}
