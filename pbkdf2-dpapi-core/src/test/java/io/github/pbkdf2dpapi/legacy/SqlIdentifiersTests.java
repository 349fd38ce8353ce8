package io.github.pbkdf2dpapi.legacy;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link SqlIdentifiers}.
 */
class SqlIdentifiersTests {

	@Test
	void tableWhenPlainOrQualifiedThenAccepted() {
		assertThat(SqlIdentifiers.table("users")).isEqualTo("users");
		assertThat(SqlIdentifiers.table("auth.AspNetUsers")).isEqualTo("auth.AspNetUsers");
	}

	@Test
	void tableOrColumnWhenNotPlainThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> SqlIdentifiers.table("a.b.c"));
		assertThatIllegalArgumentException().isThrownBy(() -> SqlIdentifiers.table("users--"));
		assertThatIllegalArgumentException().isThrownBy(() -> SqlIdentifiers.column("\"quoted\"", "hash column"))
			.withMessageContaining("hash column");
		assertThatIllegalArgumentException().isThrownBy(() -> SqlIdentifiers.column(null, "id column"));
	}

	@Test
	void describeWhenSqlExceptionThenStateWithoutMessage() {
		SQLException ex = new SQLException("Value too long: 'secret-hash-value'", "22001", 22001);
		assertThat(SqlIdentifiers.describe(ex)).contains("22001").contains("widen").doesNotContain("secret");
	}

}
