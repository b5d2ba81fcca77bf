package dev.tracestack.config;

import java.util.Locale;

/** The rules that keep every image tag, chart version and image reference pinned, never moving. */
final class ImageVersions {

    private ImageVersions() {
    }

    /** A bare tag or chart version is pinned unless it is blank or a moving tag. */
    static void pinned(String key, String version, StackConfigValidator.Rules rules) {
        String lower = version.toLowerCase(Locale.ROOT);
        rules.check(!version.isBlank() && !lower.equals("latest") && !lower.equals("stable") && !lower.equals("main"),
                key, version, "must be a pinned version such as 2.19.0, not a moving tag");
    }

    /** A whole image reference is pinned when it names a tag other than {@code latest}, or a digest. */
    static void pinnedReference(String key, String reference, StackConfigValidator.Rules rules) {
        if (reference.contains("@sha256:")) {
            return;
        }
        int lastSlash = reference.lastIndexOf('/');
        int colon = reference.lastIndexOf(':');
        if (colon <= lastSlash) {
            rules.add(key, reference, "must be pinned to a version (name:tag or name@sha256:digest), not untagged");
        } else {
            rules.check(!reference.substring(colon + 1).equals("latest"), key, reference,
                    "must be pinned to a version (name:tag or name@sha256:digest), not latest");
        }
    }
}
