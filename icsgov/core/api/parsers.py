"""The API's JSON parser: any body it cannot read is a 400 in the API's error format, never a
500 — nested too deeply for the parser, not UTF-8, or larger than the registry accepts."""

import json

from django.conf import settings
from rest_framework import exceptions
from rest_framework.parsers import JSONParser


class RequestTooLarge(exceptions.APIException):
    status_code = 413
    default_detail = "The request body is too large."
    default_code = "too_large"


class StrictJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        limit = getattr(settings, "DATA_UPLOAD_MAX_MEMORY_SIZE", None) or 2_621_440
        raw = stream.read(limit + 1) if stream is not None else b""
        if len(raw) > limit:
            raise RequestTooLarge(f"The request body is larger than {limit} bytes.")
        try:
            return json.loads(raw.decode("utf-8"))
        except RecursionError:
            raise exceptions.ParseError("The JSON is nested too deeply to read.") from None
        except (UnicodeDecodeError, ValueError) as error:
            raise exceptions.ParseError(f"The request body is not valid JSON: {error}") from None
