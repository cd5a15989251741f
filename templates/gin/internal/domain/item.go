package domain

import "time"

type Item struct {
	ID          int64
	Name        string
	Description string
	PriceCents  int64
	OwnerID     int64
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// ItemChanges is a partial update: nil fields stay as they are.
type ItemChanges struct {
	Name        *string
	Description *string
	PriceCents  *int64
}

// Apply returns the item with the changes made.
func (c ItemChanges) Apply(item Item) Item {
	if c.Name != nil {
		item.Name = *c.Name
	}
	if c.Description != nil {
		item.Description = *c.Description
	}
	if c.PriceCents != nil {
		item.PriceCents = *c.PriceCents
	}
	return item
}
