package dev.tracestack.render.bigquery;

import dev.tracestack.config.StackConfig;
import dev.tracestack.render.Artifacts;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders the BigQuery artifacts: the raw table's schema, every view's SQL with the stack's names filled
 * in, and the derived sink settings.
 */
public final class BigQueryRenderer {

    public static final String RAW_SCHEMA = "bigquery/" + TraceSinkSpec.RAW_TABLE + ".schema.json";
    public static final String SPAN_SCHEMA = "bigquery/" + TraceSinkSpec.SPANS_VIEW + ".columns.json";
    public static final String SINKS = "bigquery/sinks.json";

    private BigQueryRenderer() {
    }

    public static RenderedSinks render(StackConfig config) {
        Map<String, String> files = new TreeMap<>();
        TraceSinkSpec spec = TraceSinkSpec.of(config);
        files.put(RAW_SCHEMA, TraceTableSchema.rawSchemaJson());
        files.put(SPAN_SCHEMA, Artifacts.json(TraceTableSchema.SPANS));
        files.put(SINKS, Artifacts.json(spec));
        Map<String, String> names = placeholders(config, spec);
        for (BigQueryViews.View view : BigQueryViews.all()) {
            files.put(view.artifact(), view.equals(BigQueryViews.OBJECTIVES) ? ObjectivesView.sql(config)
                    : SqlTemplate.render(view.name(), names));
        }
        return new RenderedSinks(spec, files);
    }

    /** The only values a SQL file may name: where the data lives and the stack's environment. */
    static Map<String, String> placeholders(StackConfig config, TraceSinkSpec spec) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("project", spec.project());
        names.put("dataset", spec.dataset());
        names.put("rawTable", spec.rawTable());
        names.put("spansView", spec.spansView());
        names.put("objectivesView", BigQueryViews.OBJECTIVES.name());
        names.put("environment", config.environment().id());
        return names;
    }
}
