/**
 * Encrypted configuration values, {@code ENC(<scheme>:<data>)}: the versioned format, and the
 * helper the CLI and the Spring Boot integration use to write and read them.
 */
package io.github.pbkdf2dpapi.encrypt;
