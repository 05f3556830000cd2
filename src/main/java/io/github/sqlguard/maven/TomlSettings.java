package io.github.sqlguard.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Flyway settings of a {@code flyway.toml} (Flyway 10's configuration format): the keys of its {@code [flyway]}
 * table and of each {@code [environments.<name>.flyway]} table, under their {@code flyway.*} names, with the
 * {@code url} of {@code [environments.<name>]} as that environment's {@code flyway.url}. Only what
 * those files hold is read: strings, arrays of strings (also over several lines), plain values, dotted keys and
 * inline tables such as {@code placeholders = { schema = "app" }}.
 */
final class TomlSettings {

    private TomlSettings() {
    }

    /** One map per table that holds Flyway settings, in the order of the file. */
    static List<Map<String, String>> flywaySections(String text) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        String table = "";
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = withoutComment(lines.get(i)).trim();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                table = unquoted(line.replaceAll("^\\[+|]+$", "").trim());
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("line " + (i + 1) + " is neither a table nor a key = value");
            }
            StringBuilder value = new StringBuilder(line.substring(equals + 1).trim());
            while (opens(value.toString()) && i + 1 < lines.size()) {
                value.append(' ').append(withoutComment(lines.get(++i)).trim());
            }
            String key = unquoted(line.substring(0, equals).trim());
            String qualified = table.isEmpty() ? key : table + "." + key;
            put(sections, qualified, value.toString());
        }
        return List.copyOf(sections.values());
    }

    private static void put(Map<String, Map<String, String>> sections, String qualified, String value) {
        String section;
        String setting;
        if (qualified.startsWith("flyway.")) {
            section = "flyway";
            setting = qualified.substring("flyway.".length());
        } else if (qualified.matches("environments\\.[^.]+\\.url")) {
            // An environment's connection is its own key, beside its flyway table.
            section = qualified.substring(0, qualified.lastIndexOf('.'));
            setting = "url";
        } else if (qualified.matches("environments\\.[^.]+\\.flyway\\..+")) {
            int flyway = qualified.indexOf(".flyway.");
            section = qualified.substring(0, flyway);
            setting = qualified.substring(flyway + ".flyway.".length());
        } else {
            return;
        }
        Map<String, String> settings = sections.computeIfAbsent(section, name -> new LinkedHashMap<>());
        if (value.startsWith("{")) {
            for (String entry : items(value.substring(1, value.lastIndexOf('}')))) {
                int equals = entry.indexOf('=');
                if (equals > 0) {
                    settings.put("flyway." + setting + "." + unquoted(entry.substring(0, equals).trim()),
                            scalar(entry.substring(equals + 1).trim()));
                }
            }
        } else if (value.startsWith("[")) {
            List<String> values = new ArrayList<>();
            items(value.substring(1, value.lastIndexOf(']'))).forEach(item -> values.add(scalar(item.trim())));
            settings.put("flyway." + setting, String.join(",", values));
        } else {
            settings.put("flyway." + setting, scalar(value));
        }
    }

    /** An array or inline table whose closing bracket is on a later line. */
    private static boolean opens(String value) {
        return value.startsWith("[") && !value.contains("]") || value.startsWith("{") && !value.contains("}");
    }

    /** The comma-separated items of an array or inline table, commas inside quotes kept. */
    private static List<String> items(String body) {
        List<String> items = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        char quote = 0;
        for (char c : body.toCharArray()) {
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == ',') {
                addItem(items, item);
                continue;
            }
            item.append(c);
        }
        addItem(items, item);
        return items;
    }

    private static void addItem(List<String> items, StringBuilder item) {
        if (!item.toString().isBlank()) {
            items.add(item.toString().trim());
        }
        item.setLength(0);
    }

    private static String scalar(String value) {
        return unquoted(value.trim());
    }

    private static String unquoted(String text) {
        if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"")
                || text.startsWith("'") && text.endsWith("'"))) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    /** The line up to a {@code #} that stands outside quotes. */
    private static String withoutComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#') {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
