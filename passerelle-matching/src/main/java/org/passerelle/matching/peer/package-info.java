/**
 * Peers measured beside the engine on the same data: a plain Lucene fuzzy-query matcher and a Double Metaphone
 * matcher like Primero's. They exist for the benchmark only; the engine does not use them.
 */
package org.passerelle.matching.peer;
