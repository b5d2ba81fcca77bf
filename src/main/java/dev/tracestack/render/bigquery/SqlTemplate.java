package dev.tracestack.render.bigquery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A BigQuery SQL file from {@code src/main/resources/bigquery/} with {@code ${name}} placeholders for
 * identifiers only (project, dataset, table, environment). The SQL itself is written by hand in the file;
 * this class only fills in names, and refuses a placeholder it has no value for or a value that is not
 * a plain identifier, so a name can never change the query's meaning.
 */
public final class SqlTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)}");
    /** Project ids (with hyphens), dataset and table ids and environment names; or a whole number of days. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*|[0-9]{1,5}");
    private static final String DIRECTORY = "/bigquery/";

    private SqlTemplate() {
    }

    /** The text of {@code bigquery/<name>.sql} with every placeholder replaced. */
    public static String render(String name, Map<String, String> values) {
        return fill(name, load(name), values);
    }

    static String fill(String name, String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String key = matcher.group(1);
            String value = values.get(key);
            if (value == null) {
                throw new IllegalArgumentException(name + ".sql uses ${" + key + "} but only "
                        + values.keySet() + " are given");
            }
            if (!IDENTIFIER.matcher(value).matches()) {
                throw new IllegalArgumentException("${" + key + "} in " + name + ".sql must be a plain identifier, got "
                        + value);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static String load(String name) {
        try (InputStream in = SqlTemplate.class.getResourceAsStream(DIRECTORY + name + ".sql")) {
            if (in == null) {
                throw new IllegalArgumentException("no SQL resource " + DIRECTORY + name + ".sql");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ".sql", e);
        }
    }
}
