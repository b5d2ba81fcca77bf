package dev.tracestack.config;

import static dev.tracestack.config.ConfigKeys.ALERTS;

import dev.tracestack.wire.ServiceAttributes;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A team that services route their alerts to ({@code tracestack:alerts.teams.<name>}): its own notification
 * channels, which get the alerts of the services naming it and nothing else.
 *
 * @param name              the team's name: in resource names, in a metric label and in alert policy labels
 * @param notificationEmail the team's e-mail address, if any
 * @param slackChannel      the team's Slack channel, if any (with the stack's {@code slackAuthToken})
 */
public record TeamSettings(String name, Optional<String> notificationEmail, Optional<String> slackChannel) {

    /** A DNS label of at most 30 characters, so that resource names built from it stay short. */
    private static final Pattern NAME = Pattern.compile("[a-z]([-a-z0-9]{0,28}[a-z0-9])?");
    /** The value of the team label on the span metrics of services without a team. */
    public static final String NO_TEAM = ServiceAttributes.NO_TEAM;

    static TeamSettings read(String name, ConfigSection section) {
        return new TeamSettings(name, section.string("notificationEmail"), section.string("slackChannel"));
    }

    void validate(StackConfigValidator.Rules rules) {
        String key = ALERTS + ".teams." + name;
        rules.check(NAME.matcher(name).matches() && !name.equals(NO_TEAM), key, name, "must be a team name of 1 to "
                + "30 lower-case letters, digits and '-', starting with a letter, and not " + NO_TEAM);
        rules.check(notificationEmail.isPresent() || slackChannel.isPresent(), key, null,
                "must have a notificationEmail or a slackChannel (a team without a channel would get no alert)");
        notificationEmail.ifPresent(email -> AlertSettings.checkEmail(key + ".notificationEmail", email, rules));
        slackChannel.ifPresent(channel -> AlertSettings.checkSlackChannel(key + ".slackChannel", channel, rules));
    }
}
