package dev.tracestack.config;

import static dev.tracestack.config.ConfigKeys.*;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules a typed stack config must obey beyond its types: ranges, formats and contradictions
 * between keys. Pure: returns every violated rule, registers nothing.
 */
public final class StackConfigValidator {

    /** Google's rule for project ids: 6-30 characters, lower-case letters, digits and hyphens. */
    private static final Pattern PROJECT_ID = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");
    private static final Pattern REGION = Pattern.compile("[a-z]+-[a-z]+[0-9]+");
    /** RFC 1123 label, as Kubernetes requires for namespace names. */
    static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern SLACK_CHANNEL = Pattern.compile("#[a-z0-9][a-z0-9._-]{0,79}");
    static final int MAX_RETENTION_DAYS = 3650;
    static final int MAX_PORT = 65535;

    private StackConfigValidator() {
    }

    public static List<ConfigProblem> validate(StackConfig config) {
        Rules rules = new Rules(config.file());

        String project = config.gcp().project();
        if (project.isEmpty() && config.platform() == Platform.KUBERNETES) {
            rules.add(GCP_PROJECT, null, "is required (set it with `pulumi config set gcp:project <project-id>`)");
        } else if (!project.isEmpty()) {
            rules.check(PROJECT_ID.matcher(project).matches(), GCP_PROJECT, project,
                    "must be a Google Cloud project id: 6-30 lower-case letters, digits or hyphens, "
                            + "starting with a letter and not ending with a hyphen");
        }
        rules.check(REGION.matcher(config.gcp().region()).matches(), GCP_REGION, config.gcp().region(),
                "must be a Google Cloud region such as europe-west3");
        String namespace = config.kubernetes().namespace();
        rules.check(DNS_LABEL.matcher(namespace).matches(), KUBERNETES + ".namespace", namespace,
                "must be a Kubernetes namespace name (RFC 1123 label: lower-case letters, digits, '-', at most 63)");

        SamplingSettings sampling = config.sampling();
        rules.rate(SAMPLING + ".defaultRate", sampling.defaultRate());
        rules.rate(SAMPLING + ".errorRate", sampling.errorRate());
        rules.rate(SAMPLING + ".slowRate", sampling.slowRate());
        rules.check(sampling.slowThresholdMs() > 0, SAMPLING + ".slowThresholdMs",
                String.valueOf(sampling.slowThresholdMs()), "must be greater than 0");

        rules.check(config.retentionDays() >= 1 && config.retentionDays() <= MAX_RETENTION_DAYS, RETENTION_DAYS,
                String.valueOf(config.retentionDays()), "must be within [1, " + MAX_RETENTION_DAYS + "] days");

        rules.check(!config.exporters().jaeger() || config.jaeger().enabled(), EXPORTERS + ".jaeger", "true",
                "cannot be on while " + JAEGER + ".enabled is false (enable Jaeger or turn the exporter off)");

        JaegerSettings.validate(config.jaeger(), rules);
        ElasticsearchSettings.validate(config.elasticsearch(), config, rules);

        AlertSettings alerts = config.alerts();
        alerts.notificationEmail().ifPresent(email -> rules.check(EMAIL.matcher(email).matches(),
                ALERTS + ".notificationEmail", email, "must be an e-mail address such as team@example.com"));
        alerts.slackChannel().ifPresent(channel -> {
            rules.check(SLACK_CHANNEL.matcher(channel).matches(), ALERTS + ".slackChannel", channel,
                    "must be a Slack channel name starting with '#', e.g. #tracing-alerts");
            rules.check(alerts.slackAuthToken().isPresent(), SLACK_AUTH_TOKEN, null,
                    "is required when " + ALERTS + ".slackChannel is set "
                            + "(`pulumi config set --secret " + SLACK_AUTH_TOKEN + " <token>`)");
        });
        alerts.runbookBaseUrl().ifPresent(url -> rules.check(isHttpUrl(url), ALERTS + ".runbookBaseUrl", url,
                "must be an absolute http(s) URL"));
        AlertThresholdOverrides.validate(alerts.thresholds(), rules);
        BigQuerySettings.validate(config.bigQuery(), config, rules);
        CollectorRules.validate(config.collector(), config, rules);
        LocalRules.validate(config.local(), config, rules);
        CostSettings.validate(config.cost(), rules);
        return rules.problems();
    }

    static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException malformed) {
            return false;
        }
    }

    /** Collects violations for one stack file. */
    public static final class Rules {
        private final String file;
        private final List<ConfigProblem> problems = new ArrayList<>();

        public Rules(String file) {
            this.file = file;
        }

        public void check(boolean holds, String key, String value, String rule) {
            if (!holds) {
                add(key, value, rule);
            }
        }

        public void add(String key, String value, String rule) {
            problems.add(new ConfigProblem(file, key, value, rule));
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
    }
}
