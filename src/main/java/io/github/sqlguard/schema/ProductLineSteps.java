package io.github.sqlguard.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Upgrade steps of two or more product lines kept in one folder ({@code core-6.0-to-6.1.sql}, {@code
 * core-6.1-to-6.2.sql} beside {@code suite-6.0-to-6.1.sql}, {@code suite-6.1-to-6.2.sql}): the words before the
 * first version name the line, and an installation of one line runs that line's steps alone. Each line is a history
 * of its own, as copies of one schema's folders are ({@link MirroredFolders}); replayed one after the other, by the
 * version each step reaches, the first line's {@code MODIFY} would give a column the type the other line then
 * changes it to, and hide that line's own change, or create a table the other line creates again with other
 * columns, and leave its types unknown. A script of the folder that belongs to no line ({@code
 * scheduler-upgrade.sql}) runs in every line's history.
 *
 * <p>A folder holds product lines when at least two words open the names of two or more steps each; steps that
 * all open with one word ({@code upgrade-1.0-to-1.1.sql}) are one line, and a lone step under another word is no
 * line of its own. A word that names a part of one step ({@code schema-1.0-to-1.1.sql} beside {@code
 * data-1.0-to-1.1.sql}, {@code pre-} and {@code post-}) names no line: those parts run on one database, one after
 * the other.
 *
 * <p>A line whose steps all start at or after the version where another line's steps end continues that line: the
 * product was renamed, and an installation that ran the earlier name's steps goes on with the later name's. Both run
 * in one history, so the later steps' changes are judged against the tables the earlier steps made.
 */
final class ProductLineSteps {

    /** The fewest steps a word must open for its steps to be a line rather than one script's odd name. */
    private static final int STEPS_OF_A_LINE = 2;

    /** Last words of a step's name that name a part of one upgrade rather than a product. */
    private static final Set<String> PARTS_OF_ONE_STEP = Set.of("schema", "data", "ddl", "dml", "before", "pre",
            "after", "post");

    /** Versions compared as the steps are ordered. */
    private static final NumberedPathOrder VERSIONS = NumberedPathOrder.INSTANCE;

    private ProductLineSteps() {
    }

    /**
     * By history, the start of the path of each line's steps ({@code db/upgrade/core-}) and the names of the
     * histories those steps run in, for every folder that holds two or more lines. A line runs in a history of its
     * own, named by that start, unless later lines continue it ({@link #continued}).
     */
    static Map<String, Map<String, List<String>>> of(List<MirroredFolders.PlainScript> scripts) {
        Map<List<String>, Map<String, Line>> linesByFolder = new HashMap<>();
        for (MirroredFolders.PlainScript script : scripts) {
            String path = script.path();
            int nameStart = path.lastIndexOf('/') + 1;
            String name = path.substring(nameStart);
            UpgradeStepNames.leadingWords(name).ifPresent(words -> linesByFolder
                    .computeIfAbsent(List.of(script.history(), path.substring(0, nameStart)), k -> new TreeMap<>())
                    .computeIfAbsent(words, w -> new Line()).add(UpgradeStepNames.range(name).orElseThrow()));
        }
        Map<String, Map<String, List<String>>> linesByHistory = new HashMap<>();
        linesByFolder.forEach((historyAndFolder, byWords) -> {
            Map<String, Line> lines = new TreeMap<>();
            byWords.forEach((words, line) -> {
                if (line.steps >= STEPS_OF_A_LINE) {
                    lines.put(words, line);
                }
            });
            if (lines.size() > 1 && byWords.keySet().stream().noneMatch(ProductLineSteps::namesAPart)) {
                linesByHistory.merge(historyAndFolder.get(0), historiesOf(historyAndFolder.get(1), lines),
                        (known, added) -> {
                            Map<String, List<String>> all = new TreeMap<>(known);
                            all.putAll(added);
                            return all;
                        });
            }
        });
        return linesByHistory;
    }

    /**
     * For the start of the path of each line in {@code folder}, the histories its steps run in: one for each line
     * no other line continues, named by the lines it goes through ({@code db/upgrade/core- then suite-}).
     */
    private static Map<String, List<String>> historiesOf(String folder, Map<String, Line> lines) {
        Map<String, String> continues = new HashMap<>();
        lines.keySet().forEach(words -> continued(words, lines).ifPresent(earlier -> continues.put(words, earlier)));
        Map<String, List<String>> runsIn = new TreeMap<>();
        for (String last : lines.keySet()) {
            if (continues.containsValue(last)) {
                continue;
            }
            List<String> chain = new ArrayList<>();
            for (String words = last; words != null; words = continues.get(words)) {
                chain.add(0, words);
            }
            String history = folder + String.join(" then ", chain);
            chain.forEach(words -> runsIn.computeIfAbsent(folder + words, k -> new ArrayList<>()).add(history));
        }
        return runsIn;
    }

    /**
     * The line that the line of {@code words} continues: one renamed over time ({@code bpms-6.4-to-7.0.sql}, then
     * {@code rhpam-7.0-to-7.1.sql}) upgrades one installation from where the earlier name's steps leave it. That is
     * the line ending latest where every step of this one starts at or after its end, so that the two share no
     * version; none when two lines end there alike, as which one the installation ran is then not known.
     */
    private static Optional<String> continued(String words, Map<String, Line> lines) {
        Line later = lines.get(words);
        String found = null;
        boolean alike = false;
        for (Map.Entry<String, Line> each : lines.entrySet()) {
            Line earlier = each.getValue();
            if (each.getKey().equals(words) || VERSIONS.compare(earlier.reached, later.from) > 0
                    || VERSIONS.compare(earlier.from, later.from) >= 0) {
                continue;
            }
            int byEnd = found == null ? 1 : VERSIONS.compare(earlier.reached, lines.get(found).reached);
            if (byEnd > 0) {
                found = each.getKey();
                alike = false;
            } else if (byEnd == 0) {
                alike = true;
            }
        }
        return alike ? Optional.empty() : Optional.ofNullable(found);
    }

    /** The steps of one line: how many, the earliest version they start from and the latest they reach. */
    private static final class Line {
        private int steps;
        private String from;
        private String reached;

        void add(UpgradeStepNames.Range step) {
            steps++;
            from = from == null || VERSIONS.compare(step.from(), from) < 0 ? step.from() : from;
            reached = reached == null || VERSIONS.compare(step.reached(), reached) > 0 ? step.reached() : reached;
        }
    }

    /** Whether the last of {@code words} ({@code app-data-}) names a part of one step rather than a product line. */
    private static boolean namesAPart(String words) {
        String[] each = words.toLowerCase(Locale.ROOT).split("[-_]");
        return each.length > 0 && PARTS_OF_ONE_STEP.contains(each[each.length - 1]);
    }
}
