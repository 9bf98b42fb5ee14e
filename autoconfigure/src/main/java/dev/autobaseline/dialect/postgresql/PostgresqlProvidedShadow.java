package dev.autobaseline.dialect.postgresql;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.autobaseline.dialect.DriverManagerDataSource;
import dev.autobaseline.dialect.LiveDatabase;
import dev.autobaseline.dialect.Shadow;
import dev.autobaseline.dialect.ShadowSettings;
import dev.autobaseline.dialect.ShadowUnavailableException;

/**
 * A shadow database the user provides with {@code autobaseline.shadow.url}: it must hold no
 * user objects; the replay cleans it afterwards.
 */
final class PostgresqlProvidedShadow implements Shadow {

	private final DriverManagerDataSource dataSource;

	private PostgresqlProvidedShadow(DriverManagerDataSource dataSource) {
		this.dataSource = dataSource;
	}

	static PostgresqlProvidedShadow open(PostgresqlDialect dialect, LiveDatabase live, ShadowSettings settings) {
		String username = (settings.username() != null) ? settings.username() : live.username();
		String password = (settings.password() != null) ? settings.password() : live.password();
		DriverManagerDataSource dataSource = new DriverManagerDataSource(settings.url(), username, password);
		try (Connection connection = dataSource.getConnection()) {
			if (!dialect.readCatalog(connection).isEmpty()) {
				throw new ShadowUnavailableException("autobaseline.shadow.url " + settings.url()
						+ " is not empty; it must point at an empty database used for nothing else", null);
			}
		}
		catch (SQLException ex) {
			throw new ShadowUnavailableException("cannot connect to autobaseline.shadow.url " + settings.url() + " ("
					+ ex.getMessage() + ")", ex);
		}
		return new PostgresqlProvidedShadow(dataSource);
	}

	@Override
	public DataSource dataSource() {
		return this.dataSource;
	}

	@Override
	public String description() {
		return "shadow database " + this.dataSource.url();
	}

	@Override
	public boolean cleanAfterUse() {
		return true;
	}

	@Override
	public void close() {
	}

}
