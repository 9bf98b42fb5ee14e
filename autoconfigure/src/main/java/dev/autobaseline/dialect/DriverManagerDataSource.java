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

	private final java.util.List<String> initStatements;

	public DriverManagerDataSource(String url, String username, String password) {
		this(url, username, password, java.util.List.of());
	}

	/**
	 * @param initStatements statements run on every new connection (session settings)
	 */
	public DriverManagerDataSource(String url, String username, String password,
			java.util.List<String> initStatements) {
		this.url = url;
		this.initStatements = java.util.List.copyOf(initStatements);
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
		Connection connection = DriverManager.getConnection(this.url, this.properties);
		if (!this.initStatements.isEmpty()) {
			try (java.sql.Statement statement = connection.createStatement()) {
				for (String sql : this.initStatements) {
					statement.execute(sql);
				}
			}
			catch (SQLException ex) {
				connection.close();
				throw ex;
			}
		}
		return connection;
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return new DriverManagerDataSource(this.url, username, password, this.initStatements).getConnection();
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
		return "DriverManagerDataSource[" + JdbcUrls.redact(this.url) + "]";
	}

}
