package dev.autobaseline.dialect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets never leave in a URL.
 */
class JdbcUrlsTests {

	@Test
	void passwordParametersAreRedacted() {
		assertThat(JdbcUrls.redact("jdbc:postgresql://db:5432/app?user=app&password=s3cret&sslmode=require"))
			.isEqualTo("jdbc:postgresql://db:5432/app?user=app&password=***&sslmode=require");
		assertThat(JdbcUrls.redact("jdbc:postgresql://db/app?PASSWORD=x&sslpassword=y"))
			.isEqualTo("jdbc:postgresql://db/app?PASSWORD=***&sslpassword=***");
	}

	@Test
	void urlsWithoutSecretsAreUnchanged() {
		assertThat(JdbcUrls.redact("jdbc:sqlite:/tmp/app.db")).isEqualTo("jdbc:sqlite:/tmp/app.db");
		assertThat(JdbcUrls.redact(null)).isNull();
	}

	@Test
	void toStringsOfConnectionDetailsHideThePassword() {
		LiveDatabase live = new LiveDatabase(null, "jdbc:postgresql://db/app?password=inurl", "app", "field");
		assertThat(live.toString()).doesNotContain("inurl").doesNotContain("field");
		ShadowSettings shadow = new ShadowSettings("jdbc:postgresql://db/s?password=inurl", "u", "field");
		assertThat(shadow.toString()).doesNotContain("inurl").doesNotContain("field");
	}

}
