package dev.tracestack.component.elasticsearch;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import dev.tracestack.component.kubernetes.PodSpecs;
import dev.tracestack.render.elasticsearch.ElasticsearchUsers;
import dev.tracestack.render.elasticsearch.RenderedElasticsearch;
import java.util.Map;

/**
 * Pure builders of the file realm's Secrets: one {@code kubernetes.io/basic-auth} Secret per client user (ECK
 * hashes the password into the realm; its pods mount the password key), and the roles Secret.
 */
final class ElasticsearchCredentials {

    /** Letters and digits: about 190 bits. */
    static final int PASSWORD_LENGTH = 32;

    private ElasticsearchCredentials() {
    }

    /** @param password the generated password, a secret output */
    static SecretArgs user(RenderedElasticsearch es, ElasticsearchUsers.User user, Output<String> password) {
        return SecretArgs.builder()
                .metadata(PodSpecs.meta(user.secret(), es.namespace(), es.labels("credentials")))
                .type("kubernetes.io/basic-auth")
                .stringData(password.applyValue(p -> Map.of(
                        "username", user.name(),
                        ElasticsearchUsers.PASSWORD_KEY, p,
                        // ECK reads this optional key of a basic-auth Secret as the user's roles.
                        "roles", user.role())).asSecret())
                .build();
    }

    /** Not a secret as such (the plan's roles.yml shows it); marked one like every Secret's data. */
    static SecretArgs roles(RenderedElasticsearch es) {
        return SecretArgs.builder()
                .metadata(PodSpecs.meta(ElasticsearchUsers.ROLES_SECRET, es.namespace(), es.labels("credentials")))
                .type("Opaque")
                .stringData(Output.ofSecret(Map.of(ElasticsearchUsers.ROLES_KEY, es.rolesYaml())))
                .build();
    }
}
