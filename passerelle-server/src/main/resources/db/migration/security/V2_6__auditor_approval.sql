-- Module security: an auditor account opened by an administrator waits, disabled, for a second administrator's
-- approval (separation of duties: no administrator alone can read the audit log).
ALTER TABLE users ADD COLUMN approval_requested_by VARCHAR(64);
ALTER TABLE users ADD COLUMN approved_by VARCHAR(64);
