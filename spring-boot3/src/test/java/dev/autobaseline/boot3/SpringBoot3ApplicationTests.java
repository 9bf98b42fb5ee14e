package dev.autobaseline.boot3;

import dev.autobaseline.spring.gluetest.Glue;
import dev.autobaseline.spring.gluetest.GlueApplicationTests;

/** A Spring Boot 3.5 application on each engine: the tests every line's glue passes. */
class SpringBoot3ApplicationTests extends GlueApplicationTests {

	@Override
	protected Glue glue() {
		return new Boot3Glue();
	}

}
