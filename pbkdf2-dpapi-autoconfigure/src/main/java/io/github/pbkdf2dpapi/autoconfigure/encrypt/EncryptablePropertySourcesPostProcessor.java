package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * A {@link BeanFactoryPostProcessor} that wraps the property sources added after
 * {@link EncryptEnvironmentPostProcessor} ran: {@code @PropertySource} files, which are added
 * while configuration classes are parsed, and test sources added by context customizers
 * ({@code @DynamicPropertySource}). It runs before any other bean factory post-processor, so
 * {@code ${...}} placeholders and every bean see decrypted values.
 *
 * @author pbkdf2-dpapi
 */
class EncryptablePropertySourcesPostProcessor implements BeanFactoryPostProcessor, EnvironmentAware, PriorityOrdered {

	private static final Log logger = LogFactory.getLog(EncryptablePropertySourcesPostProcessor.class);

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (!(this.environment instanceof ConfigurableEnvironment configurable)) {
			return;
		}
		EncryptedValueResolver resolver = EncryptedValueResolver.get(configurable);
		if (resolver == null) {
			return;
		}
		List<PropertySource<?>> wrapped = EncryptablePropertySources.wrap(configurable.getPropertySources(), resolver);
		int decrypted = EncryptablePropertySources.decryptAll(wrapped);
		if (logger.isDebugEnabled() && !wrapped.isEmpty()) {
			logger.debug("pbkdf2-dpapi: wrapped " + wrapped.size() + " property sources added during start-up, decrypted "
					+ decrypted + " values");
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
