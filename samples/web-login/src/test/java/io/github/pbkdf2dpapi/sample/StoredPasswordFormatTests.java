package io.github.pbkdf2dpapi.sample;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StoredPasswordFormat}.
 */
class StoredPasswordFormatTests {

	@Test
	void describeWhenPbkdf2DpapiRecordThenParametersWithoutPayload() {
		String stored = "{pbkdf2-dpapi}$p2d$v=1$a=sha256,i=600000,s=16,l=32,n=nfkc,p=p1,e=kr:20261126-4e89a3bb$AQJrMfSecretPayload";
		assertThat(StoredPasswordFormat.describe(stored))
			.isEqualTo("pbkdf2-dpapi (sha256, 600000 iterations, pepper p1, envelope kr:20261126-4e89a3bb)")
			.doesNotContain("AQJrMf");
	}

	@Test
	void describeWhenLegacyIdThenIdOnly() {
		assertThat(StoredPasswordFormat.describe(DemoUsers.md5("secret"))).isEqualTo("md5");
		assertThat(StoredPasswordFormat.describe(DemoUsers.aspNetIdentityV3("secret", 1000))).isEqualTo("aspnet");
		assertThat(StoredPasswordFormat.describe("{bcrypt}$2a$10$abcdefghijklmnopqrstuv")).isEqualTo("bcrypt");
	}

	@Test
	void describeWhenNoPrefixOrEmptyThenSaysSo() {
		assertThat(StoredPasswordFormat.describe("5f4dcc3b5aa765d61d8327deb882cf99")).isEqualTo("unprefixed legacy");
		assertThat(StoredPasswordFormat.describe("")).isEqualTo("none");
		assertThat(StoredPasswordFormat.describe(null)).isEqualTo("none");
	}

	@Test
	void describeWhenMalformedPbkdf2DpapiRecordThenIdOnly() {
		assertThat(StoredPasswordFormat.describe("{pbkdf2-dpapi}garbage")).isEqualTo("pbkdf2-dpapi");
	}

}
