package dev.autobaseline.scenario;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A connection pool of at most {@code maximum} connections, which a caller waits for up to
 * {@code timeout} ms: what Hikari's {@code maximum-pool-size} and {@code connection-timeout} make
 * of a Spring Boot application's DataSource, for an application that gives Flyway its own pool.
 * A closed connection goes back to the pool as Hikari returns it (rolled back, in autocommit,
 * writable) and keeps its session, so that what a user of the pool left on it is seen by the next.
 */
final class SmallPool implements DataSource, AutoCloseable {

	private final String url;

	private final Properties credentials = new Properties();

	private final int maximum;

	private final long timeout;

	private final Deque<Connection> idle = new ArrayDeque<>();

	private final List<Connection> physical = new ArrayList<>();

	private int reserved;

	SmallPool(String url, String user, String password, int maximum, long timeout) {
		this.url = url;
		if (user != null) {
			this.credentials.setProperty("user", user);
		}
		if (password != null) {
			this.credentials.setProperty("password", password);
		}
		this.maximum = maximum;
		this.timeout = timeout;
	}

	@Override
	public Connection getConnection() throws SQLException {
		long deadline = System.currentTimeMillis() + this.timeout;
		synchronized (this) {
			while (this.idle.isEmpty() && this.reserved >= this.maximum) {
				long left = deadline - System.currentTimeMillis();
				if (left <= 0) {
					throw new SQLTransientConnectionException("SmallPool - Connection is not available, request timed out"
							+ " after " + this.timeout + "ms (total=" + this.maximum + ", active=" + this.maximum + ")");
				}
				try {
					wait(left);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new SQLTransientConnectionException("Interrupted while waiting for a connection", ex);
				}
			}
			if (!this.idle.isEmpty()) {
				return lease(this.idle.pop());
			}
			this.reserved++;
		}
		try {
			Connection connection = DriverManager.getConnection(this.url, this.credentials);
			synchronized (this) {
				this.physical.add(connection);
			}
			return lease(connection);
		}
		catch (SQLException | RuntimeException ex) {
			synchronized (this) {
				this.reserved--;
				notifyAll();
			}
			throw ex;
		}
	}

	/** A handle on the physical connection whose {@code close()} gives it back. */
	private Connection lease(Connection connection) {
		boolean[] closed = new boolean[1];
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, args) -> {
					switch (method.getName()) {
						case "close" -> {
							if (!closed[0]) {
								closed[0] = true;
								giveBack(connection);
							}
							return null;
						}
						case "isClosed" -> {
							return closed[0] || connection.isClosed();
						}
						case "unwrap", "isWrapperFor" -> {
							return method.invoke(connection, args);
						}
						case "toString" -> {
							return "SmallPool lease of " + connection;
						}
						case "hashCode" -> {
							return System.identityHashCode(proxy);
						}
						case "equals" -> {
							return proxy == args[0];
						}
						default -> {
							if (closed[0]) {
								throw new SQLException("Connection is closed");
							}
							try {
								return method.invoke(connection, args);
							}
							catch (InvocationTargetException ex) {
								throw ex.getCause();
							}
						}
					}
				});
	}

	private void giveBack(Connection connection) throws SQLException {
		try {
			if (!connection.isClosed()) {
				if (!connection.getAutoCommit()) {
					connection.rollback();
					connection.setAutoCommit(true);
				}
				if (connection.isReadOnly()) {
					connection.setReadOnly(false);
				}
			}
		}
		finally {
			synchronized (this) {
				if (connection.isClosed()) {
					this.physical.remove(connection);
					this.reserved--;
				}
				else {
					this.idle.push(connection);
				}
				notifyAll();
			}
		}
	}

	/** Closes every physical connection. */
	@Override
	public synchronized void close() {
		for (Connection connection : this.physical) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// Closing anyway.
			}
		}
		this.physical.clear();
		this.idle.clear();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		throw new SQLFeatureNotSupportedException("SmallPool hands out connections of its own credentials only");
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
		if (type.isInstance(this)) {
			return type.cast(this);
		}
		throw new SQLException("Not a wrapper of " + type.getName());
	}

	@Override
	public boolean isWrapperFor(Class<?> type) {
		return type.isInstance(this);
	}

}
