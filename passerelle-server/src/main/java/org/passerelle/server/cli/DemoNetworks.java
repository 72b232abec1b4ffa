package org.passerelle.server.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.passerelle.graph.EntityKind;
import org.passerelle.protocol.Handling;
import org.passerelle.protocol.HandlingCode;
import org.passerelle.server.intel.network.NetworkLink;
import org.passerelle.server.intel.network.NetworkSlice;
import org.passerelle.server.intel.network.Networks;
import org.passerelle.server.shared.Viewer;

/**
 * Demo networks for the French node: the CAVIAR investigation (Montreal, 1994–96) with its 11 phases as time
 * slices, and a synthetic Morocco–Spain–France corridor with seizures, which France shares with Morocco. Public
 * because the tests load the same data.
 */
public final class DemoNetworks {

    private static final LocalDate CAVIAR_START = LocalDate.of(1994, 1, 1);

    private DemoNetworks() {
    }

    /**
     * Seeds France's networks once, recorded by its demo analyst (so on their team); the shared slice waits in Morocco
     * to be taken.
     */
    public static void seedOnce(Networks france, Viewer analyst) {
        if (!france.list(analyst).isEmpty()) {
            return;
        }
        loadCaviar(france, analyst);
        long corridor = loadCorridor(france, analyst);
        france.share(analyst, corridor, "MA", NetworkSlice.WHOLE, new Handling(HandlingCode.H2, 'B', 2, null));
    }

    /** The CAVIAR investigation, one time slice of two months per phase, recorded by {@code viewer}; its id. */
    public static long loadCaviar(Networks networks, Viewer viewer) {
        long caviar = networks.create(viewer, "Opération CAVIAR (Montréal, 1994–1996)",
                "Écoutes téléphoniques de l'enquête CAVIAR, 11 phases de deux mois (Morselli, 2009).");
        for (int phase = 1; phase <= 11; phase++) {
            networks.addLinks(viewer, caviar, caviarPhase(phase));
        }
        return caviar;
    }

    /** The synthetic corridor with its seizures, recorded by {@code viewer}; its id. */
    public static long loadCorridor(Networks france, Viewer viewer) {
        long corridor = france.create(viewer, "Corridor Nador – Algésiras – Marseille",
                "Réseau synthétique de démonstration : résine de cannabis du Rif vers le sud de la France.");
        france.addLinks(viewer, corridor, corridorLinks());
        Random random = new Random(7);
        String[] places = {"Port de Tanger Med", "Algésiras", "A7, péage de Lançon", "Marseille, quartiers nord", "Nador"};
        for (int i = 0; i < 12; i++) {
            LocalDate day = LocalDate.of(2024, 1, 10).plusDays(random.nextInt(1000));
            boolean cocaine = i % 4 == 3;
            france.addSeizure(viewer, corridor, cocaine ? "cocaïne" : "résine de cannabis",
                    cocaine ? 20 + random.nextInt(180) : 150 + random.nextInt(2400), places[i % places.length], day,
                    List.of("courier-" + (1 + random.nextInt(6)), "logistician-" + (1 + random.nextInt(3))));
        }
        return corridor;
    }

    /** One CAVIAR phase (a call matrix: row calls column) as dated CALL links between persons. */
    private static List<NetworkLink> caviarPhase(int phase) {
        String resource = "demo/caviar/phase" + phase + ".csv";
        LocalDate date = CAVIAR_START.plusMonths(2L * (phase - 1));
        List<NetworkLink> links = new ArrayList<>();
        try (InputStream in = DemoNetworks.class.getClassLoader().getResourceAsStream(resource);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String[] columns = unquote(reader.readLine().split(","));
            String line;
            while ((line = reader.readLine()) != null) {
                String[] cells = unquote(line.split(","));
                for (int c = 1; c < cells.length; c++) {
                    int calls = Integer.parseInt(cells[c]);
                    if (calls > 0) {
                        links.add(new NetworkLink("n" + cells[0], EntityKind.PERSON.name(), "n" + columns[c],
                                EntityKind.PERSON.name(), "CALL", calls, date, "CAVIAR, phase " + phase, "A1", "H0"));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return links;
    }

    /**
     * A corridor with a head, brokers on each shore, logisticians, couriers and their phones and vehicles: few
     * brokers hold the network together, as investigations find.
     */
    private static List<NetworkLink> corridorLinks() {
        Random random = new Random(42);
        List<NetworkLink> links = new ArrayList<>();
        LocalDate start = LocalDate.of(2025, 1, 1);
        String[] cells = {"nador", "tanger", "algesiras", "marseille"};
        link(links, "head-nador", "broker-tanger", "MEETING", start, random);
        link(links, "head-nador", "broker-marseille", "CALL", start, random);
        link(links, "broker-tanger", "broker-algesiras", "CALL", start, random);
        link(links, "broker-algesiras", "broker-marseille", "CALL", start, random);
        for (String cell : cells) {
            String broker = cell.equals("nador") ? "head-nador" : "broker-" + cell;
            for (int i = 1; i <= 4; i++) {
                String member = cell + "-member-" + i;
                link(links, broker, member, "CALL", start.plusDays(random.nextInt(300)), random);
                if (random.nextBoolean()) {
                    link(links, member, cell + "-member-" + (1 + random.nextInt(4)), "CALL", start.plusDays(random.nextInt(300)), random);
                }
            }
        }
        for (int i = 1; i <= 6; i++) {
            String courier = "courier-" + i;
            link(links, "logistician-" + (1 + i % 3), courier, "TRANSPORTS", start.plusDays(random.nextInt(300)), random);
            links.add(new NetworkLink(courier, EntityKind.PERSON.name(), "vehicle-" + i, EntityKind.VEHICLE.name(), "USES", 1,
                    start.plusDays(random.nextInt(300)), "Relevés LAPI", "B2", "H1"));
        }
        for (int i = 1; i <= 3; i++) {
            link(links, i == 1 ? "broker-tanger" : i == 2 ? "broker-algesiras" : "broker-marseille", "logistician-" + i,
                    "CALL", start.plusDays(random.nextInt(300)), random);
        }
        return links;
    }

    private static void link(List<NetworkLink> links, String source, String target, String kind, LocalDate day, Random random) {
        links.add(new NetworkLink(source, EntityKind.PERSON.name(), target, EntityKind.PERSON.name(), kind,
                1 + random.nextInt(20), day, "Procédure OFAST 2025/031", "B2", "H2"));
    }

    private static String[] unquote(String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].replace("\"", "").strip();
        }
        return cells;
    }
}
