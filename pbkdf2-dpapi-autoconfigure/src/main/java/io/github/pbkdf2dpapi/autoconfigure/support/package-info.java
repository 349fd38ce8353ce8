/**
 * Support classes shared by the starter's auto-configurations; not an API for applications.
 */
package io.github.pbkdf2dpapi.autoconfigure.support;
