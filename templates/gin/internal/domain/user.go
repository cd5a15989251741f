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

type User struct {
	ID           int64
	Email        string
	FullName     string
	PasswordHash string
	Role         Role
	CreatedAt    time.Time
}

func (u User) IsAdmin() bool { return u.Role == RoleAdmin }
