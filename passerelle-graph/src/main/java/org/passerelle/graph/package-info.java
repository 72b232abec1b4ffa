/** Network analytics for investigations: graphs of actors and links, centralities, communities, paths and disruption planning. */
package org.passerelle.graph;
