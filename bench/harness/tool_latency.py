#!/usr/bin/python3
"""Latency of agent-tool input actions over MCP stdio, without settle time: `mouse` move
(alternating between two points) and `keyboard` press Shift, timed per call from writing the
request to reading the answer. Prints one JSON object (p50/p90/p99 in ms per action).

Usage: tool_latency.py --opendesk ./opendesk [--home DIR] [--calls 300]
"""

import argparse
import json
import os
import statistics
import sys
import time

from mcp_client import McpClient


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--opendesk", default="./opendesk")
    parser.add_argument("--home")
    parser.add_argument("--calls", type=int, default=300)
    options = parser.parse_args()
    command = [options.opendesk, "mcp"] + (["--home", options.home] if options.home else [])
    client = McpClient(command, dict(os.environ))
    client.initialize()
    actions = {
        "mouse move": lambda i: ("mouse", {"action": "move", "x": 300 + (i % 2) * 600, "y": 200 + (i % 2) * 400, "settle_ms": 0}),
        "key press": lambda i: ("keyboard", {"action": "press", "key": "shift", "settle_ms": 0}),
    }
    report = {}
    for label, make in actions.items():
        for i in range(50):  # warm-up
            name, arguments = make(i)
            client.request("tools/call", {"name": name, "arguments": arguments})
        times = []
        for i in range(options.calls):
            name, arguments = make(i)
            start = time.perf_counter()
            result = client.request("tools/call", {"name": name, "arguments": arguments})
            times.append(time.perf_counter() - start)
            if result.get("isError"):
                raise RuntimeError(f"{label} failed: {json.dumps(result)[:300]}")
        report[label] = {"p50_ms": statistics.median(times) * 1000, "p90_ms": percentile(times, 0.9) * 1000,
                         "p99_ms": percentile(times, 0.99) * 1000, "calls": len(times)}
    client.close()
    print(json.dumps(report))


if __name__ == "__main__":
    sys.exit(main())
