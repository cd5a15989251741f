"""Path and query parameters the routes share, bounded to what the database can compare with its columns."""

from typing import Annotated

from fastapi import Path, Query

# Ids are `integer` columns on PostgreSQL: it refuses to compare them with a number past 32 bits (an error, not
# "no row"), so such an id is a 422 here.
MAX_ID = 2**31 - 1
# OFFSET takes a `bigint`.
MAX_OFFSET = 2**63 - 1

RowId = Annotated[int, Path(ge=1, le=MAX_ID)]
Limit = Annotated[int, Query(ge=1, le=100)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
