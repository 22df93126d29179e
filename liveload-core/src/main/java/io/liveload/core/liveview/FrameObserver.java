package io.liveload.core.liveview;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Test hooks into a LiveView's traffic; production code sets none. The methods run under the LiveView's lock
 * on the thread that handled the frame, so they see the state right after it.
 */
interface FrameObserver {

    /** Called after the client built the payload of a join frame, the first or a rejoin. */
    default void joinBuilt(String topic, ObjectNode payload) {
    }

    /** Called after an inbound frame that reached the LiveView layer was handled. */
    default void frameHandled(LiveView view, String topic, String event) {
    }
}
