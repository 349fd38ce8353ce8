/**
 * Bulk migration of a JDBC table of legacy hashes: wrap, resume, report, flag for reset.
 */
package io.github.pbkdf2dpapi.legacy.migrate;
