package org.passerelle.graph.io;

/**
 * One field of an input line.
 *
 * @param text   the field, unquoted and trimmed
 * @param column where it starts on its line, from 1 (for error messages)
 */
record Field(String text, int column) {
}
