/**
 * Legacy password hashes: verifying them (MD5, SHA, ASP.NET Identity, Spring Security, the
 * article's salt:hash), wrapping them in our record, equal timing, and upgrading them at login.
 */
package io.github.pbkdf2dpapi.legacy;
