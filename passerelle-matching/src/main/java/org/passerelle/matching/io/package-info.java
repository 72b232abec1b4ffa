/** The CSV contract of the match command: RFC 4180 reading and writing, registry and query rows. */
package org.passerelle.matching.io;
