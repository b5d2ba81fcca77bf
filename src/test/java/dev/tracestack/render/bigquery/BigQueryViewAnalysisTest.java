package dev.tracestack.render.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.google.zetasql.SqlException;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedOutputColumn;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedQueryStmt;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.Artifacts;
import dev.tracestack.render.bigquery.TraceTableSchema.Field;
import dev.tracestack.testing.StackHarness;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every view of every stack, as rendered, analyzed by BigQuery's SQL front end (ZetaSQL) against a catalog
 * built from the rendered raw table schema. The views are analyzed in the order the stack creates them, and
 * each view's output columns, as ZetaSQL resolved them, become a table for the views that read it: a wrong
 * column name or a wrong type anywhere fails, as it would fail {@code pulumi up} in BigQuery.
 *
 * <p>Tagged {@code zetasql}: ZetaSQL's client needs protobuf 4, so Maven runs these tests in a JVM of their own
 * (see the pom); every other test runs on the protobuf the Pulumi SDK ships with.
 */
@Tag("zetasql")
class BigQueryViewAnalysisTest {

    private static final Map<String, Dataset> DATASETS = new HashMap<>();

    /**
     * A stack's dataset as ZetaSQL sees it once every view is analyzed.
     *
     * @param spec    the stack's names
     * @param files   the rendered BigQuery artifacts
     * @param catalog the raw table and every view
     * @param views   each view's analyzed query, by view name, in creation order
     */
    private record Dataset(TraceSinkSpec spec, Map<String, String> files, BigQueryCatalog catalog,
                           Map<String, ResolvedQueryStmt> views) {
    }

    private static synchronized Dataset dataset(String stack) {
        return DATASETS.computeIfAbsent(stack, BigQueryViewAnalysisTest::analyze);
    }

    private static Dataset analyze(String stack) {
        StackConfig config = StackHarness.config(stack);
        TraceSinkSpec spec = TraceSinkSpec.of(config);
        Map<String, String> files = BigQueryRenderer.render(config).files();
        BigQueryCatalog catalog = new BigQueryCatalog();
        catalog.addTable(spec.rawTableReference(), fields(files.get(BigQueryRenderer.RAW_SCHEMA)));
        Map<String, ResolvedQueryStmt> views = new LinkedHashMap<>();
        for (BigQueryViews.View view : BigQueryViews.all()) {
            try {
                views.put(view.name(), catalog.addView(spec.tableReference(view.name()), files.get(view.artifact())));
            } catch (SqlException e) {
                throw new AssertionError(stack + ": " + view.artifact() + ": " + e.getMessage(), e);
            }
        }
        return new Dataset(spec, files, catalog, views);
    }

    private static List<Field> fields(String schemaJson) {
        try {
            return Artifacts.JSON.readValue(schemaJson, new TypeReference<List<Field>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rendered schema is not a list of fields", e);
        }
    }

    static Stream<String> stacks() {
        return Stream.of(StackHarness.CLOUD_STACKS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void everyViewAnalyzesAgainstTheRenderedRawTableInTheOrderTheStackCreatesIt(String stack) {
        // GIVEN the stack's rendered raw table schema and views
        // WHEN ZetaSQL analyzes each view in creation order, each one's output a table for the next
        Dataset dataset = dataset(stack);

        // THEN every view resolves, with every placeholder filled
        assertThat(dataset.views()).containsOnlyKeys(BigQueryViews.all().stream().map(BigQueryViews.View::name)
                .toList());
        BigQueryViews.all().forEach(view -> assertThat(dataset.files().get(view.artifact()))
                .as(view.artifact()).doesNotContain("${"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void theSpanViewOutputsTheRenderedSpanColumnsWithTheirTypes(String stack) {
        // GIVEN the span view analyzed against the raw table
        Dataset dataset = dataset(stack);
        ResolvedQueryStmt spans = dataset.views().get(BigQueryViews.SPANS.name());

        // WHEN its output columns are read as BigQuery names their types
        List<String> output = spans.getOutputColumnList().stream().map(BigQueryViewAnalysisTest::column).toList();

        // THEN they are the rendered span columns (otel_traces.columns.json), in order, with the same types
        List<String> declared = fields(dataset.files().get(BigQueryRenderer.SPAN_SCHEMA)).stream()
                .map(field -> field.name() + " " + BigQueryCatalog.typeName(dataset.catalog().type(field)))
                .toList();
        assertThat(output).containsExactlyElementsOf(declared);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void theSpanViewReadsOnlyTheRawTableAndEveryOtherViewOnlyTheSpanView(String stack) {
        // GIVEN the stack's rendered views
        Dataset dataset = dataset(stack);
        TraceSinkSpec spec = dataset.spec();

        // WHEN ZetaSQL lists the tables each one reads
        // THEN the span view reads the raw table alone, the objectives no table (they are literals), the SLI
        // views the span view and the objectives, and the other analysis views the span view alone
        assertThat(dataset.catalog().tablesRead(dataset.files().get(BigQueryViews.SPANS.artifact())))
                .containsExactly(List.of(spec.rawTableReference()));
        assertThat(dataset.catalog().tablesRead(dataset.files().get(BigQueryViews.OBJECTIVES.artifact()))).isEmpty();
        BigQueryViews.ANALYSIS.forEach(view -> assertThat(
                dataset.catalog().tablesRead(dataset.files().get(view.artifact())))
                .as(view.artifact())
                .containsExactlyInAnyOrderElementsOf(view.joinsObjectives()
                        ? List.of(List.of(spec.tableReference(BigQueryViews.SPANS.name())),
                                List.of(spec.tableReference(BigQueryViews.OBJECTIVES.name())))
                        : List.of(List.of(spec.tableReference(BigQueryViews.SPANS.name())))));
    }

    @Test
    void theLatencyViewHoldsEachServicesP95AgainstItsOwnObjectiveOrTheStacks() {
        // GIVEN prod, whose critical service has a P95 objective of its own (500 ms; the stack's is 1000 ms)
        Dataset dataset = dataset("prod");

        // WHEN ZetaSQL resolves the latency view's output
        List<String> output = dataset.views().get("service_latency_percentiles").getOutputColumnList().stream()
                .map(BigQueryViewAnalysisTest::column).toList();

        // THEN each service's P95 comes with the objective it is held to, whether it meets it, and its team (none)
        assertThat(output).containsExactly("service_name STRING", "p50_latency_ms FLOAT64",
                "p95_latency_ms FLOAT64", "trace_count INT64", "objective_p95_ms FLOAT64", "meets_objective BOOL",
                "team STRING");
        assertThat(dataset.files().get(BigQueryViews.OBJECTIVES.artifact()))
                .contains("(NULL, NULL, 1000, 2.5)", "('critical-service', NULL, 500, 1)");
    }

    @Test
    void aViewWithAMisspelledColumnIsRejectedNamingTheColumn() {
        // GIVEN dev's dataset
        // WHEN a view reads servce_name from the span view
        String sql = "SELECT servce_name, COUNT(*) AS spans FROM `" + devSpanView() + "` GROUP BY 1";

        // THEN ZetaSQL rejects it, naming the column and the one meant
        assertThatDevRejects(sql)
                .hasMessageContaining("Unrecognized name: servce_name")
                .hasMessageContaining("Did you mean service_name?");
    }

    @Test
    void aViewComparingATimestampWithAnIntegerIsRejectedNamingBothTypes() {
        // GIVEN dev's dataset
        // WHEN a view compares the TIMESTAMP publish_time with an INT64 of epoch seconds
        String sql = "SELECT trace_id FROM `" + devSpanView() + "` WHERE publish_time >= 1700000000";

        // THEN ZetaSQL rejects it: no >= takes a TIMESTAMP and an INT64
        assertThatDevRejects(sql)
                .hasMessageContaining("No matching signature for operator >=")
                .hasMessageContaining("TIMESTAMP, INT64");
    }

    @Test
    void aViewReadingATableTheDatasetDoesNotHoldIsRejected() {
        // GIVEN dev's dataset
        // WHEN a view reads the span view under another project's name
        String sql = "SELECT trace_id FROM `other-project.traces.otel_traces`";

        // THEN ZetaSQL rejects it: a table resolves only under the path the stack gives it
        assertThatDevRejects(sql).hasMessageContaining("Table not found: `other-project.traces.otel_traces`");
    }

    @Test
    void aViewThatIsNotValidSqlIsRejected() {
        // GIVEN dev's dataset
        // WHEN a view's WHERE has no condition
        String sql = "SELECT trace_id FROM `" + devSpanView() + "` WHERE GROUP BY trace_id";

        // THEN ZetaSQL rejects it as a syntax error
        assertThatDevRejects(sql).hasMessageContaining("Syntax error");
    }

    private static String devSpanView() {
        return dataset("dev").spec().tableReference(BigQueryViews.SPANS.name());
    }

    /** ZetaSQL's error for a query against dev's dataset with every view in it. */
    private static AbstractThrowableAssert<?, ? extends Throwable> assertThatDevRejects(String sql) {
        return assertThatThrownBy(() -> dataset("dev").catalog().analyze(sql)).isInstanceOf(SqlException.class);
    }

    private static String column(ResolvedOutputColumn column) {
        return column.getName() + " " + BigQueryCatalog.typeName(column.getColumn().getType());
    }
}
