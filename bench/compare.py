"""Times each golden query: coso -c PIPELINE against sqlite3 DB SQL, alternating, whole process.

Usage: compare.py COSO RUNS DB [DB ...]   (called by bench/run.sh)
"""
import os
import platform
import statistics
import subprocess
import sys
import time

coso, runs, dbs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
here = os.path.dirname(os.path.abspath(__file__))

pairs, cur = [], {}
for line in open(os.environ.get("COSO_QUERIES", os.path.join(here, "queries.txt")), encoding="utf-8"):
    line = line.rstrip("\n")
    if line.startswith("# name: "):
        cur = {"name": line[8:]}
    elif line.startswith("coso: "):
        cur["coso"] = line[6:]
    elif line.startswith("sql: "):
        cur["sql"] = line[5:]
        pairs.append(cur)


def timed(argv):
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


cpu = platform.processor() or platform.machine()
print(f"# {time.strftime('%Y-%m-%d')}  {platform.node()}  {os.cpu_count()} cores  {cpu}  runs={runs}")
for db in dbs:
    members = subprocess.run(["sqlite3", db, "select count(*) from members"], capture_output=True, text=True).stdout.strip()
    print(f"\n## {os.path.basename(db)}: {members} members\n")
    print("| query | coso ms | sqlite3 ms | ratio |")
    print("| --- | ---: | ---: | ---: |")
    ratios = []
    for p in pairs:
        c, s = [], []
        for _ in range(runs):  # alternate so that noise hits both alike
            c.append(timed([coso, "--db", db, "--format", "csv", "-c", p["coso"]]))
            s.append(timed(["sqlite3", "-csv", db, p["sql"]]))
        mc, ms = statistics.median(c) * 1000, statistics.median(s) * 1000
        ratios.append(mc / ms)
        print(f"| {p['name']} | {mc:.1f} | {ms:.1f} | {mc / ms:.2f} |")
    print(f"\nmedian ratio {statistics.median(ratios):.2f}, worst {max(ratios):.2f}")
