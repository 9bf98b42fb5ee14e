package dev.autobaseline.boot3;

import dev.autobaseline.spring.gluetest.Glue;
import dev.autobaseline.spring.gluetest.GlueEndpointTests;

/** The autobaseline endpoint on Spring Boot 3: the tests every line's glue passes. */
class AutobaselineEndpointAutoConfigurationTests extends GlueEndpointTests {

	@Override
	protected Glue glue() {
		return new Boot3Glue();
	}

}
