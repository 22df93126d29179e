package io.liveload.core.phoenix;

/** A frame that does not follow Phoenix's V2 serializer; the socket drops it and goes on. */
final class MalformedFrameException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The problem with a frame. The error log counts each kind as one error, whatever the frame contained. */
    enum Kind {
        INVALID_JSON("text frame is not valid JSON"),
        WRONG_SHAPE("text frame is not a JSON array of 5 elements [join_ref, ref, topic, event, payload]"),
        WRONG_TYPES("join_ref and ref must be strings or null, topic and event strings"),
        SHORT_BINARY("binary frame is shorter than its header says"),
        UNKNOWN_BINARY_KIND("binary frame has an unknown kind byte; expected 0 (push), 1 (reply) or 2 (broadcast)"),
        INVALID_REPLY("phx_reply payload has no string status");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    final Kind kind;

    MalformedFrameException(Kind kind) {
        super(kind.description, null, false, false);
        this.kind = kind;
    }
}
