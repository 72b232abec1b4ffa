/**
 * The joint migration group: its meetings as shared threads (agenda, participants, minutes in Arabic and French
 * approved by both co-chairs, decisions), the action items decisions become, the register of the agreements the
 * cooperation rests on, the indicators every module shares, and the bilingual meeting pack.
 */
@ApplicationModule(allowedDependencies = {"audit", "exchange", "i18n", "party", "shared", "storage", "web"})
package org.passerelle.server.coordination;

import org.springframework.modulith.ApplicationModule;
