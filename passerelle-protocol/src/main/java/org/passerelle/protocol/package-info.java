/** The envelope protocol between nodes: node keys, canonical form, signatures and hash chains (no Spring). */
package org.passerelle.protocol;
