package org.musicoder.kernel.display.image;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Lenient reads of plotly JSON: Tablesaw writes many numbers as strings ({@code "0.5"}, {@code "NaN"}). */
final class Json {
    private Json() {}

    /** @return the number {@code e} holds or spells, else NaN (null, JSON null, text, boolean) */
    static double num(JsonElement e) {
        if (e == null || !e.isJsonPrimitive()) return Double.NaN;
        if (e.getAsJsonPrimitive().isNumber()) return e.getAsDouble();
        if (!e.getAsJsonPrimitive().isString()) return Double.NaN;
        String s = e.getAsString().trim();
        if (s.isEmpty()) return Double.NaN;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException x) {
            return Double.NaN;
        }
    }

    /** @return {@code o[key]} as a number, or {@code dflt} if it is missing or not a number */
    static double num(JsonObject o, String key, double dflt) {
        double v = o == null ? Double.NaN : num(o.get(key));
        return Double.isNaN(v) ? dflt : v;
    }

    /** @return {@code o[key]} as text, or {@code dflt} if it is missing or not a primitive */
    static String str(JsonObject o, String key, String dflt) {
        JsonElement e = o == null ? null : o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : dflt;
    }

    /** @return {@code o[key]} as a boolean ({@code true}, {@code "true"}), or {@code dflt} */
    static boolean bool(JsonObject o, String key, boolean dflt) {
        String s = str(o, key, null);
        return s == null ? dflt : s.equals("true") ? true : s.equals("false") ? false : dflt;
    }

    /** @return {@code o[key]} if it is an object, else an empty object (never null) */
    static JsonObject obj(JsonObject o, String key) {
        JsonElement e = o == null ? null : o.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    /** @return {@code o[key]} if it is an array, else null */
    static JsonArray arr(JsonObject o, String key) {
        JsonElement e = o == null ? null : o.get(key);
        return e != null && e.isJsonArray() ? e.getAsJsonArray() : null;
    }

    /** @return whether {@code e} is a string that is not a number (a category) */
    static boolean isCategory(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() && Double.isNaN(num(e))
                && !e.getAsString().trim().equalsIgnoreCase("NaN") && !e.getAsString().isBlank();
    }
}
