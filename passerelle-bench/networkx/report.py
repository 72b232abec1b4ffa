#!/usr/bin/env python3
"""Merges the results of GraphBench (Java) and nx_bench.py into the side-by-side Markdown tables.

  report.py RUN_DIR [RUN_DIR...]

Each RUN_DIR holds results.jsonl and scores/. With several runs (the machine is shared), every time is the best
(lowest) over the runs; other figures are taken from the last run that has them.
"""
import json
import math
import os
import sys
from collections import defaultdict


def load(runs):
    best = {}
    for run in runs:
        with open(os.path.join(run, "results.jsonl")) as fh:
            for line in fh:
                r = json.loads(line)
                key = (r["task"], r["graph"], r["side"], r["metric"])
                v = r["value"]
                if key in best and r["metric"].endswith("_s"):
                    best[key] = min(best[key], v)
                else:
                    best[key] = v
    return best


def scores(path):
    out = {}
    with open(path) as fh:
        for line in fh:
            k, v = line.rstrip("\n").split("\t")
            out[k] = float(v)
    return out


def max_diff(runs, graph):
    for run in reversed(runs):
        p = os.path.join(run, "scores", "passerelle-%s.tsv" % graph)
        n = os.path.join(run, "scores", "networkx-%s.tsv" % graph)
        if os.path.exists(p) and os.path.exists(n):
            a, b = scores(p), scores(n)
            if a.keys() != b.keys():
                return float("nan")
            return max(abs(a[k] - b[k]) for k in a)
    return None


def main():
    runs = sys.argv[1:]
    r = load(runs)
    get = lambda task, graph, side, metric: r.get((task, graph, side, metric))
    graphs = sorted({g for (t, g, s, m) in r if t == "exact"},
                    key=lambda g: (g.split("-")[0], int(g.split("-")[1])))
    print("### 1. Exact betweenness (normalised), parsing excluded\n")
    print("| graph | nodes | edges | Passerelle cold (s) | Passerelle warm best (s) | NetworkX CPU (s) "
          "| NetworkX wall (s) | ratio (NetworkX CPU / Passerelle warm wall) | ratio vs cold | max abs diff of scores |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    ratios = []
    for g in graphs:
        pw = get("exact", g, "passerelle", "warm_best_s")
        pc = get("exact", g, "passerelle", "cold_s")
        nxs = get("exact", g, "networkx", "cpu_s")
        nxw = get("exact", g, "networkx", "best_s")
        d = max_diff(runs, g)
        ratio = nxs / pw if (nxs and pw) else None
        if ratio:
            ratios.append((g, ratio, nxs / pc))
        print("| %s | %d | %d | %.3f | %.3f | %s | %s | %s | %s | %s |" % (
            g, get("exact", g, "passerelle", "nodes"), get("exact", g, "passerelle", "edges"), pc, pw,
            "%.2f" % nxs if nxs else "–", "%.2f" % nxw if nxw else "–", "**%.1f×**" % ratio if ratio else "–",
            "%.1f×" % (nxs / pc) if nxs else "–", "%.1e" % d if d is not None else "–"))
    print("\nParsing the edge list (s), not included above:\n")
    print("| graph | Passerelle | NetworkX |")
    print("|---|---:|---:|")
    for g in graphs:
        print("| %s | %.3f | %s |" % (g, get("exact", g, "passerelle", "parse_s"),
                                     "%.3f" % get("exact", g, "networkx", "parse_s")
                                     if get("exact", g, "networkx", "parse_s") else "–"))
    if ratios:
        low = min(ratios, key=lambda x: x[1])
        print("\nLowest ratio (warm): %.1f× on %s; lowest vs Passerelle's cold run: %.1f×."
              % (low[1], low[0], min(x[2] for x in ratios)))

    print("\n### 4. Growth with the graph (exact betweenness; Brandes is O(n·m), here m = 10 n, so O(n²))\n")
    print("| family | n | Passerelle warm (s) | × vs 1k | NetworkX CPU (s) | × vs 1k | ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    fits = []
    for fam in sorted({g.split("-")[0] for g in graphs}):
        fg = [g for g in graphs if g.startswith(fam + "-")]
        base_p = get("exact", fg[0], "passerelle", "warm_best_s")
        base_n = get("exact", fg[0], "networkx", "cpu_s")
        for g in fg:
            pw = get("exact", g, "passerelle", "warm_best_s")
            nxs = get("exact", g, "networkx", "cpu_s")
            print("| %s | %s | %.3f | %.1f | %s | %s | %s |" % (
                fam, g.split("-")[1], pw, pw / base_p, "%.2f" % nxs if nxs else "–",
                "%.1f" % (nxs / base_n) if nxs and base_n else "–", "%.1f×" % (nxs / pw) if nxs else "–"))
        n0, n1 = int(fg[0].split("-")[1]), int(fg[-1].split("-")[1])
        if n1 == n0:
            continue
        sp = math.log(get("exact", fg[-1], "passerelle", "warm_best_s") / base_p) / math.log(n1 / n0)
        line = "%s: fitted exponent (time ∝ n^e, %d→%d nodes): Passerelle e = %.2f" % (fam, n0, n1, sp)
        if base_n and get("exact", fg[-1], "networkx", "cpu_s"):
            sn = math.log(get("exact", fg[-1], "networkx", "cpu_s") / base_n) / math.log(n1 / n0)
            line += ", NetworkX e = %.2f" % sn
        fits.append(line + ".")
    print()
    for line in fits:
        print("- " + line)

    print("\n### 2. Sequential disruption by betweenness (recomputed after each removal)\n")
    for g in sorted({g for (t, g, s, m) in r if t == "disrupt"}):
        steps = get("disrupt", g, "passerelle", "steps")
        pc = get("disrupt", g, "passerelle", "cold_s")
        pw = get("disrupt", g, "passerelle", "warm_best_s")
        # NetworkX records every step (step<k>_cpu_s, step<k>_same), possibly from segments run side by side.
        step_cpu = {int(m[4:-6]): v for (t, gg, side, m), v in r.items()
                    if t == "disrupt" and gg == g and side == "networkx" and m.startswith("step") and m.endswith("_cpu_s")}
        ms = len(step_cpu)
        mt = sum(step_cpu.values())
        est = get("disrupt", g, "networkx", "estimated_total_s")
        same = all(get("disrupt", g, "networkx", "step%d_same" % k) == 1.0 for k in step_cpu)
        if ms and sorted(step_cpu) != list(range(1, ms + 1)):
            print("(NetworkX steps measured: %s, not 1..%d)\n" % (sorted(step_cpu), ms))
        print("| graph | steps | Passerelle first run (s) | Passerelle warm best (s) | Passerelle per step (s) "
              "| NetworkX measured (CPU) | NetworkX per step (CPU s) | NetworkX %d steps (s) | ratio |" % steps)
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        best = min(x for x in (pc, pw) if x)
        if ms:
            full = ms >= steps
            print("| %s | %d | %.1f | %s | %.2f | %d steps in %.1f s | %.1f | %s%.0f | %s%.0f× |" % (
                g, steps, pc, "%.1f" % pw if pw else "–", best / steps, ms, mt, mt / ms,
                "" if full else "≈ ", mt if full else est, "" if full else "≈ ",
                (mt if full else est) / best))
            print("\nNetworkX removed the same actors as Passerelle on its %d measured steps: %s."
                  % (ms, "yes" if same else "**no**"))
        else:
            print("| %s | %d | %.1f | %s | %.2f | – | – | – | – |" % (
                g, steps, pc, "%.1f" % pw if pw else "–", best / steps))

    print("\n### 3. Approximate betweenness on the call graph (Passerelle; exact ranking by Passerelle's exact "
          "parallel Brandes)\n")
    for g in sorted({g for (t, g, s, m) in r if t == "approx"}):
        ks = sorted({int(m[1:].split("_")[0]) for (t, gg, s, m) in r
                     if t == "approx" and gg == g and s == "passerelle" and m.startswith("k")})
        print("%s: %d nodes, %d edges; parse %.2f s (Passerelle), %s (NetworkX); exact betweenness (Passerelle, "
              "parallel, 2 cores): %s\n" % (
                  g, get("approx", g, "passerelle", "nodes"), get("approx", g, "passerelle", "edges"),
                  get("approx", g, "passerelle", "parse_s"),
                  "%.2f s" % get("approx", g, "networkx", "parse_s") if get("approx", g, "networkx", "parse_s")
                  else "–",
                  "%.0f s" % get("approx", g, "passerelle", "exact_s") if get("approx", g, "passerelle", "exact_s")
                  else "not computed (see text)"))
        seeds = len({m.split("_")[1] for (t, gg, s, m) in r
                     if t == "approx" and gg == g and s == "passerelle" and "_seed" in m})
        print("With %d seed(s) per k: the slowest time, the lowest overlap and the largest error over the seeds.\n"
              % max(seeds, 1))
        print("| k (sources) | time (s) | time + parse (s) | top-100 overlap | largest abs. error (all nodes) "
              "| Hoeffding ε at 95 % | ≤ 60 s and ≥ 0.9 |")
        print("|---:|---:|---:|---:|---:|---:|---|")
        parse = get("approx", g, "passerelle", "parse_s")
        for k in ks:
            t = get("approx", g, "passerelle", "k%d_s" % k)
            o = get("approx", g, "passerelle", "k%d_overlap" % k)
            e = get("approx", g, "passerelle", "k%d_eps95" % k)
            err = get("approx", g, "passerelle", "k%d_maxerr" % k)
            print("| %d | %.1f | %.1f | %s | %s | %.4f | %s |" % (
                k, t, t + parse, "%.2f" % o if o is not None else "– (no exact ranking)",
                "%.5f" % err if err is not None else "–", e,
                ("yes" if (t + parse <= 60 and o >= 0.9) else "no") if o is not None
                else ("time only: %s" % ("≤ 60 s" if t + parse <= 60 else "> 60 s"))))
        nk = [(int(m[1:].split("_")[0]), v) for (t, gg, s, m), v in r.items()
              if t == "approx" and gg == g and s == "networkx" and m.startswith("k") and m.endswith("_s")]
        for k, v in nk:
            pk = get("approx", g, "passerelle", "k%d_s" % k)
            per = v / k
            print("\nNetworkX `betweenness_centrality(G, k=%d)` on the same graph: %.1f s CPU, i.e. %.2f s per source"
                  % (k, v, per))
            for kk in ks:
                t = get("approx", g, "passerelle", "k%d_s" % kk)
                print("- Passerelle k=%d: %.3f s per source (wall, 2 cores) → ratio per source %.0f×"
                      % (kk, t / kk, per / (t / kk)))


if __name__ == "__main__":
    main()
