package io.github.pbkdf2dpapi.autoconfigure.lockout;

import java.util.Map;

import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.ClassUtils;

/**
 * Publishes Spring Boot {@code AuditApplicationEvent}s when the actuator is on the classpath.
 */
final class LockoutAuditEvents {

	/** Audit type of a lock caused by failed logins. */
	static final String ACCOUNT_LOCKED = "PBKDF2_DPAPI_ACCOUNT_LOCKED";

	/** Audit type of a lock lifted by an administrator. */
	static final String ACCOUNT_UNLOCKED = "PBKDF2_DPAPI_ACCOUNT_UNLOCKED";

	/** Audit type of a client address that spent its failure budget. */
	static final String ADDRESS_THROTTLED = "PBKDF2_DPAPI_ADDRESS_THROTTLED";

	private static final boolean ACTUATOR_PRESENT = ClassUtils.isPresent(
			"org.springframework.boot.actuate.audit.listener.AuditApplicationEvent",
			LockoutAuditEvents.class.getClassLoader());

	private LockoutAuditEvents() {
	}

	static void publish(ApplicationEventPublisher publisher, String principal, String type, Map<String, Object> data) {
		if (ACTUATOR_PRESENT) {
			Actuator.publish(publisher, principal, type, data);
		}
	}

	private static final class Actuator {

		static void publish(ApplicationEventPublisher publisher, String principal, String type,
				Map<String, Object> data) {
			publisher.publishEvent(new AuditApplicationEvent(principal, type, data));
		}

	}

}
