-- Module security: TOTP secrets are now stored encrypted (AES-GCM under a key derived from the node key),
-- which needs more room than the base32 secret itself.
ALTER TABLE users ALTER COLUMN totp_secret SET DATA TYPE VARCHAR(200);
