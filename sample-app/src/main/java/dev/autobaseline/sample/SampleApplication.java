package dev.autobaseline.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A meal-expense tracker: people, the meals they share and who paid for what.
 * <p>
 * Nothing here touches the database at startup; Flyway (through the
 * autobaseline starter) is the only thing that does. That is what lets the
 * same jar run as a one-shot migration job against any database and any
 * migration folder:
 * {@code java -jar app.jar --spring.main.web-application-type=none
 * --spring.datasource.url=... --spring.flyway.locations=filesystem:...}.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
