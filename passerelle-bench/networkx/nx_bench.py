#!/usr/bin/env python3
"""The NetworkX side of the graph benchmark (issue 5). Reads the same edge lists as GraphBench (Java).

  nx_bench.py exact   --out RESULTS.jsonl --scores DIR [--reps R] FILE...
  nx_bench.py disrupt --out RESULTS.jsonl --steps K --java-curve CURVE.csv [--target-steps 50] FILE
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


def lcc(g):
    return max((len(c) for c in nx.connected_components(g)), default=0)


def disrupt(a):
    path = a.files[0]
    name = name_of(path)
    g = load(path, a.out, "disrupt")
    java = []
    with open(a.java_curve) as fh:
        next(fh)
        for line in fh:
            step, removed = line.split(",")[:2]
            if int(step) > 0:
                java.append(removed)
    n0 = g.number_of_nodes()
    measured, cpus, work, removed = [], [], [], []
    for step in range(1, a.steps + 1):
        start, cpu = time.perf_counter(), time.process_time()
        bc = nx.betweenness_centrality(g)
        victim = best(bc)
        work.append(g.number_of_nodes() * g.number_of_edges())
        g.remove_node(victim)
        size = lcc(g)
        measured.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
        removed.append(victim)
        print("  disrupt %s step %d: removed %s (passerelle: %s), lcc %d, %.2f s wall, %.2f s CPU" % (
            name, step, victim, java[step - 1] if step <= len(java) else "?", size, measured[-1], cpus[-1]),
            flush=True)
    same = removed == java[:len(removed)]
    record(a.out, "disrupt", name, "measured_steps", len(measured))
    record(a.out, "disrupt", name, "measured_s", sum(measured))
    record(a.out, "disrupt", name, "measured_cpu_s", sum(cpus))
    record(a.out, "disrupt", name, "same_removals", 1.0 if same else 0.0)
    # Estimate the remaining steps along Passerelle's removal sequence (from CPU time, see --help of exact).
    per_unit = sum(cpus) / sum(work)
    estimate = sum(cpus)
    for victim in java[len(removed):a.target_steps]:
        estimate += per_unit * g.number_of_nodes() * g.number_of_edges()
        g.remove_node(victim)
    record(a.out, "disrupt", name, "estimated_total_s", estimate)
    record(a.out, "disrupt", name, "target_steps", a.target_steps)
    print("  disrupt %s: %d steps measured in %.1f s, same removals as passerelle: %s, %d steps estimated %.0f s"
          % (name, len(measured), sum(measured), same, a.target_steps, estimate), flush=True)


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
    p.add_argument("--java-curve")
    p.add_argument("--k", type=int, default=20)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    print("networkx %s" % nx.__version__, flush=True)
    {"exact": exact, "disrupt": disrupt, "approx": approx}[a.task](a)


if __name__ == "__main__":
    main()
