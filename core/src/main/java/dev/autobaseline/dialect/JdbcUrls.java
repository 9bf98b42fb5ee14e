package dev.autobaseline.dialect;

import java.util.regex.Pattern;

/**
 * JDBC URLs as they may appear in logs, messages and reports: without secrets.
 */
public final class JdbcUrls {

	private static final Pattern SECRET = Pattern.compile("(?i)([?&;](password|passwd|pwd|sslpassword)=)[^&;]*");

	private JdbcUrls() {
	}

	/** The URL with every password parameter's value replaced by {@code ***}. */
	public static String redact(String url) {
		return (url != null) ? SECRET.matcher(url).replaceAll("$1***") : null;
	}

}
