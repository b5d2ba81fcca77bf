package dev.tracestack.render.bigquery;

import java.util.List;
import java.util.stream.Stream;

/** The views of the trace dataset: the span view first, then seed 004's analysis queries over it. */
public final class BigQueryViews {

    /** The one view over the raw table; every other view reads it. */
    public static final View SPANS = new View(TraceSinkSpec.SPANS_VIEW,
            "One row per span, flattened from the OTLP/JSON messages in " + TraceSinkSpec.RAW_TABLE);

    /** Seed 004 §6.1, §9.2, §11.2 and §9.3, in that order. */
    public static final List<View> ANALYSIS = List.of(
            new View("trace_completeness_hourly", "Share of traces with their root span, per hour, last 24 hours"),
            new View("service_latency_percentiles", "P50 and P95 end-to-end latency per service, last hour"),
            new View("service_error_rate", "Error spans, error traces and error rate per service, last 24 hours"),
            new View("slowest_root_traces", "The ten slowest root spans of the last 7 days"),
            new View("service_dependencies", "Service-to-service calls with duration and failure rate, last 24 hours"),
            new View("monthly_volume", "Traces, spans, spans per trace and error share per environment, last month"));

    private BigQueryViews() {
    }

    public static List<View> all() {
        return Stream.concat(Stream.of(SPANS), ANALYSIS.stream()).toList();
    }

    /**
     * One view: its table id is also the name of its SQL file.
     *
     * @param name        the view's table id and {@code bigquery/<name>.sql}
     * @param description what it shows
     */
    public record View(String name, String description) {

        /** The artifact path of the rendered SQL. */
        public String artifact() {
            return "bigquery/views/" + name + ".sql";
        }
    }
}
