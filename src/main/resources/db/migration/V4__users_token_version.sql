-- Tokens carry the version they were issued at (the "ver" claim) and prove nothing once it is
-- behind: a password change bumps it, so every token issued before the change is revoked.
ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0;
