-- pbkdf2-dpapi brute-force protection counters (H2).
-- lockout_key is HMAC-SHA256(server secret, username or address): no plain usernames or addresses.
-- Times are epoch milliseconds; locked_until = 9223372036854775807 means a permanent lock.
CREATE TABLE IF NOT EXISTS pbkdf2_dpapi_lockout (
	lockout_key VARCHAR(80) NOT NULL PRIMARY KEY,
	failures INT NOT NULL,
	window_start BIGINT NOT NULL,
	consecutive_failures INT NOT NULL,
	lockouts INT NOT NULL,
	locked_until BIGINT NOT NULL,
	expires_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS pbkdf2_dpapi_lockout_expires_at ON pbkdf2_dpapi_lockout (expires_at);
CREATE INDEX IF NOT EXISTS pbkdf2_dpapi_lockout_locked_until ON pbkdf2_dpapi_lockout (locked_until);
