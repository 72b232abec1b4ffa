-- Module audit: heads of the chain the node signed with its key, at intervals. They name entries a database writer
-- cannot remove or rewrite without the key; the node's peers keep copies as witnesses.
CREATE TABLE audit_checkpoint (
    seq          BIGINT PRIMARY KEY,
    entry_hash   CHAR(64)     NOT NULL,
    signed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    signature    VARCHAR(200) NOT NULL
);
