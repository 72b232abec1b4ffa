package org.passerelle.graph.path;

import java.util.Arrays;

/** A binary min-heap of (distance, node) pairs in primitive arrays, for Dijkstra with lazy deletion. */
final class MinHeap {
    private double[] keys = new double[16];
    private int[] nodes = new int[16];
    private int size;

    void clear() {
        size = 0;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void push(double key, int node) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            nodes = Arrays.copyOf(nodes, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int up = (i - 1) >>> 1;
            if (keys[up] <= key) {
                break;
            }
            keys[i] = keys[up];
            nodes[i] = nodes[up];
            i = up;
        }
        keys[i] = key;
        nodes[i] = node;
    }

    double peekKey() {
        return keys[0];
    }

    /** Removes the entry of smallest key and returns its node. */
    int pop() {
        int top = nodes[0];
        size--;
        if (size > 0) {
            double key = keys[size];
            int node = nodes[size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && keys[child + 1] < keys[child]) {
                    child++;
                }
                if (keys[child] >= key) {
                    break;
                }
                keys[i] = keys[child];
                nodes[i] = nodes[child];
                i = child;
            }
            keys[i] = key;
            nodes[i] = node;
        }
        return top;
    }
}
