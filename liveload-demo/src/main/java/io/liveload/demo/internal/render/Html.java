package io.liveload.demo.internal.render;

/** HTML escaping with the rules of Phoenix.HTML: {@code & < > " '} become entities. */
public final class Html {
    private Html() {
    }

    /** Returns the text with {@code & < > " '} replaced by their entities. */
    public static String escape(String text) {
        int first = firstSpecial(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        out.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Returns {@code  name="value"} with a leading space and the value escaped, as HEEx renders a dynamic attribute. */
    public static String attribute(String name, String value) {
        return " " + name + "=\"" + escape(value) + "\"";
    }

    private static int firstSpecial(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\'') {
                return i;
            }
        }
        return -1;
    }
}
