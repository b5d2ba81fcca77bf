package dev.tracestack.config;

import static dev.tracestack.config.ConfigKeys.ALERTS;
import static dev.tracestack.config.ConfigKeys.SLACK_AUTH_TOKEN;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where alerts go and how eagerly they fire ({@code tracestack:alerts}, and the Slack token secret).
 *
 * @param strictness        threshold level of the alert policies
 * @param notificationEmail address of the e-mail notification channel, if any
 * @param slackChannel      Slack channel (e.g. {@code #tracing-alerts}) of the Slack notification channel, if any
 * @param slackAuthToken    the Slack app's token ({@code tracestack:slackAuthToken}, a secret); required with a channel
 * @param runbookBaseUrl    where the alert documentation links to, if anywhere
 * @param thresholds        replacements for single thresholds of the strictness level
 * @param teams             the teams services route their alerts to, by name
 * @param objectiveSpanKindNames the kinds of span ({@link SpanKind}, lower case) a service's latency and error
 *                          rate are measured on: its requests (server and consumer spans) unless configured
 *                          otherwise; validation refuses a name that is not a kind
 */
public record AlertSettings(
        AlertStrictness strictness,
        Optional<String> notificationEmail,
        Optional<String> slackChannel,
        Optional<Secret> slackAuthToken,
        Optional<String> runbookBaseUrl,
        AlertThresholdOverrides thresholds,
        Map<String, TeamSettings> teams,
        List<String> objectiveSpanKindNames) {

    /** An e-mail address (of a person or a Google group); the other sections check theirs with it too. */
    static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern SLACK_CHANNEL = Pattern.compile("#[a-z0-9][a-z0-9._-]{0,79}");

    public AlertSettings {
        teams = Collections.unmodifiableMap(new LinkedHashMap<>(teams));
        objectiveSpanKindNames = List.copyOf(objectiveSpanKindNames);
    }

    /** The kinds of span a service's latency and error rate are measured on. */
    public List<SpanKind> objectiveSpanKinds() {
        return objectiveSpanKindNames.stream().map(name -> SpanKind.valueOf(name.toUpperCase(Locale.ROOT)))
                .toList();
    }

    static AlertSettings read(ConfigSection root, ConfigSource source) {
        ConfigSection section = root.section(ALERTS);
        Map<String, TeamSettings> teams = new LinkedHashMap<>();
        section.sections("teams").forEach((name, team) -> teams.put(name, TeamSettings.read(name, team)));
        return new AlertSettings(
                section.choice("strictness", AlertStrictness.class).orElse(Defaults.ALERT_STRICTNESS),
                section.string("notificationEmail"),
                section.string("slackChannel"),
                Secret.read(root, source, SLACK_AUTH_TOKEN),
                section.string("runbookBaseUrl"),
                AlertThresholdOverrides.read(section.section("thresholds")),
                teams,
                section.strings("objectiveSpanKinds").orElse(Defaults.OBJECTIVE_SPAN_KINDS));
    }

    void validate(StackConfigValidator.Rules rules) {
        notificationEmail.ifPresent(email -> checkEmail(ALERTS + ".notificationEmail", email, rules));
        slackChannel.ifPresent(channel -> checkSlackChannel(ALERTS + ".slackChannel", channel, rules));
        runbookBaseUrl.ifPresent(url -> rules.httpUrl(ALERTS + ".runbookBaseUrl", url));
        thresholds.validate(rules);
        teams.values().forEach(team -> team.validate(rules));
        List<String> kinds = Arrays.stream(SpanKind.values()).map(SpanKind::configName).toList();
        rules.check(!objectiveSpanKindNames.isEmpty(), ALERTS + ".objectiveSpanKinds", "[]",
                "must name at least one span kind of " + kinds);
        objectiveSpanKindNames.forEach(name -> rules.check(kinds.contains(name), ALERTS + ".objectiveSpanKinds",
                name, "must be a span kind of " + kinds));
        if (slackAuthToken.isEmpty()) {
            slackChannel.ifPresent(channel -> tokenRequired(ALERTS + ".slackChannel", rules));
            teams.values().stream().filter(team -> team.slackChannel().isPresent()).findFirst().ifPresent(team ->
                    tokenRequired(ALERTS + ".teams." + team.name() + ".slackChannel", rules));
        }
    }

    static void checkEmail(String key, String email, StackConfigValidator.Rules rules) {
        rules.check(EMAIL.matcher(email).matches(), key, email, "must be an e-mail address such as team@example.com");
    }

    static void checkSlackChannel(String key, String channel, StackConfigValidator.Rules rules) {
        rules.check(SLACK_CHANNEL.matcher(channel).matches(), key, channel,
                "must be a Slack channel name starting with '#', e.g. #tracing-alerts");
    }

    private static void tokenRequired(String channelKey, StackConfigValidator.Rules rules) {
        rules.add(SLACK_AUTH_TOKEN, null, "is required when " + channelKey + " is set "
                + "(`pulumi config set --secret " + SLACK_AUTH_TOKEN + " <token>`)");
    }
}
