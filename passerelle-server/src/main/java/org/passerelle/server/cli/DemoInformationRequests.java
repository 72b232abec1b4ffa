package org.passerelle.server.cli;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.passerelle.server.intel.InformationRequests;
import org.passerelle.server.intel.NewInformationRequest;
import org.passerelle.server.intel.RequestStatus;
import org.passerelle.server.shared.Viewer;

/**
 * Demo information requests, exchanged for real between the two running demo nodes (signed envelopes over
 * HTTP, receipts and all), left in the states a liaison desk sees every day. Each node's demo analyst is on the
 * team of the requests their side worked on; one request waits in Morocco for an analyst to take it.
 */
final class DemoInformationRequests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final InformationRequests france;
    private final InformationRequests morocco;
    private final Viewer frenchAnalyst;
    private final Viewer moroccanAnalyst;

    /** The analysts act on their nodes: each step puts them on the request's team, as it would them in person. */
    DemoInformationRequests(InformationRequests france, InformationRequests morocco, Viewer frenchAnalyst,
            Viewer moroccanAnalyst) {
        this.france = france;
        this.morocco = morocco;
        this.frenchAnalyst = frenchAnalyst;
        this.moroccanAnalyst = moroccanAnalyst;
    }

    /** Seeds the threads once: a demo folder that already holds requests is left as it is. */
    void seedOnce() {
        if (france.list(frenchAnalyst, false, 1, 1).total() > 0) {
            return;
        }
        String answered = france.open(frenchAnalyst, new NewInformationRequest("MA", "Numéro marocain utilisé par un suspect à Marseille",
                "Le numéro +212 6 61 23 45 67 apparaît dans une enquête sur un trafic de résine de cannabis "
                        + "(OFAST, Marseille). Pouvez-vous indiquer le titulaire de la ligne et sa date d'activation ?",
                "URGENT", "H2", "B", "2", null), List.of());
        arrived(morocco, moroccanAnalyst, answered);
        morocco.answer(moroccanAnalyst, answered, "Ligne prépayée activée le 14/02/2026 à Tétouan au nom d'un tiers ; "
                + "le titulaire déclaré n'est pas connu de nos services. Détails complémentaires sur demande motivée.");

        String askedBack = france.open(frenchAnalyst, new NewInformationRequest("MA", "Véhicule immatriculé GH-418-TZ vu à Tanger Med",
                "Le véhicule a été contrôlé à Tanger Med le 3 novembre. Disposez-vous des relevés de passage "
                        + "et de l'identité du conducteur ?", "NORMAL", "H1", "A", "2", null), List.of());
        arrived(morocco, moroccanAnalyst, askedBack);
        morocco.askBack(moroccanAnalyst, askedBack, "S'agit-il de l'entrée ou de la sortie du territoire marocain ? Merci de préciser l'heure approximative.");
        until(() -> status(france, frenchAnalyst, askedBack) == RequestStatus.QUESTION_ASKED);
        france.clarify(frenchAnalyst, askedBack, "Sortie vers Algésiras, ferry de 22 h 00 environ.");

        france.open(frenchAnalyst, new NewInformationRequest("MA", "Identité d'un passeur présumé (alias « Chaoui »)",
                "Un mineur entendu à Paris désigne un passeur surnommé « Chaoui », actif à Nador. Ce surnom "
                        + "est-il connu de vos services ?", "URGENT_DIRECT", "H0", "C", "3", null), List.of());

        String declined = morocco.open(moroccanAnalyst, new NewInformationRequest("FR", "Go-fast intercepté près d'Algésiras : propriétaire du véhicule",
                "Un véhicule immatriculé en France (FR-207-KQ) a été intercepté avec 1,2 t de résine. Merci "
                        + "d'indiquer le propriétaire et les signalements éventuels.", "URGENT", "H3", "B", "3",
                "Usage limité à l'enquête BNPJ 2026/114"), List.of());
        arrived(france, frenchAnalyst, declined);
        france.decline(frenchAnalyst, declined, "L'interception relève des autorités espagnoles : merci d'adresser la demande "
                + "par le canal Europol, avec copie à l'OFAST.");

    }

    private void arrived(InformationRequests node, Viewer analyst, String caseId) {
        until(() -> node.deliveries(analyst, caseId).isPresent());
    }

    private static RequestStatus status(InformationRequests node, Viewer analyst, String caseId) {
        return node.deliveries(analyst, caseId).map(t -> t.state().status()).orElse(null);
    }

    /** Waits for the other demo node to hold what was sent (receipts come within a second; a stuck exchange fails). */
    static void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The demo nodes did not exchange within " + PATIENCE.toSeconds() + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
