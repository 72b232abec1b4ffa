/**
 * Readmission: identification requests from prefectures to consulates, the consulates' decisions, the signed
 * laissez-passer, removals, the detention clock, the safeguards, and one set of statistics computed from the threads.
 */
@ApplicationModule(allowedDependencies = {"audit", "exchange", "i18n", "party", "registry", "shared", "storage", "web"})
package org.passerelle.server.readmission;

import org.springframework.modulith.ApplicationModule;
