package org.passerelle.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.server.support.TwoNodes.await;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.server.cli.CliRunner;
import org.passerelle.server.support.TwoNodes;
import org.passerelle.server.witness.Witnesses;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Someone who can write a node's database removes the chain's last entries, or rewrites entries and recomputes every
 * hash after them: the chain still walks, but the heads the node signed with its key, and the copies its peers keep
 * as witnesses, name what was done. Two real nodes; France's chain is tampered with.
 */
class AuditAnchoringTest {

    private TwoNodes nodes;
    private AuditLog log;
    private JdbcClient france;

    @BeforeEach
    void startNodes() {
        nodes = TwoNodes.start();
        log = nodes.france().bean(AuditLog.class);
        france = nodes.france().bean(JdbcClient.class);
        for (int i = 0; i < 20; i++) {
            log.record(new AuditEvent("audit.test", "test.event", "test", "T-" + i, null, AuditOutcome.SUCCESS, "entry " + i));
        }
        assertThat(log.verify().intact()).isTrue(); // links what is pending, so the head covers the entries above
        AuditCheckpoint signed = nodes.france().bean(AuditCheckpoints.class).signIfDue(true).orElseThrow();
        await("Morocco's receipt for France's signed head", () -> nodes.france().bean(Witnesses.class).lastWitnessed()
                .stream().anyMatch(w -> w.checkpoint().filter(c -> c.seq() >= signed.seq()).isPresent()));
        assertThat(log.verify().intact()).isTrue();
    }

    @AfterEach
    void stopNodes() {
        nodes.close();
    }

    @Test
    void aTruncatedChainIsNamedByTheNodesSignedHeadsAndByThePeersWitness() {
        long signed = newestSigned();
        long keep = signed - 10;
        Map<String, Object> kept = france.sql("SELECT entry_hash FROM audit_log WHERE seq = :s").param("s", keep)
                .query().singleRow();
        france.sql("DELETE FROM audit_log WHERE seq > :s").param("s", keep).update();
        france.sql("UPDATE audit_head SET seq = :s, entry_hash = :h WHERE id = 1").param("s", keep)
                .param("h", kept.get("entry_hash")).update();

        ChainVerification own = log.verify();
        assertThat(own.intact()).isFalse();
        assertThat(own.reason()).contains("removed", "this node holds this node's signature over entry " + signed);

        // The writer also removes the node's own signed heads: only the peer's copies are left to tell.
        france.sql("DELETE FROM audit_checkpoint WHERE seq > :s").param("s", keep).update();
        assertThat(log.verify().intact()).isTrue();
        CliRunner.Result withPeers = CliRunner.run(nodes.france().configuration(), "audit", "verify", "--peers");
        assertThat(withPeers.exitCode()).isEqualTo(1);
        assertThat(withPeers.err()).contains("BROKEN", "peer MA holds this node's signature over entry " + signed);
    }

    @Test
    void aRewrittenChainWithRecomputedHashesIsNamedByTheNodesSignedHeadsAndByThePeersWitness() {
        long signed = newestSigned();
        long forged = signed - 5;
        List<Map<String, Object>> rows = france.sql("SELECT * FROM audit_log WHERE seq >= :s ORDER BY seq")
                .param("s", forged).query().listOfRows();
        String previous = ((String) france.sql("SELECT entry_hash FROM audit_log WHERE seq = :s").param("s", forged - 1)
                .query().singleRow().get("entry_hash")).strip();
        for (Map<String, Object> row : rows) {
            long seq = ((Number) row.get("seq")).longValue();
            String details = seq == forged ? "forged detail" : (String) row.get("details");
            AuditEvent event = new AuditEvent((String) row.get("actor"), (String) row.get("action"),
                    (String) row.get("record_type"), (String) row.get("record_id"), (String) row.get("address"),
                    AuditOutcome.valueOf((String) row.get("outcome")), details);
            OffsetDateTime at = france.sql("SELECT recorded_at FROM audit_log WHERE seq = :s").param("s", seq)
                    .query(OffsetDateTime.class).single();
            String hash = AuditHashing.hash(seq, at.toInstant(), event, previous);
            france.sql("UPDATE audit_log SET details = :d, prev_hash = :p, entry_hash = :h WHERE seq = :s")
                    .param("d", details).param("p", previous).param("h", hash).param("s", seq).update();
            previous = hash;
        }
        france.sql("UPDATE audit_head SET entry_hash = :h WHERE id = 1").param("h", previous).update();

        ChainVerification own = log.verify();
        assertThat(own.intact()).isFalse();
        assertThat(own.reason()).contains("rewritten", "with another hash");
        assertThat(own.firstBrokenSeq().getAsLong()).isLessThanOrEqualTo(forged);

        france.sql("DELETE FROM audit_checkpoint").update();
        assertThat(log.verify().intact()).isTrue();
        CliRunner.Result withPeers = CliRunner.run(nodes.france().configuration(), "audit", "verify", "--peers");
        assertThat(withPeers.exitCode()).isEqualTo(1);
        assertThat(withPeers.err()).contains("rewritten", "peer MA holds this node's signature over entry " + signed);
    }

    private long newestSigned() {
        return nodes.france().bean(AuditCheckpoints.class).latest().orElseThrow().seq();
    }
}
