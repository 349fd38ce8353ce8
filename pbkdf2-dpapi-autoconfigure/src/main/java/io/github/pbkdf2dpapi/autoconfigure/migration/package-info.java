/**
 * Auto-configuration that stores passwords re-hashed at login for custom JDBC user tables.
 */
package io.github.pbkdf2dpapi.autoconfigure.migration;
