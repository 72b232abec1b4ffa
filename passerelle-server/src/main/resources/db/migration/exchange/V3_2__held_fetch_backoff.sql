-- Module exchange: a held envelope's missing parents are fetched with back-off, so that a parent the sender cannot
-- provide is asked for less and less often instead of at every round of the outbox.
ALTER TABLE exchange_envelope ADD COLUMN fetch_attempts INT DEFAULT 0 NOT NULL;
ALTER TABLE exchange_envelope ADD COLUMN next_fetch_at TIMESTAMP WITH TIME ZONE;
