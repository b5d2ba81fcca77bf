package dev.tracestack.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.testing.ConfigErrors;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per message of an alert team ({@code tracestack:alerts.teams}). */
class TeamSettingsTest {

    private static String problems(String teams) {
        return ConfigErrors.of("dev", Map.of(ConfigKeys.ALERTS, "{\"teams\": " + teams + "}"));
    }

    @Test
    void aTeamNameThatIsNotALowerCaseLabelIsRejected() {
        assertThat(problems("{\"Payments\": {\"notificationEmail\": \"payments@example.com\"}}"))
                .isEqualTo("Pulumi.dev.yaml: tracestack:alerts.teams.Payments must be a team name of 1 to 30 "
                        + "lower-case letters, digits and '-', starting with a letter, and not none, got Payments");
    }

    @Test
    void theTeamNameOfServicesWithoutATeamIsRejected() {
        assertThat(problems("{\"none\": {\"notificationEmail\": \"nobody@example.com\"}}"))
                .isEqualTo("Pulumi.dev.yaml: tracestack:alerts.teams.none must be a team name of 1 to 30 "
                        + "lower-case letters, digits and '-', starting with a letter, and not none, got none");
    }

    @Test
    void aTeamWithoutAChannelIsRejected() {
        assertThat(problems("{\"payments\": {}}"))
                .isEqualTo("Pulumi.dev.yaml: tracestack:alerts.teams.payments must have a notificationEmail or a "
                        + "slackChannel (a team without a channel would get no alert), it is not set");
    }

    @Test
    void aTeamsSlackChannelWithoutATokenIsRejected() {
        assertThat(problems("{\"payments\": {\"slackChannel\": \"#payments\"}}"))
                .isEqualTo("Pulumi.dev.yaml: tracestack:slackAuthToken is required when "
                        + "tracestack:alerts.teams.payments.slackChannel is set "
                        + "(`pulumi config set --secret tracestack:slackAuthToken <token>`), it is not set");
    }
}
