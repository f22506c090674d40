#!/usr/bin/python3
"""Side-by-side screenshot latency: opendesk's `screenshot` tool over MCP stdio versus the
reference's capture pipeline (Pillow ImageGrab.grab, downscale to 1920 wide with Lanczos when
wider, PNG optimize=True), on the X display in $DISPLAY.

Usage: screenshot_compare.py --opendesk ./opendesk --rounds 5 --calls 10 [--args '{"max_edge": 1920}']

Ours is timed per call from writing the tools/call request to reading its whole answer (JSON
with the base64 image); the anchor per grab+encode, in this process (so it pays no IPC or base64
at all). Rounds alternate ours / anchor so that both see the same machine state. Prints one JSON
object on stdout: per-call medians, the min-max of the round medians, sizes, the ratio.
"""

import argparse
import base64
import io
import json
import os
import statistics
import sys
import time

from PIL import Image, ImageGrab

from mcp_client import McpClient


def anchor_once():
    image = ImageGrab.grab()
    if image.width > 1920:
        height = round(image.height * 1920 / image.width)
        image = image.resize((1920, height), Image.LANCZOS)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return image.size, len(out.getvalue())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--opendesk", default="./opendesk")
    parser.add_argument("--home")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--calls", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--args", default="{}", help="screenshot tool arguments (JSON)")
    options = parser.parse_args()
    arguments = json.loads(options.args)

    command = [options.opendesk, "mcp"]
    if options.home:
        command += ["--home", options.home]
    client = McpClient(command, dict(os.environ))
    client.initialize()

    def ours_once():
        result = client.request("tools/call", {"name": "screenshot", "arguments": arguments})
        if result.get("isError"):
            raise RuntimeError("screenshot failed: " + json.dumps(result)[:500])
        images = [c for c in result["content"] if c.get("type") == "image"]
        text = next(c["text"] for c in result["content"] if c.get("type") == "text")
        return text.split("\n")[0], images[0]["mimeType"], len(base64.b64decode(images[0]["data"]))

    info = {}
    for _ in range(options.warmup):  # JIT warm-up on our side, caches on both
        info["ours"] = ours_once()
        info["anchor"] = anchor_once()

    def timed(action):
        times = []
        for _ in range(options.calls):
            start = time.perf_counter()
            action()
            times.append(time.perf_counter() - start)
        return times

    ours_rounds, anchor_rounds, ours_all, anchor_all = [], [], [], []
    for _ in range(options.rounds):
        times = timed(ours_once)
        ours_rounds.append(statistics.median(times))
        ours_all += times
        times = timed(anchor_once)
        anchor_rounds.append(statistics.median(times))
        anchor_all += times
    client.close()

    ours_p50 = statistics.median(ours_all)
    anchor_p50 = statistics.median(anchor_all)
    print(json.dumps({
        "arguments": arguments,
        "ours": {"p50_ms": ours_p50 * 1000, "round_medians_ms": [min(ours_rounds) * 1000, max(ours_rounds) * 1000],
                 "line": info["ours"][0], "mime": info["ours"][1], "bytes": info["ours"][2]},
        "anchor": {"p50_ms": anchor_p50 * 1000,
                   "round_medians_ms": [min(anchor_rounds) * 1000, max(anchor_rounds) * 1000],
                   "size": info["anchor"][0], "bytes": info["anchor"][1]},
        "ratio": anchor_p50 / ours_p50,
    }))


if __name__ == "__main__":
    sys.exit(main())
