package dev.tracestack.render.monitoring;

import dev.tracestack.config.StackConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The notification channels a stack's config asks for: e-mail and Slack, each optional. */
public final class NotificationChannels {

    /**
     * One channel, without secrets (the Slack token is added by the component as a sensitive label).
     *
     * @param role        short name, used in the channel's logical name ({@code monitoring-<role>})
     * @param type        the Cloud Monitoring channel type
     * @param displayName what the console shows
     * @param labels      the type's non-secret labels
     */
    public record Channel(String role, String type, String displayName, Map<String, String> labels) {

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
                "Tracing alerts e-mail (" + env + ")", Map.of("email_address", email))));
        config.alerts().slackChannel().ifPresent(channel -> channels.add(new Channel("slack", "slack",
                "Tracing alerts Slack " + channel + " (" + env + ")", Map.of("channel_name", channel))));
        return List.copyOf(channels);
    }
}
