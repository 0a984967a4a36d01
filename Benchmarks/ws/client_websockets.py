#!/usr/bin/env python3
"""Reference client for the benchmark: receives every message with the `websockets` library
(asyncio API, no compression, no size limit) and prints "messages bytes seconds"."""
import asyncio
import sys
import time

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed


async def main(url):
    async with connect(url, compression=None, max_size=None, max_queue=None) as ws:
        messages = 0
        total = 0
        start = time.perf_counter()
        try:
            while True:
                message = await ws.recv()
                messages += 1
                total += len(message)
        except ConnectionClosed:
            pass
        print(messages, total, time.perf_counter() - start)


asyncio.run(main(sys.argv[1]))
