package io.github.pbkdf2dpapi.lockout;

import java.time.Duration;

/**
 * The brute-force protection policy: when an account is locked and when a client address is
 * throttled. Immutable and validated when built; {@link #builder()} starts from the defaults
 * below, which follow the article (5 failures in 5 minutes lock for 15 minutes) and NIST SP
 * 800-63B (at most {@value #NIST_MAX_CONSECUTIVE_FAILURES} consecutive failures per account).
 *
 * <h2>Per account</h2>
 * <ul>
 * <li>{@code maxFailures} failures within {@code window} lock the account for {@code duration};
 * </li>
 * <li>each further lockout (without a successful login in between) lasts
 * {@code durationMultiplier} times the previous one, capped at {@code maxDuration};</li>
 * <li>after {@code permanentAfterLockouts} lockouts (0: never), or once
 * {@code maxConsecutiveFailures} failures have accumulated without a successful login, the lock
 * is permanent: only an administrator unlocks it;</li>
 * <li>an account that stays quiet for {@code retention} is forgotten.</li>
 * </ul>
 *
 * <h2>Per client address</h2> {@code addressMaxFailures} failures within {@code addressWindow},
 * across all usernames, throttle the address for {@code addressDuration}.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class LockoutPolicy {

	/** The highest number of consecutive failures per account NIST SP 800-63B allows. */
	public static final int NIST_MAX_CONSECUTIVE_FAILURES = 100;

	/** Default number of failures per account within the window that lock it. */
	public static final int DEFAULT_MAX_FAILURES = 5;

	/** Default window of the per-account count. */
	public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

	/** Default duration of a first lockout. */
	public static final Duration DEFAULT_DURATION = Duration.ofMinutes(15);

	/** Default factor applied to the duration of each further lockout. */
	public static final double DEFAULT_DURATION_MULTIPLIER = 2.0;

	/** Default cap on the duration of one lockout. */
	public static final Duration DEFAULT_MAX_DURATION = Duration.ofHours(24);

	/** Default time after which a quiet account's counters are forgotten. */
	public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

	/** Default number of failures per client address within the window that throttle it. */
	public static final int DEFAULT_ADDRESS_MAX_FAILURES = 50;

	private final int maxFailures;

	private final Duration window;

	private final Duration duration;

	private final double durationMultiplier;

	private final Duration maxDuration;

	private final int permanentAfterLockouts;

	private final int maxConsecutiveFailures;

	private final Duration retention;

	private final boolean addressLimitEnabled;

	private final int addressMaxFailures;

	private final Duration addressWindow;

	private final Duration addressDuration;

	private LockoutPolicy(Builder b) {
		this.maxFailures = b.maxFailures;
		this.window = b.window;
		this.duration = b.duration;
		this.durationMultiplier = b.durationMultiplier;
		this.maxDuration = b.maxDuration;
		this.permanentAfterLockouts = b.permanentAfterLockouts;
		this.maxConsecutiveFailures = b.maxConsecutiveFailures;
		this.retention = b.retention;
		this.addressLimitEnabled = b.addressLimitEnabled;
		this.addressMaxFailures = b.addressMaxFailures;
		this.addressWindow = b.addressWindow;
		this.addressDuration = b.addressDuration;
	}

	/**
	 * The policy with every default.
	 * @return the default policy
	 */
	public static LockoutPolicy defaults() {
		return builder().build();
	}

	/**
	 * A builder starting from the defaults.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Number of failures per account within {@link #getWindow()} that lock it.
	 * @return the number of failures
	 */
	public int getMaxFailures() {
		return this.maxFailures;
	}

	/**
	 * Window of the per-account count.
	 * @return the window
	 */
	public Duration getWindow() {
		return this.window;
	}

	/**
	 * Duration of a first lockout.
	 * @return the duration
	 */
	public Duration getDuration() {
		return this.duration;
	}

	/**
	 * Factor applied to each further lockout ({@code 1}: every lockout lasts {@link #getDuration()}).
	 * @return the factor
	 */
	public double getDurationMultiplier() {
		return this.durationMultiplier;
	}

	/**
	 * Cap on the duration of one (temporary) lockout.
	 * @return the cap
	 */
	public Duration getMaxDuration() {
		return this.maxDuration;
	}

	/**
	 * Number of lockouts after which the account is locked permanently, {@code 0} for never.
	 * @return the number of lockouts
	 */
	public int getPermanentAfterLockouts() {
		return this.permanentAfterLockouts;
	}

	/**
	 * Number of failures without a successful login after which the account is locked
	 * permanently; at most {@value #NIST_MAX_CONSECUTIVE_FAILURES}.
	 * @return the number of failures
	 */
	public int getMaxConsecutiveFailures() {
		return this.maxConsecutiveFailures;
	}

	/**
	 * Time after which the counters of an account without activity are forgotten.
	 * @return the retention
	 */
	public Duration getRetention() {
		return this.retention;
	}

	/**
	 * Whether client addresses have a failure budget.
	 * @return {@code true} if they do
	 */
	public boolean isAddressLimitEnabled() {
		return this.addressLimitEnabled;
	}

	/**
	 * Number of failures per client address within {@link #getAddressWindow()} that throttle it.
	 * @return the number of failures
	 */
	public int getAddressMaxFailures() {
		return this.addressMaxFailures;
	}

	/**
	 * Window of the per-address count.
	 * @return the window
	 */
	public Duration getAddressWindow() {
		return this.addressWindow;
	}

	/**
	 * How long a client address that spent its budget is throttled.
	 * @return the duration
	 */
	public Duration getAddressDuration() {
		return this.addressDuration;
	}

	/**
	 * The duration of the {@code n}-th lockout (1-based), growing by
	 * {@link #getDurationMultiplier()} and capped at {@link #getMaxDuration()}.
	 * @param n the number of the lockout, 1 for the first
	 * @return its duration
	 */
	public Duration lockoutDuration(int n) {
		double millis = this.duration.toMillis() * Math.pow(this.durationMultiplier, Math.max(0, n - 1));
		long cap = this.maxDuration.toMillis();
		return Duration.ofMillis((millis >= cap || Double.isNaN(millis)) ? cap : (long) millis);
	}

	@Override
	public String toString() {
		return "LockoutPolicy[maxFailures=" + this.maxFailures + ", window=" + this.window + ", duration="
				+ this.duration + ", durationMultiplier=" + this.durationMultiplier + ", maxDuration="
				+ this.maxDuration + ", permanentAfterLockouts=" + this.permanentAfterLockouts
				+ ", maxConsecutiveFailures=" + this.maxConsecutiveFailures + ", retention=" + this.retention
				+ ", addressLimitEnabled=" + this.addressLimitEnabled + ", addressMaxFailures="
				+ this.addressMaxFailures + ", addressWindow=" + this.addressWindow + ", addressDuration="
				+ this.addressDuration + "]";
	}

	/**
	 * Builds a {@link LockoutPolicy}. {@link #build()} validates every setting and throws an
	 * {@link IllegalArgumentException} naming the property ({@code pbkdf2-dpapi.lockout.*} or
	 * {@code pbkdf2-dpapi.rate-limit.*}) that is wrong.
	 */
	public static final class Builder {

		private int maxFailures = DEFAULT_MAX_FAILURES;

		private Duration window = DEFAULT_WINDOW;

		private Duration duration = DEFAULT_DURATION;

		private double durationMultiplier = DEFAULT_DURATION_MULTIPLIER;

		private Duration maxDuration = DEFAULT_MAX_DURATION;

		private int permanentAfterLockouts;

		private int maxConsecutiveFailures = NIST_MAX_CONSECUTIVE_FAILURES;

		private Duration retention = DEFAULT_RETENTION;

		private boolean addressLimitEnabled = true;

		private int addressMaxFailures = DEFAULT_ADDRESS_MAX_FAILURES;

		private Duration addressWindow = DEFAULT_WINDOW;

		private Duration addressDuration = DEFAULT_DURATION;

		private Builder() {
		}

		/**
		 * Failures per account within the window that lock it.
		 * @param maxFailures at least 1, at most {@code maxConsecutiveFailures}
		 * @return this builder
		 */
		public Builder maxFailures(int maxFailures) {
			this.maxFailures = maxFailures;
			return this;
		}

		/**
		 * Window of the per-account count.
		 * @param window positive
		 * @return this builder
		 */
		public Builder window(Duration window) {
			this.window = window;
			return this;
		}

		/**
		 * Duration of a first lockout.
		 * @param duration positive
		 * @return this builder
		 */
		public Builder duration(Duration duration) {
			this.duration = duration;
			return this;
		}

		/**
		 * Factor applied to each further lockout.
		 * @param durationMultiplier from 1 (no growth) to 100
		 * @return this builder
		 */
		public Builder durationMultiplier(double durationMultiplier) {
			this.durationMultiplier = durationMultiplier;
			return this;
		}

		/**
		 * Cap on the duration of one lockout.
		 * @param maxDuration at least {@code duration}
		 * @return this builder
		 */
		public Builder maxDuration(Duration maxDuration) {
			this.maxDuration = maxDuration;
			return this;
		}

		/**
		 * Lockouts after which the lock is permanent.
		 * @param permanentAfterLockouts {@code 0} for never
		 * @return this builder
		 */
		public Builder permanentAfterLockouts(int permanentAfterLockouts) {
			this.permanentAfterLockouts = permanentAfterLockouts;
			return this;
		}

		/**
		 * Failures without a successful login after which the lock is permanent.
		 * @param maxConsecutiveFailures from {@code maxFailures} to
		 * {@value LockoutPolicy#NIST_MAX_CONSECUTIVE_FAILURES}
		 * @return this builder
		 */
		public Builder maxConsecutiveFailures(int maxConsecutiveFailures) {
			this.maxConsecutiveFailures = maxConsecutiveFailures;
			return this;
		}

		/**
		 * Time after which a quiet account is forgotten.
		 * @param retention at least the window
		 * @return this builder
		 */
		public Builder retention(Duration retention) {
			this.retention = retention;
			return this;
		}

		/**
		 * Whether client addresses have a failure budget.
		 * @param addressLimitEnabled {@code false} to count accounts only
		 * @return this builder
		 */
		public Builder addressLimitEnabled(boolean addressLimitEnabled) {
			this.addressLimitEnabled = addressLimitEnabled;
			return this;
		}

		/**
		 * Failures per client address within the address window that throttle it.
		 * @param addressMaxFailures at least 1
		 * @return this builder
		 */
		public Builder addressMaxFailures(int addressMaxFailures) {
			this.addressMaxFailures = addressMaxFailures;
			return this;
		}

		/**
		 * Window of the per-address count.
		 * @param addressWindow positive
		 * @return this builder
		 */
		public Builder addressWindow(Duration addressWindow) {
			this.addressWindow = addressWindow;
			return this;
		}

		/**
		 * How long an address that spent its budget is throttled.
		 * @param addressDuration positive
		 * @return this builder
		 */
		public Builder addressDuration(Duration addressDuration) {
			this.addressDuration = addressDuration;
			return this;
		}

		/**
		 * Validates the settings and builds the policy.
		 * @return the policy
		 * @throws IllegalArgumentException naming the first invalid setting
		 */
		public LockoutPolicy build() {
			if (this.maxConsecutiveFailures < 1 || this.maxConsecutiveFailures > NIST_MAX_CONSECUTIVE_FAILURES) {
				throw invalid("pbkdf2-dpapi.lockout.max-consecutive-failures", this.maxConsecutiveFailures,
						"must be between 1 and " + NIST_MAX_CONSECUTIVE_FAILURES
								+ ": NIST SP 800-63B allows no more than 100 consecutive failed attempts per account");
			}
			if (this.maxFailures < 1 || this.maxFailures > this.maxConsecutiveFailures) {
				throw invalid("pbkdf2-dpapi.lockout.max-failures", this.maxFailures,
						"must be between 1 and max-consecutive-failures (" + this.maxConsecutiveFailures + ")");
			}
			requirePositive("pbkdf2-dpapi.lockout.window", this.window);
			requirePositive("pbkdf2-dpapi.lockout.duration", this.duration);
			if (Double.isNaN(this.durationMultiplier) || this.durationMultiplier < 1.0
					|| this.durationMultiplier > 100.0) {
				throw invalid("pbkdf2-dpapi.lockout.duration-multiplier", this.durationMultiplier,
						"must be between 1 (no growth) and 100");
			}
			requirePositive("pbkdf2-dpapi.lockout.max-duration", this.maxDuration);
			if (this.maxDuration.compareTo(this.duration) < 0) {
				throw invalid("pbkdf2-dpapi.lockout.max-duration", this.maxDuration,
						"must not be shorter than pbkdf2-dpapi.lockout.duration (" + this.duration + ")");
			}
			if (this.permanentAfterLockouts < 0) {
				throw invalid("pbkdf2-dpapi.lockout.permanent-after-lockouts", this.permanentAfterLockouts,
						"must be 0 (never) or positive");
			}
			requirePositive("pbkdf2-dpapi.lockout.retention", this.retention);
			if (this.retention.compareTo(this.window) < 0) {
				throw invalid("pbkdf2-dpapi.lockout.retention", this.retention,
						"must not be shorter than pbkdf2-dpapi.lockout.window (" + this.window + ")");
			}
			if (this.addressMaxFailures < 1) {
				throw invalid("pbkdf2-dpapi.rate-limit.max-failures", this.addressMaxFailures, "must be at least 1");
			}
			requirePositive("pbkdf2-dpapi.rate-limit.window", this.addressWindow);
			requirePositive("pbkdf2-dpapi.rate-limit.duration", this.addressDuration);
			return new LockoutPolicy(this);
		}

		private static void requirePositive(String name, Duration value) {
			if (value == null || value.isNegative() || value.isZero()) {
				throw invalid(name, value, "must be a positive duration");
			}
		}

		private static IllegalArgumentException invalid(String name, Object value, String reason) {
			return new IllegalArgumentException("Invalid " + name + " '" + value + "': " + reason);
		}

	}

}
