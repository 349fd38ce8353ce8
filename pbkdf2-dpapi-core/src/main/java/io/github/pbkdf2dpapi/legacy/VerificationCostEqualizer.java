package io.github.pbkdf2dpapi.legacy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import io.github.pbkdf2dpapi.password.PasswordRecord;
import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Engine;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Prf;

/**
 * Makes a legacy verification cost what a verification with the current settings costs, so that
 * response times do not tell which accounts are still on an old format.
 *
 * <p>
 * A fast legacy check (MD5, SHA, a malformed or refused record) is followed by
 * {@link #spendVerification(CharSequence)}: a real {@link Pbkdf2DpapiPasswordEncoder#matches}
 * against a dummy record encoded once with the current settings, so normalisation, pepper,
 * envelope and PBKDF2 are all paid. A PBKDF2-based legacy check (ASP.NET Identity, the article's
 * {@code salt:hash}) calls {@link #spendRemainder(Pbkdf2Prf, long, int)} with the work it has just
 * done; the difference to the current work is spent on a dummy PBKDF2 with the current encoder's
 * engine. Work is counted in PRF iterations times output blocks; the PRFs are counted alike. The
 * legacy PBKDF2 checks run on the same engine ({@link #engine()}), so that an iteration costs
 * the same on both sides (HMAC-SHA1, legacy only, always runs on the Java engine).
 *
 * <p>
 * The dummy record is encoded lazily, on the first legacy verification. Thread-safe.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class VerificationCostEqualizer {

	private static final VerificationCostEqualizer NONE = new VerificationCostEqualizer(null);

	private static final byte[] DUMMY_SALT = "pbkdf2-dpapi dummy verification".getBytes(StandardCharsets.US_ASCII);

	private final Pbkdf2DpapiPasswordEncoder current;

	private volatile String dummyRecord;

	private volatile long currentWork;

	/**
	 * An equalizer for the given current encoder.
	 * @param current the encoder of new passwords, whose verification cost is matched
	 */
	public VerificationCostEqualizer(Pbkdf2DpapiPasswordEncoder current) {
		this.current = current;
	}

	/**
	 * An equalizer that spends nothing, for tests and for applications that accept the timing
	 * difference.
	 * @return the no-op equalizer
	 */
	public static VerificationCostEqualizer none() {
		return NONE;
	}

	/**
	 * Spends the cost of one verification with the current settings.
	 * @param rawPassword the password that was presented (its length matters to the cost)
	 */
	public void spendVerification(CharSequence rawPassword) {
		if (this.current == null) {
			return;
		}
		this.current.matches((rawPassword != null) ? rawPassword : "", dummyRecord());
	}

	/**
	 * Spends what a current verification costs beyond the PBKDF2 work already done.
	 * @param prf the PRF of the legacy record just verified
	 * @param iterations its iteration count
	 * @param length the length of the key it derived, in bytes
	 */
	public void spendRemainder(Pbkdf2Prf prf, long iterations, int length) {
		if (this.current == null) {
			return;
		}
		dummyRecord();
		long done = iterations * blocks(length, prf);
		long remainder = this.currentWork - done;
		if (remainder > 0) {
			Pbkdf2Prf currentPrf = this.current.getPrf();
			this.current.getEngine().derive(currentPrf, DUMMY_SALT, DUMMY_SALT, (int) Math.min(Integer.MAX_VALUE, remainder),
					currentPrf.hashLength());
		}
	}

	/**
	 * The PBKDF2 engine that legacy PBKDF2 checks should run on: the current encoder's, so that
	 * their iterations cost what the current ones do.
	 * @return the current encoder's engine, or the Java engine for {@link #none()}
	 */
	public Pbkdf2Engine engine() {
		return (this.current != null) ? this.current.getEngine() : Pbkdf2Engine.java();
	}

	private String dummyRecord() {
		String record = this.dummyRecord;
		if (record == null) {
			synchronized (this) {
				record = this.dummyRecord;
				if (record == null) {
					byte[] random = new byte[24];
					new SecureRandom().nextBytes(random);
					record = this.current.encode(Base64.getEncoder().encodeToString(random));
					PasswordRecord parsed = PasswordRecord.parse(record.substring(record.indexOf('$')));
					this.currentWork = (long) parsed.iterations() * blocks(parsed.hashLength(), parsed.prf());
					this.dummyRecord = record;
				}
			}
		}
		return record;
	}

	private static long blocks(int length, Pbkdf2Prf prf) {
		return Math.max(1, (length + prf.hashLength() - 1) / prf.hashLength());
	}

	@Override
	public String toString() {
		return "VerificationCostEqualizer[" + ((this.current != null) ? this.current : "none") + "]";
	}

}
