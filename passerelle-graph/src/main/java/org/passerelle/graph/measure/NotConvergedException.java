package org.passerelle.graph.measure;

/** An iterative measure that did not settle within its iteration budget (NetworkX raises the same). */
public final class NotConvergedException extends RuntimeException {
    public NotConvergedException(String measure, int iterations) {
        super(measure + " did not converge in " + iterations + " iterations");
    }
}
