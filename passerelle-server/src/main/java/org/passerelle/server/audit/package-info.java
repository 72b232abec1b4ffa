/** The tamper-evident audit log: who did what to which record, when, from where, with what outcome. */
package org.passerelle.server.audit;
