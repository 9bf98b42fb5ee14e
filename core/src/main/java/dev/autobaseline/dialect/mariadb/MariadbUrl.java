package dev.autobaseline.dialect.mariadb;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.autobaseline.dialect.JdbcUrls;
import dev.autobaseline.dialect.ShadowUnavailableException;

/**
 * A {@code jdbc:mariadb:} or {@code jdbc:mysql:} URL split where its database goes, so that a
 * shadow's URL keeps every option of live's and changes only the database.
 *
 * @param head everything up to the host list, inclusive
 * @param database the database, empty when the URL names none
 * @param query the options, from {@code ?}, or empty
 */
record MariadbUrl(String head, String database, String query) {

	private static final Pattern URL = Pattern
		.compile("^(jdbc:(?:mariadb|mysql):(?:[a-z]+:)?//[^/?]*)(?:/([^?]*))?(\\?.*)?$", Pattern.CASE_INSENSITIVE);

	static MariadbUrl parse(String jdbcUrl) {
		Matcher matcher = URL.matcher(jdbcUrl);
		if (!matcher.matches()) {
			throw new ShadowUnavailableException("cannot derive a shadow database URL from " + JdbcUrls.redact(jdbcUrl)
					+ ". Use a jdbc:mariadb://host[:port]/database URL or set autobaseline.shadow.url", null);
		}
		return new MariadbUrl(matcher.group(1), (matcher.group(2) != null) ? matcher.group(2) : "",
				(matcher.group(3) != null) ? matcher.group(3) : "");
	}

	/** The same URL on another database. */
	String withDatabase(String name) {
		return this.head + "/" + name + this.query;
	}

	/** The same URL on no database: a session on the server. */
	String server() {
		return this.head + "/" + this.query;
	}

}
