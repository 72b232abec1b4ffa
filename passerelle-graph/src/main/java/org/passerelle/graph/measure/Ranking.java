package org.passerelle.graph.measure;

/**
 * Picks the highest scores, breaking ties by first appearance in the input (lowest node index).
 *
 * <p>Two scores within a relative {@value #TIE_TOLERANCE} of each other are tied: the same betweenness summed in
 * another order (another thread split, another library) differs in its last bits, and such noise must not decide
 * who is removed first.
 */
public final class Ranking {
    /** Relative difference under which two scores are considered equal. */
    public static final double TIE_TOLERANCE = 1e-9;

    private Ranking() {
    }

    /**
     * The node with the highest score among those not excluded ({@code excluded} may be null), or -1 if none; when
     * no score is a number, the first node not excluded.
     */
    public static int best(double[] scores, boolean[] excluded) {
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < scores.length; v++) {
            if ((excluded == null || !excluded[v]) && scores[v] > max) {
                max = scores[v];
            }
        }
        for (int v = 0; v < scores.length; v++) {
            if ((excluded == null || !excluded[v]) && tiedOrAbove(scores[v], max)) {
                return v;
            }
        }
        return -1;
    }

    /** The {@code k} highest-scored nodes, best first (fewer when there are fewer nodes). */
    public static int[] top(double[] scores, int k) {
        int count = Math.min(k, scores.length);
        boolean[] taken = new boolean[scores.length];
        int[] top = new int[count];
        for (int i = 0; i < count; i++) {
            top[i] = best(scores, taken);
            taken[top[i]] = true;
        }
        return top;
    }

    private static boolean tiedOrAbove(double score, double max) {
        return max == Double.NEGATIVE_INFINITY || score >= max || max - score <= TIE_TOLERANCE * Math.max(Math.abs(max), Math.abs(score));
    }
}
