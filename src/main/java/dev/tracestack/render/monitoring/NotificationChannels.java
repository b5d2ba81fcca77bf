package dev.tracestack.render.monitoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tracestack.config.StackConfig;
import dev.tracestack.config.TeamSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The notification channels a stack's config asks for: e-mail and Slack, each optional, the stack's and each team's. */
public final class NotificationChannels {

    /**
     * One channel, without secrets (the Slack token is added by the component as a sensitive label).
     *
     * @param role        short name, used in the channel's logical name ({@code monitoring-<role>})
     * @param type        the Cloud Monitoring channel type
     * @param displayName what the console shows
     * @param labels      the type's non-secret labels
     * @param team        the team whose alerts it gets; empty: the stack's
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Channel(String role, String type, String displayName, Map<String, String> labels,
                          Optional<String> team) {

        public boolean needsAuthToken() {
            return type.equals("slack");
        }
    }

    private NotificationChannels() {
    }

    public static List<Channel> of(StackConfig config) {
        String env = config.environment().id();
        List<Channel> channels = new ArrayList<>();
        config.alerts().notificationEmail().ifPresent(email -> channels.add(new Channel("email", "email",
                "Tracing alerts e-mail (" + env + ")", Map.of("email_address", email), Optional.empty())));
        config.alerts().slackChannel().ifPresent(channel -> channels.add(new Channel("slack", "slack",
                "Tracing alerts Slack " + channel + " (" + env + ")", Map.of("channel_name", channel),
                Optional.empty())));
        for (TeamSettings team : config.alerts().teams().values()) {
            Optional<String> of = Optional.of(team.name());
            String role = "team-" + team.name();
            team.notificationEmail().ifPresent(email -> channels.add(new Channel(role + "-email", "email",
                    "Tracing alerts e-mail, team " + team.name() + " (" + env + ")", Map.of("email_address", email), of)));
            team.slackChannel().ifPresent(channel -> channels.add(new Channel(role + "-slack", "slack",
                    "Tracing alerts Slack " + channel + ", team " + team.name() + " (" + env + ")",
                    Map.of("channel_name", channel), of)));
        }
        return List.copyOf(channels);
    }
}
