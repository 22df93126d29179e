package io.liveload.demo.internal.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * The outcome of a {@code phx_join}: the reply's status and response, and for a successful join
 * the new channel and the effects of its mount.
 */
record JoinResult(boolean ok, ObjectNode response, Channel channel, CallbackContext context) {
    static JoinResult joined(Channel channel, ObjectNode response, CallbackContext context) {
        return new JoinResult(true, response, channel, context);
    }

    static JoinResult rejected(ObjectNode response) {
        return new JoinResult(false, response, null, null);
    }

    static JoinResult rejected(String reason) {
        return rejected(Frame.reason(reason));
    }

    /** Returns how long the reply waits, standing in for costly work in the mount. */
    Duration replyDelay() {
        return context == null ? Duration.ZERO : context.mountDelay();
    }
}
