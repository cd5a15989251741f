// Package domain holds the entities of the service and the errors its rules can produce.
// It depends on nothing else in the module.
package domain

import "time"

// Role decides what a user may do; admins manage users and see every item.
type Role string

const (
	RoleUser  Role = "user"
	RoleAdmin Role = "admin"
)

// Known reports whether r is one of the roles above.
func (r Role) Known() bool { return r == RoleUser || r == RoleAdmin }

type User struct {
	ID           int64
	Email        string
	FullName     string
	PasswordHash string
	Role         Role
	CreatedAt    time.Time
}

// Principal is who makes a request, as their access token names them: authorization needs nothing else.
type Principal struct {
	ID   int64
	Role Role
}

func (p Principal) IsAdmin() bool { return p.Role == RoleAdmin }
