/** Languages: the three message bundles (Arabic, French, English), ICU formatting with plurals, text direction. */
package org.passerelle.server.i18n;
