package dev.autobaseline.dialect;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;


/**
 * A DataSource that hands out one held connection, whose {@code close()} does nothing until
 * {@link #closeHeldConnection()}.
 */
public final class SingleConnectionDataSource extends BasicDataSource {

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

}
