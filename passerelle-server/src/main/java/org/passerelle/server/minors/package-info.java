/**
 * Unaccompanied minors: France's record of a minor and its identification request, Morocco's identification, family
 * tracing across scripts (families' requests and reported children matched both ways where consent is recorded, each
 * match confirmed by a person), home assessment, the best-interests procedure (assessment, determination, each
 * approved by a second person; the judge's decision), the care arrangement in a family or a protection and training
 * centre, the follow-up plan and visits, a return refused until every safeguard holds, and the figures both parties
 * share.
 */
@ApplicationModule(allowedDependencies = {"audit", "exchange", "i18n", "party", "registry", "shared", "storage", "web"})
package org.passerelle.server.minors;

import org.springframework.modulith.ApplicationModule;
