package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import java.util.List;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.BootstrapRegistry.InstanceSupplier;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

import io.github.pbkdf2dpapi.autoconfigure.password.EnvelopeProtectors;
import io.github.pbkdf2dpapi.autoconfigure.password.SharedKeyRings;

/**
 * An {@link EnvironmentPostProcessor} that makes every {@code ENC(<scheme>:<data>)} value of the
 * environment read decrypted, whatever its property source: the sources are wrapped in place
 * (same name, same position, same kind where Spring Boot relies on it), so precedence and
 * origins are unchanged. It runs just after Spring Boot has loaded the config data
 * ({@code application.yml}, profiles, imports) and before the logging system is initialised, so
 * {@code logging.*} values can be encrypted too.
 *
 * <p>
 * Every encrypted value of the sources that can list their names is decrypted here, so one that
 * cannot be decrypted stops start-up with a report naming the property and its origin. Sources
 * added later ({@code @PropertySource}, test property sources) are wrapped by a bean factory
 * post-processor of {@link EncryptAutoConfiguration}.
 *
 * <p>
 * Turned off by {@code pbkdf2-dpapi.encrypt.enabled=false}. The protectors are configured from
 * plain properties, see {@link EncryptionProtectors}. A key ring opened here is kept in the
 * bootstrap context ({@link SharedKeyRings}) and handed to the application context as the bean
 * {@value SharedKeyRings#BEAN_NAME}, where the password envelope reuses it when its settings are
 * the same instead of opening the ring a second time.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public class EncryptEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/**
	 * The order of this post-processor: right after Spring Boot's config data processing.
	 */
	public static final int ORDER = ConfigDataEnvironmentPostProcessor.ORDER + 1;

	private final Log logger;

	private final ConfigurableBootstrapContext bootstrapContext;

	private final DeferredLogFactory logFactory;

	/**
	 * Create a new post-processor that shares the key rings it opens with the application
	 * context through the bootstrap context.
	 * @param logFactory the factory of a log that is replayed once logging is initialised
	 * @param bootstrapContext the bootstrap context
	 */
	public EncryptEnvironmentPostProcessor(DeferredLogFactory logFactory,
			ConfigurableBootstrapContext bootstrapContext) {
		this.logger = logFactory.getLog(EncryptEnvironmentPostProcessor.class);
		this.bootstrapContext = bootstrapContext;
		this.logFactory = logFactory;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		// A ring opened now warns through a deferred log, replayed once logging is initialised.
		EncryptedValueResolver resolver = EncryptedValueResolver.get(environment,
				new SharedKeyRings(this.logFactory.getLog(EnvelopeProtectors.class)));
		if (resolver == null) {
			this.logger.debug("pbkdf2-dpapi: ENC(...) decryption is disabled (pbkdf2-dpapi.encrypt.enabled=false)");
			return;
		}
		share(resolver.getKeyRings());
		List<PropertySource<?>> wrapped = EncryptablePropertySources.wrap(environment.getPropertySources(), resolver);
		int decrypted = EncryptablePropertySources.decryptAll(wrapped);
		if (this.logger.isDebugEnabled()) {
			this.logger.debug("pbkdf2-dpapi: wrapped " + wrapped.size() + " property sources, decrypted " + decrypted
					+ " " + resolver.getPrefix() + "..." + resolver.getSuffix() + " values");
		}
	}

	/**
	 * Registers the key rings of the resolver in the bootstrap context, and as a singleton bean
	 * when the bootstrap context closes (Spring Boot's idiom for handing objects created before
	 * the application context to it).
	 */
	private void share(SharedKeyRings keyRings) {
		if (!this.bootstrapContext.isRegistered(SharedKeyRings.class)) {
			this.bootstrapContext.register(SharedKeyRings.class, InstanceSupplier.of(keyRings));
			this.bootstrapContext.addCloseListener((event) -> {
				ConfigurableListableBeanFactory beanFactory = event.getApplicationContext().getBeanFactory();
				if (!beanFactory.containsSingleton(SharedKeyRings.BEAN_NAME)) {
					beanFactory.registerSingleton(SharedKeyRings.BEAN_NAME,
							event.getBootstrapContext().get(SharedKeyRings.class));
				}
			});
		}
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
