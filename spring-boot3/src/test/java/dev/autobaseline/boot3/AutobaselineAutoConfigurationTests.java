package dev.autobaseline.boot3;

import dev.autobaseline.spring.gluetest.Glue;
import dev.autobaseline.spring.gluetest.GlueAutoConfigurationTests;

/** {@link AutobaselineAutoConfiguration} on Spring Boot 3: the tests every line's glue passes. */
class AutobaselineAutoConfigurationTests extends GlueAutoConfigurationTests {

	@Override
	protected Glue glue() {
		return new Boot3Glue();
	}

}
