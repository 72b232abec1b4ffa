package org.passerelle.server.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.transaction.annotation.Transactional;

/**
 * A transaction of work on a case. A refusal ({@link CaseNotFoundException}) commits instead of rolling back, so
 * that its audit entry stays: the team is checked before anything is written. Recording the refusal in a
 * transaction of its own instead would hold a second connection per refused request and could drain the pool.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Transactional(noRollbackFor = CaseNotFoundException.class)
public @interface CaseTransactional {
}
