package io.liveload.demo.internal.security;

import java.util.Map;

/**
 * The signed content of a container's {@code data-phx-static} attribute: what only the dead
 * render knew.
 *
 * @param id the container id, which must equal the session token's id
 * @param flash the flash shown by the dead render, by kind ("info", "error")
 * @param issuedAtMillis when the token was signed, in epoch milliseconds
 */
public record StaticToken(String id, Map<String, String> flash, long issuedAtMillis) {
    public StaticToken {
        flash = flash == null ? Map.of() : Map.copyOf(flash);
    }
}
