package io.liveload.core.liveview.render;

import org.jsoup.parser.Parser;

/** Reads the first element start tag of an HTML fragment without parsing the whole fragment. */
final class StartTags {

    private StartTags() {
    }

    /**
     * Returns the index just after the tag name of the first start tag at or after {@code from},
     * skipping leading whitespace and comments only; -1 when something else comes first.
     */
    static int afterFirstTagName(CharSequence html, int from) {
        int i = skipWhitespaceAndComments(html, from);
        if (i + 1 >= html.length() || html.charAt(i) != '<' || !isAsciiLetter(html.charAt(i + 1))) {
            return -1;
        }
        return endOfName(html, i + 1);
    }

    /**
     * Returns the decoded {@code id} attribute of the first element in {@code html} (text before it
     * is skipped), or null when the first element has no id or there is no element.
     */
    static String firstElementId(CharSequence html) {
        int i = skipWhitespaceAndComments(html, 0);
        while (i < html.length() && !(html.charAt(i) == '<' && i + 1 < html.length() && isAsciiLetter(html.charAt(i + 1)))) {
            i = skipWhitespaceAndComments(html, i + 1);
        }
        if (i >= html.length()) {
            return null;
        }
        return attributeValue(html, endOfName(html, i + 1), "id");
    }

    private static String attributeValue(CharSequence html, int from, String wanted) {
        int i = from;
        while (i < html.length()) {
            while (i < html.length() && (Character.isWhitespace(html.charAt(i)) || html.charAt(i) == '/')) {
                i++;
            }
            if (i >= html.length() || html.charAt(i) == '>') {
                return null;
            }
            int nameStart = i;
            while (i < html.length() && !isNameEnd(html.charAt(i)) && html.charAt(i) != '=') {
                i++;
            }
            String name = html.subSequence(nameStart, i).toString();
            while (i < html.length() && Character.isWhitespace(html.charAt(i))) {
                i++;
            }
            String value = "";
            if (i < html.length() && html.charAt(i) == '=') {
                i++;
                while (i < html.length() && Character.isWhitespace(html.charAt(i))) {
                    i++;
                }
                int valueStart;
                int valueEnd;
                if (i < html.length() && (html.charAt(i) == '"' || html.charAt(i) == '\'')) {
                    char quote = html.charAt(i);
                    valueStart = i + 1;
                    valueEnd = valueStart;
                    while (valueEnd < html.length() && html.charAt(valueEnd) != quote) {
                        valueEnd++;
                    }
                    i = valueEnd + 1;
                } else {
                    valueStart = i;
                    while (i < html.length() && !Character.isWhitespace(html.charAt(i)) && html.charAt(i) != '>') {
                        i++;
                    }
                    valueEnd = i;
                }
                value = html.subSequence(valueStart, Math.min(valueEnd, html.length())).toString();
            }
            if (name.equalsIgnoreCase(wanted)) {
                return value.indexOf('&') >= 0 ? Parser.unescapeEntities(value, true) : value;
            }
        }
        return null;
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

    private static int endOfName(CharSequence html, int from) {
        int i = from;
        while (i < html.length() && !isNameEnd(html.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isNameEnd(char c) {
        return Character.isWhitespace(c) || c == '/' || c == '>';
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
