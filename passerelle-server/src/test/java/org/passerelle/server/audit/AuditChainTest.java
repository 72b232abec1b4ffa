package org.passerelle.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.passerelle.server.cli.CliRunner;
import org.passerelle.server.support.NodeTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

class AuditChainTest extends NodeTest {

    @Autowired
    AuditLog log;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachEntryChainsToThePreviousOne() {
        log.record(event("first"));
        AuditEntry first = latest();
        log.record(event("second"));
        AuditEntry second = latest();

        assertThat(second.seq()).isEqualTo(first.seq() + 1);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void anAlteredRowIsNamedByVerifyAndByTheCommand() throws IOException {
        log.record(event("before"));
        log.record(event("original detail"));
        AuditEntry target = latest();
        log.record(event("after"));
        try {
            jdbc.sql("UPDATE audit_log SET details = 'forged detail' WHERE seq = :seq").param("seq", target.seq()).update();

            ChainVerification result = log.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenSeq()).hasValue(target.seq());
            assertThat(result.reason()).contains("does not match its hash");

            CliRunner.Result command = CliRunner.run(configFile(), "audit", "verify");
            assertThat(command.exitCode()).isEqualTo(1);
            assertThat(command.err()).contains("BROKEN at entry " + target.seq());
        } finally {
            jdbc.sql("UPDATE audit_log SET details = 'original detail' WHERE seq = :seq").param("seq", target.seq())
                    .update();
        }
        assertThat(log.verify().intact()).isTrue();
        assertThat(CliRunner.run(configFile(), "audit", "verify").out()).contains("Audit chain intact");
    }

    @Test
    void aRemovedRowIsNamedAsMissing() {
        log.record(event("one"));
        log.record(event("two"));
        AuditEntry removed = latest();
        log.record(event("three"));
        var row = jdbc.sql("SELECT * FROM audit_log WHERE seq = :seq").param("seq", removed.seq()).query().singleRow();
        jdbc.sql("DELETE FROM audit_log WHERE seq = :seq").param("seq", removed.seq()).update();
        try {
            ChainVerification result = log.verify();
            assertThat(result.firstBrokenSeq()).hasValue(removed.seq());
            assertThat(result.reason()).contains("missing");
        } finally {
            String columns = String.join(", ", row.keySet());
            String params = row.keySet().stream().map(k -> ":" + k).collect(Collectors.joining(", "));
            var restore = jdbc.sql("INSERT INTO audit_log (" + columns + ") VALUES (" + params + ")");
            for (var entry : row.entrySet()) {
                restore = restore.param(entry.getKey(), entry.getValue());
            }
            restore.update();
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void filtersByActorActionAndRecord() {
        log.record(new AuditEvent("filter.alice", "case.read", "case", "C-1", "10.0.0.1", AuditOutcome.SUCCESS, null));
        log.record(new AuditEvent("filter.alice", "case.update", "case", "C-2", "10.0.0.1", AuditOutcome.SUCCESS, null));
        log.record(new AuditEvent("filter.bob", "case.read", "case", "C-1", "10.0.0.2", AuditOutcome.DENIED, null));

        assertThat(log.search(new AuditFilter("filter.alice", null, null, null, null, 10))).hasSize(2);
        assertThat(log.search(new AuditFilter(null, "case.read", "C-1", null, null, 10)))
                .extracting(e -> e.event().actor()).containsExactly("filter.bob", "filter.alice");
        assertThat(log.search(new AuditFilter("filter.bob", "case.", null, null, null, 10)))
                .singleElement().satisfies(e -> assertThat(e.event().outcome()).isEqualTo(AuditOutcome.DENIED));
    }

    @Test
    void anAppendCommittedInsideABusinessTransactionIsLinkedOnlyIfItCommits(@Autowired TransactionTemplate transactions) {
        transactions.executeWithoutResult(status -> {
            log.record(event("rolled back"));
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> log.record(event("committed")));

        assertThat(latest().event().details()).isEqualTo("committed");
        assertThat(log.search(new AuditFilter("audit.test", null, null, null, null, 1000)))
                .extracting(e -> e.event().details()).doesNotContain("rolled back");
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void concurrentAppendsFormOneGapFreeChain() throws Exception {
        int threads = 4;
        int each = 50;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        log.record(event("concurrent " + thread + "/" + i));
                    }
                });
            }
        }
        List<AuditEntry> entries = log.search(new AuditFilter("audit.test", null, null, null, null, 10_000));
        assertThat(entries).extracting(e -> e.event().details()).filteredOn(d -> d.startsWith("concurrent"))
                .hasSize(threads * each).doesNotHaveDuplicates();
        assertThat(log.verify().intact()).isTrue();
    }

    /** The newest entry of this test's actor, once linked into the chain. */
    private AuditEntry latest() {
        return log.search(new AuditFilter("audit.test", null, null, null, null, 1)).get(0);
    }

    private static AuditEvent event(String details) {
        return new AuditEvent("audit.test", "test.event", "test", "T-1", "127.0.0.1", AuditOutcome.SUCCESS, details);
    }

    /** A configuration file pointing the command line at this test node's database and data folder. */
    private static Path configFile() throws IOException {
        Path file = DATA_DIR.resolve("cli.properties");
        StringBuilder text = new StringBuilder();
        text.append("passerelle.data-dir=").append(DATA_DIR).append('\n');
        text.append("passerelle.party.code=FR\n");
        DATABASE.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Files.writeString(file, text.toString());
        return file;
    }
}
