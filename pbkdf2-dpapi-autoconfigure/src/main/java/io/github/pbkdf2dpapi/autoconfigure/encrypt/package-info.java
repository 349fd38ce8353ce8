/**
 * Decryption of {@code ENC(<scheme>:<data>)} configuration values: an
 * {@code EnvironmentPostProcessor} that wraps every property source, the bootstrap of the
 * protectors from plain properties, failure analysis and Actuator masking.
 */
package io.github.pbkdf2dpapi.autoconfigure.encrypt;
