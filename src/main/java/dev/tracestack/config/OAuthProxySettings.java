package dev.tracestack.config;

import static dev.tracestack.config.ConfigKeys.JAEGER;
import static dev.tracestack.config.ConfigKeys.OAUTH_CLIENT_SECRET;
import static dev.tracestack.config.ConfigKeys.OAUTH_COOKIE_SECRET;

import java.util.List;
import java.util.Optional;

/**
 * The oauth2-proxy in front of the Jaeger UI (seed 000, security). Its client and cookie secrets are
 * Pulumi secrets; when a stack has not set them (the stack files cannot hold {@code secure:} values
 * here), the proxy reads an existing Kubernetes Secret of the same name instead, so the UI stays closed
 * rather than open.
 *
 * @param enabled      whether the UI is reachable only through the proxy
 * @param version      the pinned oauth2-proxy image tag
 * @param provider     the oauth2-proxy provider, e.g. {@code oidc} or {@code google}
 * @param issuerUrl    the OIDC issuer, for the {@code oidc} provider
 * @param clientId     the OAuth client id; required when enabled
 * @param emailDomains the e-mail domains allowed in; none by default, {@code *} admits every account of the provider
 * @param allowedGroups the groups (by e-mail address) whose members may sign in, besides the domains' rule; the
 *                      provider must put them in the token's {@code groups} claim
 * @param clientSecret {@code tracestack:oauthClientSecret}
 * @param cookieSecret {@code tracestack:oauthCookieSecret}
 */
public record OAuthProxySettings(boolean enabled, String version, String provider, Optional<String> issuerUrl,
                                 Optional<String> clientId, List<String> emailDomains, List<String> allowedGroups,
                                 Optional<Secret> clientSecret, Optional<Secret> cookieSecret) {

    public OAuthProxySettings {
        emailDomains = List.copyOf(emailDomains);
        allowedGroups = List.copyOf(allowedGroups);
    }

    static final String KEY = JAEGER + ".oauthProxy";

    static OAuthProxySettings read(ConfigSection section, ConfigSection root, ConfigSource source) {
        return new OAuthProxySettings(
                section.bool("enabled").orElse(Defaults.OAUTH_PROXY_ENABLED),
                section.string("version").orElse(Defaults.OAUTH_PROXY_VERSION),
                section.string("provider").orElse(Defaults.OAUTH_PROVIDER),
                section.string("issuerUrl"),
                section.string("clientId").filter(id -> !id.isBlank()),
                section.strings("emailDomains").orElse(List.of()),
                section.strings("allowedGroups").orElse(List.of()),
                Secret.read(root, source, OAUTH_CLIENT_SECRET),
                Secret.read(root, source, OAUTH_COOKIE_SECRET));
    }

    void validate(StackConfigValidator.Rules rules) {
        if (!enabled) {
            return;
        }
        ImageVersions.pinned(KEY + ".version", version, rules);
        rules.check(clientId.isPresent(), KEY + ".clientId", null,
                "is required when " + KEY + ".enabled is true (the OAuth client the proxy signs users in with)");
        rules.check(!emailDomains.isEmpty(), KEY + ".emailDomains", "[]",
                "must list at least one e-mail domain allowed to sign in, e.g. [example.com]");
        issuerUrl.ifPresent(url -> rules.httpUrl(KEY + ".issuerUrl", url));
        allowedGroups.forEach(group -> rules.check(AlertSettings.EMAIL.matcher(group).matches(),
                KEY + ".allowedGroups", group, "must list groups by e-mail address, e.g. tracing-ui@example.com"));
    }

    /** Whether both secrets are known, so the stack can create the proxy's Kubernetes Secret itself. */
    public boolean secretsSet() {
        return clientSecret.flatMap(Secret::value).isPresent() && cookieSecret.flatMap(Secret::value).isPresent();
    }
}
