"""The bare baseline: Django running the same paginated query as the generated service, on the same driver
(psycopg 3) and the same connection reuse (CONN_MAX_AGE), with no middleware, no DRF, no auth and no logging.

Served by gunicorn with the generated service's worker settings: `gunicorn bare:application --pythonpath <here>`.
"""

import os

import django
import environ
from django.conf import settings
from django.urls import path

database = environ.Env().db_url_config(os.environ["DATABASE_URL"])
database.update(CONN_MAX_AGE=60, CONN_HEALTH_CHECKS=True)
settings.configure(
    DEBUG=False,
    SECRET_KEY=os.environ["DJANGO_SECRET_KEY"],
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    DATABASES={"default": database},
    USE_TZ=True,
    LOGGING_CONFIG=None,
)
django.setup()

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import HttpRequest, JsonResponse  # noqa: E402

OWNER = int(os.environ["BARE_OWNER_ID"])
COLUMNS = ("id", "name", "description", "price_cents", "owner_id", "created_at", "updated_at")
# What the ORM sends for the generated selector and paginator: one page, then the count.
ROWS = (
    'SELECT "items_item"."id", "items_item"."name", "items_item"."description", "items_item"."price_cents",'
    ' "items_item"."owner_id", "items_item"."created_at", "items_item"."updated_at" FROM "items_item"'
    ' WHERE "items_item"."owner_id" = %s ORDER BY "items_item"."id" ASC LIMIT %s OFFSET %s'
)
TOTAL = 'SELECT COUNT(*) AS "__count" FROM "items_item" WHERE "items_item"."owner_id" = %s'


def items(request: HttpRequest) -> JsonResponse:
    limit, offset = int(request.GET.get("limit", 20)), int(request.GET.get("offset", 0))
    with connection.cursor() as cursor:
        cursor.execute(ROWS, [OWNER, limit, offset])
        rows = [dict(zip(COLUMNS, row, strict=True)) for row in cursor.fetchall()]
        cursor.execute(TOTAL, [OWNER])
        total = cursor.fetchone()[0]
    return JsonResponse({"items": rows, "total": total, "limit": limit, "offset": offset})


urlpatterns = [path("api/v1/items", items)]
application = get_wsgi_application()
