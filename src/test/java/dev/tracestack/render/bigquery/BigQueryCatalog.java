package dev.tracestack.render.bigquery;

import com.google.zetasql.Analyzer;
import com.google.zetasql.AnalyzerOptions;
import com.google.zetasql.LanguageOptions;
import com.google.zetasql.SimpleCatalog;
import com.google.zetasql.SimpleTable;
import com.google.zetasql.SqlException;
import com.google.zetasql.Type;
import com.google.zetasql.TypeFactory;
import com.google.zetasql.ZetaSQLBuiltinFunctionOptions;
import com.google.zetasql.ZetaSQLOptions.ProductMode;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedQueryStmt;
import dev.tracestack.render.bigquery.TraceTableSchema.Field;
import java.util.List;
import java.util.Map;

/**
 * What BigQuery's SQL front end, ZetaSQL, knows about a dataset: BigQuery's dialect (external product mode,
 * every released language feature, among them the JSON type and QUALIFY), ZetaSQL's built-in functions
 * (BigQuery's function library: JSON_VALUE, TIMESTAMP_TRUNC, APPROX_QUANTILES, ...) and the dataset's tables,
 * each under the path a query names it by. A query is analyzed, not only parsed: every name is resolved and
 * every expression typed, so a wrong column or a wrong type is an error like a syntax error.
 */
final class BigQueryCatalog {

    /** BigQuery schema type names that GoogleSQL spells otherwise; RECORD needs sub-fields a Field does not carry. */
    private static final Map<String, String> LEGACY_TYPE_NAMES = Map.of(
            "INTEGER", "INT64", "FLOAT", "FLOAT64", "BOOLEAN", "BOOL");

    private final AnalyzerOptions options = new AnalyzerOptions();
    private final SimpleCatalog catalog = new SimpleCatalog("bigquery");

    BigQueryCatalog() {
        LanguageOptions language = new LanguageOptions().enableMaximumLanguageFeatures();
        language.setProductMode(ProductMode.PRODUCT_EXTERNAL);
        options.setLanguageOptions(language);
        catalog.addZetaSQLFunctionsAndTypes(new ZetaSQLBuiltinFunctionOptions(language));
    }

    /**
     * Adds a table with the columns of a BigQuery schema. BigQuery reads {@code `project.dataset.table`} as one
     * quoted name, so {@code path} is that one name.
     */
    void addTable(String path, List<Field> schema) {
        SimpleTable table = new SimpleTable(path);
        schema.forEach(field -> table.addSimpleColumn(field.name(), type(field)));
        catalog.addSimpleTable(table);
    }

    /**
     * Analyzes a view's query and adds its output columns, with the types ZetaSQL resolved, as a table at
     * {@code path} for the queries analyzed after it.
     */
    ResolvedQueryStmt addView(String path, String sql) {
        ResolvedQueryStmt query = analyze(sql);
        SimpleTable view = new SimpleTable(path);
        query.getOutputColumnList().forEach(column -> view.addSimpleColumn(column.getName(),
                column.getColumn().getType()));
        catalog.addSimpleTable(view);
        return query;
    }

    /** Analyzes one query against the tables added so far; anything else, or any error, is a {@link SqlException}. */
    ResolvedQueryStmt analyze(String sql) {
        return (ResolvedQueryStmt) Analyzer.analyzeStatement(sql, options, catalog);
    }

    /** The paths of the tables a query reads, as written (CTE names are not tables). */
    List<List<String>> tablesRead(String sql) {
        return Analyzer.extractTableNamesFromStatement(sql, options);
    }

    /** A column's ZetaSQL type: ZetaSQL itself reads the BigQuery type name, and REPEATED makes it an ARRAY. */
    Type type(Field field) {
        String name = LEGACY_TYPE_NAMES.getOrDefault(field.type(), field.type());
        Type type;
        try {
            type = Analyzer.analyzeExpression("CAST(NULL AS " + name + ")", options, catalog).getType();
        } catch (SqlException e) {
            throw new IllegalArgumentException("column " + field.name() + ": " + e.getMessage(), e);
        }
        return "REPEATED".equals(field.mode()) ? TypeFactory.createArrayType(type) : type;
    }

    /** A type as BigQuery names it: {@code FLOAT64}, not ZetaSQL's internal {@code DOUBLE}. */
    static String typeName(Type type) {
        return type.typeName(ProductMode.PRODUCT_EXTERNAL);
    }
}
