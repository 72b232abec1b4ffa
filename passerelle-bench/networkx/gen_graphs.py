#!/usr/bin/env python3
"""Generates the benchmark graphs ONCE, seeded, as edge lists that both sides read.

Files (tab-separated `source<TAB>target`, undirected, one edge a line, node ids are integers written as text):
  er-<n>.tsv   G(n, m) random graph (Erdos-Renyi), m = 10 n edges (10 edges a node), seed 42 + n
  ba-<n>.tsv   Barabasi-Albert scale-free graph, each new node attaches 10 edges, seed 43 + n
  ba2-<n>.tsv  Barabasi-Albert, each new node attaches 2 edges (m ~ 2 n: sparse, as criminal networks are), seed 45 + n,
               for n in --sparse-sizes (default 5000)
  calls-100k.tsv  a 'call graph': Chung-Lu (expected-degree) graph with power-law weights (exponent 2.3),
               100,000 subscribers, ~1,000,000 distinct caller-callee pairs, seed 44
  calls-20k.tsv  the same at one fifth (--only-calls --calls-nodes 20000 --calls-edges 200000 --calls-name calls-20k)

Edges are written in the generator's order after a seeded shuffle, so that node numbering by first appearance
(both Passerelle and NetworkX number nodes that way) does not favour either side.
A file that already exists is kept (delete the directory to regenerate; the output is deterministic).
"""
import argparse
import os
import random
import sys

import networkx as nx


def write(path, graph, seed):
    edges = [(int(u), int(v)) for u, v in graph.edges() if u != v]
    random.Random(seed).shuffle(edges)
    tmp = path + ".tmp"
    with open(tmp, "w") as out:
        out.write("# %s: %d nodes (with at least one edge), %d edges\n"
                  % (os.path.basename(path), len({x for e in edges for x in e}), len(edges)))
        for u, v in edges:
            out.write("%d\t%d\n" % (u, v))
    os.replace(tmp, path)


def call_graph(n, target_edges, exponent, seed):
    # Chung-Lu weights w_i ~ (i + i0)^(-1/(exponent-1)), scaled to mean degree 2 m / n; a few iterations adjust the
    # scale so that the realised number of distinct edges is close to target_edges.
    import math
    beta = 1.0 / (exponent - 1.0)
    i0 = 10.0
    base = [(i + i0) ** (-beta) for i in range(n)]
    mean = 2.0 * target_edges / n
    scale = mean / (sum(base) / n)
    weights = [scale * b for b in base]
    cap = math.sqrt(sum(weights))  # keep w_i w_j / S <= 1 (no saturation)
    weights = [min(w, cap) for w in weights]
    weights = [w * (2.0 * target_edges / sum(weights)) for w in weights]
    g = nx.expected_degree_graph(weights, seed=seed, selfloops=False)
    return g


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--out", required=True)
    p.add_argument("--sizes", default="1000,2000,3000,5000")
    p.add_argument("--sparse-sizes", default="5000")
    p.add_argument("--calls-nodes", type=int, default=100_000)
    p.add_argument("--calls-edges", type=int, default=1_000_000)
    p.add_argument("--calls-name", default="calls-100k")
    p.add_argument("--only-calls", action="store_true")
    a = p.parse_args()
    os.makedirs(a.out, exist_ok=True)
    for n in ([] if a.only_calls else [int(s) for s in a.sizes.split(",")]):
        path = os.path.join(a.out, "er-%d.tsv" % n)
        if not os.path.exists(path):
            write(path, nx.gnm_random_graph(n, 10 * n, seed=42 + n), 1000 + n)
        path = os.path.join(a.out, "ba-%d.tsv" % n)
        if not os.path.exists(path):
            write(path, nx.barabasi_albert_graph(n, 10, seed=43 + n), 2000 + n)
    for n in ([] if a.only_calls else [int(s) for s in a.sparse_sizes.split(",")]):
        path = os.path.join(a.out, "ba2-%d.tsv" % n)
        if not os.path.exists(path):
            write(path, nx.barabasi_albert_graph(n, 2, seed=45 + n), 4000 + n)
    path = os.path.join(a.out, a.calls_name + ".tsv")
    if not os.path.exists(path):
        write(path, call_graph(a.calls_nodes, a.calls_edges, 2.3, 44), 3000)
    for f in sorted(os.listdir(a.out)):
        with open(os.path.join(a.out, f)) as fh:
            print(fh.readline().strip(), file=sys.stderr)


if __name__ == "__main__":
    main()
