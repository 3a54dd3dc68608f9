"""The page query budgets' fixture: ``count_queries(url)``, the queries one GET makes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext


@pytest.fixture
def count_queries(client):
    """Number of queries a GET of ``url`` makes (asserting it succeeds)."""

    def count(url):
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, url
        return len(ctx.captured_queries)

    return count
