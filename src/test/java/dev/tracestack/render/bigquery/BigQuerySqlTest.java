package dev.tracestack.render.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracestack.config.StackConfig;
import dev.tracestack.testing.StackHarness;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import net.sf.jsqlparser.JSQLParserException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every view's SQL, as rendered for each stack, parses, and reads only columns that exist: the span view
 * reads only the raw table's columns, the analysis views only the span view's columns or their own aliases.
 *
 * <p>JSqlParser is not BigQuery's parser: it accepts BigQuery's backtick paths, UNNEST, JSON and window
 * functions used here, but does not check BigQuery's function signatures or types. It reads a date part
 * such as {@code HOUR} in {@code TIMESTAMP_TRUNC(ts, HOUR)} as a column name, hence {@link #DATE_PARTS}.
 */
class BigQuerySqlTest {

    private static final Set<String> DATE_PARTS = Set.of("MINUTE", "HOUR", "DAY", "WEEK", "MONTH");

    static Stream<Arguments> renderedViews() {
        return Stream.of(StackHarness.CLOUD_STACKS).flatMap(stack -> {
            Map<String, String> files = BigQueryRenderer.render(StackHarness.config(stack));
            return BigQueryViews.all().stream()
                    .map(view -> Arguments.of(stack, view.name(), files.get(view.artifact())));
        });
    }

    static Stream<Arguments> renderedAnalysisViews() {
        return renderedViews().filter(args -> !args.get()[1].equals(BigQueryViews.SPANS.name()));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("renderedViews")
    void everyViewParsesAsOneSelectWithNoPlaceholderLeft(String stack, String view, String sql) throws Exception {
        assertThat(sql).doesNotContain("${");
        assertThat(SqlColumns.of(sql).tables).hasSize(1);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("renderedAnalysisViews")
    void analysisViewsReadOnlyTheSpanViewAndOnlyItsColumns(String stack, String view, String sql) throws Exception {
        StackConfig config = StackHarness.config(stack);
        SqlColumns found = SqlColumns.of(sql);

        assertThat(found.tables).containsExactly(
                "\"" + config.gcp().project() + "\".\"traces\".\"" + TraceSinkSpec.SPANS_VIEW + "\"");
        Set<String> known = new HashSet<>(TraceTableSchema.spanColumns());
        known.addAll(found.selectAliases);
        known.addAll(DATE_PARTS);
        assertThat(found.columns.stream().map(BigQuerySqlTest::lastPart).toList())
                .as("columns %s reads", view)
                .isNotEmpty()
                .allSatisfy(column -> assertThat(known).contains(column));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void spanViewReadsOnlyRawColumnsAndDefinesExactlyTheSpanColumns(String stack) throws Exception {
        String sql = BigQueryRenderer.render(StackHarness.config(stack)).get(BigQueryViews.SPANS.artifact());
        SqlColumns found = SqlColumns.of(sql);

        assertThat(found.selectAliases.subList(found.selectAliases.size() - TraceTableSchema.SPANS.size(),
                found.selectAliases.size())).containsExactlyElementsOf(TraceTableSchema.spanColumns());
        List<String> rawColumns = TraceTableSchema.RAW.stream().map(TraceTableSchema.Field::name).toList();
        assertThat(found.columns).allSatisfy(column -> {
            if (column.startsWith("raw.")) {
                assertThat(rawColumns).contains(lastPart(column));
            } else {
                assertThat(found.unnestAliases).contains(column);
            }
        });
    }

    static Stream<String> stacks() {
        return Stream.of(StackHarness.CLOUD_STACKS);
    }

    @Test
    void theParserRejectsSqlThatIsNotValid() {
        assertThatThrownBy(() -> SqlColumns.of("SELECT trace_id FROM `p.traces.otel_traces` WHERE GROUP BY"))
                .isInstanceOf(JSQLParserException.class);
    }

    @Test
    void theColumnWalkSeesColumnsInsideFunctionsJoinsAndSubqueries() throws Exception {
        SqlColumns found = SqlColumns.of("SELECT SAFE_DIVIDE(COUNTIF(a.status_code = 'ERROR'), COUNT(*)) AS rate "
                + "FROM `p.d.t` AS a JOIN `p.d.t` AS b ON a.trace_id = b.parent_span_id "
                + "WHERE a.x IN (SELECT y FROM `p.d.u`)");

        assertThat(found.columns).contains("a.status_code", "a.trace_id", "b.parent_span_id", "a.x", "y");
        assertThat(found.selectAliases).contains("rate");
    }

    private static String lastPart(String column) {
        return column.substring(column.lastIndexOf('.') + 1);
    }
}
