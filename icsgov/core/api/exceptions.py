from rest_framework.views import exception_handler as drf_exception_handler


def _first_message(data):
    if isinstance(data, dict):
        for key, value in data.items():
            message = _first_message(value)
            if message:
                return message if key == "non_field_errors" else f"{key}: {message}"
    elif isinstance(data, list):
        for value in data:
            message = _first_message(value)
            if message:
                return message
    elif data:
        return str(data)
    return ""


def exception_handler(exc, context):
    """Every error is ``{"detail": <a sentence a person can act on>, "errors": {field: [..]}}``;
    DRF gives field errors without a ``detail``, so one is made from the first of them."""
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    data = response.data
    if isinstance(data, dict) and "detail" in data:
        return response
    response.data = {"detail": _first_message(data) or "Invalid request.", "errors": data}
    return response
