package dev.tracestack.config;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules a typed stack config must obey beyond its types: each section's own rules where the section is in
 * use, then the rules spanning sections ({@link CrossSectionRules}). Pure: returns every violated rule,
 * registers nothing.
 */
public final class StackConfigValidator {

    static final int MAX_PORT = 65535;

    private StackConfigValidator() {
    }

    /** Every rule the config breaks, each at the line of its key where {@code lines} has one. */
    public static List<ConfigProblem> validate(StackConfig config, Map<String, Integer> lines) {
        Rules rules = new Rules(new ConfigOrigin(config.file(), "", lines));
        config.gcp().validate(rules);
        config.kubernetes().validate(rules);
        config.sampling().validate(rules);
        config.core().validate(rules);
        config.jaeger().validate(rules);
        // Elasticsearch is Jaeger's storage and the local section the docker platform's: unused, they are not checked.
        if (config.jaeger().enabled()) {
            config.elasticsearch().validate(rules);
        }
        config.alerts().validate(rules);
        config.bigQuery().validate(rules);
        config.collector().validate(rules);
        config.exporters().validate(rules);
        if (config.platform() == Platform.DOCKER) {
            config.local().validate(rules);
        }
        config.cost().validate(rules);
        config.services().validate(rules);
        CrossSectionRules.validate(config, rules);
        return rules.problems();
    }

    /** Collects violations for one stack file; the checks every section shares. */
    public static final class Rules {
        private final ConfigOrigin stackFile;
        private final List<ConfigProblem> problems = new ArrayList<>();

        Rules(ConfigOrigin stackFile) {
            this.stackFile = stackFile;
        }

        public void check(boolean holds, String key, String value, String rule) {
            if (!holds) {
                add(key, value, rule);
            }
        }

        public void add(String key, String value, String rule) {
            problems.add(key == null ? new ConfigProblem(stackFile.file(), null, value, rule)
                    : new ConfigProblem(stackFile.where(key), key, value, rule));
        }

        /** A problem located elsewhere than the stack file's key, e.g. at a line of a file of its own. */
        public void add(ConfigProblem problem) {
            problems.add(problem);
        }

        public void rate(String key, double rate) {
            check(rate >= 0 && rate <= 1, key, plain(rate), "must be within [0, 1]");
        }

        /** Checks a TCP port number; false when it is out of range, so callers skip their clash checks. */
        public boolean port(String key, int port) {
            boolean valid = port >= 1 && port <= MAX_PORT;
            check(valid, key, String.valueOf(port), "must be within [1, " + MAX_PORT + "]");
            return valid;
        }

        public void httpUrl(String key, String url) {
            check(isHttpUrl(url), key, url, "must be an absolute http(s) URL");
        }

        public List<ConfigProblem> problems() {
            return problems;
        }

        /** A number as a user writes it: {@code 0.5}, not {@code 0.50} or {@code 5E-1}. */
        static String plain(BigDecimal value) {
            return value.stripTrailingZeros().toPlainString();
        }

        static String plain(double value) {
            return plain(BigDecimal.valueOf(value));
        }

        private static boolean isHttpUrl(String text) {
            try {
                URI uri = new URI(text);
                return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
            } catch (URISyntaxException malformed) {
                return false;
            }
        }
    }
}
