"""Web load: concurrent signed-in users on the record and search pages over the borough-scale demo.

Loopback only and bounded (a fixed number of requests, and a time limit, per run). For each database engine
the application is served by ``contextsafe.web.run`` (gunicorn: 2 x cores + 1 worker processes, 4 threads
each, unless ``--server django``) in its own process; the users (panel chairs, so every assessment source is
visible) sign in with password and TOTP over HTTP, state a purpose, then request a mix of pages: people
search, a young person's record, context search and a context's record. Latency is measured from the client,
sign-in excluded. Every request is also an access decision, an audit entry and a session write.

Two load models, both reported, one after the other on the same server and signed-in users:

- think time (the realistic model, judged against the p95 target): each user waits a uniformly random
  1 to 3 seconds between pages, as locust's example users do (``wait_time = between(1, 3)``);
- saturation: a closed loop with no think time, each user requesting its next page as soon as the last
  arrives. 50 such users keep every core busy, so this measures queueing at full load, not page cost.

    .venv/bin/python benchmarks/web_load.py [--workspace demo-workspace] [--users 50] [--requests 3000]
        [--seconds 120] [--engines sqlite,postgresql] [--dsn postgresql://…] [--server gunicorn|django]

Without ``--dsn``, PostgreSQL is started the way ``make postgres-test`` does (it runs that target) and the
address is the Makefile's ``PG_DSN`` (the first cluster's port).
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import platform
import random
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

RESULTS = Path(__file__).parent / "results" / "web_load.json"
ROOT = Path(__file__).resolve().parent.parent
THINK_SECONDS = (1.0, 3.0)  # locust's between(1, 3)
PASSWORD = "benchmark passphrase for load"  # noqa: S105 - loopback benchmark accounts only
SERVER = """
import sys
from contextsafe import web
web.configure(sys.argv[1], sys.argv[2])
web.run("127.0.0.1", int(sys.argv[3]), server=sys.argv[4])
"""


def main() -> None:
    args = _arguments()
    if args.child:
        print(json.dumps(_measure(args)))
        return
    workspace = Path(args.workspace)
    if not (workspace / "store.duckdb").exists():
        from contextsafe.pipeline import build_demo

        print(f"building the demo workspace in {workspace} (2,000 young people, seed 7)")
        build_demo(workspace, "camden", 2000, 7)
    engines = args.engines.split(",")
    dsn = args.dsn or (_start_postgresql() if "postgresql" in engines else "")
    workers = 2 * (os.cpu_count() or 1) + 1
    server = (f"gunicorn via contextsafe.web.run(server='gunicorn'): {workers} worker processes x 4 threads, "
              "backlog 256" if args.server == "gunicorn" else
              "contextsafe.web.run(server='django'): Django's threaded WSGI server, one process, listen backlog 256")
    results = {"users": args.users, "workspace": str(workspace), "server": server,
               "load": (f"top-level figures: think time, each user waits uniformly {THINK_SECONDS[0]:g}-"
                        f"{THINK_SECONDS[1]:g} s between pages (locust's between(1, 3)); nested 'saturation': "
                        "closed loop, each user requests its next page as soon as the last one arrives (no think "
                        "time). Same server and signed-in users, think-time run first."),
               "pages": "people search, a young person's record, context search, a context's record (seeded mix)",
               "target_p95_ms": 300, "target_judged_on": "think time", "dataset": _dataset(workspace),
               "machine": {"python": platform.python_version(), "cpus": os.cpu_count()}}
    results["machine"]["load_average_before"] = round(os.getloadavg()[0], 2)
    for engine in engines:
        print(f"{engine}: {args.users} users, each model up to {args.requests} requests or {args.seconds} s")
        child = subprocess.run([sys.executable, __file__, "--child", engine, "--workspace", str(workspace),
                                "--users", str(args.users), "--requests", str(args.requests),
                                "--seconds", str(args.seconds), "--dsn", dsn, "--server", args.server,
                                "--models", args.models],
                               capture_output=True, text=True, timeout=2 * args.seconds + 900)
        if child.returncode != 0:
            raise SystemExit(f"{engine} run failed:\n{child.stderr[-3000:]}")
        results[engine] = json.loads(child.stdout.strip().splitlines()[-1])
        # Other work on the machine while this ran (1-minute load average at the end; cores: machine.cpus).
        results[engine]["load_average_after"] = round(os.getloadavg()[0], 2)
        print(f"  {results[engine]}")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print(f"wrote {RESULTS}")


def _start_postgresql() -> str:
    """Start PostgreSQL exactly as the test suite does (``make postgres-test``) and return the Makefile's PG_DSN."""
    subprocess.run(["make", "-C", str(ROOT), "--no-print-directory", "postgres-test"], check=True, timeout=300)
    clusters = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True, check=True).stdout
    port = clusters.splitlines()[0].split()[2]
    return f"postgresql://contextsafe:contextsafe@127.0.0.1:{port}/contextsafe"


def _dataset(workspace: Path) -> dict:
    import duckdb

    with duckdb.connect(str(workspace / "store.duckdb"), read_only=True) as con:
        count = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608
                 for t in ("records", "events", "associations")}
        count["persons"] = con.execute("SELECT count(DISTINCT person_id) FROM person_records").fetchone()[0]
    return count


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workspace", default="demo-workspace")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--requests", type=int, default=3000, help="total page requests (bounded)")
    parser.add_argument("--seconds", type=int, default=120, help="stop after this long (bounded)")
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--dsn", default="", help="PostgreSQL address (default: start it as make postgres-test)")
    parser.add_argument("--server", default="gunicorn", choices=("gunicorn", "django"))
    parser.add_argument("--models", default="think,saturation", help="load models to run (both by default)")
    parser.add_argument("--child", default="")
    return parser.parse_args()


def _measure(args: argparse.Namespace) -> dict:
    """In a child process: set the database up, create the users, serve, load, and summarise."""
    database = args.dsn if args.child == "postgresql" else str(Path(tempfile.mkdtemp()) / "web.sqlite3")
    os.environ.pop("DJANGO_SETTINGS_MODULE", None)
    from contextsafe import web

    web.configure(args.workspace, database)
    web.prepare()
    users = _bench_users(args.users)
    pages = _pages()
    port = _free_port()
    log = Path(tempfile.gettempdir()) / f"web_load_{args.child}.log"  # the server's log, for any error
    server = subprocess.Popen([sys.executable, "-c", SERVER, args.workspace, database, str(port), args.server],
                              stdout=subprocess.DEVNULL, stderr=log.open("w"))
    try:
        _wait_for(port)
        base = f"http://127.0.0.1:{port}"
        openers = _sign_in_all(base, users)
        models = args.models.split(",")
        think = _load(base, openers, pages, args.requests, args.seconds, THINK_SECONDS) if "think" in models else {}
        saturation = _load(base, openers, pages, args.requests, args.seconds, None) if "saturation" in models else {}
        return {**think, "model": "think time 1-3 s", "saturation": {**saturation, "model": "no think time"}}
    finally:
        server.terminate()
        server.wait(timeout=30)


def _bench_users(count: int) -> list[tuple[str, str]]:
    from contextsafe.web.accounts.models import Organisation, User, UserRole

    org = Organisation.objects.get(name="Camden Safeguarding Children Partnership")
    made = []
    for i in range(count):
        user, _ = User.objects.update_or_create(username=f"bench_{i:03d}", defaults={
            "role": UserRole.PANEL_CHAIR, "organisation": org, "last_totp_step": 0, "failed_attempts": 0,
            "locked_until": None})
        user.set_password(PASSWORD)
        user.save()
        made.append((user.username, user.totp_secret))
    return made


def _pages() -> list[str]:
    """A fixed mix (seeded) of search and record pages over the demo store."""
    from contextsafe.web import store

    rng = random.Random(7)
    visible = sorted(store.sources_permitting("assessment"))  # what a panel chair sees for assessment
    names = [r["family_name"] for r in store.query(
        "SELECT family_name FROM records WHERE family_name IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 40")]
    people = [r["person_id"] for r in store.query(
        "SELECT DISTINCT person_id FROM person_records WHERE list_contains(?, source) ORDER BY 1", [visible])]
    contexts = [r["context"] for r in store.query(
        "SELECT DISTINCT coalesce(context_id, context_kind || ':' || context_ref) AS context FROM associations "
        "WHERE list_contains(?, source) ORDER BY 1", [visible])]
    pages = []
    for _ in range(500):
        pages += [f"/people/?q={urllib.parse.quote(rng.choice(names))}", f"/people/{rng.choice(people)}/",
                  f"/contexts/?q={urllib.parse.quote(rng.choice(names)[:3])}",
                  f"/contexts/{urllib.parse.quote(rng.choice(contexts))}/"]
    return pages


def _sign_in_all(base: str, users: list[tuple[str, str]]) -> list:
    """Every user signed in (password, TOTP, purpose), concurrently; a failed sign-in is None."""
    openers: list = [None] * len(users)

    def sign_in(index: int, username: str, secret: str) -> None:
        try:
            openers[index] = _signed_in(base, username, secret)
        except (urllib.error.URLError, OSError, AttributeError):
            openers[index] = None

    threads = [threading.Thread(target=sign_in, args=(i, u, s)) for i, (u, s) in enumerate(users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return openers


def _load(base: str, openers: list, pages: list[str], total: int, seconds: int,
          think: tuple[float, float] | None) -> dict:
    """Every signed-in user requests pages until ``total`` requests or ``seconds`` have gone, waiting a random
    ``think`` interval (seconds, uniform) between pages, or none."""
    latencies: list[float] = []
    errors = [0]
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    budget = iter(range(total))
    started = time.monotonic()
    deadline = started + seconds

    def run(index: int, opener: urllib.request.OpenerDirector) -> None:
        rng = random.Random(index)
        if think:  # users arrive spread over one think interval, not all in the same instant
            time.sleep(rng.uniform(0, think[1]))
        while time.monotonic() < deadline:
            with lock:
                if next(budget, None) is None:
                    return
            path = rng.choice(pages)
            start = time.perf_counter()
            try:
                with opener.open(base + path, timeout=60) as response:
                    response.read()
                    ok = response.status == 200
            except urllib.error.HTTPError as refused:
                ok = False
                with lock:
                    statuses[refused.code] = statuses.get(refused.code, 0) + 1
            except (urllib.error.URLError, OSError):
                ok = False  # refused, reset or timed out
            with lock:
                latencies.append((time.perf_counter() - start) * 1000)
                errors[0] += not ok
            if think:
                time.sleep(rng.uniform(*think))

    signed_in = [(i, o) for i, o in enumerate(openers) if o is not None]
    threads = [threading.Thread(target=run, args=(i, o)) for i, o in signed_in]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    latencies.sort()
    return {"p50_ms": round(_quantile(latencies, 0.50), 1), "p95_ms": round(_quantile(latencies, 0.95), 1),
            "p99_ms": round(_quantile(latencies, 0.99), 1), "errors": errors[0], "users": len(signed_in),
            "requests": len(latencies), "seconds": round(elapsed, 1),
            "requests_per_second": round(len(latencies) / elapsed, 1) if elapsed else 0.0,
            "error_statuses": {str(k): v for k, v in sorted(statuses.items())},
            "failed_sign_ins": len(openers) - len(signed_in)}


def _signed_in(base: str, username: str, secret: str) -> urllib.request.OpenerDirector:
    import pyotp

    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def post(path: str, data: dict) -> None:
        html = opener.open(base + path, timeout=60).read().decode()
        data["csrfmiddlewaretoken"] = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        opener.open(base + path, urllib.parse.urlencode(data).encode(), timeout=60).read()

    post("/accounts/sign-in/", {"username": username, "password": PASSWORD})
    post("/accounts/sign-in/code/", {"code": pyotp.TOTP(secret).now()})
    post("/accounts/purpose/", {"purpose": "assessment"})
    return opener


def _quantile(values: list[float], q: float) -> float:
    return values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(port: int) -> None:
    for _ in range(300):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the served application did not start")


if __name__ == "__main__":
    main()
