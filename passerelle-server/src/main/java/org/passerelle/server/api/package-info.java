/** The REST API under /api/v1, authenticated by personal tokens, with the same access rules as the pages. */
package org.passerelle.server.api;
