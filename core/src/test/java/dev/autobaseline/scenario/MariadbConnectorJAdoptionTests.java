package dev.autobaseline.scenario;

import java.nio.file.Path;

/**
 * The MariaDB adoption scenarios through MySQL Connector/J and {@code jdbc:mysql:} URLs. The
 * driver calls the server "MySQL", but its version string says MariaDB, so the dialect treats it
 * as MariaDB and {@code autobaseline.mysql.enabled} is not needed (nor set): this tests the
 * driver, not a MySQL server.
 */
class MariadbConnectorJAdoptionTests extends MariadbAdoptionTests {

	@Override
	TestDatabase createDatabase(Path folder) throws Exception {
		MariadbTestDatabase database = new MariadbTestDatabase("connectorj",
				MariadbTestDatabase.SERVER_URL.replaceFirst("^jdbc:mariadb:", "jdbc:mysql:"));
		OWNERS.add(database.ownerTag());
		return database;
	}

}
