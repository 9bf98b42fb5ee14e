package dev.autobaseline.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A synthetic migration history of N versions, the same for a given seed whatever N (the set of
 * 300 is the first 300 of the set of 1,000): tables with keys and foreign keys, added columns,
 * indexes, enum types and labels and function replacements (PostgreSQL), view replacements
 * (SQLite), or enum columns and view and function replacements on InnoDB tables (MariaDB), and
 * now and then a data-only migration.
 */
final class MigrationSet {

	/** What a migration does. */
	enum Kind {

		CREATE_TABLE(true), ADD_COLUMN(true), CREATE_INDEX(false), OTHER_OBJECT(false), DATA_ONLY(false),

		/** Many tables at once (the wide set for the 2,000-table catalog). */
		CREATE_TABLES(true);

		/** Whether the migration changes table names or columns: what {@code match: columns} sees. */
		final boolean changesColumns;

		Kind(boolean changesColumns) {
			this.changesColumns = changesColumns;
		}

	}

	/** One versioned migration. */
	record Migration(int version, Kind kind, String sql) {

		String fileName() {
			return "V" + this.version + "__" + this.kind.name().toLowerCase(java.util.Locale.ROOT) + ".sql";
		}

	}

	private final BenchEngine.Flavor flavor;

	private final List<Migration> migrations;

	private MigrationSet(BenchEngine.Flavor flavor, List<Migration> migrations) {
		this.flavor = flavor;
		this.migrations = List.copyOf(migrations);
	}

	/** The first {@code count} migrations of the mixed history. */
	static MigrationSet mixed(BenchEngine.Flavor flavor, int count) {
		Generator generator = new Generator(flavor);
		List<Migration> migrations = new ArrayList<>();
		for (int version = 1; version <= count; version++) {
			migrations.add(generator.next(version));
		}
		return new MigrationSet(flavor, migrations);
	}

	/** {@code versions} migrations of {@code tablesEach} tables each: a wide schema. */
	static MigrationSet wide(BenchEngine.Flavor flavor, int versions, int tablesEach) {
		Generator generator = new Generator(flavor);
		List<Migration> migrations = new ArrayList<>();
		for (int version = 1; version <= versions; version++) {
			StringBuilder sql = new StringBuilder();
			for (int i = 0; i < tablesEach; i++) {
				sql.append(generator.createTable(true)).append(generator.createIndexOnLast());
			}
			migrations.add(new Migration(version, Kind.CREATE_TABLES, sql.toString()));
		}
		return new MigrationSet(flavor, migrations);
	}

	int size() {
		return this.migrations.size();
	}

	List<Migration> migrations() {
		return this.migrations;
	}

	/**
	 * The middle prefix a legacy database is at: the highest version at or below {@code N/2} whose
	 * next migration changes columns, so that the expected adoption version is unambiguous.
	 */
	int middleVersion() {
		for (int version = this.migrations.size() / 2; version >= 1; version--) {
			if (this.migrations.get(version).kind().changesColumns) {
				return version;
			}
		}
		throw new IllegalStateException("no unambiguous middle version");
	}

	/** Whether the set has a {@link #middleVersion()}. */
	boolean hasMiddleVersion() {
		return this.migrations.stream().limit(this.migrations.size() / 2 + 1).skip(1).anyMatch((m) -> m.kind().changesColumns);
	}

	/** Writes the scripts into a fresh folder. */
	Path write(Path folder) {
		try {
			Files.createDirectories(folder);
			for (Migration migration : this.migrations) {
				Files.writeString(folder.resolve(migration.fileName()), migration.sql());
			}
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** How many migrations of each kind, for the report. */
	String describe() {
		java.util.Map<Kind, Integer> counts = new java.util.EnumMap<>(Kind.class);
		this.migrations.forEach((migration) -> counts.merge(migration.kind(), 1, Integer::sum));
		StringBuilder text = new StringBuilder();
		counts.forEach((kind, count) -> text.append((text.length() > 0) ? ", " : "").append(count).append(' ')
			.append(describe(kind)));
		return text.toString();
	}

	private String describe(Kind kind) {
		return switch (kind) {
			case CREATE_TABLE -> "create table";
			case ADD_COLUMN -> "add column";
			case CREATE_INDEX -> "create index";
			case OTHER_OBJECT -> switch (this.flavor) {
				case POSTGRESQL -> "enum type/label or function replacement";
				case MARIADB -> "view or function replacement";
				case SQLITE -> "view replacement";
			};
			case DATA_ONLY -> "data only";
			case CREATE_TABLES -> "many tables";
		};
	}

	/** The deterministic stream of migrations. */
	private static final class Generator {

		private final BenchEngine.Flavor flavor;

		private final Random random = new Random(20261122L);

		private final List<Integer> tables = new ArrayList<>();

		private final List<Integer> enums = new ArrayList<>();

		private int nextTable = 1;

		private int nextIndex = 1;

		private int nextObject = 1;

		Generator(BenchEngine.Flavor flavor) {
			this.flavor = flavor;
		}

		Migration next(int version) {
			Kind kind = pick();
			String sql = switch (kind) {
				case CREATE_TABLE -> createTable(this.random.nextBoolean());
				case ADD_COLUMN -> addColumn(version);
				case CREATE_INDEX -> createIndex();
				case OTHER_OBJECT -> otherObject(version);
				case DATA_ONLY -> insertRows(version);
				case CREATE_TABLES -> throw new IllegalStateException();
			};
			return new Migration(version, kind, sql);
		}

		private Kind pick() {
			if (this.tables.isEmpty()) {
				return Kind.CREATE_TABLE;
			}
			int roll = this.random.nextInt(100);
			if (roll < 40) {
				return Kind.CREATE_TABLE;
			}
			if (roll < 60) {
				return Kind.ADD_COLUMN;
			}
			if (roll < 75) {
				return Kind.CREATE_INDEX;
			}
			if (roll < 90) {
				return Kind.OTHER_OBJECT;
			}
			return Kind.DATA_ONLY;
		}

		String createTable(boolean withParent) {
			if (this.flavor == BenchEngine.Flavor.MARIADB) {
				return createInnodbTable(withParent);
			}
			int table = this.nextTable++;
			boolean pg = this.flavor == BenchEngine.Flavor.POSTGRESQL;
			String key = pg ? "BIGINT" : "INTEGER";
			StringBuilder sql = new StringBuilder("CREATE TABLE t").append(table).append(" (\n")
				.append("    id ").append(key).append(" PRIMARY KEY,\n")
				.append("    name VARCHAR(100) NOT NULL,\n")
				.append("    status VARCHAR(20) NOT NULL DEFAULT 'new',\n")
				.append("    amount NUMERIC(12, 2),\n")
				.append("    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP");
			if (withParent && !this.tables.isEmpty()) {
				int parent = this.tables.get(this.random.nextInt(this.tables.size()));
				sql.append(",\n    parent_id ").append(key).append(" REFERENCES t").append(parent).append(" (id)");
			}
			sql.append(",\n    CONSTRAINT t").append(table).append("_amount_positive CHECK (amount >= 0)\n);\n");
			this.tables.add(table);
			return sql.toString();
		}

		/**
		 * The same table in MariaDB's terms: a table-level foreign key (named, as InnoDB wants its
		 * names unique per database) and an explicit engine.
		 */
		private String createInnodbTable(boolean withParent) {
			int table = this.nextTable++;
			StringBuilder sql = new StringBuilder("CREATE TABLE t").append(table).append(" (\n")
				.append("    id BIGINT NOT NULL,\n")
				.append("    name VARCHAR(100) NOT NULL,\n")
				.append("    status VARCHAR(20) NOT NULL DEFAULT 'new',\n")
				.append("    amount DECIMAL(12, 2),\n")
				.append("    created_at DATETIME DEFAULT CURRENT_TIMESTAMP,\n");
			String foreignKey = "";
			if (withParent && !this.tables.isEmpty()) {
				int parent = this.tables.get(this.random.nextInt(this.tables.size()));
				sql.append("    parent_id BIGINT,\n");
				foreignKey = ",\n    CONSTRAINT t" + table + "_parent FOREIGN KEY (parent_id) REFERENCES t" + parent + " (id)";
			}
			sql.append("    PRIMARY KEY (id),\n    CONSTRAINT t").append(table).append("_amount_positive CHECK (amount >= 0)")
				.append(foreignKey).append("\n) ENGINE=InnoDB;\n");
			this.tables.add(table);
			return sql.toString();
		}

		String createIndexOnLast() {
			int table = this.tables.get(this.tables.size() - 1);
			return "CREATE INDEX ix" + (this.nextIndex++) + " ON t" + table + " (name);\n";
		}

		private String addColumn(int version) {
			int table = anyTable();
			if (this.flavor == BenchEngine.Flavor.POSTGRESQL && !this.enums.isEmpty() && this.random.nextInt(4) == 0) {
				int type = this.enums.get(this.random.nextInt(this.enums.size()));
				return "ALTER TABLE t" + table + " ADD COLUMN c" + version + " e" + type + ";\n";
			}
			if (this.flavor == BenchEngine.Flavor.MARIADB && this.random.nextInt(4) == 0) {
				return "ALTER TABLE t" + table + " ADD COLUMN c" + version + " ENUM('new', 'active', 'closed');\n";
			}
			String extra = (this.random.nextInt(3) == 0) ? " DEFAULT 'x'" : "";
			return "ALTER TABLE t" + table + " ADD COLUMN c" + version + " VARCHAR(50)" + extra + ";\n";
		}

		private String createIndex() {
			int table = anyTable();
			String unique = (this.random.nextInt(4) == 0) ? "UNIQUE " : "";
			String columns = unique.isEmpty() ? "name" : "name, id";
			return "CREATE " + unique + "INDEX ix" + (this.nextIndex++) + " ON t" + table + " (" + columns + ");\n";
		}

		private String otherObject(int version) {
			if (this.flavor == BenchEngine.Flavor.POSTGRESQL) {
				int roll = this.random.nextInt(3);
				if (roll == 0 || this.enums.isEmpty()) {
					int type = this.nextObject++;
					this.enums.add(type);
					return "CREATE TYPE e" + type + " AS ENUM ('new', 'active', 'closed');\n";
				}
				if (roll == 1) {
					int type = this.enums.get(this.random.nextInt(this.enums.size()));
					return "ALTER TYPE e" + type + " ADD VALUE 'label" + version + "';\n";
				}
				int function = 1 + this.random.nextInt(5);
				return "CREATE OR REPLACE FUNCTION f" + function + "(x integer) RETURNS integer\n"
						+ "    LANGUAGE sql IMMUTABLE AS $$ SELECT x + " + version + " $$;\n";
			}
			if (this.flavor == BenchEngine.Flavor.MARIADB) {
				return otherMariadbObject(version);
			}
			int view = 1 + this.random.nextInt(5);
			int table = anyTable();
			return "DROP VIEW IF EXISTS v" + view + ";\nCREATE VIEW v" + view + " AS SELECT id, name FROM t" + table
					+ " WHERE id > " + version + ";\n";
		}

		private String otherMariadbObject(int version) {
			if (this.random.nextBoolean()) {
				int function = 1 + this.random.nextInt(5);
				// A body of one statement: no DELIMITER needed.
				return "DROP FUNCTION IF EXISTS f" + function + ";\nCREATE FUNCTION f" + function
						+ "(x INT) RETURNS INT DETERMINISTIC RETURN x + " + version + ";\n";
			}
			int view = 1 + this.random.nextInt(5);
			int table = anyTable();
			return "CREATE OR REPLACE VIEW v" + view + " AS SELECT id, name FROM t" + table + " WHERE id > " + version
					+ ";\n";
		}

		private String insertRows(int version) {
			int table = anyTable();
			StringBuilder sql = new StringBuilder("INSERT INTO t").append(table).append(" (id, name, amount) VALUES ");
			for (int row = 1; row <= 20; row++) {
				sql.append((row > 1) ? ", " : "").append('(').append(version * 100 + row).append(", 'row ")
					.append(row).append("', ").append(row).append(')');
			}
			return sql.append(";\n").toString();
		}

		private int anyTable() {
			return this.tables.get(this.random.nextInt(this.tables.size()));
		}

	}

}
