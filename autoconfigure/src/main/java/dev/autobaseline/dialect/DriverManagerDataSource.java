package dev.autobaseline.dialect;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A DataSource that opens a new connection each time, outside any pool.
 */
public final class DriverManagerDataSource implements DataSource {

	private final String url;

	private final Properties properties;

	public DriverManagerDataSource(String url, String username, String password) {
		this.url = url;
		this.properties = new Properties();
		if (username != null) {
			this.properties.setProperty("user", username);
		}
		if (password != null) {
			this.properties.setProperty("password", password);
		}
	}

	public String url() {
		return this.url;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return DriverManager.getConnection(this.url, this.properties);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return new DriverManagerDataSource(this.url, username, password).getConnection();
	}

	@Override
	public PrintWriter getLogWriter() {
		return null;
	}

	@Override
	public void setLogWriter(PrintWriter out) {
	}

	@Override
	public void setLoginTimeout(int seconds) {
	}

	@Override
	public int getLoginTimeout() {
		return 0;
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		throw new SQLFeatureNotSupportedException();
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		throw new SQLException("Not a wrapper");
	}

	@Override
	public boolean isWrapperFor(Class<?> type) {
		return false;
	}

	@Override
	public String toString() {
		return "DriverManagerDataSource[" + this.url + "]";
	}

}
