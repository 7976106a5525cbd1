package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/geokg/geokg/model"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// TestErrorPresenter: application errors keep their code and message,
// request errors their message, and anything else becomes INTERNAL with
// its details in the log only.
func TestErrorPresenter(t *testing.T) {
	var log bytes.Buffer
	present := errorPresenter(slog.New(slog.NewTextHandler(&log, nil)))
	ctx := context.Background()
	for _, tc := range []struct {
		name      string
		err       error
		code, msg string
		logged    bool
	}{
		{"application error", fmt.Errorf("list events: %w", model.Errorf(model.ENOTFOUND, "no entity is named %q", "x")), "NOT_FOUND", `no entity is named "x"`, false},
		{"deadline", fmt.Errorf("read: %w", context.DeadlineExceeded), "TIMEOUT", "the request took too long", false},
		{"request error", gqlerror.Errorf("json request body could not be decoded"), "INVALID", "json request body could not be decoded", false},
		{"internal error", errors.New("bolt://secret-host:7687 refused"), "INTERNAL", "internal error", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			log.Reset()
			got := present(ctx, tc.err)
			if got.Extensions["code"] != tc.code || got.Message != tc.msg {
				t.Errorf("presented as %s %q, want %s %q", got.Extensions["code"], got.Message, tc.code, tc.msg)
			}
			if logged := strings.Contains(log.String(), tc.err.Error()); logged != tc.logged {
				t.Errorf("logged %v, want %v: %s", logged, tc.logged, log.String())
			}
		})
	}
}

// TestDepth counts how deep a query nests, fragments included and
// introspection excluded.
func TestDepth(t *testing.T) {
	schema := NewExecutableSchema(Config{}).Schema()
	for _, tc := range []struct {
		query string
		want  int
	}{
		{`{ entity(name: "x") { name } }`, 2},
		{`{ events { nodes { participants { name } } } }`, 4},
		{`{ a: entity(name: "x") { name } b: events { totalCount } }`, 2},
		{`{ entity(name: "x") { ... on Person { country { name } } } }`, 3},
		{`{ entity(name: "x") { ...F } } fragment F on Entity { events { evidence { text } } }`, 4},
		{`{ __schema { types { fields { type { ofType { ofType { name } } } } } } }`, 0},
	} {
		doc, err := gqlparser.LoadQuery(schema, tc.query)
		if err != nil {
			t.Fatalf("%s: %v", tc.query, err)
		}
		if got := depth(doc.Operations[0].SelectionSet); got != tc.want {
			t.Errorf("depth(%s) = %d, want %d", tc.query, got, tc.want)
		}
	}
}

func TestCursor(t *testing.T) {
	for _, n := range []int{0, 1, 99, 123456} {
		if got, err := decodeCursor(cursor(n)); err != nil || got != n {
			t.Errorf("decodeCursor(cursor(%d)) = %d, %v", n, got, err)
		}
	}
	for _, bad := range []string{"", "abc", cursor(1)[1:], "Z2Vva2c6LTE"} { // the last is geokg:-1
		if _, err := decodeCursor(bad); model.ErrorCode(err) != model.EINVALID {
			t.Errorf("decodeCursor(%q) err = %v, want INVALID", bad, err)
		}
	}
}

// TestEnumsMatchSchema: the schema's enums and the model's vocabularies
// are the same lists, so a value added to one and not the other fails here
// rather than at a client.
func TestEnumsMatchSchema(t *testing.T) {
	src, err := os.ReadFile("../schema.graphqls")
	if err != nil {
		t.Fatal(err)
	}
	schema := gqlparser.MustLoadSchema(&ast.Source{Name: "schema.graphqls", Input: string(src)})
	for name, vocab := range map[string][]string{
		"EntityType": words(model.EntityTypes), "EventType": words(model.EventTypes), "Status": words(model.Statuses),
	} {
		var want, got []string
		for _, w := range vocab {
			want = append(want, model.EnumName(w))
		}
		for _, v := range schema.Types[name].EnumValues {
			got = append(got, v.Name)
		}
		if !slices.Equal(got, want) {
			t.Errorf("enum %s = %v, the model has %v", name, got, want)
		}
	}
}

func words[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// TestAnswerJSON: an answer is written as json.Marshal would write it,
// though its data is spliced in rather than marshalled again.
func TestAnswerJSON(t *testing.T) {
	for _, a := range []answer{
		{},
		{Data: json.RawMessage(`{"entity":null}`)},
		{Data: json.RawMessage("{\"a\":\"x\u2028y\u2029z<\"}")},
		{Data: json.RawMessage(`{"a":"<b> & \"c\" \u2028 \u2029 é","n":[1,2.5,true,null]}`)},
		{Data: json.RawMessage("{\"a\":\"it\u2019s \u2026 \u20ac\"}")},
		{Data: json.RawMessage("{\"a\":\"\u2019\u2029\"}")},
		{Data: json.RawMessage("{\"a\":\"\u201c\u2014\u2019\u2028\"}")},
		{Data: json.RawMessage("{\"a\":\"\u201c\u2014\u2019\"}")},
		{Errors: gqlerror.List{gqlerror.Errorf("bad <x>")}, Data: json.RawMessage(`null`)},
		{Errors: gqlerror.List{{Message: "m", Extensions: map[string]any{"code": "INVALID"}}}},
		{Data: json.RawMessage(`{}`), Extensions: map[string]any{"cost": 3, "note": "a&b"}},
	} {
		want, err := json.Marshal(&a)
		if err != nil {
			t.Fatal(err)
		}
		got, err := a.json()
		if err != nil || string(got) != string(want) {
			t.Errorf("%+v:\n got %s, %v\nwant %s", a, got, err, want)
		}
	}
}

// TestFieldLimitRemembers: a query within the field limit is remembered,
// so that the next request of it is not parsed again; one over the limit
// is refused every time.
func TestFieldLimitRemembers(t *testing.T) {
	ctx := context.Background()
	f := FieldLimit{Max: 3, MaxTokens: 100, Accepted: lru.New[struct{}](10)}
	small, large := `{ a { b } }`, `{ a { b c d } }`
	for range 2 {
		if err := f.MutateOperationParameters(ctx, &graphql.RawParams{Query: small}); err != nil {
			t.Fatalf("%s: %v", small, err)
		}
		if err := f.MutateOperationParameters(ctx, &graphql.RawParams{Query: large}); err == nil || err.Extensions["code"] != ErrFieldLimit {
			t.Fatalf("%s: %v, want %s", large, err, ErrFieldLimit)
		}
	}
	if _, ok := f.Accepted.Get(ctx, small); !ok {
		t.Error("the accepted query is not remembered")
	}
	if _, ok := f.Accepted.Get(ctx, large); ok {
		t.Error("the refused query is remembered")
	}
}
