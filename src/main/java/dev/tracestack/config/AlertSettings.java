package dev.tracestack.config;

import java.util.Optional;

/**
 * Where alerts go and how eagerly they fire.
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
}
