package org.passerelle.server.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.passerelle.protocol.CaseRef;
import org.passerelle.protocol.EnvelopeJson;
import org.passerelle.protocol.Handling;
import org.passerelle.protocol.Signatures;
import org.passerelle.protocol.UuidV7;
import org.passerelle.server.exchange.Exchange;
import org.passerelle.server.storage.PlannerStatistics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Benchmarks of the running system, as opposed to the engines' JMH benchmarks in passerelle-bench. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure the running system.",
        subcommands = {BenchCommand.ExchangeBench.class, ReadmissionBench.class})
final class BenchCommand {

    /**
     * Two real nodes on loopback: envelopes signed, stored, sent, verified, stored again and acknowledged by a
     * signed receipt. Reports sustained envelopes per second and the latency from signing to the recorded
     * receipt, next to the cost of one bare Ed25519 sign + verify on the same machine.
     */
    @Command(name = "exchange", mixinStandardHelpOptions = true,
            description = "Envelopes per second and p50/p99 latency between two local nodes (H2 or PostgreSQL).")
    static final class ExchangeBench implements Callable<Integer> {

        @Mixin
        BenchDatabase database;

        /** What the target calls slow: the p99 of issue 3 is to stay under it. */
        private static final long SLOW_MILLIS = 200;

        @Option(names = "--envelopes", defaultValue = "5000", description = "Envelopes measured (default: ${DEFAULT-VALUE}).")
        int envelopes;

        @Option(names = "--warmup", defaultValue = "5000",
                description = "Envelopes sent first and not measured, until the JIT compiler has done its work "
                        + "(default: ${DEFAULT-VALUE}; with fewer, compilation still takes a third of the CPU while measuring).")
        int warmup;

        @Option(names = "--settle", defaultValue = "5",
                description = "Seconds to wait between the warm-up and the measurement, for the work the warm-up left "
                        + "behind (audit rounds, the database writing back pages) to finish (default: ${DEFAULT-VALUE}).")
        int settle;

        @Option(names = "--producers", defaultValue = "4", description = "Threads writing envelopes (default: ${DEFAULT-VALUE}).")
        int producers;

        @Option(names = "--rate", defaultValue = "0",
                description = "Envelopes per second to offer (0: as fast as the producers can; default: ${DEFAULT-VALUE}). "
                        + "Latency means most at a rate the nodes sustain: otherwise it measures the queue.")
        int rate;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path dir = Files.createTempDirectory("passerelle-bench");
            LocalNodes nodes = LocalNodes.prepare(dir, LocalNodes.freePorts(List.of("FR", "MA")), Map.of(
                    "FR", database.properties("fr"), "MA", database.properties("ma"))).startAll();
            try {
                Exchange exchange = nodes.context("FR").getBean(Exchange.class);
                out.printf("Warming up (%d envelopes)...%n", warmup);
                run(exchange, warmup, "warm-up");
                analyse(nodes);
                Thread.sleep(Duration.ofSeconds(settle));
                out.printf("Measuring %d envelopes, %d producer threads, %s, offered rate %s...%n", envelopes, producers,
                        database.name(), rate == 0 ? "unlimited" : rate + "/s");
                Instant start = Instant.now();
                List<String> cases = run(exchange, envelopes, "measured");
                Duration total = Duration.between(start, Instant.now());
                List<Sample> samples = samples(exchange, cases);
                List<Long> latencies = samples.stream().map(Sample::millis).sorted().toList();
                double floorMicros = ed25519SignAndVerifyMicros();
                out.printf("%n| database | envelopes | producers | offered/s | envelopes/s | p50 ms | p99 ms | max ms | Ed25519 sign+verify µs |%n");
                out.printf("|---|---|---|---|---|---|---|---|---|%n");
                out.printf("| %s | %d | %d | %s | %.0f | %d | %d | %d | %.1f |%n", database.name(), envelopes, producers,
                        rate == 0 ? "max" : Integer.toString(rate),
                        envelopes / (total.toMillis() / 1000.0), percentile(latencies, 50), percentile(latencies, 99),
                        latencies.get(latencies.size() - 1), floorMicros);
                printSlowSeconds(out, samples);
                out.flush();
                return 0;
            } finally {
                nodes.stopAll();
                database.dropSchemas();
            }
        }

        /**
         * Gives the planner statistics of the tables as the warm-up left them, as autovacuum does within its next
         * round on a node in service (see {@link PlannerStatistics}).
         */
        private static void analyse(LocalNodes nodes) {
            nodes.nodes().forEach(node -> nodes.context(node.code()).getBean(PlannerStatistics.class).refresh());
        }

        /** Writes {@code count} envelopes (each opening a case) from the producer threads; waits for every receipt. */
        private List<String> run(Exchange exchange, int count, String label) throws Exception {
            List<String> cases = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(producers);
            List<Future<?>> work = new ArrayList<>();
            long start = System.nanoTime();
            for (int p = 0; p < producers; p++) {
                int producer = p;
                int share = count / producers + (p < count % producers ? 1 : 0);
                work.add(pool.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        if (rate > 0) {
                            // Open loop: envelope n is due at n / rate seconds, whatever the previous ones took.
                            long due = start + (long) ((i * (double) producers + producer) * 1e9 / rate);
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            }
                        }
                        String caseId = UuidV7.at(Instant.now()).toString();
                        exchange.send(new CaseRef(caseId, "information-request"), "information-request.request",
                                List.of("MA"), Handling.ROUTINE, EnvelopeJson.object().put("subject", label + " " + i)
                                        .put("question", "Benchmark envelope " + i).put("urgency", "NORMAL"), List.of());
                        cases.add(caseId);
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            pool.shutdown();
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (exchange.unsettledDeliveries() > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Deliveries did not settle within 10 minutes");
                }
                Thread.sleep(200); // latencies come from the stored timestamps, so polling seldom costs no accuracy
            }
            return cases;
        }

        /** One measured envelope: when it was signed, and the milliseconds to the receipt its sender recorded. */
        private record Sample(Instant sentAt, long millis) {
        }

        private static List<Sample> samples(Exchange exchange, List<String> cases) {
            Set<String> measured = new HashSet<>(cases);
            return exchange.receiptTimes().stream().filter(time -> measured.contains(time.caseId()))
                    .map(time -> new Sample(time.sentAt(), Duration.between(time.sentAt(), time.receiptAt()).toMillis()))
                    .toList();
        }

        /**
         * Which seconds of the run the slow envelopes (over {@value #SLOW_MILLIS} ms) were signed in: a tail made of
         * one or two stalls reads differently from one spread over the whole run.
         */
        private static void printSlowSeconds(PrintWriter out, List<Sample> samples) {
            Instant first = samples.stream().map(Sample::sentAt).min(Instant::compareTo).orElseThrow();
            TreeMap<Long, long[]> perSecond = new TreeMap<>();  // second -> {envelopes, slow, max}
            for (Sample sample : samples) {
                long[] second = perSecond.computeIfAbsent(Duration.between(first, sample.sentAt()).toSeconds(),
                        k -> new long[3]);
                second[0]++;
                second[1] += sample.millis() > SLOW_MILLIS ? 1 : 0;
                second[2] = Math.max(second[2], sample.millis());
            }
            List<String> slow = perSecond.entrySet().stream().filter(e -> e.getValue()[1] > 0)
                    .map(e -> String.format(Locale.ROOT, "+%ds: %d of %d, max %d ms", e.getKey(), e.getValue()[1],
                            e.getValue()[0], e.getValue()[2])).toList();
            out.printf("%nEnvelopes over %d ms: %d, signed in %d of the run's %d seconds%s%n", SLOW_MILLIS,
                    samples.stream().filter(sample -> sample.millis() > SLOW_MILLIS).count(), slow.size(),
                    perSecond.size(), slow.isEmpty() ? "" : ": " + String.join("; ", slow));
        }

        static long percentile(List<Long> sorted, int percent) {
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
        }

        /** The floor: one Ed25519 signature and its verification of an envelope-sized message, in microseconds. */
        private static double ed25519SignAndVerifyMicros() throws NoSuchAlgorithmException {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] message = "x".repeat(600).getBytes(StandardCharsets.UTF_8);
            int rounds = 5000;
            long start = 0;
            for (int i = 0; i < 2 * rounds; i++) {
                if (i == rounds) {
                    start = System.nanoTime(); // the first half warms the JIT up
                }
                if (!Signatures.verify(pair.getPublic(), message, Signatures.sign(pair.getPrivate(), message))) {
                    throw new IllegalStateException("Ed25519 round trip failed");
                }
            }
            return (System.nanoTime() - start) / 1000.0 / rounds;
        }

    }
}
