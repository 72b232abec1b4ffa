package org.passerelle.server.intel.network;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.passerelle.server.intel.CaseTeams;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The networks' tables: networks, their entities and links with provenance, and seizures. */
@Repository
class NetworkStore {

    /** A network's case key in a row {@code n} of {@code intel_network}, for the teams' conditions. */
    static final String CASE_KEY = "CAST(n.id AS VARCHAR(20))";

    /** The query of {@link NetworkSummary}, to which callers add their conditions. */
    private static final String SUMMARY = """
            SELECT n.id, n.name, n.description, n.origin,
                (SELECT COUNT(*) FROM intel_entity e WHERE e.network_id = n.id) AS entities,
                (SELECT COUNT(*) FROM intel_link l WHERE l.network_id = n.id) AS links,
                (SELECT MIN(observed_on) FROM intel_link l WHERE l.network_id = n.id) AS first_link,
                (SELECT MAX(observed_on) FROM intel_link l WHERE l.network_id = n.id) AS last_link,
                CASE WHEN %s THEN 1 ELSE 0 END AS taken
            FROM intel_network n""";

    private final JdbcClient jdbc;

    NetworkStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertNetwork(String name, String description, String origin, String sharedCase, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO intel_network (name, description, origin, shared_case, created_at)
                VALUES (:name, :description, :origin, :case, :now)
                """).param("name", name).param("description", description).param("origin", origin)
                .param("case", sharedCase).param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update(key, "id");
        return key.getKey().longValue();
    }

    Optional<NetworkSummary> find(long networkId, CaseTeams.Condition taken) {
        return jdbc.sql(SUMMARY.formatted(taken.sql()) + " WHERE n.id = :id").params(taken.parameters())
                .param("id", networkId).query(NetworkStore::summaryOf).optional();
    }

    /** The networks {@code visible} keeps, oldest first, each saying whether {@code taken}. */
    List<NetworkSummary> list(CaseTeams.Condition visible, CaseTeams.Condition taken) {
        return jdbc.sql(SUMMARY.formatted(taken.sql()) + " WHERE " + visible.sql() + " ORDER BY n.id")
                .params(merged(visible, taken)).query(NetworkStore::summaryOf).list();
    }

    /** How many networks {@code visible} keeps that {@code taken} does not. */
    long notTaken(CaseTeams.Condition visible, CaseTeams.Condition taken) {
        return jdbc.sql("SELECT COUNT(*) FROM intel_network n WHERE " + visible.sql() + " AND NOT " + taken.sql())
                .params(merged(visible, taken)).query(Long.class).single();
    }

    /** Stores links, creating their entities as needed. */
    void insertLinks(long networkId, List<NetworkLink> links) {
        Map<String, Long> entities = entityIds(networkId);
        for (NetworkLink link : links) {
            long source = entities.computeIfAbsent(link.source(), label -> insertEntity(networkId, label, link.sourceKind()));
            long target = entities.computeIfAbsent(link.target(), label -> insertEntity(networkId, label, link.targetKind()));
            jdbc.sql("""
                    INSERT INTO intel_link (network_id, source_entity, target_entity, kind, weight, observed_on,
                        source_document, grading, handling_code)
                    VALUES (:n, :s, :t, :kind, :w, :d, :doc, :g, :h)
                    """).param("n", networkId).param("s", source).param("t", target).param("kind", link.kind())
                    .param("w", link.weight()).param("d", Date.valueOf(link.observedOn()))
                    .param("doc", link.sourceDocument()).param("g", link.grading()).param("h", link.handlingCode())
                    .update();
        }
    }

    /** The links observed within the slice (either bound may be null), with their provenance. */
    List<NetworkLink> slice(long networkId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT s.label AS source, s.kind AS source_kind, t.label AS target, t.kind AS target_kind, l.kind,
                    l.weight, l.observed_on, l.source_document, l.grading, l.handling_code
                FROM intel_link l JOIN intel_entity s ON s.id = l.source_entity JOIN intel_entity t ON t.id = l.target_entity
                WHERE l.network_id = :n AND l.observed_on >= :from AND l.observed_on <= :to ORDER BY l.id
                """).param("n", networkId).param("from", Date.valueOf(from == null ? LocalDate.of(1900, 1, 1) : from))
                .param("to", Date.valueOf(to == null ? LocalDate.of(9999, 12, 31) : to))
                .query((rs, i) -> new NetworkLink(rs.getString("source"), rs.getString("source_kind"),
                        rs.getString("target"), rs.getString("target_kind"), rs.getString("kind"), rs.getDouble("weight"),
                        rs.getDate("observed_on").toLocalDate(), rs.getString("source_document"), rs.getString("grading"),
                        rs.getString("handling_code"))).list();
    }

    /** Those of {@code labels} that name no actor of the network. */
    List<String> actorsMissing(long networkId, List<String> labels) {
        if (labels.isEmpty()) {
            return List.of();
        }
        List<String> known = jdbc.sql("SELECT label FROM intel_entity WHERE network_id = :n AND label IN (:labels)")
                .param("n", networkId).param("labels", labels).query(String.class).list();
        return labels.stream().filter(label -> !known.contains(label)).toList();
    }

    long insertSeizure(long networkId, String drug, double quantityKg, String place, LocalDate seizedOn,
            List<String> actors) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO intel_seizure (network_id, drug, quantity_kg, place, seized_on, actors)
                VALUES (:n, :drug, :q, :place, :d, :actors)
                """).param("n", networkId).param("drug", drug).param("q", quantityKg).param("place", place)
                .param("d", Date.valueOf(seizedOn)).param("actors", String.join("|", actors)).update(key, "id");
        return key.getKey().longValue();
    }

    List<Seizure> seizures(long networkId) {
        return jdbc.sql("SELECT * FROM intel_seizure WHERE network_id = :n ORDER BY seized_on DESC, id DESC")
                .param("n", networkId).query((rs, i) -> new Seizure(rs.getLong("id"), rs.getLong("network_id"),
                        rs.getString("drug"), rs.getDouble("quantity_kg"), rs.getString("place"),
                        rs.getDate("seized_on").toLocalDate(),
                        rs.getString("actors") == null || rs.getString("actors").isEmpty() ? List.of()
                                : List.of(rs.getString("actors").split("\\|")))).list();
    }

    /** Kilograms seized per year and drug, over the networks {@code visible} keeps. */
    Map<Integer, Map<String, Double>> seizedKilogramsByYear(CaseTeams.Condition visible) {
        Map<Integer, Map<String, Double>> figures = new LinkedHashMap<>();
        jdbc.sql("SELECT s.seized_on, s.drug, s.quantity_kg FROM intel_seizure s JOIN intel_network n ON n.id = s.network_id"
                + " WHERE " + visible.sql() + " ORDER BY s.seized_on").params(visible.parameters()).query(rs -> {
                    figures.computeIfAbsent(rs.getDate("seized_on").toLocalDate().getYear(), y -> new LinkedHashMap<>())
                            .merge(rs.getString("drug"), rs.getDouble("quantity_kg"), Double::sum);
                });
        return figures;
    }

    private Map<String, Long> entityIds(long networkId) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("SELECT id, label FROM intel_entity WHERE network_id = :n").param("n", networkId)
                .query(rs -> {
                    ids.put(rs.getString("label"), rs.getLong("id"));
                });
        return ids;
    }

    private long insertEntity(long networkId, String label, String kind) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO intel_entity (network_id, label, kind) VALUES (:n, :label, :kind)")
                .param("n", networkId).param("label", label).param("kind", kind).update(key, "id");
        return key.getKey().longValue();
    }

    private static Map<String, Object> merged(CaseTeams.Condition a, CaseTeams.Condition b) {
        Map<String, Object> parameters = new HashMap<>(a.parameters());
        parameters.putAll(b.parameters());
        return parameters;
    }

    private static NetworkSummary summaryOf(ResultSet rs, int row) throws SQLException {
        return new NetworkSummary(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                rs.getString("origin"), rs.getLong("entities"), rs.getLong("links"), localDate(rs.getDate("first_link")),
                localDate(rs.getDate("last_link")), rs.getInt("taken") == 1);
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
