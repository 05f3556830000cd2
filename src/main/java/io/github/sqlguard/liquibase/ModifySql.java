package io.github.sqlguard.liquibase;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One {@code <modifySql>} of a changeset: the {@code replace}, {@code regExpReplace}, {@code prepend} and
 * {@code append} edits Liquibase makes to every SQL statement the changeset runs, in order, with Java's
 * {@link String#replace} and {@link String#replaceAll} as Liquibase does. A modifier that cannot be applied (an
 * unknown element, an invalid regular expression) is reported and left out.
 *
 * @param element the {@code modifySql} element, where problems applying it are reported
 * @param edits the edits that can be applied
 * @param restricted true when {@code dbms}, {@code context} or {@code labels} limit where the edits apply, so
 *     the SQL also runs unmodified elsewhere
 * @param appliesToRollback true when {@code applyToRollback} extends the edits to rollback code
 */
record ModifySql(ChangeNode element, List<Edit> edits, boolean restricted, boolean appliesToRollback) {

    private static final Set<String> SETTINGS = Set.of("dbms", "context", "contextFilter", "labels",
            "applyToRollback");

    ModifySql {
        edits = List.copyOf(edits);
    }

    /** One edit of a statement's text. */
    sealed interface Edit {
        String applyTo(String sql);
    }

    record Replace(String target, String replacement) implements Edit {
        @Override
        public String applyTo(String sql) {
            return target.isEmpty() ? sql : sql.replace(target, replacement);
        }
    }

    record RegExpReplace(Pattern pattern, String replacement) implements Edit {
        @Override
        public String applyTo(String sql) {
            return pattern.matcher(sql).replaceAll(replacement);
        }
    }

    record Prepend(String value) implements Edit {
        @Override
        public String applyTo(String sql) {
            return value + sql;
        }
    }

    record Append(String value) implements Edit {
        @Override
        public String applyTo(String sql) {
            return sql + value;
        }
    }

    /**
     * The changeset's {@code modifySql} elements; each modifier that cannot be applied goes to {@code problems}
     * with its element and why.
     */
    static List<ModifySql> of(ChangeNode changeSet, SyntheticStatements synthetic,
            BiConsumer<ChangeNode, String> problems) {
        List<ModifySql> all = new ArrayList<>();
        for (ChangeNode modifySql : changeSet.children()) {
            if (!modifySql.name().equals("modifySql")) {
                continue;
            }
            List<Edit> edits = new ArrayList<>();
            for (ChangeNode modifier : modifySql.children()) {
                if (!SETTINGS.contains(modifier.name())) {
                    edit(modifier, synthetic).ifPresentOrElse(edits::add,
                            () -> problems.accept(modifier, unusable(modifier)));
                }
            }
            boolean restricted = SETTINGS.stream().filter(s -> !s.equals("applyToRollback"))
                    .anyMatch(setting -> modifySql.value(setting).filter(v -> !v.isBlank()).isPresent());
            all.add(new ModifySql(modifySql, edits, restricted, modifySql.flag("applyToRollback", false)));
        }
        return all;
    }

    /**
     * The statement text after every edit.
     *
     * @throws IllegalArgumentException when a replacement names a group its pattern lacks, as Liquibase would
     */
    String applyTo(String sql) {
        String modified = sql;
        for (Edit edit : edits) {
            modified = edit.applyTo(modified);
        }
        return modified;
    }

    private static Optional<Edit> edit(ChangeNode modifier, SyntheticStatements synthetic) {
        String with = synthetic.substitute(modifier.value("with").orElse(""));
        String value = synthetic.substitute(modifier.value("value").orElse(""));
        return switch (modifier.name()) {
            case "replace" -> modifier.value("replace").map(target -> new Replace(synthetic.substitute(target), with));
            case "regExpReplace" -> modifier.value("replace").flatMap(regex -> pattern(synthetic.substitute(regex)))
                    .map(pattern -> new RegExpReplace(pattern, with));
            case "prepend" -> Optional.of(new Prepend(value));
            case "append" -> Optional.of(new Append(value));
            default -> Optional.empty();
        };
    }

    private static Optional<Pattern> pattern(String regex) {
        try {
            return Optional.of(Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
    }

    private static String unusable(ChangeNode modifier) {
        return switch (modifier.name()) {
            case "replace", "regExpReplace" -> modifier.value("replace").isEmpty()
                    ? "modifySql " + modifier.name() + " has no replace attribute"
                    : "modifySql regExpReplace '" + modifier.value("replace").get()
                            + "' is not a valid Java regular expression";
            default -> "modifySql <" + modifier.name() + "> is not a modifier sqlguard knows (replace, "
                    + "regExpReplace, prepend, append)";
        } + ", so the SQL it rewrites was checked as generated, not as Liquibase runs it";
    }
}
