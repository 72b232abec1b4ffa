/** Cross-script identity resolution: normalises Arabic and Latin names, indexes a registry, scores and explains candidates. */
package org.passerelle.matching;
