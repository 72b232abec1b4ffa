package org.passerelle.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.passerelle.matching.PersonRecord;
import org.passerelle.matching.io.RecordCsv;
import org.passerelle.matching.synth.QueryNoise;
import org.passerelle.matching.synth.SyntheticRegistry;
import org.passerelle.protocol.CaseThread;
import org.passerelle.protocol.Envelope;
import org.passerelle.server.exchange.CaseEnvelopeStored;
import org.passerelle.server.exchange.CaseEnvelopesStored;
import org.passerelle.server.readmission.ReadmissionKinds;
import org.passerelle.server.readmission.ReadmissionProfile;
import org.passerelle.server.readmission.Readmissions;
import org.passerelle.server.readmission.SyntheticReadmissions;
import org.passerelle.server.registry.IdentityBook;
import org.passerelle.server.registry.Registry;
import org.passerelle.server.security.ApiTokens;
import org.passerelle.server.security.NewUser;
import org.passerelle.server.security.UserService;
import org.passerelle.server.shared.Page;
import org.passerelle.server.shared.Role;
import org.passerelle.server.shared.Viewer;
import org.passerelle.server.storage.PlannerStatistics;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Readmission's three speed targets on real nodes: a request's candidates against a large civil registry inside
 * Morocco's node; the statistics over many requests and the case list's page on France's. The cases are made up
 * ({@link SyntheticReadmissions}) and stored as the exchange stores a thread's newest envelope, through the module's
 * own view, so the tables hold what a year of exchanges would leave in them without waiting for the exchange.
 */
@Command(name = "readmission", mixinStandardHelpOptions = true,
        description = "Candidates against an N-person registry (p50/p99), statistics over M requests and the case"
                + " list's page time (p50/p95), on local nodes (H2 or PostgreSQL).")
final class ReadmissionBench implements Callable<Integer> {

    @Mixin
    BenchDatabase database;

    @Option(names = "--registry", defaultValue = "1000000", description = "Persons in Morocco's civil registry"
            + " (default: ${DEFAULT-VALUE}; 0 skips the candidates).")
    int registrySize;

    @Option(names = "--queries", defaultValue = "1000", description = "Requests looked up (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--requests", defaultValue = "100000", description = "Cases in France's view (default:"
            + " ${DEFAULT-VALUE}; 0 skips the statistics and the list).")
    int requests;

    @Option(names = "--pages", defaultValue = "200", description = "Page loads measured per list (default: ${DEFAULT-VALUE}).")
    int pages;

    @Spec
    CommandSpec spec;

    private static final int SETTLE_SECONDS = 20;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("passerelle-bench-readmission");
        LocalNodes nodes = LocalNodes.prepare(dir, LocalNodes.freePorts(List.of("FR", "MA")), Map.of(
                "FR", database.properties("fr"), "MA", database.properties("ma")));
        try {
            if (registrySize > 0) {
                candidates(out, nodes, dir);
            }
            if (requests > 0) {
                listAndStatistics(out, nodes);
            }
            return 0;
        } finally {
            nodes.stopAll();
            database.dropSchemas();
        }
    }

    /** Morocco's node alone: the registry imported and indexed, then each request's look-up timed. */
    private void candidates(PrintWriter out, LocalNodes nodes, Path dir) throws IOException {
        ConfigurableApplicationContext morocco = nodes.start("MA", Map.of());
        Registry registry = morocco.getBean(Registry.class);
        Path files = dir.resolve("registry");
        out.printf(Locale.ROOT, "Writing a synthetic registry of %,d persons and %,d request queries...%n",
                registrySize, queries + 200);
        out.flush();
        new SyntheticRegistry().write(files, registrySize, queries + 200, 0.1, QueryNoise.REQUEST, 7, null);
        long start = System.nanoTime();
        registry.importFile(Viewer.node(), files.resolve(SyntheticRegistry.REGISTRY), (read, total, kept, refused) -> { });
        double importSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        registry.catchUp(IdentityBook.CIVIL_REGISTRY);
        double indexSeconds = (System.nanoTime() - start) / 1e9;
        List<PersonRecord> asked = new ArrayList<>();
        try (InputStream in = Files.newInputStream(files.resolve(SyntheticRegistry.QUERIES))) {
            RecordCsv.read(in, SyntheticRegistry.QUERIES, RecordCsv.Kind.QUERIES, asked::add, System.err);
        }
        for (PersonRecord query : asked.subList(0, 200)) {
            registry.candidates(IdentityBook.CIVIL_REGISTRY, query, 10);
        }
        List<Long> micros = new ArrayList<>();
        for (PersonRecord query : asked.subList(200, asked.size())) {
            long begin = System.nanoTime();
            registry.candidates(IdentityBook.CIVIL_REGISTRY, query, 10);
            micros.add((System.nanoTime() - begin) / 1000);
        }
        micros.sort(null);
        out.printf(Locale.ROOT, "%n| database | registry | import s | index catch-up s | queries | p50 ms | p99 ms | max ms |%n");
        out.printf("|---|---|---|---|---|---|---|---|%n");
        out.printf(Locale.ROOT, "| %s | %,d | %.0f | %.0f | %d | %.1f | %.1f | %.1f |%n", database.name(),
                registrySize, importSeconds, indexSeconds, micros.size(), percentile(micros, 50) / 1000.0,
                percentile(micros, 99) / 1000.0, micros.getLast() / 1000.0);
        out.flush();
        nodes.stop("MA");
    }

    /** France's node alone: the cases stored, then the statistics and each list timed as a page asks for them. */
    private void listAndStatistics(PrintWriter out, LocalNodes nodes) throws Exception {
        ConfigurableApplicationContext france = nodes.start("FR", Map.of());
        Readmissions readmissions = france.getBean(Readmissions.class);
        out.printf(Locale.ROOT, "%nStoring %,d made-up cases filed over twelve months...%n", requests);
        out.flush();
        store(france, requests);
        france.getBean(PlannerStatistics.class).refresh();
        // The requested persons' index and model catch up in the background: let them, as a node in service would.
        Thread.sleep(Duration.ofSeconds(SETTLE_SECONDS));

        YearMonth to = YearMonth.now(ZoneOffset.UTC);
        YearMonth from = to.minusMonths(11);
        List<Long> statistics = time(20, () -> readmissions.statistics(Viewer.node(), from, to));
        out.printf(Locale.ROOT, "%n| database | requests | statistics over 12 months: p50 ms | p95 ms | max ms |%n");
        out.printf("|---|---|---|---|---|%n");
        out.printf(Locale.ROOT, "| %s | %,d | %.0f | %.0f | %.0f |%n", database.name(), requests,
                percentile(statistics, 50) / 1000.0, percentile(statistics, 95) / 1000.0,
                statistics.getLast() / 1000.0);

        Viewer central = new Viewer("bench.central", Role.CENTRAL_MIGRATION_OFFICER, "FR");
        String token = token(france, central.username());
        String base = "http://localhost:" + nodes.node("FR").port() + "/api/v1/readmission/requests";
        HttpClient http = HttpClient.newHttpClient();
        out.printf(Locale.ROOT, "%n| database | requests | list | page data (list + counts) p50 ms | p95 ms |"
                + " API page over HTTP p50 ms | p95 ms |%n");
        out.printf("|---|---|---|---|---|---|---|%n");
        for (String[] list : new String[][] {{"newest", "", null}, {"at risk", "flag=at-risk", "AT_RISK"},
                {"overdue", "flag=overdue", "OVERDUE"}, {"waiting on us", "flag=waiting-on-us", "WAITING_ON_US"},
                {"search by name", "q=ouafi%2012", null}, {"page 400", "page=400", null}}) {
            Readmissions.ListFlag flag = list[2] == null ? Readmissions.ListFlag.ALL
                    : Readmissions.ListFlag.valueOf(list[2]);
            String query = list[1].startsWith("q=") ? "ouafi 12" : null;
            int page = list[1].startsWith("page=") ? 400 : 1;
            List<Long> data = time(pages, () -> {
                readmissions.workload(central);
                return readmissions.list(central, null, flag, query, page, Page.DEFAULT_SIZE);
            });
            List<Long> api = time(pages, () -> get(http, base + "?" + list[1], token));
            out.printf(Locale.ROOT, "| %s | %,d | %s | %.1f | %.1f | %.1f | %.1f |%n", database.name(), requests, list[0],
                    percentile(data, 50) / 1000.0, percentile(data, 95) / 1000.0, percentile(api, 50) / 1000.0,
                    percentile(api, 95) / 1000.0);
        }
        out.flush();
    }

    /** Stores made-up cases as the exchange does: each case's thread announced with its newest envelope. */
    private static void store(ConfigurableApplicationContext node, int count) {
        SyntheticReadmissions synthetic = new SyntheticReadmissions(node.getBean(ReadmissionProfile.class));
        TransactionTemplate transactions = new TransactionTemplate(node.getBean(PlatformTransactionManager.class));
        Random random = new Random(11);
        Instant first = Instant.now().minus(365, ChronoUnit.DAYS);
        for (int done = 0; done < count; ) {
            List<CaseEnvelopeStored> batch = new ArrayList<>();
            for (int i = 0; i < 500 && done < count; i++, done++) {
                Instant filed = first.plus(Duration.ofMinutes((long) done * 365 * 24 * 60 / count));
                List<Envelope> envelopes = synthetic.randomCase(random, filed);
                Envelope newest = envelopes.getLast();
                batch.add(new CaseEnvelopeStored(newest.caseRef().id(), ReadmissionKinds.CASE_TYPE, newest.id(),
                        newest.kind(), true, CaseThread.of(envelopes)));
            }
            transactions.executeWithoutResult(status -> node.publishEvent(new CaseEnvelopesStored(batch)));
        }
    }

    private static String token(ConfigurableApplicationContext node, String username) {
        node.getBean(UserService.class).create(new NewUser(username, "Benchmark", Role.CENTRAL_MIGRATION_OFFICER.name(),
                null, "bench-" + java.util.UUID.randomUUID()));
        return node.getBean(ApiTokens.class).issue(username, "bench").secret();
    }

    private static Object get(HttpClient http, String url, String token) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Microseconds of each of {@code rounds} calls after as many unmeasured ones, sorted. */
    private static List<Long> time(int rounds, Supplier<Object> call) {
        for (int i = 0; i < rounds; i++) {
            call.get();
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            call.get();
            micros.add((System.nanoTime() - start) / 1000);
        }
        micros.sort(null);
        return micros;
    }

    private static long percentile(List<Long> sorted, int percent) {
        return BenchCommand.ExchangeBench.percentile(sorted, percent);
    }
}
