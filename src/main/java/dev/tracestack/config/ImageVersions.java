package dev.tracestack.config;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The pinning rules of every image tag, chart version and image reference a stack names, in one place:
 * what runs is fixed by the stack file, never by a moving tag.
 */
final class ImageVersions {

    /** {@code <repository>:<tag>}; a registry host with a port is allowed before the repository. */
    private static final Pattern TAGGED_IMAGE =
            Pattern.compile("[a-z0-9][a-z0-9._/:-]*/?[a-z0-9._-]+:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final String LATEST = "latest";

    private ImageVersions() {
    }

    /** A bare version or chart version (the stack adds the repository). */
    static void pinned(String key, String version, StackConfigValidator.Rules rules) {
        String lower = version.toLowerCase(Locale.ROOT);
        rules.check(!version.isBlank() && !lower.equals(LATEST) && !lower.equals("stable") && !lower.equals("main"),
                key, version, "must be a pinned version such as 2.13.0, not a moving tag");
    }

    /** A full image reference with an exact tag; its tag also labels the workload, so a digest will not do. */
    static void pinnedTag(String key, String image, StackConfigValidator.Rules rules) {
        rules.check(TAGGED_IMAGE.matcher(image).matches() && !tag(image).orElse("").equals(LATEST), key, image,
                "must be an image pinned to an exact tag (<repository>:<x.y.z>), never untagged or :latest");
    }

    /** A full image reference pinned by a tag other than {@code latest}, or by a digest. */
    static void pinnedReference(String key, String reference, StackConfigValidator.Rules rules) {
        if (reference.contains("@sha256:")) {
            return;
        }
        Optional<String> tag = tag(reference);
        if (tag.isEmpty()) {
            rules.add(key, reference, "must be pinned to a version (name:tag or name@sha256:digest), not untagged");
        } else {
            rules.check(!tag.get().equals(LATEST), key, reference,
                    "must be pinned to a version (name:tag or name@sha256:digest), not latest");
        }
    }

    /** The tag of an image reference: after the last colon, unless that colon belongs to a registry's port. */
    private static Optional<String> tag(String reference) {
        int colon = reference.lastIndexOf(':');
        return colon > reference.lastIndexOf('/') ? Optional.of(reference.substring(colon + 1)) : Optional.empty();
    }
}
