package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An encrypted {@code spring.datasource.password}, bound to its property name, opens an H2
 * database that was created with that password.
 */
@SpringBootTest(classes = EncryptDataSourceIntegrationTests.Config.class,
		properties = { EncryptTestValues.KEY_ID_PROPERTY, EncryptTestValues.KEY_PROPERTY,
				"spring.datasource.url=" + EncryptDataSourceIntegrationTests.URL, "spring.datasource.username=sa",
				"spring.datasource.password=" + EncryptTestValues.DATASOURCE_PASSWORD })
class EncryptDataSourceIntegrationTests {

	static final String URL = "jdbc:h2:mem:enc-datasource;DB_CLOSE_DELAY=-1";

	private static Connection keeper;

	@Autowired
	private DataSource dataSource;

	@BeforeAll
	static void createDatabaseWithPassword() throws SQLException {
		keeper = DriverManager.getConnection(URL, "sa", "h2-s3cret");
	}

	@AfterAll
	static void dropDatabase() throws SQLException {
		try (Statement statement = keeper.createStatement()) {
			statement.execute("SHUTDOWN");
		}
		keeper.close();
	}

	@Test
	void dataSourceWhenPasswordEncryptedThenOpensDatabase() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT 42")) {
			assertThat(result.next()).isTrue();
			assertThat(result.getInt(1)).isEqualTo(42);
		}
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> DriverManager.getConnection(URL, "sa", EncryptTestValues.DATASOURCE_PASSWORD).close());
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ EncryptAutoConfiguration.class, DataSourceAutoConfiguration.class })
	static class Config {

	}

}
