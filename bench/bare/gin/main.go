// Command bare is the baseline: gin running the same paginated queries as the generated service's repository,
// on the same pgx pool (pgxpool.New defaults), with no middleware, no auth, no validation and no logging.
// The benchmark copies it into the generated project as cmd/bare and builds it with that project's go.mod.
package main

import (
	"context"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5/pgxpool"
)

const where = ` FROM items WHERE ($1 = 0 OR owner_id = $1)`

type item struct {
	ID          int64     `json:"id"`
	Name        string    `json:"name"`
	Description string    `json:"description"`
	PriceCents  int64     `json:"price_cents"`
	OwnerID     int64     `json:"owner_id"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
}

func main() {
	pool, err := pgxpool.New(context.Background(), os.Getenv("DATABASE_URL"))
	if err != nil {
		panic(err)
	}
	owner, _ := strconv.ParseInt(os.Getenv("BARE_OWNER_ID"), 10, 64)
	gin.SetMode(gin.ReleaseMode)
	router := gin.New()
	router.GET("/api/v1/items", func(c *gin.Context) {
		limit, _ := strconv.Atoi(c.DefaultQuery("limit", "20"))
		offset, _ := strconv.Atoi(c.DefaultQuery("offset", "0"))
		ctx := c.Request.Context()
		var total int64
		if err := pool.QueryRow(ctx, `SELECT count(*)`+where, owner).Scan(&total); err != nil {
			c.AbortWithStatus(http.StatusInternalServerError)
			return
		}
		rows, err := pool.Query(ctx, `SELECT id, name, description, price_cents, owner_id, created_at, updated_at`+
			where+` ORDER BY id DESC LIMIT $2 OFFSET $3`, owner, limit, offset)
		if err != nil {
			c.AbortWithStatus(http.StatusInternalServerError)
			return
		}
		defer rows.Close()
		items := []item{}
		for rows.Next() {
			var it item
			if err := rows.Scan(&it.ID, &it.Name, &it.Description, &it.PriceCents, &it.OwnerID, &it.CreatedAt,
				&it.UpdatedAt); err != nil {
				c.AbortWithStatus(http.StatusInternalServerError)
				return
			}
			items = append(items, it)
		}
		c.JSON(http.StatusOK, gin.H{"items": items, "total": total, "limit": limit, "offset": offset})
	})
	if err := http.ListenAndServe("127.0.0.1:"+os.Getenv("PORT"), router); err != nil {
		panic(err)
	}
}
