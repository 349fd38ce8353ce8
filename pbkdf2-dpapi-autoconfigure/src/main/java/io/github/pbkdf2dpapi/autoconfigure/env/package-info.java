/**
 * Support for property sources shared by the features of the auto-configuration.
 */
package io.github.pbkdf2dpapi.autoconfigure.env;
