package graph

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/geokg/geokg/model"
	"github.com/geokg/geokg/web"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// GraphQL over HTTP, as the GraphQL-over-HTTP draft specifies it
// (graphql.github.io/graphql-over-http/draft), with its SHOULDs:
//
//   - The answer's media type follows Accept: application/graphql-response+json
//     when asked for or when there is no Accept header; application/json when
//     asked for, or for */* and application/* (what curl and most legacy
//     clients send); 406 when neither is acceptable.
//   - application/json: 200 for every well-formed request, also when the
//     document does not parse or validate or its variables do not coerce.
//   - application/graphql-response+json: 400 for those request errors, and
//     no data entry.
//   - Not a well-formed request (bad JSON, a batch, wrong parameter types,
//     no query): 400 in both. A body over the limit: 413. POST without a
//     JSON Content-Type: 415. A mutation over GET: 405. Other methods: 405.
//   - Error messages never echo a request back: at most a short prefix of
//     the client's input, and at most maxErrors errors.
//
// gqlgen's own transports differ on several of these (422 for validation
// errors under application/json, 406 for mutations over GET, the whole
// body echoed in a JSON error), hence this one.

// Media types of answers.
const (
	mediaGraphQL = "application/graphql-response+json"
	mediaJSON    = "application/json"
)

// Error codes of requests that are not well-formed GraphQL-over-HTTP
// requests, with their HTTP status.
const (
	ErrBadRequest       = model.EINVALID           // 400: not JSON, a batch, wrong parameter types
	ErrTooLarge         = "REQUEST_TOO_LARGE"      // 413
	ErrMediaType        = "UNSUPPORTED_MEDIA_TYPE" // 415
	ErrNotAcceptable    = "NOT_ACCEPTABLE"         // 406
	ErrMethodNotAllowed = "METHOD_NOT_ALLOWED"     // 405
)

// maxErrors is the most errors one answer lists.
const maxErrors = 20

// httpTransport is the GraphQL-over-HTTP transport: GET and POST with JSON.
type httpTransport struct{ maxBody int64 }

var _ graphql.Transport = httpTransport{}

// Supports takes every request but WebSocket upgrades, so that a request
// of the wrong method or media type gets the right status from Do.
func (httpTransport) Supports(r *http.Request) bool { return r.Header.Get("Upgrade") == "" }

// answer is a GraphQL response; data is left out when the request did not
// execute (request errors).
type answer struct {
	Errors     gqlerror.List   `json:"errors,omitempty"`
	Data       json.RawMessage `json:"data,omitempty"`
	Extensions map[string]any  `json:"extensions,omitempty"`
}

// json is the answer as json.Marshal writes it.
func (a *answer) json() ([]byte, error) {
	parts, err := a.parts()
	return bytes.Join(parts, nil), err
}

// parts are the pieces of the answer's JSON, as json.Marshal writes it. The
// data is gqlgen's, compact JSON already, and is spliced in as it is, with
// only the escapes that json.Marshal adds: marshalling it again, or copying
// it into one buffer, would read and copy every byte of a large answer
// again (6 % of the CPU of a 75 KB one).
func (a *answer) parts() ([][]byte, error) {
	out := make([][]byte, 0, 8)
	sep := "{"
	if len(a.Errors) > 0 {
		e, err := json.Marshal(a.Errors)
		if err != nil {
			return nil, err
		}
		out = append(out, []byte(sep+`"errors":`), e)
		sep = ","
	}
	if len(a.Data) > 0 {
		data := []byte(a.Data)
		if htmlUnsafe(data) {
			data = []byte(htmlEscaper.Replace(string(data)))
		}
		out = append(out, []byte(sep+`"data":`), data)
		sep = ","
	}
	if len(a.Extensions) > 0 {
		x, err := json.Marshal(a.Extensions)
		if err != nil {
			return nil, err
		}
		out = append(out, []byte(sep+`"extensions":`), x)
	}
	if len(out) == 0 {
		return [][]byte{[]byte("{}")}, nil
	}
	return append(out, []byte("}")), nil
}

// htmlUnsafe tells whether JSON text holds a character that json.Marshal
// escapes and gqlgen does not: <, >, &, U+2028 or U+2029 (E2 80 A8/A9 in
// UTF-8). bytes.IndexByte scans many bytes per step, where a loop over the
// bytes of a large answer cost 5 % of its CPU; news text has many E2s
// (quotes, dashes), each looked at.
func htmlUnsafe(b []byte) bool {
	if bytes.IndexByte(b, '<') >= 0 || bytes.IndexByte(b, '>') >= 0 || bytes.IndexByte(b, '&') >= 0 {
		return true
	}
	for i := 0; ; {
		j := bytes.IndexByte(b[i:], 0xE2)
		if j < 0 {
			return false
		}
		i += j
		if i+2 < len(b) && b[i+1] == 0x80 && (b[i+2] == 0xA8 || b[i+2] == 0xA9) {
			return true
		}
		i++
	}
}

// htmlEscaper escapes what json.Marshal escapes in strings (these
// characters occur in JSON only inside strings).
var htmlEscaper = strings.NewReplacer("<", `\u003c`, ">", `\u003e`, "&", `\u0026`, "\u2028", `\u2028`, "\u2029", `\u2029`)

func (t httpTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	ctx := r.Context()
	media, ok := negotiate(r.Header.Values("Accept"))
	if !ok {
		t.fail(w, r, mediaJSON, http.StatusNotAcceptable, ErrNotAcceptable,
			"the answer can be application/graphql-response+json or application/json; the Accept header allows neither")
		return
	}
	var (
		params *graphql.RawParams
		status int
		code   string
		err    error
	)
	switch r.Method {
	case http.MethodPost:
		params, status, code, err = t.readPost(w, r)
	case http.MethodGet:
		params, status, code, err = readGet(r)
	default:
		w.Header().Set("Allow", "GET, POST, OPTIONS")
		t.fail(w, r, media, http.StatusMethodNotAllowed, ErrMethodNotAllowed, "use POST (or GET for queries)")
		return
	}
	if err != nil {
		t.fail(w, r, media, status, code, err.Error())
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: graphql.Now(), End: graphql.Now()}

	opCtx, errs := exec.CreateOperationContext(ctx, params)
	if opCtx != nil && opCtx.Operation != nil {
		web.SetOperation(ctx, operationName(opCtx.Operation))
	}
	if errs != nil {
		// A request error: the document does not parse or validate, the
		// operation is not there, the variables do not coerce, a limit.
		resp := exec.DispatchError(graphql.WithOperationContext(ctx, opCtx), errs)
		status := http.StatusOK
		if media == mediaGraphQL {
			status = http.StatusBadRequest
		}
		t.write(w, r, media, status, &answer{Errors: resp.Errors, Extensions: resp.Extensions})
		return
	}
	if r.Method == http.MethodGet && opCtx.Operation.Operation != ast.Query {
		w.Header().Set("Allow", "POST")
		t.fail(w, r, media, http.StatusMethodNotAllowed, ErrMethodNotAllowed, "a mutation needs POST: GET is only for queries")
		return
	}
	responses, ctx := exec.DispatchOperation(ctx, opCtx)
	resp := responses(ctx)
	out := &answer{Errors: resp.Errors, Data: resp.Data, Extensions: resp.Extensions}
	status = http.StatusOK
	if len(out.Data) == 0 && media == mediaGraphQL {
		// No data at all: the operation could not run (the deadline passed first).
		out.Data = nil
		status = http.StatusServiceUnavailable
		if len(resp.Errors) > 0 && resp.Errors[0].Extensions["code"] == model.ETIMEOUT {
			status = http.StatusGatewayTimeout
		}
	} else if len(out.Data) == 0 {
		out.Data = json.RawMessage("null")
	}
	t.write(w, r, media, status, out)
}

// operationName names an operation for logs and metrics: its name, or
// "query"/"mutation" for an anonymous one.
func operationName(op *ast.OperationDefinition) string {
	if op.Name != "" {
		return op.Name
	}
	return string(op.Operation)
}

// readPost reads a POST body: one JSON object, at most maxBody bytes.
func (t httpTransport) readPost(w http.ResponseWriter, r *http.Request) (*graphql.RawParams, int, string, error) {
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		return nil, http.StatusUnsupportedMediaType, ErrMediaType, errors.New("a POST needs Content-Type: application/json")
	}
	if mt, params, err := mime.ParseMediaType(ct); err != nil || mt != mediaJSON {
		return nil, http.StatusUnsupportedMediaType, ErrMediaType, fmt.Errorf("the body must be application/json, not %s", quote(ct))
	} else if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
		return nil, http.StatusUnsupportedMediaType, ErrMediaType, fmt.Errorf("the body must be UTF-8, not %s", quote(cs))
	}
	tooLarge := fmt.Errorf("the body is larger than %d bytes", t.maxBody)
	if r.ContentLength > t.maxBody {
		return nil, http.StatusRequestEntityTooLarge, ErrTooLarge, tooLarge
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, t.maxBody))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return nil, http.StatusRequestEntityTooLarge, ErrTooLarge, tooLarge
	case err != nil:
		return nil, http.StatusBadRequest, ErrBadRequest, errors.New("the body could not be read")
	}
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	switch {
	case len(trimmed) == 0:
		return nil, http.StatusBadRequest, ErrBadRequest, errors.New("the body is empty; send {\"query\": \"…\"}")
	case trimmed[0] == '[':
		return nil, http.StatusBadRequest, ErrBadRequest, errors.New("batched requests are not supported: send one operation per request")
	case trimmed[0] != '{':
		return nil, http.StatusBadRequest, ErrBadRequest, fmt.Errorf("the body must be a JSON object {\"query\": \"…\"}, it starts with %s", quote(string(trimmed[:min(len(trimmed), 4*maxQuoted)])))
	}
	var raw struct {
		Query, OperationName, Variables, Extensions json.RawMessage
	}
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	if err := dec.Decode(&raw); err != nil {
		return nil, http.StatusBadRequest, ErrBadRequest, fmt.Errorf("the body is not valid JSON: %s", jsonError(err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, http.StatusBadRequest, ErrBadRequest, errors.New("the body holds more than one JSON value")
	}
	p := &graphql.RawParams{}
	if err := decodeParam("query", raw.Query, &p.Query); err != nil {
		return nil, http.StatusBadRequest, ErrBadRequest, err
	}
	if err := decodeParam("operationName", raw.OperationName, &p.OperationName); err != nil {
		return nil, http.StatusBadRequest, ErrBadRequest, err
	}
	if err := decodeParam("variables", raw.Variables, &p.Variables); err != nil {
		return nil, http.StatusBadRequest, ErrBadRequest, err
	}
	if err := decodeParam("extensions", raw.Extensions, &p.Extensions); err != nil {
		return nil, http.StatusBadRequest, ErrBadRequest, err
	}
	if err := needQuery(p); err != nil {
		return nil, http.StatusBadRequest, ErrBadRequest, err
	}
	return p, 0, "", nil
}

// readGet reads the parameters of a GET from the URL's query.
func readGet(r *http.Request) (*graphql.RawParams, int, string, error) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, http.StatusBadRequest, ErrBadRequest, errors.New("the URL's query is not valid")
	}
	p := &graphql.RawParams{Query: q.Get("query"), OperationName: q.Get("operationName")}
	for name, dst := range map[string]*map[string]any{"variables": &p.Variables, "extensions": &p.Extensions} {
		if v := q.Get(name); v != "" {
			if err := decodeParam(name, json.RawMessage(v), dst); err != nil {
				return nil, http.StatusBadRequest, ErrBadRequest, err
			}
		}
	}
	if err := needQuery(p); err != nil {
		return nil, http.StatusBadRequest, ErrBadRequest, err
	}
	return p, 0, "", nil
}

// decodeParam decodes one request parameter; null is the same as absent,
// and a value of the wrong type makes the request malformed. Numbers stay
// json.Number, as gqlgen's variable coercion expects.
func decodeParam[T any](name string, raw json.RawMessage, dst *T) error {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(dst); err != nil {
		var want string
		switch any(dst).(type) {
		case *string:
			want = "a string"
		default:
			want = "a JSON object"
		}
		return fmt.Errorf("%s must be %s", name, want)
	}
	return nil
}

// needQuery: a request without a query is malformed, unless it names a
// persisted query by its hash.
func needQuery(p *graphql.RawParams) error {
	if p.Query == "" && p.Extensions["persistedQuery"] == nil {
		return errors.New(`the request has no query: send {"query": "…"}`)
	}
	return nil
}

// jsonError describes a JSON syntax error without quoting the input.
func jsonError(err error) string {
	var syntax *json.SyntaxError
	if errors.As(err, &syntax) {
		return fmt.Sprintf("%s (at byte %d)", syntax.Error(), syntax.Offset)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return "it ends too early"
	}
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		return fmt.Sprintf("%s must not be a JSON %s", typ.Field, typ.Value)
	}
	return err.Error()
}

// negotiate picks the answer's media type from the Accept headers: the
// acceptable type of highest quality; application/graphql-response+json
// when there is no Accept header (the spec's default since 2025), and
// application/json for */* and application/* (legacy clients). ok is false
// when neither type is acceptable.
func negotiate(accept []string) (media string, ok bool) {
	if len(accept) == 0 || strings.TrimSpace(strings.Join(accept, "")) == "" {
		return mediaGraphQL, true
	}
	type choice struct {
		media string
		q     float64
		order int
	}
	var choices []choice
	for _, header := range accept {
		for part := range strings.SplitSeq(header, ",") {
			mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
			if err != nil {
				continue
			}
			q := 1.0
			if v, ok := params["q"]; ok {
				if f, err := strconv.ParseFloat(v, 64); err == nil {
					q = f
				}
			}
			if q <= 0 {
				continue
			}
			switch mt {
			case mediaGraphQL, mediaJSON:
				choices = append(choices, choice{mt, q, len(choices)})
			case "*/*", "application/*":
				// Listed after exact types of the same quality.
				choices = append(choices, choice{mediaJSON, q - 1e-6, len(choices)})
			}
		}
	}
	if len(choices) == 0 {
		return "", false
	}
	sort.SliceStable(choices, func(i, j int) bool { return choices[i].q > choices[j].q })
	return choices[0].media, true
}

// fail answers a request that was not executed, without data.
func (t httpTransport) fail(w http.ResponseWriter, r *http.Request, media string, status int, code, message string) {
	gerr := &gqlerror.Error{Message: message, Extensions: map[string]any{"code": code}}
	t.write(w, r, media, status, &answer{Errors: gqlerror.List{gerr}})
}

// write writes an answer in the negotiated media type.
func (httpTransport) write(w http.ResponseWriter, r *http.Request, media string, status int, a *answer) {
	if n := len(a.Errors); n > maxErrors {
		more := gqlerror.Errorf("… and %d more errors", n-maxErrors+1)
		more.Extensions = a.Errors[maxErrors-1].Extensions
		a.Errors = append(a.Errors[:maxErrors-1:maxErrors-1], more)
	}
	for _, e := range a.Errors {
		if code, ok := e.Extensions["code"].(string); ok {
			web.NoteError(r.Context(), code)
		}
	}
	parts, err := a.parts()
	if err != nil {
		status = http.StatusInternalServerError
		parts = [][]byte{[]byte(`{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL"}}]}`)}
	}
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(n))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	for _, p := range parts {
		if _, err := w.Write(p); err != nil {
			return
		}
	}
	// Sent now, not after the handlers around this one (the access log)
	// return: the client waits for the end of the answer, not for them.
	_ = http.NewResponseController(w).Flush()
}
