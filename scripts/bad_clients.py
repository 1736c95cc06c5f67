#!/usr/bin/env python3
"""Throws the issue's bad inputs at a running `advisor serve` and checks a bystander is still served.

Usage: scripts/bad_clients.py PORT   (prints what each bad client got; exit 1 if the bystander failed)
"""
import json
import socket
import sys
import threading
import time

PORT = int(sys.argv[1])


def connect():
    s = socket.create_connection(("127.0.0.1", PORT), timeout=30)
    return s


def read_all(s, limit=1 << 20):
    data = b""
    try:
        while len(data) < limit:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    except (socket.timeout, ConnectionResetError):
        pass
    return data


def huge_line():
    s = connect()
    try:
        s.sendall(b"a" * 10_000_000 + b"\n")
    except (BrokenPipeError, ConnectionResetError):
        pass
    return read_all(s)[:80]


def garbage():
    s = connect()
    depth = 1000
    lines = [b"\xff\xfe bad utf8", b"nul\x00byte", b'{"text": 5}', b'{"user": [1], "text": "hi"}',
             b'{"a":' * depth + b"1" + b"}" * depth, b"[" * 8000 + b"]" * 8000, b"{" + b'"x":' * 3000]
    s.sendall(b"\n".join(lines) + b"\n")
    s.shutdown(socket.SHUT_WR)
    return read_all(s).count(b"\n")


def never_reads():
    s = connect()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    line = json.dumps({"text": "what does a CPC make in California"}).encode() + b"\n"
    s.settimeout(5)
    sent = 0
    try:
        for _ in range(20_000):
            s.sendall(line)
            sent += 1
    except (socket.timeout, BrokenPipeError, ConnectionResetError):
        pass
    time.sleep(2)
    s.close()
    return sent


def leaves_mid_line():
    s = connect()
    s.sendall(b"what does a CPC make in")
    s.close()
    s = connect()
    s.sendall(b"what does a CPC make in California\n" * 100)
    s.recv(10)
    s.close()
    return "ok"


results = {}


def run(name, fn, count):
    def body(i):
        results[f"{name}-{i}"] = fn()
    threads = [threading.Thread(target=body, args=(i,)) for i in range(count)]
    return threads


threads = run("huge", huge_line, 10) + run("garbage", garbage, 20) + run("never_reads", never_reads, 10) \
    + run("leaves", leaves_mid_line, 50)
for t in threads:
    t.start()

bystander = connect()
ok = True
for i in range(20):
    bystander.sendall(b'{"id": "b%d", "text": "what is CPT?"}\n' % i)
    reply = json.loads(bystander.makefile().readline())
    ok = ok and reply.get("id") == f"b{i}" and reply.get("intent") == "code_sets"
    time.sleep(0.2)
for t in threads:
    t.join()
print("huge line replies:", sorted(set(str(v) for k, v in results.items() if k.startswith("huge"))))
print("garbage replies per client (7 lines sent):", sorted(set(v for k, v in results.items() if k.startswith("garbage"))))
print("never-reader lines sent before the server pushed back:", sorted(v for k, v in results.items() if k.startswith("never")))
print("bystander served throughout:", ok)
sys.exit(0 if ok else 1)
