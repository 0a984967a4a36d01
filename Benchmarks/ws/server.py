#!/usr/bin/env python3
"""Benchmark source: after a WebSocket handshake (or a line "RAW\n" for the raw TCP baseline), send
COUNT pre-built unmasked frames of SIZE bytes as fast as the socket takes them, then a close frame.

All frames are built once up front and written in large batches with sendall, so the server's cost
per byte is a memcpy into the kernel and it cannot be the bottleneck of the client being measured.
Prints the listening port on stdout; exits when stdin closes.
"""
import argparse
import base64
import hashlib
import os
import socket
import struct
import sys
import threading

GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


def frame(opcode, payload):
    n = len(payload)
    if n < 126:
        header = bytes([0x80 | opcode, n])
    elif n < 65536:
        header = bytes([0x80 | opcode, 126]) + struct.pack("!H", n)
    else:
        header = bytes([0x80 | opcode, 127]) + struct.pack("!Q", n)
    return header + payload


def serve(conn, count, size, opcode):
    try:
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        head = b""
        while b"\n" not in head:
            chunk = conn.recv(4096)
            if not chunk:
                return
            head += chunk
        websocket = head.startswith(b"GET ")
        if websocket:
            while b"\r\n\r\n" not in head:
                head += conn.recv(4096)
            key = b""
            for line in head.split(b"\r\n"):
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"sec-websocket-key":
                    key = value.strip()
            accept = base64.b64encode(hashlib.sha1(key + GUID).digest())
            conn.sendall(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                         b"Sec-WebSocket-Accept: " + accept + b"\r\n\r\n")
        payload = (b"0123456789abcdef" * (size // 16 + 1))[:size]
        one = frame(opcode, payload)
        per_batch = max(1, (4 << 20) // len(one))
        batch = one * per_batch
        sent = 0
        while sent + per_batch <= count:
            conn.sendall(batch)
            sent += per_batch
        if sent < count:
            conn.sendall(one * (count - sent))
        if websocket:
            conn.sendall(frame(0x8, struct.pack("!H", 1000)))
            # Wait for the client's close frame (or EOF), then close first, as a server should.
            conn.settimeout(10)
            conn.recv(65536)
    except OSError:
        pass
    finally:
        conn.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--binary", action="store_true")
    args = parser.parse_args()
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    print(server.getsockname()[1], flush=True)
    threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
    while True:
        conn, _ = server.accept()
        threading.Thread(target=serve, args=(conn, args.count, args.size, 0x2 if args.binary else 0x1),
                         daemon=True).start()


main()
