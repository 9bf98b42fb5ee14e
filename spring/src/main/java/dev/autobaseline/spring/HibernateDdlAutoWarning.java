package dev.autobaseline.spring;

import java.util.Locale;
import java.util.Set;

import dev.autobaseline.engine.AdoptionReport;
import dev.autobaseline.engine.SchemaState;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.env.Environment;

/**
 * Warns when Hibernate is set to change the schema right after an adoption: its changes bypass
 * Flyway's history, so the migrations stop describing the database (and the next adoption of a
 * copy finds drift).
 */
public final class HibernateDdlAutoWarning {

	private static final Log logger = LogFactory.getLog(HibernateDdlAutoWarning.class);

	private static final Set<String> SCHEMA_CHANGING = Set.of("update", "create", "create-drop", "create-only", "drop");

	private final Environment environment;

	public HibernateDdlAutoWarning(Environment environment) {
		this.environment = environment;
	}

	/** Logs the warning when the report is an adoption and Hibernate will change the schema. */
	public void warnAfter(AdoptionReport report) {
		if (report == null || (report.state() != SchemaState.UNMANAGED && report.state() != SchemaState.BASELINED)) {
			return;
		}
		String setting = schemaChangingSetting();
		if (setting != null) {
			logger.warn("autobaseline: " + setting + " next to an adoption: Hibernate changes the schema right after"
					+ " Flyway, outside its history, so the migrations stop describing the database. Set"
					+ " spring.jpa.hibernate.ddl-auto=validate (or none) and change the schema through migrations.");
		}
	}

	/** The property that makes Hibernate change the schema, as {@code name=value}, or {@code null}. */
	String schemaChangingSetting() {
		for (String property : new String[] { "spring.jpa.hibernate.ddl-auto",
				"spring.jpa.properties.hibernate.hbm2ddl.auto" }) {
			String value = this.environment.getProperty(property);
			if (value != null && SCHEMA_CHANGING.contains(value.trim().toLowerCase(Locale.ROOT))) {
				return property + "=" + value.trim();
			}
		}
		if ("true".equalsIgnoreCase(this.environment.getProperty("spring.jpa.generate-ddl", ""))
				&& this.environment.getProperty("spring.jpa.hibernate.ddl-auto") == null) {
			return "spring.jpa.generate-ddl=true (ddl-auto update)";
		}
		return null;
	}

}
