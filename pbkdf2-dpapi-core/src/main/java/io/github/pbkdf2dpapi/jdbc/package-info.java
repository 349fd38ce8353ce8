/**
 * Plain JDBC support shared by the stores of the core (lockout counters, audit trail).
 */
package io.github.pbkdf2dpapi.jdbc;
