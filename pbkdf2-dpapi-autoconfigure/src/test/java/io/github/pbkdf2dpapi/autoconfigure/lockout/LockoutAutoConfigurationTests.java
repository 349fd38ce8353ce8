package io.github.pbkdf2dpapi.autoconfigure.lockout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import io.github.pbkdf2dpapi.lockout.InMemoryLockoutStore;
import io.github.pbkdf2dpapi.lockout.JdbcLockoutStore;
import io.github.pbkdf2dpapi.lockout.LockoutPolicy;
import io.github.pbkdf2dpapi.lockout.LockoutStore;
import io.github.pbkdf2dpapi.lockout.LoginThrottle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LockoutAutoConfiguration}, {@link LockoutJdbcStoreAutoConfiguration} and
 * {@link LockoutEndpointAutoConfiguration}.
 */
class LockoutAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LockoutJdbcStoreAutoConfiguration.class,
				LockoutAutoConfiguration.class, LockoutEndpointAutoConfiguration.class));

	@Test
	void autoConfigurationWhenDefaultsThenInMemoryThrottleAndListener() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(LoginThrottle.class)
				.hasSingleBean(InMemoryLockoutStore.class)
				.hasSingleBean(LockoutAuthenticationEventListener.class)
				.hasSingleBean(LoginThrottleProviderManagerPostProcessor.class)
				.doesNotHaveBean(LockoutEndpoint.class);
			LockoutPolicy policy = context.getBean(LockoutPolicy.class);
			assertThat(policy.getMaxFailures()).isEqualTo(5);
			assertThat(policy.getAddressMaxFailures()).isEqualTo(50);
		});
	}

	@Test
	void storeAndKeysBuiltOnFirstUseButBadSettingsStillFailAtStartup() {
		this.contextRunner.withPropertyValues("pbkdf2-dpapi.lockout.memory.maximum-keys=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pbkdf2-dpapi.lockout.memory.maximum-keys"));
		this.contextRunner.withPropertyValues("pbkdf2-dpapi.lockout.secret=too-short")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pbkdf2-dpapi.lockout.secret")
				.hasMessageNotContaining("too-short"));
		this.contextRunner.withPropertyValues("pbkdf2-dpapi.lockout.secret=a-secret-long-enough-0123456789")
			.run((context) -> {
				LoginThrottle throttle = context.getBean(LoginThrottle.class);
				InMemoryLockoutStore store = context.getBean(InMemoryLockoutStore.class);
				assertThat(store.estimatedSize()).isZero();
				assertThat(throttle.getKeys().account("alice")).startsWith("a:").hasSize(2 + 64);
			});
	}

	@Test
	void autoConfigurationWhenDisabledThenBacksOff() {
		this.contextRunner.withPropertyValues("pbkdf2-dpapi.lockout.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LoginThrottle.class)
				.doesNotHaveBean(LockoutStore.class)
				.doesNotHaveBean(LoginThrottleProviderManagerPostProcessor.class));
	}

	@Test
	void autoConfigurationWhenPropertiesSetThenPolicyBound() {
		this.contextRunner
			.withPropertyValues("pbkdf2-dpapi.lockout.max-failures=3", "pbkdf2-dpapi.lockout.window=10m",
					"pbkdf2-dpapi.lockout.permanent-after-lockouts=4", "pbkdf2-dpapi.rate-limit.max-failures=20",
					"pbkdf2-dpapi.rate-limit.enabled=false")
			.run((context) -> {
				LockoutPolicy policy = context.getBean(LockoutPolicy.class);
				assertThat(policy.getMaxFailures()).isEqualTo(3);
				assertThat(policy.getWindow()).isEqualTo(Duration.ofMinutes(10));
				assertThat(policy.getPermanentAfterLockouts()).isEqualTo(4);
				assertThat(policy.getAddressMaxFailures()).isEqualTo(20);
				assertThat(policy.isAddressLimitEnabled()).isFalse();
			});
	}

	@Test
	void autoConfigurationWhenMoreThan100ConsecutiveFailuresThenStartUpFails() {
		this.contextRunner.withPropertyValues("pbkdf2-dpapi.lockout.max-consecutive-failures=1000")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pbkdf2-dpapi.lockout.max-consecutive-failures")
				.hasMessageContaining("NIST"));
	}

	@Test
	void autoConfigurationWhenUserDefinesStoreThenBacksOff() {
		this.contextRunner.withUserConfiguration(TestConfigWithLockoutStore.class)
			.run((context) -> assertThat(context).hasSingleBean(LockoutStore.class)
				.hasBean("customLockoutStore")
				.hasSingleBean(LoginThrottle.class));
	}

	@Test
	void autoConfigurationWhenJdbcStoreWithoutSecretThenStartUpFails() {
		this.contextRunner.withUserConfiguration(TestConfigWithDataSource.class)
			.withPropertyValues("pbkdf2-dpapi.lockout.store=jdbc")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pbkdf2-dpapi.lockout.secret"));
	}

	@Test
	void autoConfigurationWhenJdbcStoreThenTableCreatedAndUsed() {
		this.contextRunner.withUserConfiguration(TestConfigWithDataSource.class)
			.withPropertyValues("pbkdf2-dpapi.lockout.store=jdbc", "pbkdf2-dpapi.lockout.secret=cluster-wide-secret-1",
					"pbkdf2-dpapi.lockout.jdbc.initialize-schema=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(JdbcLockoutStore.class)
					.doesNotHaveBean(InMemoryLockoutStore.class)
					.hasSingleBean(JdbcLockoutStorePurger.class);
				LoginThrottle throttle = context.getBean(LoginThrottle.class);
				for (int i = 0; i < 5; i++) {
					throttle.recordFailure("alice", "192.0.2.1");
				}
				assertThat(throttle.check("alice", "192.0.2.2").isAllowed()).isFalse();
			});
	}

	@Test
	void autoConfigurationWhenProviderManagerBeanThenPasswordProviderWrapped() {
		this.contextRunner.withUserConfiguration(TestConfigWithProviderManager.class).run((context) -> {
			ProviderManager manager = context.getBean(ProviderManager.class);
			assertThat(manager.getProviders()).singleElement()
				.isInstanceOf(LoginThrottlingAuthenticationProvider.class);
		});
	}

	@Test
	void endpointWhenExposedThenListsAndUnlocksWithEvent() {
		this.contextRunner.withUserConfiguration(TestConfigWithEventCapture.class)
			.withPropertyValues("management.endpoints.web.exposure.include=pbkdf2dpapilockouts")
			.run((context) -> {
				assertThat(context).hasSingleBean(LockoutEndpoint.class);
				LoginThrottle throttle = context.getBean(LoginThrottle.class);
				for (int i = 0; i < 5; i++) {
					throttle.recordFailure("Alice", "192.0.2.1");
				}
				LockoutEndpoint endpoint = context.getBean(LockoutEndpoint.class);
				assertThat(endpoint.lockouts().lockouts()).singleElement().satisfies((lockout) -> {
					assertThat(lockout.kind()).isEqualTo("account");
					assertThat(lockout.key()).isEqualTo(throttle.getKeys().account("alice"));
					assertThat(lockout.permanent()).isFalse();
				});
				assertThat(endpoint.unlock("ALICE", null).unlocked()).isTrue();
				assertThat(throttle.check("alice", "192.0.2.1").isAllowed()).isTrue();
				assertThat(context.getBean(TestConfigWithEventCapture.class).unlocked).singleElement()
					.satisfies((event) -> assertThat(event.getUsername()).isEqualTo("alice"));
				assertThat(endpoint.lockouts().lockouts()).isEmpty();
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class TestConfigWithLockoutStore {

		@Bean
		LockoutStore customLockoutStore() {
			return new InMemoryLockoutStore(java.time.Clock.systemUTC(), 10);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TestConfigWithDataSource {

		@Bean
		JdbcDataSource dataSource() {
			JdbcDataSource dataSource = new JdbcDataSource();
			dataSource.setURL("jdbc:h2:mem:lockout-autoconfig-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
			dataSource.setUser("sa");
			return dataSource;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TestConfigWithProviderManager {

		@Bean
		ProviderManager providerManager() {
			InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
					User.withUsername("alice").password("{noop}x").build());
			return new ProviderManager(new DaoAuthenticationProvider(users));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TestConfigWithEventCapture {

		final List<AccountUnlockedEvent> unlocked = new ArrayList<>();

		@EventListener
		void onUnlocked(AccountUnlockedEvent event) {
			this.unlocked.add(event);
		}

	}

}
