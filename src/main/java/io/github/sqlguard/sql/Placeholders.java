package io.github.sqlguard.sql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Flyway or Liquibase placeholders: how they are written and what they stand for. A placeholder without
 * a known value (Flyway's built-ins such as {@code ${flyway:user}}, or one nobody configured) becomes a
 * neutral identifier so the statement still parses.
 *
 * @param unvalued the names without a value here whose definitions apply to other runs only (a Liquibase property
 *     defined for other databases), each with why it has none: a phrase that follows the placeholder in a message
 */
public record Placeholders(String prefix, String suffix, Map<String, String> values, Map<String, String> unvalued) {

    /** Flyway's and Liquibase's default {@code ${name}} syntax, with no known values. */
    public static final Placeholders DEFAULT = new Placeholders("${", "}", Map.of());

    public Placeholders {
        values = Map.copyOf(values);
        unvalued = Map.copyOf(unvalued);
    }

    /** Placeholders none of which is defined for other runs only. */
    public Placeholders(String prefix, String suffix, Map<String, String> values) {
        this(prefix, suffix, values, Map.of());
    }

    /**
     * The placeholder tokens of {@code tokens} that have no value here because they are defined for other runs
     * only, by their text, each with why.
     */
    public Map<String, String> unvaluedIn(List<Token> tokens) {
        if (unvalued.isEmpty()) {
            return Map.of();
        }
        Map<String, String> found = new HashMap<>();
        for (Token token : tokens) {
            String text = token.text();
            if (token.type() == TokenType.PLACEHOLDER && text.startsWith(prefix) && text.endsWith(suffix)
                    && text.length() >= prefix.length() + suffix.length()) {
                String why = unvalued.get(text.substring(prefix.length(), text.length() - suffix.length()));
                if (why != null) {
                    found.put(text, why);
                }
            }
        }
        return found;
    }

    /** The text that replaces a placeholder token such as {@code ${schema}}. */
    public String replacementFor(String tokenText) {
        if (!tokenText.startsWith(prefix)) {
            String action = LexicalShapes.templateActionWords(tokenText);
            String brace = action != null ? action : LexicalShapes.braceName(tokenText);
            // A Jinja tag that gives text ({% include 'purge.sql' %}) is named by the whole of it.
            return neutralIdentifier(brace != null ? brace : tokenText);
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
