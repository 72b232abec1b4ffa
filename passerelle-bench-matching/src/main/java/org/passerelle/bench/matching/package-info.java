/** Duke, the Lucene-based record linkage engine, run as a peer of the matching engine in a classpath of its own. */
package org.passerelle.bench.matching;
