package io.liveload.core.liveview.render;

import java.util.function.IntPredicate;
import org.jsoup.parser.Parser;

/** Reads the first element start tag of an HTML fragment without parsing the whole fragment. */
final class StartTags {

    private StartTags() {
    }

    /**
     * Returns the index just after the tag name of the first start tag at or after {@code from}.
     * Only whitespace and comments may come before that tag, otherwise the result is -1.
     */
    static int afterFirstTagName(CharSequence html, int from) {
        int i = skipWhitespaceAndComments(html, from);
        return startsElement(html, i) ? endOfName(html, i + 1) : -1;
    }

    /**
     * Returns the decoded {@code id} attribute of the first element in {@code html} (text before it
     * is skipped), or null when the first element has no id or there is no element.
     */
    static String firstElementId(CharSequence html) {
        int i = skipWhitespaceAndComments(html, 0);
        while (i < html.length() && !startsElement(html, i)) {
            i = skipWhitespaceAndComments(html, i + 1);
        }
        if (i >= html.length()) {
            return null;
        }
        return attributeValue(html, endOfName(html, i + 1), "id");
    }

    /** Returns the value of attribute {@code wanted} in the start tag whose attributes begin at {@code from}. */
    private static String attributeValue(CharSequence html, int from, String wanted) {
        int i = from;
        while (true) {
            i = skip(html, i, c -> Character.isWhitespace(c) || c == '/');
            if (i >= html.length() || html.charAt(i) == '>') {
                return null;
            }

            int nameStart = i;
            i = skip(html, i, c -> !isNameEnd((char) c) && c != '=');
            String name = html.subSequence(nameStart, i).toString();
            i = skip(html, i, Character::isWhitespace);

            String value = "";
            if (i < html.length() && html.charAt(i) == '=') {
                int valueStart = skip(html, i + 1, Character::isWhitespace);
                i = valueEnd(html, valueStart);
                value = valueText(html, valueStart, i);
            }
            if (name.equalsIgnoreCase(wanted)) {
                return value.indexOf('&') >= 0 ? Parser.unescapeEntities(value, true) : value;
            }
        }
    }

    /** Returns the index just past the attribute value starting at {@code start}, closing quote included. */
    private static int valueEnd(CharSequence html, int start) {
        if (start < html.length() && isQuote(html.charAt(start))) {
            char quote = html.charAt(start);
            int i = skip(html, start + 1, c -> c != quote);
            return Math.min(i + 1, html.length());
        }
        return skip(html, start, c -> !Character.isWhitespace(c) && c != '>');
    }

    private static String valueText(CharSequence html, int start, int end) {
        if (start >= end || !isQuote(html.charAt(start))) {
            return html.subSequence(start, end).toString();
        }
        boolean closed = end - start >= 2 && html.charAt(end - 1) == html.charAt(start);
        return html.subSequence(start + 1, closed ? end - 1 : end).toString();
    }

    private static int skipWhitespaceAndComments(CharSequence html, int from) {
        int i = from;
        while (i < html.length()) {
            if (Character.isWhitespace(html.charAt(i))) {
                i++;
            } else if (startsWith(html, i, "<!--")) {
                int end = indexOf(html, "-->", i + 4);
                i = end < 0 ? html.length() : end + 3;
            } else {
                break;
            }
        }
        return i;
    }

    private static int skip(CharSequence html, int from, IntPredicate skipped) {
        int i = from;
        while (i < html.length() && skipped.test(html.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean startsElement(CharSequence html, int at) {
        return at + 1 < html.length() && html.charAt(at) == '<' && isAsciiLetter(html.charAt(at + 1));
    }

    private static int endOfName(CharSequence html, int from) {
        return skip(html, from, c -> !isNameEnd((char) c));
    }

    private static boolean isNameEnd(char c) {
        return Character.isWhitespace(c) || c == '/' || c == '>';
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean startsWith(CharSequence html, int at, String prefix) {
        if (at + prefix.length() > html.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (html.charAt(at + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(CharSequence html, String needle, int from) {
        for (int i = from; i + needle.length() <= html.length(); i++) {
            if (startsWith(html, i, needle)) {
                return i;
            }
        }
        return -1;
    }
}
