package io.liveload.demo.internal.security;

/** Names of the cookies the demo app reads and writes. */
public final class SessionCookie {
    /** The signed session cookie, named like the one of the LiveBeats app. */
    public static final String NAME = "_live_beats_key_v1";

    /** The cookie in which the LiveView JS client carries a flash token to the next page load. */
    public static final String FLASH_NAME = "__phoenix_flash__";

    private SessionCookie() {
    }
}
