#!/usr/bin/env python3
"""A fault-injecting HTTP/TCP proxy between the sync client and the county server (tests only).

Every request gets its own upstream connection ("Connection: close" is forced), so the proxy
can decide per request what goes wrong. Faults:

  pass                 forward the request, relay the response
  drop                 close the client connection before reading the request
  reset_req:N          forward N bytes of the request, then reset both connections
  lost_ack             forward the whole request, read the whole response, then close the client
                       connection without a byte (the server committed, the client never knows)
  truncate:N           relay only the first N bytes of the response, then close
  http:STATUS[:RA]     answer STATUS itself (e.g. http:503:2, http:429:1, http:500), with
                       Retry-After RA seconds if given; the server never sees the request

plus link shaping for every connection: --delay-ms (added once per direction per request),
--bandwidth-bps (bytes per second each direction, shared by all connections) and --drop-rate
(probability that a connection is dropped at a random point of the request or of the response).

Control: a line protocol on the control port (printed at start):
  plan a,b,c        the next requests get these faults in order, then "pass"
  random P SEED     from now on each request gets a random fault with probability P
  shape DELAY_MS BPS DROP_RATE
  stats             one JSON line: counters per fault, bytes each way, the most requests that
                    were open at once (max_open), the paths of the first 20 requests read
                    (first_requests)
  upstream PORT     forward to another port from now on (a restarted server)
  reset             back to pass, no shaping, counters kept
Each command answers one line ("ok" or JSON).

Prints "proxy listening on 127.0.0.1:PORT control 127.0.0.1:CPORT" and runs until killed.
"""
import argparse
import asyncio
import json
import random
import socket
import struct
import sys

RANDOM_FAULTS = ["drop", "reset_req:200", "lost_ack", "truncate:20", "http:503:1", "http:429:1", "http:500",
                 "reset_req:1000", "truncate:90"]


class Proxy:
    def __init__(self, upstream_host, upstream_port, args):
        self.upstream = (upstream_host, upstream_port)
        self.plan = []
        self.random_p = 0.0
        self.rng = random.Random(args.seed)
        self.delay = args.delay_ms / 1000.0
        self.bps = args.bandwidth_bps
        self.drop_rate = args.drop_rate
        self.stats = {"requests": 0, "bytes_up": 0, "bytes_down": 0, "max_open": 0, "first_requests": []}
        self.open = 0
        self.link_free = {"up": 0.0, "down": 0.0}  # loop time at which each direction is free

    def count(self, key):
        self.stats[key] = self.stats.get(key, 0) + 1

    def next_fault(self):
        if self.plan:
            return self.plan.pop(0)
        if self.random_p > 0 and self.rng.random() < self.random_p:
            return self.rng.choice(RANDOM_FAULTS)
        if self.drop_rate > 0 and self.rng.random() < self.drop_rate:
            return "linkdrop"
        return "pass"

    async def shaped_write(self, writer, data, direction):
        """Writes with the link's bandwidth; counts bytes."""
        self.stats["bytes_up" if direction == "up" else "bytes_down"] += len(data)
        bps = self.bps  # fixed for this write even if "shape" changes it meanwhile
        if bps <= 0:
            writer.write(data)
            await writer.drain()
            return
        # One link, not one per connection: connections open at the same time share the
        # bandwidth (each chunk takes the next free slot of its direction), as they would on a
        # school's real line, so requests in flight together cannot make it look faster.
        loop = asyncio.get_running_loop()
        chunk = max(512, bps // 50)
        for i in range(0, len(data), chunk):
            part = data[i:i + chunk]
            slot_start = max(loop.time(), self.link_free[direction])
            self.link_free[direction] = slot_start + len(part) / bps
            await asyncio.sleep(self.link_free[direction] - loop.time())
            writer.write(part)
            await writer.drain()

    @staticmethod
    def hard_close(writer):
        try:
            sock = writer.get_extra_info("socket")
            if sock is not None:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass
        writer.close()

    async def read_request(self, reader):
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        length = 0
        kept = [lines[0]]
        for line in lines[1:]:
            if not line:
                continue
            name, _, value = line.partition(":")
            if name.strip().lower() == "content-length":
                length = int(value.strip())
            if name.strip().lower() in ("connection", "keep-alive", "proxy-connection"):
                continue
            kept.append(line)
        kept.append("Connection: close")
        body = await reader.readexactly(length) if length else b""
        return ("\r\n".join(kept) + "\r\n\r\n").encode("latin-1") + body

    async def handle(self, creader, cwriter):
        self.open += 1
        self.stats["max_open"] = max(self.stats["max_open"], self.open)
        try:
            await self.relay(creader, cwriter)
        finally:
            self.open -= 1

    async def relay(self, creader, cwriter):
        fault = self.next_fault()
        self.stats["requests"] += 1
        self.count(fault.split(":")[0] if not fault.startswith("http") else fault)
        try:
            if fault == "drop":
                self.hard_close(cwriter)
                return
            try:
                request = await self.read_request(creader)
            except (asyncio.IncompleteReadError, ConnectionError, ValueError):
                cwriter.close()
                return
            if len(self.stats["first_requests"]) < 20:  # which endpoints came first, in order
                self.stats["first_requests"].append(request.split(b" ", 2)[1].split(b"?")[0].decode("latin-1"))
            if fault.startswith("http:"):
                parts = fault.split(":")
                status = int(parts[1])
                body = json.dumps({"error": {"code": "injected", "message": "fault proxy answered %d" % status}})
                extra = "Retry-After: %s\r\n" % parts[2] if len(parts) > 2 else ""
                reason = {429: "Too Many Requests", 500: "Internal Server Error", 503: "Service Unavailable",
                          502: "Bad Gateway"}.get(status, "Error")
                resp = ("HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n%s"
                        "Connection: close\r\n\r\n%s" % (status, reason, len(body), extra, body)).encode()
                await asyncio.sleep(self.delay)
                await self.shaped_write(cwriter, resp, "down")
                cwriter.close()
                return
            sreader, swriter = await asyncio.open_connection(*self.upstream)
            cut_up = None
            cut_down = None
            if fault.startswith("reset_req:"):
                cut_up = int(fault.split(":")[1])
            elif fault == "linkdrop":
                if self.rng.random() < 0.5:
                    cut_up = self.rng.randrange(0, max(1, len(request)))
                else:
                    cut_down = self.rng.randrange(0, 400)
            elif fault.startswith("truncate:"):
                cut_down = int(fault.split(":")[1])
            await asyncio.sleep(self.delay)
            if cut_up is not None and cut_up < len(request):
                await self.shaped_write(swriter, request[:cut_up], "up")
                self.hard_close(swriter)
                self.hard_close(cwriter)
                return
            await self.shaped_write(swriter, request, "up")
            response = await sreader.read()  # the server closes after one response
            swriter.close()
            if fault == "lost_ack":
                self.hard_close(cwriter)
                return
            await asyncio.sleep(self.delay)
            if cut_down is not None and cut_down < len(response):
                await self.shaped_write(cwriter, response[:cut_down], "down")
                self.hard_close(cwriter)
                return
            await self.shaped_write(cwriter, response, "down")
            cwriter.close()
        except (ConnectionError, OSError, asyncio.IncompleteReadError):
            self.hard_close(cwriter)

    async def control(self, reader, writer):
        while True:
            line = await reader.readline()
            if not line:
                break
            words = line.decode().split()
            answer = "ok"
            if not words:
                answer = "error empty"
            elif words[0] == "plan":
                self.plan = [w for w in (words[1] if len(words) > 1 else "").split(",") if w]
            elif words[0] == "random":
                self.random_p = float(words[1])
                self.rng = random.Random(int(words[2]) if len(words) > 2 else 1)
            elif words[0] == "shape":
                self.delay = float(words[1]) / 1000.0
                self.bps = int(words[2])
                self.drop_rate = float(words[3])
            elif words[0] == "upstream":
                self.upstream = (self.upstream[0], int(words[1]))
            elif words[0] == "stats":
                answer = json.dumps(self.stats)
            elif words[0] == "reset":
                self.plan, self.random_p, self.delay, self.bps, self.drop_rate = [], 0.0, 0.0, 0, 0.0
            else:
                answer = "error unknown command"
            writer.write((answer + "\n").encode())
            await writer.drain()
        writer.close()


async def main():
    p = argparse.ArgumentParser()
    p.add_argument("--upstream", required=True, help="HOST:PORT of the county server")
    p.add_argument("--listen-port", type=int, default=0)
    p.add_argument("--delay-ms", type=float, default=0.0)
    p.add_argument("--bandwidth-bps", type=int, default=0, help="bytes per second each way; 0 = unlimited")
    p.add_argument("--drop-rate", type=float, default=0.0)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    host, _, port = args.upstream.rpartition(":")
    proxy = Proxy(host, int(port), args)
    server = await asyncio.start_server(proxy.handle, "127.0.0.1", args.listen_port)
    control = await asyncio.start_server(proxy.control, "127.0.0.1", 0)
    print("proxy listening on 127.0.0.1:%d control 127.0.0.1:%d" % (server.sockets[0].getsockname()[1],
                                                                     control.sockets[0].getsockname()[1]), flush=True)
    async with server, control:
        await asyncio.gather(server.serve_forever(), control.serve_forever())


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
