// Package db embeds the SQL migrations, so the binary carries its schema.
package db

import "embed"

// Migrations holds migrations/*.sql, applied in order by goose.
//
//go:embed migrations/*.sql
var Migrations embed.FS
