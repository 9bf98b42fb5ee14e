package dev.autobaseline.replay;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * The text of the SQL scripts in Flyway's locations (migrations and SQL callbacks), read the way
 * Flyway finds them on the class path and the file system.
 */
final class MigrationScripts {

	private MigrationScripts() {
	}

	/** Script path to text, for every {@code .sql} file under the configuration's locations. */
	@SuppressWarnings("deprecation")
	static Map<String, String> read(Configuration configuration) throws IOException {
		Map<String, String> scripts = new TreeMap<>();
		for (Location location : configuration.getLocations()) {
			if (location.isFileSystem()) {
				readFolder(Path.of(location.getPath()), scripts);
			}
			else if (location.isClassPath()) {
				Enumeration<URL> roots = configuration.getClassLoader().getResources(location.getPath());
				while (roots.hasMoreElements()) {
					readClassPathRoot(roots.nextElement(), location.getPath(), scripts);
				}
			}
		}
		return scripts;
	}

	private static void readClassPathRoot(URL root, String path, Map<String, String> scripts) throws IOException {
		if ("file".equals(root.getProtocol())) {
			try {
				readFolder(Path.of(root.toURI()), scripts);
			}
			catch (URISyntaxException ex) {
				throw new IOException(ex);
			}
			return;
		}
		URLConnection connection = root.openConnection();
		if (connection instanceof JarURLConnection jar) {
			try (JarFile file = new JarFile(jar.getJarFileURL().getFile())) {
				String prefix = jar.getEntryName().endsWith("/") ? jar.getEntryName() : jar.getEntryName() + "/";
				for (JarEntry entry : java.util.Collections.list(file.entries())) {
					if (!entry.isDirectory() && entry.getName().startsWith(prefix) && entry.getName().endsWith(".sql")) {
						try (InputStream in = file.getInputStream(entry)) {
							scripts.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
						}
					}
				}
			}
		}
	}

	private static void readFolder(Path folder, Map<String, String> scripts) throws IOException {
		if (!Files.isDirectory(folder)) {
			return;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : (Iterable<Path>) files.filter((path) -> path.toString().endsWith(".sql"))::iterator) {
				scripts.put(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
			}
		}
	}

}
