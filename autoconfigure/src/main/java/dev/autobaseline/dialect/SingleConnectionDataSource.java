package dev.autobaseline.dialect;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A DataSource that hands out one held connection, whose {@code close()} does nothing until
 * {@link #closeHeldConnection()}.
 */
public final class SingleConnectionDataSource implements DataSource {

	private final Connection held;

	private final Connection handedOut;

	public SingleConnectionDataSource(Connection held) {
		this.held = held;
		this.handedOut = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					switch (method.getName()) {
						case "close":
							return null;
						case "isClosed":
							return held.isClosed();
						case "equals":
							return proxy == args[0];
						case "hashCode":
							return System.identityHashCode(proxy);
						default:
							try {
								return method.invoke(held, args);
							}
							catch (InvocationTargetException ex) {
								throw ex.getTargetException();
							}
					}
				});
	}

	/** Closes the real connection. */
	public void closeHeldConnection() {
		try {
			this.held.close();
		}
		catch (SQLException ex) {
			// Closing an in-memory database cannot lose anything.
		}
	}

	@Override
	public Connection getConnection() {
		return this.handedOut;
	}

	@Override
	public Connection getConnection(String username, String password) {
		return this.handedOut;
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

}
