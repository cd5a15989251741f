"""Django's error views (config.urls handler404/handler500) in the one error format."""

from django.http import HttpRequest, JsonResponse

from apps.core.exceptions import error_body


def not_found(request: HttpRequest, exception: Exception) -> JsonResponse:
    return JsonResponse(error_body(404, "Not found"), status=404)


def server_error(request: HttpRequest) -> JsonResponse:
    # Details stay in the log (django.request logs the traceback); the client gets the request id to quote.
    return JsonResponse(error_body(500, "Internal server error"), status=500)
