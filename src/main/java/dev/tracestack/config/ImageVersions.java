package dev.tracestack.config;

import java.util.Locale;

/** The one rule every image tag and chart version obeys: pinned, never a moving tag. */
final class ImageVersions {

    private ImageVersions() {
    }

    static void pinned(String key, String version, StackConfigValidator.Rules rules) {
        String lower = version.toLowerCase(Locale.ROOT);
        rules.check(!version.isBlank() && !lower.equals("latest") && !lower.equals("stable") && !lower.equals("main"),
                key, version, "must be a pinned version such as 2.19.0, not a moving tag");
    }
}
