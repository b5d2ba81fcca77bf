package dev.tracestack.config;

import static dev.tracestack.config.ConfigKeys.ALERTS;
import static dev.tracestack.config.ConfigKeys.SLACK_AUTH_TOKEN;

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
 */
public record AlertSettings(
        AlertStrictness strictness,
        Optional<String> notificationEmail,
        Optional<String> slackChannel,
        Optional<Secret> slackAuthToken,
        Optional<String> runbookBaseUrl,
        AlertThresholdOverrides thresholds) {

    /** An e-mail address (of a person or a Google group); the other sections check theirs with it too. */
    static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern SLACK_CHANNEL = Pattern.compile("#[a-z0-9][a-z0-9._-]{0,79}");

    static AlertSettings read(ConfigSection root, ConfigSource source) {
        ConfigSection section = root.section(ALERTS);
        return new AlertSettings(
                section.choice("strictness", AlertStrictness.class).orElse(Defaults.ALERT_STRICTNESS),
                section.string("notificationEmail"),
                section.string("slackChannel"),
                Secret.read(root, source, SLACK_AUTH_TOKEN),
                section.string("runbookBaseUrl"),
                AlertThresholdOverrides.read(section.section("thresholds")));
    }

    void validate(StackConfigValidator.Rules rules) {
        notificationEmail.ifPresent(email -> rules.check(EMAIL.matcher(email).matches(),
                ALERTS + ".notificationEmail", email, "must be an e-mail address such as team@example.com"));
        slackChannel.ifPresent(channel -> {
            rules.check(SLACK_CHANNEL.matcher(channel).matches(), ALERTS + ".slackChannel", channel,
                    "must be a Slack channel name starting with '#', e.g. #tracing-alerts");
            rules.check(slackAuthToken.isPresent(), SLACK_AUTH_TOKEN, null,
                    "is required when " + ALERTS + ".slackChannel is set "
                            + "(`pulumi config set --secret " + SLACK_AUTH_TOKEN + " <token>`)");
        });
        runbookBaseUrl.ifPresent(url -> rules.httpUrl(ALERTS + ".runbookBaseUrl", url));
        thresholds.validate(rules);
    }
}
