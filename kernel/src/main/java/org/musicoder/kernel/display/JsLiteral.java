package org.musicoder.kernel.display;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Reads the JavaScript object literals that Tablesaw's Plotly templates write ({@code var layout = {title: 'x',
 * z: [[1.0,NaN,],],};}) into JSON: unquoted or quoted keys, single- or double-quoted strings with JavaScript
 * escapes, numbers, {@code NaN} / {@code Infinity} (to {@code null}, a gap for plotly), {@code true}, {@code false},
 * {@code null}, {@code undefined} (dropped from objects), trailing commas. Single-quoted strings come from Tablesaw's
 * HTML-escaping template fields, so their HTML entities are decoded back to the text the caller gave.
 */
final class JsLiteral {
    private final String src;
    private int pos;

    private JsLiteral(String src, int pos) {
        this.src = src;
        this.pos = pos;
    }

    /**
     * Parses the first value after the first {@code =} of a {@code var name = value;} statement.
     *
     * @param statement JavaScript source, as {@code Layout.asJavascript()} or {@code Trace.asJavascript(i)} give it
     * @return the value as JSON
     * @throws IllegalArgumentException naming the position if the source is not such a literal
     */
    static JsonElement parseAssignment(String statement) {
        int eq = statement.indexOf('=');
        if (eq < 0) throw new IllegalArgumentException("Tablesaw JavaScript: no assignment in '" + head(statement) + "'");
        JsLiteral p = new JsLiteral(statement, eq + 1);
        return p.value();
    }

    /**
     * @param literal one JavaScript literal value
     * @return it as JSON
     */
    static JsonElement parse(String literal) {
        JsLiteral p = new JsLiteral(literal, 0);
        JsonElement v = p.value();
        p.skipSpace();
        if (p.pos < literal.length() && literal.charAt(p.pos) != ';') throw p.error("end of the literal");
        return v;
    }

    private JsonElement value() {
        skipSpace();
        if (pos >= src.length()) throw error("a value");
        char c = src.charAt(pos);
        if (c == '{') return object();
        if (c == '[') return array();
        if (c == '\'' || c == '"') return new JsonPrimitive(string());
        if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) return number();
        String word = identifier();
        return switch (word) {
            case "true" -> new JsonPrimitive(true);
            case "false" -> new JsonPrimitive(false);
            case "null", "undefined", "NaN", "Infinity" -> JsonNull.INSTANCE;
            default -> throw error("a value, not '" + word + "'");
        };
    }

    private JsonObject object() {
        JsonObject o = new JsonObject();
        pos++;
        while (true) {
            skipSpace();
            if (peek() == '}') {
                pos++;
                return o;
            }
            char c = peek();
            String key = c == '\'' || c == '"' ? string() : identifier();
            skipSpace();
            if (peek() != ':') throw error("':' after key '" + key + "'");
            pos++;
            skipSpace();
            boolean undefined = src.startsWith("undefined", pos);
            JsonElement v = value();
            if (!undefined) o.add(key, v);
            separator('}');
        }
    }

    private JsonArray array() {
        JsonArray a = new JsonArray();
        pos++;
        while (true) {
            skipSpace();
            if (peek() == ']') {
                pos++;
                return a;
            }
            a.add(value());
            separator(']');
        }
    }

    private void separator(char close) {
        skipSpace();
        char c = peek();
        if (c == ',') pos++;
        else if (c != close) throw error("',' or '" + close + "'");
    }

    private JsonElement number() {
        int start = pos;
        if (peek() == '-' || peek() == '+') pos++;
        if (src.startsWith("Infinity", pos)) {
            pos += "Infinity".length();
            return JsonNull.INSTANCE;
        }
        while (pos < src.length() && "0123456789.eE+-".indexOf(src.charAt(pos)) >= 0) {
            char c = src.charAt(pos);
            if ((c == '+' || c == '-') && "eE".indexOf(src.charAt(pos - 1)) < 0) break;
            pos++;
        }
        String text = src.substring(start, pos);
        try {
            double d = Double.parseDouble(text);
            if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0 && Math.abs(d) < 1e15) {
                return new JsonPrimitive((long) d);
            }
            return new JsonPrimitive(d);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("a number, not '" + text + "'");
        }
    }

    private String string() {
        char quote = src.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= src.length()) throw error("closing " + quote);
            char c = src.charAt(pos++);
            if (c == quote) break;
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= src.length()) throw error("an escaped character");
            char e = src.charAt(pos++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'v' -> sb.append('\u000b');
                case '0' -> sb.append('\0');
                case 'u' -> {
                    if (pos + 4 > src.length()) throw error("four hex digits after \\u");
                    sb.append((char) Integer.parseInt(src.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                case 'x' -> {
                    if (pos + 2 > src.length()) throw error("two hex digits after \\x");
                    sb.append((char) Integer.parseInt(src.substring(pos, pos + 2), 16));
                    pos += 2;
                }
                case '\n' -> { }
                default -> sb.append(e);
            }
        }
        return quote == '\'' ? Html.unescape(sb.toString()) : sb.toString();
    }

    private String identifier() {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_'
                || src.charAt(pos) == '$')) {
            pos++;
        }
        if (start == pos) throw error("a key or value");
        return src.substring(start, pos);
    }

    private char peek() {
        if (pos >= src.length()) throw error("more input");
        return src.charAt(pos);
    }

    private void skipSpace() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) pos++;
    }

    private IllegalArgumentException error(String expected) {
        return new IllegalArgumentException("Tablesaw JavaScript: expected " + expected + " at offset " + pos
                + " near '" + head(src.substring(Math.min(pos, src.length()))) + "'");
    }

    private static String head(String s) {
        String t = s.strip();
        return t.length() <= 40 ? t : t.substring(0, 40) + "...";
    }
}
