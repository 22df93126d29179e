package io.liveload.core.liveview;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message formats of the official JavaScript client that ships with one LiveView version. A browser
 * always runs the client of the server's own version, so liveload formats its messages like that client:
 * it takes the version from the {@code liveview_version} of a join reply (sent since LiveView 0.20.15) and
 * uses the newest formats until a join reply names one.
 *
 * @param mountAttempts whether join params carry {@code _mount_attempts} (LiveView 1.0.0 and later)
 * @param sticky        whether joins carry the {@code sticky} flag (LiveView 1.0.10 and later)
 * @param formMeta      whether form events carry {@code meta} with {@code _target} (LiveView 1.0.6 and later);
 *                      older clients append {@code _target} to the URL-encoded value and send no {@code meta}
 * @param unusedMarkers whether change events mark untouched fields with {@code _unused_} (LiveView 1.0.0 and
 *                      later)
 */
record ClientDialect(boolean mountAttempts, boolean sticky, boolean formMeta, boolean unusedMarkers) {

    /** The formats of LiveView 1.0.10 and later, used until the server's version is known. */
    static final ClientDialect LATEST = new ClientDialect(true, true, true, true);

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

    /**
     * Returns the formats of the client of a LiveView version such as {@code 0.20.17}, or {@link #LATEST}
     * when the text is null or not a version.
     */
    static ClientDialect of(String version) {
        if (version == null) {
            return LATEST;
        }
        Matcher matcher = VERSION.matcher(version);
        if (!matcher.lookingAt()) {
            return LATEST;
        }
        int[] parsed = {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3))};
        return new ClientDialect(atLeast(parsed, 1, 0, 0), atLeast(parsed, 1, 0, 10), atLeast(parsed, 1, 0, 6),
                atLeast(parsed, 1, 0, 0));
    }

    private static boolean atLeast(int[] version, int major, int minor, int patch) {
        if (version[0] != major) {
            return version[0] > major;
        }
        if (version[1] != minor) {
            return version[1] > minor;
        }
        return version[2] >= patch;
    }
}
