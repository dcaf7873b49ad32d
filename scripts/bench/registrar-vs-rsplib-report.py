#!/usr/bin/env python3
"""Ratios ours/RSPLIB from sctp-loadgen slice lines (side A = ours, B = RSPLIB); see docs/bench-registrar.md."""
import glob
import os
import re
import statistics
import sys


def quartiles(values):
    values = sorted(values)
    if len(values) < 2:
        return values[0], values[0], values[0]
    q = statistics.quantiles(values, n=4, method="inclusive")
    return q[0], statistics.median(values), q[2]


def main(run_dir):
    rows = []
    for path in sorted(glob.glob(os.path.join(run_dir, "*-*.txt"))):
        name = os.path.basename(path)[:-4]
        if not re.fullmatch(r"(floor-)?(hr|rereg)-\d+", name):
            continue
        pairs = {}
        for line in open(path):
            if not line.startswith("slice "):
                continue
            f = dict(kv.split("=", 1) for kv in line.split()[1:])
            pairs.setdefault(int(f["pair"]), {})[f["side"]] = f
        full = [p for p in pairs.values() if "A" in p and "B" in p]
        if not full:
            print(f"{name}: no complete pairs")
            continue
        rate = [float(p["A"]["rate"]) / float(p["B"]["rate"]) for p in full if float(p["B"]["rate"]) > 0]
        cpu = {s: [float(p[s]["cpu_s"]) / int(p[s]["ops"]) * 1e6 for p in full if int(p[s]["ops"]) > 0] for s in "AB"}
        cpu_ratio = [(float(p["A"]["cpu_s"]) / int(p["A"]["ops"])) / (float(p["B"]["cpu_s"]) / int(p["B"]["ops"]))
                     for p in full if int(p["A"]["ops"]) and int(p["B"]["ops"]) and float(p["B"]["cpu_s"]) > 0]
        p50 = [float(p["A"]["p50us"]) / float(p["B"]["p50us"]) for p in full if float(p["B"]["p50us"]) > 0]
        p99 = [float(p["A"]["p99us"]) / float(p["B"]["p99us"]) for p in full if float(p["B"]["p99us"]) > 0]
        bad = sum(int(p[s]["bad"]) for p in full for s in "AB")
        # CPU a registrar used while the other one was loaded (idle cost), in vCPU-seconds per second.
        idle_a = [float(p["B"].get("idle_other_cpu_s", "nan")) / float(p["B"]["secs"]) for p in full]
        idle_b = [float(p["A"].get("idle_other_cpu_s", "nan")) / float(p["A"]["secs"]) for p in full]
        med = lambda xs: statistics.median(xs) if xs else float("nan")
        rows.append((name, len(full), quartiles(rate), med([float(p["A"]["rate"]) for p in full]), med([float(p["B"]["rate"]) for p in full]),
                     med(cpu["A"]), med(cpu["B"]), quartiles(cpu_ratio) if cpu_ratio else (0, 0, 0),
                     quartiles(p50), quartiles(p99), med([float(p["A"]["p50us"]) for p in full]), med([float(p["B"]["p50us"]) for p in full]), bad,
                     med(idle_a), med(idle_b)))
    print(f"{'workload':<10} {'pairs':>5} {'ours/RSPLIB ops/s median (IQR)':>32} {'ours ops/s':>10} {'RSPLIB':>8} "
          f"{'CPU us/op ours':>14} {'RSPLIB':>7} {'CPU/op ratio (IQR)':>20} {'p50 ratio (IQR)':>20} {'p99 ratio':>9} {'p50 us ours/RSPLIB':>18} {'bad':>4} {'idle CPU ours/RSPLIB':>20}")
    for name, n, (q1, m, q3), ra, rb, ca, cb, (c1, cm, c3), (l1, lm, l3), (_, pm, _), pa, pb, bad, ia, ib in rows:
        print(f"{name:<10} {n:>5} {m:>14.2f} ({q1:.2f}-{q3:.2f})        {ra:>10.0f} {rb:>8.0f} {ca:>14.0f} {cb:>7.0f} "
              f"{cm:>8.2f} ({c1:.2f}-{c3:.2f}) {lm:>8.2f} ({l1:.2f}-{l3:.2f}) {pm:>9.2f} {pa:>8.0f}/{pb:<8.0f} {bad:>4} {ia:>10.2f}/{ib:<9.2f}")
    if any(row[0].startswith("floor-") for row in rows):
        print("floor-*: scripts/bench/sctp-floor.c (one recvmsg, one canned sendmsg per request) in place of ours: the ceiling of the ratio")
    for path in (os.path.join(run_dir, "strace-ours.txt"), os.path.join(run_dir, "strace-rsplib.txt")):
        if os.path.exists(path):
            print(f"\n{os.path.basename(path)} (see strace-load.txt for the operations in those slices):")
            print(open(path).read())


if __name__ == "__main__":
    main(sys.argv[1])
