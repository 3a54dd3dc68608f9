"""The error pages: an address or request that cannot be read (400), a body too large (413),
no permission (403), nothing there (404) and a server fault (500). Under ``/api/`` each is JSON
in the API's error shape; elsewhere, a page that says what happened and what to do."""

from django.http import JsonResponse
from django.shortcuts import render


def _api(request):
    return request.path.startswith("/api/")


def page_not_found(request, exception):
    if _api(request):
        return JsonResponse(
            {
                "detail": "There is nothing at this address. The API's resources are listed "
                "at /api/v1/."
            },
            status=404,
        )
    return render(
        request,
        "404.html",
        {"breadcrumbs": [{"href": "/", "text": "Home"}]},
        status=404,
    )


def bad_request(request, exception=None):
    """A request that cannot be read (e.g. a NUL byte in its address): a 400 that says so."""
    message = "The address or the request could not be read. Check it and try again."
    if _api(request):
        return JsonResponse({"detail": message}, status=400)
    return render(request, "400.html", {"message": message}, status=400)


def too_large(request, limit):
    """A body larger than the registry accepts: a 413 that gives the limit."""
    message = f"The request body is larger than {limit} bytes, the most the registry accepts."
    if _api(request):
        return JsonResponse({"detail": message}, status=413)
    return render(request, "400.html", {"message": message}, status=413)


def permission_denied(request, exception=None):
    if _api(request):
        return JsonResponse({"detail": "You may not do that."}, status=403)
    return render(request, "403.html", status=403)


def server_error(request):
    # No database, no request context: the error may be the database itself.
    if _api(request):
        return JsonResponse(
            {"detail": "Something went wrong on our side. Try again later."}, status=500
        )
    return render(request, "500.html", status=500)
