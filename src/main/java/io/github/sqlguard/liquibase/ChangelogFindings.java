package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.Diagnostics;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.sql.DatabaseScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The findings a changelog reader reports about the changelog files themselves, with the ids and default
 * severities of the one catalogue, {@link Diagnostics}.
 */
final class ChangelogFindings {

    private static final Pattern PROPERTY_REFERENCE = Pattern.compile("\\$\\{[^}]+}");
    /** Says where a path is looked up: the scanned folders stand for the classpath, which jars are not part of. */
    private static final String MISSING_FILE_HINT = "Fix the path, or set relativeToChangelogFile. A path relative to"
            + " the classpath is looked up in the scanned directories (sqlguard's <directories>, by default the"
            + " resource folders) and in the resource folders of the modules of the build this one depends on, not in"
            + " the jars of other dependencies.";

    private ChangelogFindings() {
    }

    static Finding malformed(String path, int line, int column, String message) {
        return at(Diagnostics.MALFORMED_CHANGELOG, path, line, column,
                "Changelog cannot be read, so none of its changes were checked: " + message,
                "Fix the file so Liquibase can read it.");
    }

    static Finding misspeltChangesetHeader(String path, int line, int column, String text) {
        return at(Diagnostics.MALFORMED_CHANGELOG, path, line, column, "'" + text + "' is not a changeset header: "
                        + "Liquibase 4 refuses the file, and older versions run the lines below it as part of the "
                        + "changeset before, which is how sqlguard checked them",
                "Write it as --changeset author:id: a space after 'changeset', none after the colon.");
    }

    static Finding refusedPrecondition(String path, int line, int column, String text, String reason,
            String hint) {
        return at(Diagnostics.MALFORMED_CHANGELOG, path, line, column, "'" + text + "' is a precondition Liquibase "
                + "refuses, and with it the whole changelog: " + reason + ". sqlguard checked the changeset without "
                + "it, so it guards nothing", hint);
    }

    static Finding includeWithoutTarget(String path, int line, int column, String element, String attribute) {
        return at(Diagnostics.MALFORMED_CHANGELOG, path, line, column,
                element + " has no " + attribute + ": Liquibase refuses it, and nothing was included",
                "Name the changelog " + (element.equals("include") ? "file" : "folder") + " to include in its "
                        + attribute + ".");
    }

    /**
     * A changeSet without an id: Liquibase's validation refuses the changelog ({@code ChangeSet Id is empty})
     * before any changeset runs, here or in the changelogs that include it.
     */
    static Finding changeSetWithoutId(String path, ChangeNode changeSet, String label) {
        return at(Diagnostics.MALFORMED_CHANGELOG, path, changeSet.line(), changeSet.column(),
                "changeSet has no id: Liquibase refuses the changelog when it validates it, before any changeset "
                        + "runs; sqlguard checked its changes all the same (" + label + ")",
                "Give the changeSet an id that is unique with its author in this file (id=\"..\" in XML, "
                        + "id: .. in YAML and JSON).");
    }

    /** A change without a setting Liquibase requires of it, as {@link RequiredChangeSettings} lists them. */
    static Finding missingChangeSettings(String path, ChangeNode change, List<String> missing, String label) {
        String settings = listed(missing);
        return at(Diagnostics.MALFORMED_CHANGELOG, path, change.line(), change.column(), change.name() + " has no "
                        + settings + ": Liquibase's validation refuses it (" + missing.get(0) + " is required for "
                        + change.name() + "), and with it the whole update, so nothing of this change was checked ("
                        + label + ")",
                "Write the " + settings + " the " + change.name() + " acts on.");
    }

    static Finding includeCycle(String path, int line, int column, String chain) {
        return at(Diagnostics.MALFORMED_CHANGELOG, path, line, column,
                "Include cycle " + chain + ": Liquibase refuses a changelog that includes itself; sqlguard checked "
                        + "each file of the cycle once.",
                "Remove the include that leads back to a changelog that is already being read.");
    }

    static Finding unreadable(String path, String reason) {
        return at(Diagnostics.UNREADABLE_FILE, path, 1, 1,
                "A file the changelog refers to cannot be read, so it was not checked: " + reason,
                "Fix or replace the file the changelog refers to.");
    }

    static Finding invalidEncoding(String path, int line, int column, String message, String encoding) {
        return at(Diagnostics.INVALID_ENCODING, path, line, column, message,
                "Save the file as " + encoding + ", the encoding Liquibase reads it with (the encoding attribute "
                        + "of sqlFile, else UTF-8).");
    }

    static Finding missingInclude(String path, Reference reference,
            Function<String, List<String>> databasesDefining) {
        Matcher undefined = PROPERTY_REFERENCE.matcher(reference.target());
        String property = undefined.find() ? undefined.group() : null;
        List<String> databases = property == null ? List.of()
                : databasesDefining.apply(property.substring(2, property.length() - 1));
        if (!databases.isEmpty()) {
            // Defined, but for other databases only: Liquibase leaves ${name} as written on this one.
            return at(Diagnostics.MISSING_INCLUDE, path, reference.line(), reference.column(),
                    reference.describedTarget() + " was not found: " + property + " is defined only for dbms "
                            + listed(databases) + ", so on other databases the path keeps it as written and "
                            + (reference.sqlFile() ? "its statements" : "its changes") + " were not checked.",
                    "Define " + property + " for every database the changelog runs on (a <property> whose dbms"
                            + " names it, or one without dbms), or write the path out.");
        }
        if (property != null) {
            // A path that still holds ${name} names a property nothing defined: that, not the path, is the fault.
            return at(Diagnostics.MISSING_INCLUDE, path, reference.line(), reference.column(),
                    reference.describedTarget() + " was not found: no property defines " + property
                            + ", so " + (reference.sqlFile() ? "its statements" : "its changes") + " were not checked.",
                    "Define " + property + " (a <property> of the changelog, or liquibaseProperties /"
                            + " expressionVariables of the Liquibase plugin), or write the path out.");
        }
        return at(Diagnostics.MISSING_INCLUDE, path, reference.line(), reference.column(),
                reference.describedTarget() + " was not found, so " + (reference.sqlFile() ? "its statements"
                        : "its changes") + " were not checked.",
                missingFileHint(path, reference));
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}. */
    private static String listed(List<String> names) {
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /**
     * How to find a file a reference names: a path already read relative to the changelog was looked for in one
     * folder only, which the hint names, rather than advising the attribute it already has.
     */
    private static String missingFileHint(String changelog, Reference reference) {
        if (!reference.relativeToChangelogFile()) {
            return MISSING_FILE_HINT;
        }
        int slash = changelog.lastIndexOf('/');
        String folder = slash < 0 ? "the project folder" : changelog.substring(0, slash + 1);
        return "Fix the path: with relativeToChangelogFile it is looked up from " + folder + ", the folder of the"
                + " changelog that names it, as Liquibase does.";
    }

    /**
     * The missing files one element names: several when its path takes another value on other runs, as a path with
     * a property defined per database does.
     */
    static Finding missingIncludes(String path, List<Reference> references,
            Function<String, List<String>> databasesDefining) {
        Reference first = references.get(0);
        if (references.size() == 1 || PROPERTY_REFERENCE.matcher(first.target()).find()) {
            return missingInclude(path, first, databasesDefining);
        }
        List<String> targets = references.stream().map(reference -> "'" + reference.target() + "'").toList();
        String listed = String.join(", ", targets.subList(0, targets.size() - 1)) + " and "
                + targets.get(targets.size() - 1);
        String kind = first.sqlFile() ? "SQL files " : first.folder() ? "Included folders " : "Included changelogs ";
        return at(Diagnostics.MISSING_INCLUDE, path, first.line(), first.column(),
                kind + listed + " were not found (the path names one for each value its properties take), so "
                        + (first.sqlFile() ? "their statements" : "their changes") + " were not checked.",
                missingFileHint(path, first));
    }

    static Finding missingPropertyFile(String path, int line, int column, String target) {
        return at(Diagnostics.MISSING_INCLUDE, path, line, column,
                "Property file '" + target + "' was not found, so the ${..} references to its properties could "
                        + "not be resolved.",
                MISSING_FILE_HINT);
    }

    /**
     * Names the reference as the changelog writes it, as the other findings do; the folder to scan is named in the
     * hint, relative to the project, where {@code <directories>} are resolved.
     */
    static Finding outsideDirectories(String path, Reference reference, String folder) {
        return at(Diagnostics.INCLUDE_OUTSIDE_DIRECTORIES, path, reference.line(), reference.column(),
                reference.describedTarget() + " lies outside the scanned directories; it was checked through this"
                        + " changelog.",
                "Add " + folder + " to <directories>, or move the " + (reference.folder() ? "folder" : "file")
                        + " next to the changelog that uses it.");
    }

    static Finding propertiesBesideChange(String path, ChangeNode beside, String label) {
        String change = beside.text();
        String properties = beside.attributes().get("properties");
        return at(Diagnostics.MALFORMED_CHANGELOG, path, beside.line(), beside.column(), properties
                        + (properties.contains(",") ? " stand" : " stands") + " beside '" + change + "' in its list"
                        + " item, not under it: Liquibase gives " + (properties.contains(",") ? "them" : "it")
                        + " to no change and refuses the " + change + " (or the file); sqlguard checked the " + change
                        + " as if " + (properties.contains(",") ? "they were" : "it was") + " under it (" + label
                        + ")",
                "Indent " + properties + " under '" + change + ":', further than the change's name.");
    }

    static Finding unchecked(String path, int line, int column, String message) {
        return at(Diagnostics.UNCHECKED_CHANGE, path, line, column, message, Diagnostics.UNCHECKED_CHANGE.hint());
    }

    /** The slips in the {@code dbms} of a changeset or change element, if it has any, at its value in YAML. */
    static Optional<Finding> unknownDbms(String path, ChangeNode element, String what) {
        List<String> slips = LiquibaseDatabaseNames.slips(element.attributes().get("dbms"));
        if (slips.isEmpty()) {
            return Optional.empty();
        }
        TextRegion value = element.attributeRegions().get("dbms");
        return Optional.of(value == null ? unknownDbms(path, element.line(), element.column(), slips, what)
                : unknownDbms(path, value.line(), value.column(), slips, what));
    }

    /**
     * The slips in the {@code type} of each {@code dbms} precondition of {@code changeSet}, at the condition.
     * Liquibase checks no such name: a misspelt one silently matches no database, so a {@code not} around it
     * never rules out the database meant, and a changeset it alone admits runs nowhere.
     */
    static List<Finding> unknownPreconditionDbms(String path, ChangeNode changeSet, String label) {
        List<Finding> found = new ArrayList<>();
        for (ChangeNode child : changeSet.children()) {
            if (child.name().equals("preConditions")) {
                preconditionDbmsSlips(path, child, false, changeSet.attributes().get("dbms"), label, found);
            }
        }
        return found;
    }

    /**
     * {@code negated}: the condition stands under an odd number of {@code not}s; {@code changeSetDbms}: the
     * changeset's own {@code dbms}, which still limits where it runs.
     */
    private static void preconditionDbmsSlips(String path, ChangeNode condition, boolean negated,
            String changeSetDbms, String label, List<Finding> found) {
        for (ChangeNode child : condition.children()) {
            if (!child.name().equals("dbms")) {
                preconditionDbmsSlips(path, child, negated != child.name().equals("not"), changeSetDbms, label,
                        found);
                continue;
            }
            List<String> slips = LiquibaseDatabaseNames.slips(child.attributes().get("type"));
            if (!slips.isEmpty()) {
                TextRegion value = child.attributeRegions().get("type");
                found.add(at(Diagnostics.UNKNOWN_DBMS, path, value == null ? child.line() : value.line(),
                        value == null ? child.column() : value.column(), "dbms precondition type "
                                + String.join(", ", slips) + (slips.size() == 1 ? " names no database" : " name no"
                                + " databases") + " Liquibase knows: Liquibase does not check it, so the condition"
                                + " holds on no database" + (negated ? " and the not around it rules out none: "
                                + whereItRuns(child.attributes().get("type"), changeSetDbms) : "")
                                + " (" + label + ")",
                        Diagnostics.UNKNOWN_DBMS.hint()));
            }
        }
    }

    /**
     * Where a changeset runs whose negated dbms precondition names only slips of {@code type}: on every database,
     * or, with a {@code dbms} of its own, on those it names, which may leave the database meant out all the same.
     */
    private static String whereItRuns(String type, String changeSetDbms) {
        String dbms = LiquibaseDatabaseNames.withoutSlips(changeSetDbms);
        if (dbms == null || dbms.isBlank()) {
            return "the changeset runs on every database, the one meant too";
        }
        DatabaseScope scope = DatabaseScope.of(dbms, null, null);
        boolean meantRuns = LiquibaseDatabaseNames.meantBy(type).stream().map(DatabaseScope::canonical)
                .anyMatch(scope::includes);
        return "the changeset runs on every database its dbms=\"" + changeSetDbms.strip() + "\" names"
                + (meantRuns ? ", the one meant too" : ", which leaves the one meant out all the same");
    }

    /** A {@code dbms} of {@code what} (a changeset or change, as the messages name it) with likely slips. */
    static Finding unknownDbms(String path, int line, int column, List<String> slips, String what) {
        return at(Diagnostics.UNKNOWN_DBMS, path, line, column, "dbms " + String.join(", ", slips)
                        + (slips.size() == 1 ? " names no database" : " name no databases") + " Liquibase knows:"
                        + " recent Liquibase refuses the changelog, older versions never run " + what
                        + " on any database",
                Diagnostics.UNKNOWN_DBMS.hint());
    }

    private static Finding at(RuleInfo info, String path, int line, int column, String message, String hint) {
        return Finding.of(info.id(), info.defaultSeverity(),
                new Location(path, Math.max(1, line), Math.max(1, column)), message, hint, "");
    }
}
