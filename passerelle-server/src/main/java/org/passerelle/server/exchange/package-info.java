/** Exchange between nodes: envelopes stored byte for byte, the outbox and its deliveries, the inbox, receipts, retries. */
package org.passerelle.server.exchange;
