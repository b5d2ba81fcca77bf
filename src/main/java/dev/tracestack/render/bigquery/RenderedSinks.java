package dev.tracestack.render.bigquery;

import dev.tracestack.render.RenderedPart;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Google Cloud trace sinks, rendered: every name, duration and limit, the raw table's schema and every
 * view's SQL.
 *
 * @param spec  the sinks' names and limits
 * @param files the artifacts under {@code bigquery/}
 */
public record RenderedSinks(TraceSinkSpec spec, Map<String, String> files) implements RenderedPart {

    public RenderedSinks {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** The raw table's schema, as the table's {@code schema} input takes it. */
    public String rawSchema() {
        return files.get(BigQueryRenderer.RAW_SCHEMA);
    }

    /** A view's SQL with the stack's names filled in. */
    public String sql(BigQueryViews.View view) {
        return files.get(view.artifact());
    }
}
