-- Module audit: the append-only, hash-chained audit log and the head of its chain.
CREATE TABLE audit_log (
    seq          BIGINT PRIMARY KEY,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(120) NOT NULL,
    action       VARCHAR(80)  NOT NULL,
    record_type  VARCHAR(60),
    record_id    VARCHAR(120),
    address      VARCHAR(64),
    outcome      VARCHAR(16)  NOT NULL,
    details      VARCHAR(1000),
    prev_hash    CHAR(64)     NOT NULL,
    entry_hash   CHAR(64)     NOT NULL
);
CREATE INDEX audit_log_actor ON audit_log (actor, seq);
CREATE INDEX audit_log_record ON audit_log (record_id, seq);
CREATE INDEX audit_log_time ON audit_log (recorded_at);

CREATE TABLE audit_head (
    id          INT PRIMARY KEY,
    seq         BIGINT   NOT NULL,
    entry_hash  CHAR(64) NOT NULL
);
INSERT INTO audit_head (id, seq, entry_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
