package dev.autobaseline.spring;

import dev.autobaseline.engine.Autobaseline;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code autobaseline} Actuator endpoint, where Actuator is on the class path. Like Spring
 * Boot's own endpoints it exists only when available: exposed
 * ({@code management.endpoints.web.exposure.include=autobaseline}) and not switched off. It
 * follows the auto-configuration of whichever Spring Boot line's glue runs.
 */
@AutoConfiguration(afterName = { "dev.autobaseline.autoconfigure.AutobaselineAutoConfiguration",
		"dev.autobaseline.boot3.AutobaselineAutoConfiguration" })
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
@ConditionalOnAvailableEndpoint(AutobaselineEndpoint.class)
public final class AutobaselineEndpointAutoConfiguration {

	@Bean
	@ConditionalOnBean({ Autobaseline.class, AutobaselineProperties.class })
	@ConditionalOnMissingBean
	AutobaselineEndpoint autobaselineEndpoint(Autobaseline autobaseline, AutobaselineProperties properties) {
		return new AutobaselineEndpoint(autobaseline, properties);
	}

}
