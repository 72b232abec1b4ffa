-- Module security: API tokens expire (passerelle.api-token.lifetime, 90 days by default); tokens issued before
-- this migration get the default lifetime from their creation.
ALTER TABLE api_tokens ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
UPDATE api_tokens SET expires_at = created_at + INTERVAL '90' DAY;
ALTER TABLE api_tokens ALTER COLUMN expires_at SET NOT NULL;
