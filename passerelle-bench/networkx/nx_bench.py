#!/usr/bin/env python3
"""The NetworkX side of the graph benchmark (issue 5). Reads the same edge lists as GraphBench (Java).

  nx_bench.py exact   --out RESULTS.jsonl --scores DIR [--reps R] FILE...
  nx_bench.py disrupt --out RESULTS.jsonl --steps K [--curve OUT.csv] [--java-curve CURVE.csv] [--from-step S]
                      [--target-steps 50] FILE
  nx_bench.py approx  --out RESULTS.jsonl --k K [--seed 1] FILE

NetworkX runs on one thread, so its CPU time (time.process_time) is what its wall time would be on an idle machine;
the machine is shared, so both are recorded and the comparison uses the CPU time (the lower, the fairer to NetworkX;
Passerelle's figures are wall times, which the sharing can only make worse).

Parsing (nx.read_edgelist) is timed separately and excluded from every compute time, as on the Java side.

The disruption loop is the one Passerelle runs: compute betweenness_centrality (exact, normalised) on the graph as
it stands, remove the highest-scored node (ties, within a relative 1e-9, to the node that appeared first in the
file), record the largest component, repeat. NetworkX needs about as long per step as one exact betweenness of the
whole graph, so the loop may be cut at K < 50 steps; the remaining steps are then *estimated*, not measured: each
step's cost is taken proportional to n*m of the graph at that step (Brandes is O(nm) on unweighted graphs), the
constant fitted on the measured steps, and the graphs of the later steps are those of Passerelle's removal sequence
(checked identical to NetworkX's on the measured steps).

A long sequence can also be measured in segments running side by side: `--from-step S` first removes Passerelle's
first S actors (untimed), then measures steps S+1.. and checks at each step that NetworkX removes the same actor as
Passerelle (record `step<k>_same`), so that each segment computes exactly the graphs NetworkX alone would have.
Every step's CPU time is recorded as `step<k>_cpu_s`; report.py adds them up over the segments.
"""
import argparse
import json
import os
import time

import networkx as nx

TIE = 1e-9


def record(out, task, graph, metric, value):
    with open(out, "a") as fh:
        fh.write(json.dumps({"task": task, "graph": graph, "side": "networkx", "metric": metric,
                             "value": float(value)}) + "\n")


def name_of(path):
    return os.path.splitext(os.path.basename(path))[0]


def load(path, out, task):
    start = time.perf_counter()
    g = nx.read_edgelist(path, comments="#", delimiter="\t", nodetype=str)
    seconds = time.perf_counter() - start
    record(out, task, name_of(path), "parse_s", seconds)
    print("%s: %d nodes, %d edges, parsed in %.3f s" % (os.path.basename(path), g.number_of_nodes(),
                                                          g.number_of_edges(), seconds), flush=True)
    return g


def best(scores):
    """Highest score; ties (relative 1e-9) to the first node in insertion order = first appearance in the file."""
    top = max(scores.values())
    for node, value in scores.items():
        if value >= top or top - value <= TIE * max(abs(top), abs(value)):
            return node


def exact(a):
    os.makedirs(a.scores, exist_ok=True)
    for path in a.files:
        g = load(path, a.out, "exact")
        name = name_of(path)
        times, cpus = [], []
        for r in range(a.reps):
            start, cpu = time.perf_counter(), time.process_time()
            bc = nx.betweenness_centrality(g)
            times.append(time.perf_counter() - start)
            cpus.append(time.process_time() - cpu)
            print("  exact %s run %d: %.2f s wall, %.2f s CPU" % (name, r, times[-1], cpus[-1]), flush=True)
        record(a.out, "exact", name, "best_s", min(times))
        record(a.out, "exact", name, "cpu_s", min(cpus))
        with open(os.path.join(a.scores, "networkx-%s.tsv" % name), "w") as fh:
            for node, value in bc.items():
                fh.write("%s\t%r\n" % (node, value))


def components(g):
    sizes = [len(c) for c in nx.connected_components(g)]
    return max(sizes, default=0), sum(s * (s - 1) for s in sizes)


def disrupt(a):
    path = a.files[0]
    name = name_of(path)
    g = load(path, a.out, "disrupt")
    java = []
    if a.java_curve:
        with open(a.java_curve) as fh:
            next(fh)
            for line in fh:
                step, removed = line.split(",")[:2]
                if int(step) > 0:
                    java.append(removed)
    n0 = g.number_of_nodes()
    lcc0, pairs0 = components(g)
    # A later segment of the same sequence (steps are independent given the graph, so segments can run at the same
    # time): replay Passerelle's first removals, untimed; each measured step then checks NetworkX picks the same.
    if a.from_step > len(java):
        raise SystemExit("--from-step %d needs --java-curve with at least that many removals" % a.from_step)
    for victim in java[:a.from_step]:
        g.remove_node(victim)
    # The same CSV as `passerelle network disrupt` (and GraphBench disrupt), so that the curves can be diffed; rows
    # and per-step results are written as they come, so that a run stopped early keeps its measured steps.
    curve = open(a.curve, "w") if a.curve else None
    if curve and a.from_step == 0:
        curve.write("step,removed,lcc_size,lcc_ratio,fragmentation\n")
        curve.write("0,,%d,%.6f,%.6f\n" % (lcc0, 1.0, 1.0 - pairs0 / (n0 * (n0 - 1.0))))
    measured, cpus, work, removed = [], [], [], []
    for step in range(a.from_step + 1, a.from_step + a.steps + 1):
        start, cpu = time.perf_counter(), time.process_time()
        bc = nx.betweenness_centrality(g)
        victim = best(bc)
        work.append(g.number_of_nodes() * g.number_of_edges())
        g.remove_node(victim)
        size, pairs = components(g)
        measured.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
        removed.append(victim)
        record(a.out, "disrupt", name, "step%d_cpu_s" % step, cpus[-1])
        record(a.out, "disrupt", name, "step%d_wall_s" % step, measured[-1])
        if step <= len(java):
            record(a.out, "disrupt", name, "step%d_same" % step, 1.0 if victim == java[step - 1] else 0.0)
        if curve:
            curve.write("%d,%s,%d,%.6f,%.6f\n" % (step, victim, size, size / lcc0, 1.0 - pairs / (n0 * (n0 - 1.0))))
            curve.flush()
        print("  disrupt %s step %d: removed %s (passerelle: %s), lcc %d, %.2f s wall, %.2f s CPU" % (
            name, step, victim, java[step - 1] if step <= len(java) else "?", size, measured[-1], cpus[-1]),
            flush=True)
    if curve:
        curve.close()
    last = a.from_step + len(removed)
    if last >= a.target_steps or a.from_step > 0:
        print("  disrupt %s: steps %d-%d in %.1f s wall, %.1f s CPU" % (
            name, a.from_step + 1, last, sum(measured), sum(cpus)), flush=True)
        return
    # Estimate the remaining steps along Passerelle's removal sequence (from CPU time, see the module docstring).
    per_unit = sum(cpus) / sum(work)
    estimate = sum(cpus)
    for victim in java[last:a.target_steps]:
        estimate += per_unit * g.number_of_nodes() * g.number_of_edges()
        g.remove_node(victim)
    record(a.out, "disrupt", name, "estimated_total_s", estimate)
    record(a.out, "disrupt", name, "target_steps", a.target_steps)
    print("  disrupt %s: %d steps measured in %.1f s CPU, %d steps estimated %.0f s CPU"
          % (name, len(measured), sum(cpus), a.target_steps, estimate), flush=True)


def approx(a):
    path = a.files[0]
    name = name_of(path)
    g = load(path, a.out, "approx")
    start, cpu = time.perf_counter(), time.process_time()
    nx.betweenness_centrality(g, k=a.k, seed=a.seed)
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu
    record(a.out, "approx", name, "k%d_wall_s" % a.k, seconds)
    record(a.out, "approx", name, "k%d_s" % a.k, cpu)
    print("  approx %s k=%d: %.1f s wall, %.1f s CPU" % (name, a.k, seconds, cpu), flush=True)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("task", choices=["exact", "disrupt", "approx"])
    p.add_argument("files", nargs="+")
    p.add_argument("--out", required=True)
    p.add_argument("--scores")
    p.add_argument("--reps", type=int, default=1)
    p.add_argument("--steps", type=int, default=3)
    p.add_argument("--target-steps", type=int, default=50)
    p.add_argument("--java-curve", help="Passerelle's curve: its removals extend an estimate cut at --steps")
    p.add_argument("--from-step", type=int, default=0,
                   help="start after this many of Passerelle's removals (--java-curve): a later segment of the run")
    p.add_argument("--curve", help="write the NetworkX curve here, in the CSV format of `network disrupt`")
    p.add_argument("--k", type=int, default=20)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    print("networkx %s" % nx.__version__, flush=True)
    {"exact": exact, "disrupt": disrupt, "approx": approx}[a.task](a)


if __name__ == "__main__":
    main()
