package io.github.sqlguard.report;

import io.github.sqlguard.model.Json;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming builder for the JSON reports: indented output, commas placed for the caller, strings
 * quoted by {@link Json#quote}. It trusts the caller to nest calls correctly.
 */
final class JsonWriter {

    private final StringBuilder out = new StringBuilder();
    /** Per open container: has it received an element yet? */
    private final Deque<Boolean> hasElements = new ArrayDeque<>();
    private boolean afterName;

    JsonWriter beginObject() {
        return open('{');
    }

    JsonWriter endObject() {
        return close('}');
    }

    JsonWriter beginArray() {
        return open('[');
    }

    JsonWriter endArray() {
        return close(']');
    }

    JsonWriter name(String name) {
        startElement();
        out.append(Json.quote(name)).append(": ");
        afterName = true;
        return this;
    }

    JsonWriter value(String value) {
        return raw(Json.quote(value));
    }

    JsonWriter value(long value) {
        return raw(Long.toString(value));
    }

    JsonWriter value(boolean value) {
        return raw(Boolean.toString(value));
    }

    JsonWriter nullValue() {
        return raw("null");
    }

    /** A number already formatted as JSON, e.g. {@code 0.410}. */
    JsonWriter number(String formatted) {
        return raw(formatted);
    }

    JsonWriter field(String name, String value) {
        return name(name).value(value);
    }

    JsonWriter field(String name, long value) {
        return name(name).value(value);
    }

    JsonWriter field(String name, boolean value) {
        return name(name).value(value);
    }

    /** The document, ending with a line break. */
    String toJson() {
        return out + "\n";
    }

    private JsonWriter open(char bracket) {
        startValue();
        out.append(bracket);
        hasElements.push(false);
        return this;
    }

    private JsonWriter close(char bracket) {
        boolean any = hasElements.pop();
        if (any) {
            newLine();
        }
        out.append(bracket);
        return this;
    }

    private JsonWriter raw(String json) {
        startValue();
        out.append(json);
        return this;
    }

    private void startValue() {
        if (afterName) {
            afterName = false;
        } else if (!hasElements.isEmpty()) {
            startElement();
        }
    }

    private void startElement() {
        if (hasElements.peek()) {
            out.append(',');
        }
        hasElements.pop();
        hasElements.push(true);
        newLine();
    }

    private void newLine() {
        out.append('\n').append("  ".repeat(hasElements.size()));
    }
}
