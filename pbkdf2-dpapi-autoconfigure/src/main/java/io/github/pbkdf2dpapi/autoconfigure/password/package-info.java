/**
 * Auto-configuration of the pbkdf2-dpapi {@code PasswordEncoder}: PBKDF2, pepper and envelope.
 */
package io.github.pbkdf2dpapi.autoconfigure.password;
