package dev.tracestack.render.bigquery;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * What one SQL statement reads and defines, found by walking JSqlParser's syntax tree: the tables it
 * reads, every column reference, the aliases its SELECT lists define and the aliases of its UNNESTs.
 */
final class SqlColumns extends TablesNamesFinder<Void> {

    final List<String> columns = new ArrayList<>();
    final List<String> selectAliases = new ArrayList<>();
    final Set<String> unnestAliases = new LinkedHashSet<>();
    Set<String> tables = Set.of();

    private SqlColumns() {
    }

    /** Parses {@code sql}; a statement JSqlParser cannot parse fails with its message. */
    static SqlColumns of(String sql) throws JSQLParserException {
        Statement statement = CCJSqlParserUtil.parse(sql);
        SqlColumns found = new SqlColumns();
        found.tables = found.getTables(statement);
        return found;
    }

    /** BigQuery quotes with backticks; names compare without them. */
    static String unquote(String name) {
        return name.replace("`", "");
    }

    @Override
    public <S> Void visit(Column column, S context) {
        columns.add(unquote(column.getFullyQualifiedName()));
        return null;
    }

    @Override
    public <S> Void visit(SelectItem<?> item, S context) {
        if (item.getAlias() != null) {
            selectAliases.add(unquote(item.getAlias().getName()));
        }
        item.getExpression().accept(this, context);
        return null;
    }

    @Override
    public <S> Void visit(TableFunction function, S context) {
        if (function.getAlias() != null) {
            unnestAliases.add(unquote(function.getAlias().getName()));
        }
        return super.visit(function, context);
    }
}
