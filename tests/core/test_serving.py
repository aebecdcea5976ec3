"""The shared health poll: returns on a 200, raises when the server stops or the time runs out."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from explorer.core import serving


class _Health(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
        self.send_response(200 if self.path == serving.HEALTH_PATH else 404)
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def healthy_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Health)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_returns_once_the_health_check_answers(healthy_url):
    serving.wait_healthy(healthy_url, lambda: False, timeout_s=5)


def test_a_server_that_stopped_is_reported_not_waited_for():
    with pytest.raises(RuntimeError, match="stopped before"):
        serving.wait_healthy("http://127.0.0.1:9", lambda: True, timeout_s=60)


def test_no_answer_within_the_time_raises():
    with pytest.raises(RuntimeError, match="did not answer within 0 s"):
        serving.wait_healthy("http://127.0.0.1:9", lambda: False, timeout_s=0.2, poll_s=0.05)
