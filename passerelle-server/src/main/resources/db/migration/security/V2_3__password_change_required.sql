-- Module security: a password an administrator generated must be replaced by its owner at the next sign-in.
ALTER TABLE users ADD COLUMN password_change_required BOOLEAN DEFAULT FALSE NOT NULL;
