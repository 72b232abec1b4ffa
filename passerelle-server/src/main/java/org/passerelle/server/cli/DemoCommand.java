package org.passerelle.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.passerelle.server.coordination.Coordination;
import org.passerelle.server.intel.InformationRequests;
import org.passerelle.server.minors.FamilyTracing;
import org.passerelle.server.minors.Minors;
import org.passerelle.server.intel.network.Networks;
import org.passerelle.server.readmission.Readmissions;
import org.passerelle.server.registry.Registry;
import org.passerelle.server.security.ApiTokens;
import org.passerelle.server.security.NewUser;
import org.passerelle.server.shared.Role;
import org.passerelle.server.shared.Viewer;
import org.passerelle.server.security.UserService;
import picocli.CommandLine.Command;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Two nodes on one machine: France and Morocco, each with its own embedded database and keys under one
 * demo folder, trusting each other, with an account for every role. Accounts are created on the first run
 * and their credentials kept (owner-readable only) in the folder, so every later run prints the same ones.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the two-node demo: France on http://localhost:8080, Morocco on http://localhost:8081.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--dir", defaultValue = "demo", description = "Demo folder (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--fr-port", defaultValue = "8080", description = "Port of the French node (default: ${DEFAULT-VALUE}).")
    int frPort;

    @Option(names = "--ma-port", defaultValue = "8081", description = "Port of the Moroccan node (default: ${DEFAULT-VALUE}).")
    int maPort;

    @Spec
    CommandSpec spec;

    /** A demo account as printed for the person trying the demo, with a personal API token. */
    record DemoAccount(String username, Role role, String password, String totpSecret, String apiToken) {
    }

    private static final Map<Role, String> SHORT_NAMES = Map.of(Role.ADMINISTRATOR, "admin",
            Role.PREFECTURE_OFFICER, "prefecture", Role.CENTRAL_MIGRATION_OFFICER, "migration",
            Role.CONSULAR_OFFICER, "consul", Role.CENTRAL_IDENTIFICATION_OFFICER, "identification",
            Role.CHILD_PROTECTION_OFFICER, "protection", Role.ANALYST, "analyst",
            Role.JOINT_GROUP_SECRETARIAT, "secretariat", Role.JOINT_GROUP_CO_CHAIR, "cochair", Role.AUDITOR, "auditor");

    private static final Map<String, Map<Role, String>> OFFICES = Map.of(
            "FR", Map.of(Role.PREFECTURE_OFFICER, "75",
                    Role.CENTRAL_MIGRATION_OFFICER, "DGEF — Direction de l'immigration",
                    Role.CHILD_PROTECTION_OFFICER, "ASE de Paris", Role.ANALYST, "OFAST"),
            "MA", Map.of(Role.CONSULAR_OFFICER, "PARIS",
                    Role.CENTRAL_IDENTIFICATION_OFFICER, "DGSN — Identification",
                    Role.CHILD_PROTECTION_OFFICER, "Entraide nationale", Role.ANALYST, "DGSN — BNPJ"));

    @Override
    public Integer call() throws IOException {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("FR", frPort);
        ports.put("MA", maPort);
        DemoClock clock = new DemoClock();
        LocalNodes nodes = LocalNodes.prepare(dir, ports, Map.of()).withClock(clock).startAll();
        PrintWriter out = spec.commandLine().getOut();
        // First, while no one has done anything on the nodes yet: a year of readmission, on the shared clock.
        new DemoReadmissions(nodes.context("FR").getBean(Readmissions.class),
                nodes.context("MA").getBean(Readmissions.class), nodes.context("MA").getBean(Registry.class), clock,
                out).playOnce(dir);
        Map<LocalNodes.LocalNode, List<DemoAccount>> accounts = new LinkedHashMap<>();
        for (LocalNodes.LocalNode node : nodes.nodes()) {
            accounts.put(node, ensureAccounts(node, nodes.context(node.code()).getBean(UserService.class),
                    nodes.context(node.code()).getBean(ApiTokens.class)));
        }
        writeAccountsFile(dir.resolve("accounts.json"), accounts);
        Viewer frenchAnalyst = new Viewer(analyst(accounts.get(nodes.node("FR"))), Role.ANALYST, "FR");
        new DemoInformationRequests(nodes.context("FR").getBean(InformationRequests.class),
                nodes.context("MA").getBean(InformationRequests.class), frenchAnalyst,
                new Viewer(analyst(accounts.get(nodes.node("MA"))), Role.ANALYST, "MA")).seedOnce();
        DemoNetworks.seedOnce(nodes.context("FR").getBean(Networks.class), frenchAnalyst);
        new DemoCoordination(coordinationSide(nodes.node("FR"), nodes, accounts, "Claire Martin"),
                coordinationSide(nodes.node("MA"), nodes, accounts, "خالد الزموري"), clock).seedOnce();
        new DemoMinors(nodes.context("FR").getBean(Minors.class), nodes.context("MA").getBean(Minors.class),
                nodes.context("MA").getBean(FamilyTracing.class),
                new Viewer("fr.protection", Role.CHILD_PROTECTION_OFFICER, "FR"),
                new Viewer("fr.protection2", Role.CHILD_PROTECTION_OFFICER, "FR"),
                new Viewer(username(accounts.get(nodes.node("MA")), Role.CHILD_PROTECTION_OFFICER),
                        Role.CHILD_PROTECTION_OFFICER, "MA"), clock).seedOnce();
        printWelcome(out, accounts);
        return 0;
    }

    /**
     * The node's demo accounts: created on the first run, then read back. A folder from before the accounts had API
     * tokens gets one for each account, once.
     */
    private static List<DemoAccount> ensureAccounts(LocalNodes.LocalNode node, UserService users, ApiTokens tokens)
            throws IOException {
        Path file = node.dataDir().resolve("demo-accounts.tsv");
        List<DemoAccount> accounts = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                String[] f = line.split("\t");
                accounts.add(new DemoAccount(f[0], Role.valueOf(f[1]), f[2], f[3],
                        f.length > 4 ? f[4] : tokens.issue(f[0], TOKEN_NAME).secret()));
            }
        }
        // One account per role, and a second child-protection officer: the best-interests procedure needs a second
        // person's approval. A folder from before an account existed gets it too.
        Map<String, Role> wanted = new LinkedHashMap<>();
        for (Role role : Role.forParty(node.code())) {
            wanted.put(node.code().toLowerCase() + "." + SHORT_NAMES.get(role), role);
        }
        wanted.put(node.code().toLowerCase() + ".protection2", Role.CHILD_PROTECTION_OFFICER);
        for (Map.Entry<String, Role> entry : wanted.entrySet()) {
            String username = entry.getKey();
            Role role = entry.getValue();
            if (accounts.stream().noneMatch(a -> a.username().equals(username))) {
                String office = OFFICES.get(node.code()).get(role);
                UserService.Created account = users.create(new NewUser(username, displayName(role, node), role.name(),
                        office, null));
                users.keepGivenPassword(username);
                accounts.add(new DemoAccount(username, role, account.initialPassword(),
                        users.provisionSecondFactor(username), tokens.issue(username, TOKEN_NAME).secret()));
            }
        }
        writeOwnerOnly(file, accounts.stream().map(a -> String.join("\t", a.username(), a.role().name(), a.password(),
                a.totpSecret(), a.apiToken())).collect(Collectors.joining("\n", "", "\n")));
        return accounts;
    }

    private static final String TOKEN_NAME = "demo";

    /**
     * {@code accounts.json}: every account of every node with its password, authenticator secret and a personal API
     * token that works, so that a person or a script can call the API at once.
     */
    private static void writeAccountsFile(Path file, Map<LocalNodes.LocalNode, List<DemoAccount>> accounts)
            throws IOException {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        accounts.forEach((node, nodeAccounts) -> nodeAccounts.forEach(a -> list.addObject().put("party", node.code())
                .put("url", node.url()).put("username", a.username()).put("role", a.role().name())
                .put("password", a.password()).put("totpSecret", a.totpSecret()).put("apiToken", a.apiToken())));
        writeOwnerOnly(file, new JsonMapper().writerWithDefaultPrettyPrinter().writeValueAsString(list) + "\n");
    }

    /** Writes a file readable by its owner only, from its creation: it holds credentials. */
    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, content);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String analyst(List<DemoAccount> accounts) {
        return username(accounts, Role.ANALYST);
    }

    private static String username(List<DemoAccount> accounts, Role role) {
        return accounts.stream().filter(a -> a.role() == role).findFirst().orElseThrow().username();
    }

    private static DemoCoordination.Side coordinationSide(LocalNodes.LocalNode node, LocalNodes nodes,
            Map<LocalNodes.LocalNode, List<DemoAccount>> accounts, String coChairName) {
        List<DemoAccount> mine = accounts.get(node);
        return new DemoCoordination.Side(nodes.context(node.code()).getBean(Coordination.class),
                new Viewer(username(mine, Role.JOINT_GROUP_SECRETARIAT), Role.JOINT_GROUP_SECRETARIAT, node.code()),
                new Viewer(username(mine, Role.JOINT_GROUP_CO_CHAIR), Role.JOINT_GROUP_CO_CHAIR, node.code()),
                coChairName);
    }

    private static String displayName(Role role, LocalNodes.LocalNode node) {
        String words = role.name().charAt(0) + role.name().substring(1).toLowerCase().replace('_', ' ');
        return words + " (" + node.names().get("en") + ")";
    }

    private void printWelcome(PrintWriter out, Map<LocalNodes.LocalNode, List<DemoAccount>> accounts) {
        out.println();
        out.println("Passerelle demo is running. Stop it with Ctrl+C.");
        for (Map.Entry<LocalNodes.LocalNode, List<DemoAccount>> entry : accounts.entrySet()) {
            LocalNodes.LocalNode node = entry.getKey();
            out.printf("%n%s — %s   (configuration: %s)%n", node.names().get("en"), node.url(),
                    node.configuration());
            out.printf("  %-22s %-32s %-21s %s%n", "username", "role", "password", "authenticator secret (TOTP)");
            for (DemoAccount a : entry.getValue()) {
                out.printf("  %-22s %-32s %-21s %s%n", a.username(), a.role(), a.password(), a.totpSecret());
            }
        }
        out.println();
        out.println("Sign in with a username and password, then a 6-digit code from an authenticator app set up");
        out.println("with the account's secret (or: oathtool --totp -b SECRET).");
        out.println("Every account with a personal API token is in " + dir.resolve("accounts.json").toAbsolutePath()
                + " (owner-readable only).");
        out.println("Other commands take a node's configuration, e.g. ./passerelle audit verify --config "
                + accounts.keySet().iterator().next().configuration());
        out.flush();
    }
}
