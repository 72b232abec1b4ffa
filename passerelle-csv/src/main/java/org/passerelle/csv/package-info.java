/**
 * CSV as RFC 4180 writes it, for every file the project reads or writes: one reader that knows quoted fields, doubled
 * quotes and line breaks inside quotes and names the line of a malformed row; one writer that quotes what needs it and
 * keeps a spreadsheet from running a cell as a formula.
 */
package org.passerelle.csv;
