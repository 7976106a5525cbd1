package model

import (
	"context"
	"errors"
	"fmt"
)

// Error codes. Each transport translates them once: the CLI into exit
// messages, GraphQL into extensions.code.
const (
	EINVALID      = "INVALID"      // bad input: a malformed article, a bad argument
	ENOTFOUND     = "NOT_FOUND"    // the thing asked for does not exist
	EUNAUTHORIZED = "UNAUTHORIZED" // missing or wrong credentials
	EUNAVAILABLE  = "UNAVAILABLE"  // a dependency (Neo4j) cannot be reached
	ETIMEOUT      = "TIMEOUT"      // the request ran out of time
	EINTERNAL     = "INTERNAL"     // a bug or an unexpected failure; details only in logs
)

// Error is an application error whose Message is safe to show to users.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Code, e.Message) }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	case errors.Is(err, context.DeadlineExceeded):
		return ETIMEOUT
	default:
		return EINTERNAL
	}
}

// ErrorMessage returns the user-facing message of err: the Message of its
// *Error, or a generic text for internal errors, whose details stay in logs.
func ErrorMessage(err error) string {
	var e *Error
	switch {
	case errors.As(err, &e):
		return e.Message
	case errors.Is(err, context.DeadlineExceeded):
		return "the request took too long"
	default:
		return "internal error"
	}
}
