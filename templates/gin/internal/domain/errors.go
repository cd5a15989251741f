package domain

// Kind classifies an expected failure; the HTTP layer maps each kind to a status code.
type Kind int

const (
	KindNotFound Kind = iota + 1
	KindConflict
	KindUnauthorized
	KindForbidden
	KindInvalid // a value breaks a rule the API contract cannot express
)

// Error is an expected failure with a message safe to show to clients.
type Error struct {
	Kind    Kind
	Message string
}

func (e *Error) Error() string { return e.Message }

var (
	ErrUserNotFound       = &Error{KindNotFound, "User not found"}
	ErrItemNotFound       = &Error{KindNotFound, "Item not found"}
	ErrEmailTaken         = &Error{KindConflict, "Email already registered"}
	ErrInvalidCredentials = &Error{KindUnauthorized, "Incorrect email or password"}
	ErrInvalidToken       = &Error{KindUnauthorized, "Invalid or expired token"}
	ErrAdminRequired      = &Error{KindForbidden, "Administrator role required"}
	ErrPasswordTooLong    = &Error{KindInvalid, "password must be at most 72 bytes in UTF-8"}
)
