package dev.tracestack.render.bigquery;

import dev.tracestack.config.ConfigKeys;
import dev.tracestack.config.ConfigProblem;
import dev.tracestack.config.InvalidConfigException;
import dev.tracestack.config.ServiceSettings;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.ServiceGroups;
import dev.tracestack.render.monitoring.AlertThresholds;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of the view {@code service_objectives}: one row per service with an objective or a team of its own,
 * and one row whose {@code service_name} is NULL with the stack's objectives, which every other service has. It
 * holds literals only and reads no table; the SLI views join it. Service and team names become string literals,
 * escaped (the name rules admit neither quotes nor backslashes, and escaping keeps it so).
 */
public final class ObjectivesView {

    /** BigQuery's limit on the SQL of a view: 256 K characters. */
    static final int MAX_SQL_CHARACTERS = 256_000;

    private ObjectivesView() {
    }

    public static String sql(StackConfig config) {
        AlertThresholds t = AlertThresholds.of(config.alerts());
        String stackLatency = ServiceGroups.plain(t.maxP95LatencyMs());
        String stackErrorRate = ServiceGroups.plain(t.maxErrorRate() * 100);
        List<String> rows = new ArrayList<>();
        rows.add("  (NULL, NULL, " + stackLatency + ", " + stackErrorRate + ")");
        for (ServiceSettings service : config.services().where(s -> s.slo().isSet() || s.team().isPresent())) {
            rows.add("  (" + literal(service.name()) + ", " + service.team().map(ObjectivesView::literal).orElse("NULL")
                    + ", " + service.slo().latencyP95Ms().map(ms -> ServiceGroups.plain(ms)).orElse(stackLatency)
                    + ", " + service.slo().errorRatePercent().map(ServiceGroups::plain).orElse(stackErrorRate) + ")");
        }
        String sql = """
                -- Each service's objectives and team, from tracestack:services; the row whose service_name is NULL
                -- holds the stack's objectives (its alert thresholds), which every other service has.
                SELECT *
                FROM UNNEST(ARRAY<STRUCT<service_name STRING, team STRING, latency_p95_ms FLOAT64, error_rate_percent FLOAT64>>[
                %s
                ])
                """.formatted(String.join(",\n", rows));
        if (sql.length() > MAX_SQL_CHARACTERS) {
            throw new InvalidConfigException(new ConfigProblem(config.file(), ConfigKeys.SERVICES,
                    (rows.size() - 1) + " services with objectives or a team", "must fit the view service_objectives "
                            + "into the " + MAX_SQL_CHARACTERS + " characters BigQuery allows a view's SQL, and they "
                            + "make it " + sql.length()));
        }
        return sql;
    }

    /** A GoogleSQL string literal. */
    static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
