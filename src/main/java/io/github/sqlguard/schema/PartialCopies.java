package io.github.sqlguard.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Copies that kept only part of a table ({@link TableCopies} follows them through a script run), and what each says
 * about a later drop of its source: where the dropped values went, or what the copy left out.
 */
final class PartialCopies {

    private PartialCopies() {
    }

    /** Where a column's values were moved: the table (as written) and the line; a note prints it as such. */
    record MovedTo(String target, String at) {
        @Override
        public String toString() {
            return target + " at " + at;
        }
    }

    /**
     * What a copy of some of a table's rows or columns left out ({@code note}); for a copy of every row by a column
     * list from a table the replay does not know in full, also where it went, the columns it copied as they are,
     * those of them whose every value it copied ({@code moved}), and those whose values fill the whole primary key
     * of the table it went to ({@code fillTargetKey}), which the copy thereby shows to tell its rows apart.
     */
    record PartialCopy(String note, String target, String at, Set<String> asTheyAre, Set<String> moved,
            Set<String> fillTargetKey) {

        PartialCopy(String note, String target, String at, Set<String> asTheyAre, Set<String> moved) {
            this(note, target, at, asTheyAre, moved, Set.of());
        }

        /**
         * The guard of dropped columns of {@code table} that this copy took as they are, each of them, beside
         * columns that stay to tell whose values they were: a WARNING, since sqlguard does not know those to be the
         * table's key.
         */
        Optional<Guard> guardBeside(String table, List<String> dropped) {
            if (dropped == null || dropped.isEmpty()
                    || !dropped.stream().allMatch(c -> moved.contains(SchemaNames.key(c)))) {
                return Optional.empty();
            }
            List<String> beside = asTheyAre.stream()
                    .filter(c -> dropped.stream().noneMatch(d -> SchemaNames.key(d).equals(c))).sorted().toList();
            if (beside.isEmpty()) {
                return Optional.empty();
            }
            if (!fillTargetKey.isEmpty() && beside.containsAll(fillTargetKey)) {
                // The target refused any copied row that repeated its key or left it empty: the copy ran, so the
                // columns that filled it tell the rows apart, and each dropped value lives on beside them
                List<String> key = fillTargetKey.stream().sorted().toList();
                boolean one = key.size() == 1;
                String note = "values of " + String.join(", ", dropped) + " copied to " + target + " at " + at
                        + " beside " + String.join(", ", key) + ", which " + (one ? "fills" : "fill")
                        + " the primary key of " + target + " there, so " + (one ? "it tells" : "they tell")
                        + " the rows of " + table + " apart";
                Map<String, String> notes = new LinkedHashMap<>();
                dropped.forEach(c -> notes.put(SchemaNames.key(c), note));
                return Optional.of(new Guard(Guard.Kind.ROWS_COPIED, note, notes));
            }
            return Optional.of(new Guard(Guard.Kind.UNVERIFIED_COPY, "values of " + String.join(", ", dropped)
                    + " copied to " + target + " at " + at + " beside " + String.join(", ", beside)
                    + "; sqlguard does not know the key of " + table + ", so check that "
                    + (beside.size() == 1 ? beside.get(0) + " tells" : "they tell") + " its rows apart"));
        }

        /**
         * The note on dropped columns of {@code table} that this copy took as they are, with no other column of the
         * table beside them: the values live on, but nothing there says whose they were, which is what such a drop
         * loses (the columns the list leaves out stay in the table, so they are not what it loses).
         */
        Optional<Guard> guardAlone(String table, List<String> dropped) {
            if (dropped == null || dropped.isEmpty() || asTheyAre.isEmpty()
                    || !asTheyAre.stream().allMatch(c -> dropped.stream().anyMatch(d -> SchemaNames.key(d)
                            .equals(c)))
                    || !dropped.stream().allMatch(c -> asTheyAre.contains(SchemaNames.key(c)))) {
                return Optional.empty();
            }
            String note = "values of " + String.join(", ", dropped) + " copied to " + target + " at " + at
                    + " with no other column of " + table + " beside them, so nothing there tells whose they were";
            Map<String, String> notes = new LinkedHashMap<>();
            dropped.forEach(c -> notes.put(SchemaNames.key(c), note));
            return Guard.noting(Guard.Kind.CARRIED_COPY, notes);
        }
    }

    /**
     * A copy of every row that left out some columns ({@code missing}) and kept others ({@code kept}, keys), with the
     * source's whole primary key among them or not ({@code keyed}): without it, nothing in the copy tells which row a
     * value it kept belonged to. The columns it read only through a conversion ({@code converted}, by the name the
     * source spells them, each with its note, {@link CopyConversions}) are neither left out nor kept.
     */
    record RowsCopy(String target, String at, List<String> missing, Set<String> kept, boolean keyed,
            Map<String, String> converted) {

        /** The columns whose values the copy does not hold as they were: those left out, then those converted. */
        List<String> notKept() {
            return Stream.concat(missing.stream(), converted.keySet().stream().sorted()).toList();
        }

        /** What the copy leaves out of {@code columns}, or how it converted them, for a finding. */
        String note(List<String> columns) {
            List<String> left = columns.stream().filter(c -> conversionOf(c).isEmpty()).toList();
            List<String> notes = new ArrayList<>();
            if (!left.isEmpty()) {
                notes.add("the copy to " + target + " at " + at + " leaves out "
                        + (left.size() == 1 ? "column " : "columns ") + String.join(", ", left)
                        + ", whose values are lost");
            }
            columns.stream().map(this::conversionOf).flatMap(Optional::stream).distinct().forEach(notes::add);
            return String.join("; ", notes);
        }

        /** The note on how the copy converted {@code column}, when it did. */
        private Optional<String> conversionOf(String column) {
            return converted.entrySet().stream().filter(e -> SchemaNames.key(e.getKey()).equals(SchemaNames.key(column)))
                    .map(Map.Entry::getValue).findFirst();
        }

        /**
         * What the copy leaves out of {@code columns}, for a finding, when {@code others}, copies of the same rows
         * into other tables, may have kept some of them: those are not lost but went there, which it says
         * ({@code "the copy to sched at line 8 leaves out column res, whose values are lost; values of job_id copied
         * to task at line 9"}).
         */
        String note(List<String> columns, List<RowsCopy> others) {
            Set<String> elsewhere = new HashSet<>();
            List<String> whereTheyWent = new ArrayList<>();
            for (RowsCopy other : others) {
                List<String> there = columns.stream().filter(c -> other.kept().contains(SchemaNames.key(c))
                        && !elsewhere.contains(SchemaNames.key(c))).toList();
                there.forEach(c -> elsewhere.add(SchemaNames.key(c)));
                if (!there.isEmpty()) {
                    whereTheyWent.add("values of " + String.join(", ", there) + " copied to " + other.target()
                            + " at " + other.at());
                }
            }
            List<String> lost = columns.stream().filter(c -> !elsewhere.contains(SchemaNames.key(c))).toList();
            String left = lost.isEmpty() ? "the copy to " + target + " at " + at + " leaves out "
                    + (columns.size() == 1 ? "column " : "columns ") + String.join(", ", columns) : note(lost);
            return Stream.concat(Stream.of(left), whereTheyWent.stream()).collect(Collectors.joining("; "));
        }

        /**
         * The guard of dropped columns of {@code source} each of which this copy kept or another copy moved: where
         * each went. Of a copy without the source's key, the columns it kept are only noted: their values went there,
         * but not which row each belonged to.
         */
        Optional<Guard> guardOfColumns(String source, List<String> dropped, Map<String, MovedTo> moved) {
            if (!keyed) {
                Map<String, String> carried = new LinkedHashMap<>();
                dropped.stream().filter(c -> kept.contains(SchemaNames.key(c)) && !moved.containsKey(SchemaNames.key(c)))
                        .forEach(c -> carried.put(SchemaNames.key(c), "values of " + c + " copied to " + target
                                + " at " + at + ", without the key of " + source + " beside them"));
                if (!carried.isEmpty()) {
                    return Guard.noting(Guard.Kind.CARRIED_COPY, carried);
                }
            }
            Map<String, String> notes = new LinkedHashMap<>();
            for (String column : dropped) {
                notes.put(SchemaNames.key(column), "values of " + column + " copied to "
                        + (kept.contains(SchemaNames.key(column)) ? target + " at " + at
                                : moved.get(SchemaNames.key(column))));
            }
            return Optional.of(new Guard(Guard.Kind.ROWS_COPIED, String.join("; ", notes.values()), notes));
        }
    }
}
