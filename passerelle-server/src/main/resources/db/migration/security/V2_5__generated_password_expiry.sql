-- Module security: a password an administrator generated (a reset, or an account opened without one) stops working
-- when unused for passerelle.security.generated-password-lifetime (3 days by default), so that one handed over and
-- forgotten cannot be used weeks later. Generated passwords not yet replaced get the default lifetime from now.
ALTER TABLE users ADD COLUMN generated_password_expires_at TIMESTAMP WITH TIME ZONE;
UPDATE users SET generated_password_expires_at = CURRENT_TIMESTAMP + INTERVAL '3' DAY WHERE password_change_required;
