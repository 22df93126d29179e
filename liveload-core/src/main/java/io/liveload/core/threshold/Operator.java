package io.liveload.core.threshold;

/** A comparison operator of a threshold. */
public enum Operator {
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">="),
    EQUAL("=="),
    NOT_EQUAL("!=");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /** Returns the operator as written in a threshold. */
    public String symbol() {
        return symbol;
    }

    /** Returns whether {@code observed <operator> limit} holds. */
    public boolean test(double observed, double limit) {
        return switch (this) {
            case LESS -> observed < limit;
            case LESS_OR_EQUAL -> observed <= limit;
            case GREATER -> observed > limit;
            case GREATER_OR_EQUAL -> observed >= limit;
            case EQUAL -> observed == limit;
            case NOT_EQUAL -> observed != limit;
        };
    }

    static Operator fromSymbol(String symbol) {
        return switch (symbol) {
            case "<" -> LESS;
            case "<=" -> LESS_OR_EQUAL;
            case ">" -> GREATER;
            case ">=" -> GREATER_OR_EQUAL;
            case "==", "===" -> EQUAL;
            case "!=" -> NOT_EQUAL;
            default -> throw new IllegalArgumentException(symbol);
        };
    }
}
