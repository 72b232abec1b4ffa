package org.passerelle.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.passerelle.server.PasserelleApplication;
import org.passerelle.server.security.NewUser;
import org.passerelle.server.shared.Role;
import org.passerelle.server.security.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real French node for a test: the whole application on a random port, on H2 or PostgreSQL (see
 * {@link TestDatabase}), with a data folder and key of its own. All tests extending this class share one node.
 */
@SpringBootTest(classes = PasserelleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class NodeTest {

    protected static final Path DATA_DIR = newDataDir();
    protected static final Map<String, String> DATABASE = TestDatabase.freshDatabase(DATA_DIR);

    @LocalServerPort
    protected int port;

    @Autowired
    protected UserService users;

    @DynamicPropertySource
    static void node(DynamicPropertyRegistry registry) {
        registry.add("passerelle.data-dir", DATA_DIR::toString);
        registry.add("passerelle.party.code", () -> "FR");
        registry.add("passerelle.party.names.fr", () -> "France");
        registry.add("passerelle.party.names.en", () -> "France");
        registry.add("passerelle.party.names.ar", () -> "فرنسا");
        DATABASE.forEach((key, value) -> registry.add(key, () -> value));
        // The whole suite's anonymous refusals come from one address within minutes: record every one of them, so
        // that a test reading the audit log does not depend on the tests before it (AnonymousRefusalsTest tests the cap).
        registry.add("passerelle.security.anonymous-refusals-per-minute", () -> "1000000");
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Creates a user of this node with a known password and an authenticator secret. */
    protected TestUser newUser(Role role) {
        return createUser(users, role);
    }

    /** Creates a user on any node with a known password and an authenticator secret. */
    public static TestUser createUser(UserService users, Role role) {
        return createUser(users, role, null);
    }

    /** Creates a user of an office (a prefecture's département, a consulate's code) on any node. */
    public static TestUser createUser(UserService users, Role role, String office) {
        String username = role.name().toLowerCase().replace('_', '-').substring(0, Math.min(12, role.name().length()))
                + "." + Long.toString(System.nanoTime(), 36);
        String password = "staple-" + java.util.UUID.randomUUID();
        users.create(new NewUser(username, "Test " + role.name(), role.name(), office, password));
        return new TestUser(username, password, users.provisionSecondFactor(username));
    }

    /** A test user's credentials. */
    public record TestUser(String username, String password, String totpSecret) {
    }

    private static Path newDataDir() {
        try {
            return Files.createTempDirectory("passerelle-test-node");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
