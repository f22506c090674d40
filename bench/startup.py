#!/usr/bin/python3
"""Start-up time of `opendesk mcp` and idle resident memory of `opendesk serve`.

Usage (from the repository root; the launcher builds the jar first if it is stale, so run
`./opendesk --version` once before measuring):

  DISPLAY=:81 /usr/bin/python3 bench/startup.py mcp [-n 15] [--launcher ./opendesk] [-- extra mcp args]
      Spawns `<launcher> mcp` N times. Right after spawning it writes `initialize`, the
      `notifications/initialized` notification and `tools/list` (newline-delimited JSON-RPC) to
      stdin, and stops the clock when it has read the answer to `tools/list` on stdout. Prints
      every run's seconds and the median (p50), and the process's CPU time (user+sys, until it
      exits after stdin closes), which is less sensitive to a busy machine. Any non-JSON line on stdout is a failure
      (stdout belongs to the protocol). Goal: p50 <= 0.8 s.

  DISPLAY=:81 /usr/bin/python3 bench/startup.py rss [-n 3] [--wait 10] [--launcher ./opendesk] [-- extra serve args]
      Creates a throw-away home with one trusted controller peer, runs
      `<launcher> serve --home HOME --port 0 [extra]`, waits until it says it is listening,
      then WAIT seconds more, and prints VmRSS from /proc/PID/status (the java process: the
      launcher execs it). Prints every run and the median. Goal: <= 150 MB.

Both modes need DISPLAY to point at a running X server (e.g. `Xvfb :81 &`).
Environment: OPENDESK_JAVA_OPTS is passed through to the launcher, e.g. to compare flags.
"""
import argparse
import json
import os
import resource
import secrets
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def stop(proc):
    """Waits up to 10 s for the process to end (killing it after that) and closes its pipes."""
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    proc.stdout.close()
    proc.stderr.close()


def mcp_once(launcher, extra, home, timeout):
    messages = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize",
         "params": {"protocolVersion": "2025-06-18", "capabilities": {},
                    "clientInfo": {"name": "startup-bench", "version": "1"}}},
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
        {"jsonrpc": "2.0", "id": 2, "method": "tools/list", "params": {}},
    ]
    payload = "".join(json.dumps(m) + "\n" for m in messages).encode()
    env = dict(os.environ)
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen([launcher, "mcp", "--home", home] + extra, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    proc.stdin.write(payload)
    proc.stdin.flush()
    buffer = b""
    tools = None
    deadline = start + timeout
    try:
        while tools is None:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise RuntimeError("no tools/list answer within %.0f s" % timeout)
            ready, _, _ = select.select([proc.stdout], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(proc.stdout.fileno(), 1 << 20)
            if not chunk:
                raise RuntimeError("stdout closed before the tools/list answer; stderr:\n"
                                   + proc.stderr.read().decode(errors="replace"))
            buffer += chunk
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                if not line.strip():
                    continue
                try:
                    message = json.loads(line)
                except ValueError:
                    raise RuntimeError("non-JSON line on stdout: %r" % line[:200])
                if message.get("id") == 2:
                    if "result" not in message:
                        raise RuntimeError("tools/list failed: %r" % message)
                    tools = len(message["result"]["tools"])
        elapsed = time.perf_counter() - start
    finally:
        proc.stdin.close()
        stop(proc)
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    return elapsed, tools, cpu


def vm_rss_kb(pid):
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS for %d" % pid)


def rss_once(launcher, extra, wait, timeout):
    home = tempfile.mkdtemp(prefix="opendesk-rss-")
    try:
        peer = {"public_key": secrets.token_hex(32), "name": "bench-controller", "paired_at": time.time(),
                "description": "", "description_override": "", "last_host": "", "last_port": 0,
                "role": "controller", "rendezvous_url": ""}
        with open(os.path.join(home, "trusted-peers.json"), "w") as f:
            json.dump([peer], f)
        proc = subprocess.Popen([launcher, "serve", "--home", home, "--port", "0"] + extra,
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            deadline = time.monotonic() + timeout
            line = b""
            while b"listening" not in line:
                if time.monotonic() > deadline:
                    raise RuntimeError("serve did not start within %.0f s" % timeout)
                ready, _, _ = select.select([proc.stdout], [], [], 1)
                if ready:
                    line = proc.stdout.readline()
                    if not line:
                        raise RuntimeError("serve exited: " + proc.stderr.read().decode(errors="replace"))
            time.sleep(wait)
            if proc.poll() is not None:
                raise RuntimeError("serve exited: " + proc.stderr.read().decode(errors="replace"))
            return vm_rss_kb(proc.pid) / 1024.0
        finally:
            proc.terminate()
            stop(proc)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["mcp", "rss"])
    parser.add_argument("-n", type=int, default=None, help="runs (mcp: 15, rss: 3)")
    parser.add_argument("--launcher", default=os.path.join(ROOT, "opendesk"))
    parser.add_argument("--wait", type=float, default=10.0, help="rss: seconds idle before reading VmRSS")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--warmup", type=int, default=1, help="mcp: unmeasured runs first (page cache)")
    argv = sys.argv[1:]
    extra = []
    if "--" in argv:
        extra = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    args = parser.parse_args(argv)
    args.extra = extra
    if not os.environ.get("DISPLAY"):
        sys.exit("DISPLAY is not set (start Xvfb first)")

    if args.mode == "mcp":
        runs = args.n or 15
        home = tempfile.mkdtemp(prefix="opendesk-startup-")
        try:
            for _ in range(args.warmup):
                mcp_once(args.launcher, args.extra, home, args.timeout)
            times = []
            cpus = []
            for i in range(runs):
                elapsed, tools, cpu = mcp_once(args.launcher, args.extra, home, args.timeout)
                times.append(elapsed)
                cpus.append(cpu)
                print("run %2d: %.3f s (%d tools; process CPU until exit %.2f s)" % (i + 1, elapsed, tools, cpu),
                      flush=True)
        finally:
            shutil.rmtree(home, ignore_errors=True)
        print("mcp start -> tools/list: median %.3f s  min %.3f s  max %.3f s  (n=%d); median CPU %.2f s"
              % (statistics.median(times), min(times), max(times), runs, statistics.median(cpus)))
    else:
        runs = args.n or 3
        sizes = []
        for i in range(runs):
            mb = rss_once(args.launcher, args.extra, args.wait, args.timeout)
            sizes.append(mb)
            print("run %2d: VmRSS %.1f MB after %.0f s idle" % (i + 1, mb, args.wait), flush=True)
        print("idle serve VmRSS: median %.1f MB  min %.1f  max %.1f  (n=%d)"
              % (statistics.median(sizes), min(sizes), max(sizes), runs))


if __name__ == "__main__":
    main()
