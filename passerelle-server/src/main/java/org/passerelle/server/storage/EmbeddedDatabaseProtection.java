package org.passerelle.server.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Keeps a node's files and its embedded database to the account that runs it. The data folder (database, key,
 * attachments) is made owner-only. The embedded H2 database gets a password generated on first use and kept with
 * the node's key ({@code <data-dir>/keys/database.password}, owner-only), and its files are owner-only: H2's server for command-line tasks
 * ({@code AUTO_SERVER}) listens on loopback, where any local account could otherwise open it as {@code sa} with no
 * password. A database created before this keeps its data: it is given the password the first time.
 *
 * <p>Runs on every start, serving or a command-line task, just before the data source is made from its settings; an
 * operator who set {@code spring.datasource.password} keeps it.
 */
class EmbeddedDatabaseProtection implements BeanPostProcessor, EnvironmentAware,
        ApplicationListener<ApplicationStartedEvent> {

    static final String PASSWORD_FILE = "database.password";
    private static final String H2_FILE = "jdbc:h2:file:";
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private Environment environment;
    /** The embedded database's folder, once known: its files H2 creates on first use are made owner-only after start. */
    private volatile Path databaseFolder;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSourceProperties dataSource) {
            protect(dataSource);
        }
        return bean;
    }

    private void protect(DataSourceProperties dataSource) {
        Path dataDir = Path.of(environment.getProperty("passerelle.data-dir", "data"));
        ownerOnlyFolder(dataDir);
        String url = dataSource.getUrl() == null ? "" : dataSource.getUrl();
        if (!url.startsWith(H2_FILE)) {
            return;
        }
        Path database = Path.of(url.substring(H2_FILE.length()).split(";", 2)[0]);
        if (database.getParent() != null) {
            databaseFolder = database.getParent();
            ownerOnlyFolder(databaseFolder);
            ownerOnlyFiles(databaseFolder);
        }
        if (dataSource.getPassword() != null && !dataSource.getPassword().isEmpty()) {
            return;
        }
        String user = dataSource.getUsername() == null ? "sa" : dataSource.getUsername();
        dataSource.setPassword(password(dataDir.resolve("keys").resolve(PASSWORD_FILE), url, user,
                Files.exists(Path.of(database + ".mv.db"))));
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        if (databaseFolder != null) {
            ownerOnlyFiles(databaseFolder);
        }
    }

    /**
     * The database's password: the one kept, or a new one. An existing database still opening without a password is
     * given the new one before the password is kept, so that a crash in between leaves it opening as before.
     */
    private static String password(Path file, String url, String user, boolean databaseExists) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            if (databaseExists) {
                adopt(url, user, password);
            }
            ownerOnlyFolder(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), PASSWORD_FILE, ".part",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            Files.writeString(temporary, password, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the embedded database's password at " + file, e);
        }
    }

    /** Sets {@code password} on a database that still opens with an empty one. */
    private static void adopt(String url, String user, String password) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
             PreparedStatement alter = connection.prepareStatement("ALTER USER " + quotedName(user) + " SET PASSWORD ?")) {
            alter.setString(1, password);
            alter.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("The embedded database at " + url + " does not open without a password,"
                    + " and its password is not in the data folder's keys: set spring.datasource.password", e);
        }
    }

    private static String quotedName(String user) {
        return '"' + user.toUpperCase(java.util.Locale.ROOT).replace("\"", "\"\"") + '"';
    }

    private static void ownerOnlyFolder(Path folder) {
        try {
            Files.createDirectories(folder);
            Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own access rules apply
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make " + folder + " readable by its owner only", e);
        }
    }

    private static void ownerOnlyFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the files of " + folder + " readable by their owner only", e);
        }
    }
}
