package dev.autobaseline.dialect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;


/**
 * A DataSource that opens a new connection each time, outside any pool.
 */
public final class DriverManagerDataSource extends BasicDataSource {

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
	public String toString() {
		return "DriverManagerDataSource[" + JdbcUrls.redact(this.url) + "]";
	}

}
