"""Serves the Factdesk app from N independent processes sharing one port (SO_REUSEPORT).

The benchmark's way to run several workers: `uvicorn --workers N` answers every request
on a kept-alive connection ~40 ms late (its socket lacks TCP_NODELAY, see below); one
process per socket with SO_REUSEPORT, the kernel balancing connections, does not.

    .venv/bin/python -m bench.serve --port 8000 --workers 2
"""

from __future__ import annotations

import argparse
import multiprocessing
import signal
import socket
from types import FrameType

import uvicorn

from service.config import get_settings
from service.request_head import bounded_head_protocol


def _serve(port: int, host: str) -> None:
    # proto=IPPROTO_TCP matters: asyncio sets TCP_NODELAY only on sockets whose proto says
    # TCP, and a socket made with proto 0 (as `uvicorn --workers` binds its own) answers
    # every kept-alive request after Nagle's algorithm meets the client's delayed ACK.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    # serve's protocol (service/server.py): its bounds on request heads, and an answer's
    # head and body in one send; uvicorn's own httptools protocol sends them in two.
    config = uvicorn.Config(
        "service.app:create_app",
        factory=True,
        access_log=False,
        log_level="warning",
        http=bounded_head_protocol(get_settings()),
    )
    uvicorn.Server(config).run(sockets=[sock])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    # The settings come from the environment, as for `factdesk serve`
    # (FACTDESK_RESPONSE_CACHE turns the GraphQL response cache on or off).
    workers = [
        multiprocessing.Process(target=_serve, args=(args.port, args.host))
        for _ in range(args.workers)
    ]
    for w in workers:
        w.start()

    def stop(signum: int, frame: FrameType | None) -> None:
        for w in workers:
            if w.pid is not None and w.is_alive():
                w.terminate()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for w in workers:
        w.join()


if __name__ == "__main__":
    main()
