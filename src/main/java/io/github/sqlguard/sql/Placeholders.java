package io.github.sqlguard.sql;

import java.util.Map;

/**
 * Flyway or Liquibase placeholders: how they are written and what they stand for. A placeholder without
 * a known value (Flyway's built-ins such as {@code ${flyway:user}}, or one nobody configured) becomes a
 * neutral identifier so the statement still parses.
 */
public record Placeholders(String prefix, String suffix, Map<String, String> values) {

    /** Flyway's and Liquibase's default {@code ${name}} syntax, with no known values. */
    public static final Placeholders DEFAULT = new Placeholders("${", "}", Map.of());

    public Placeholders {
        values = Map.copyOf(values);
    }

    /** The text that replaces a placeholder token such as {@code ${schema}}. */
    public String replacementFor(String tokenText) {
        if (!tokenText.startsWith(prefix)) {
            String action = LexicalShapes.templateActionWords(tokenText);
            return neutralIdentifier(action != null ? action : LexicalShapes.braceName(tokenText));
        }
        String name = tokenText.substring(prefix.length(), tokenText.length() - suffix.length());
        String value = values.get(name);
        return value != null ? value : neutralIdentifier(name);
    }

    private static String neutralIdentifier(String name) {
        StringBuilder identifier = new StringBuilder("ph_");
        for (char c : name.toCharArray()) {
            identifier.append(Character.isLetterOrDigit(c) ? c : '_');
        }
        return identifier.toString();
    }
}
