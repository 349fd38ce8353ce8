-- pbkdf2-dpapi audit trail (H2): an HMAC chain of authentication events.
-- Each entry carries the MAC of the previous one; the single state row (id = 1) holds the signed
-- anchor (first kept entry after retention purges) and head (last entry). Times are epoch ms.
-- No password, hash, salt, pepper or key is ever written here.
CREATE TABLE IF NOT EXISTS pbkdf2_dpapi_audit (
	sequence_number BIGINT NOT NULL PRIMARY KEY,
	occurred_at BIGINT NOT NULL,
	event_type VARCHAR(64) NOT NULL,
	principal VARCHAR(256),
	details VARCHAR(4000) NOT NULL,
	key_id VARCHAR(32) NOT NULL,
	previous_mac CHAR(64) NOT NULL,
	mac CHAR(64) NOT NULL
);
CREATE INDEX IF NOT EXISTS pbkdf2_dpapi_audit_occurred_at ON pbkdf2_dpapi_audit (occurred_at);
CREATE TABLE IF NOT EXISTS pbkdf2_dpapi_audit_state (
	id INT NOT NULL PRIMARY KEY,
	anchor_sequence BIGINT NOT NULL,
	anchor_previous_mac CHAR(64) NOT NULL,
	head_sequence BIGINT NOT NULL,
	head_mac CHAR(64) NOT NULL,
	key_id VARCHAR(32) NOT NULL,
	state_mac CHAR(64) NOT NULL
);
