package domain

// Page selects a slice of a list: at most Limit rows after skipping Offset.
type Page struct {
	Limit  int
	Offset int
}

// List is one page of rows and the number of rows across all pages.
type List[T any] struct {
	Rows  []T
	Total int
}
