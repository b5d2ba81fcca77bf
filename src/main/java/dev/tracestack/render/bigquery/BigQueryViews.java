package dev.tracestack.render.bigquery;

import java.util.List;
import java.util.stream.Stream;

/** The views of the trace dataset: the span view first, then seed 004's analysis queries over it. */
public final class BigQueryViews {

    /** The one view over the raw table; every other view reads it. */
    public static final View SPANS = new View(TraceSinkSpec.SPANS_VIEW,
            "One row per span, flattened from the OTLP/JSON messages in " + TraceSinkSpec.RAW_TABLE);

    /** Each service's objectives and team, and the stack's, as literals ({@link ObjectivesView}); reads no table. */
    public static final View OBJECTIVES = new View("service_objectives",
            "Each service's latency and error rate objectives and team; the row without a service holds the stack's",
            false);

    /** Seed 004 §6.1, §9.2, §11.2 and §9.3, in that order; the two SLI views join the objectives. */
    public static final List<View> ANALYSIS = List.of(
            new View("trace_completeness_hourly", "Share of traces with their root span, per hour, last 24 hours"),
            new View("service_latency_percentiles",
                    "P50 and P95 end-to-end latency per service, last hour, against its P95 objective", true),
            new View("service_error_rate",
                    "Error spans, error traces and error rate per service, last 24 hours, against its objective", true),
            new View("slowest_root_traces", "The ten slowest root spans of the last 7 days"),
            new View("service_dependencies", "Service-to-service calls with duration and failure rate, last 24 hours"),
            new View("monthly_volume", "Traces, spans, spans per trace and error share per environment, last month"));

    private BigQueryViews() {
    }

    /** Every view in the order the stack creates them: a view after those it reads. */
    public static List<View> all() {
        return Stream.concat(Stream.of(SPANS, OBJECTIVES), ANALYSIS.stream()).toList();
    }

    /**
     * One view: its table id is also the name of its SQL file.
     *
     * @param name            the view's table id and {@code bigquery/<name>.sql}
     * @param description     what it shows
     * @param joinsObjectives whether it reads {@link #OBJECTIVES} besides the span view
     */
    public record View(String name, String description, boolean joinsObjectives) {

        View(String name, String description) {
            this(name, description, false);
        }

        /** The artifact path of the rendered SQL. */
        public String artifact() {
            return "bigquery/views/" + name + ".sql";
        }
    }
}
