package dev.autobaseline.autoconfigure;

import dev.autobaseline.spring.gluetest.Glue;
import dev.autobaseline.spring.gluetest.GlueApplicationTests;

/** A Spring Boot 4 application on each engine: the tests every line's glue passes. */
class SpringBoot4ApplicationTests extends GlueApplicationTests {

	@Override
	protected Glue glue() {
		return new Boot4Glue();
	}

}
