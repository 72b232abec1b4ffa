-- Module exchange: the signatures of node-to-node requests seen while their dates are accepted, so that a captured
-- request cannot be played again.
CREATE TABLE exchange_seen_signature (
    signature_hash  CHAR(64) PRIMARY KEY,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX exchange_seen_signature_expiry ON exchange_seen_signature (expires_at);
