package io.github.sqlguard.suppress;

import io.github.sqlguard.model.Acknowledgement;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The accepted findings of migrations that already ran, kept in {@code sqlguard-baseline.json} so old
 * scripts need not be edited (their checksums must not change). Findings are matched by rule, file and
 * {@link Fingerprint}, never by line. See {@link BaselineFile} for the file format.
 */
public final class Baseline {

    public static final String DEFAULT_FILE_NAME = "sqlguard-baseline.json";

    private static final int HINT_LENGTH = 120;

    private final List<BaselineEntry> entries;
    private final String name;
    /** Where each entry (by key) stands in the file it was read from; empty for a baseline built in memory. */
    private final Map<String, Integer> lines = new HashMap<>();

    /**
     * @param entries the accepted findings; entries with the same file, rule and fingerprint are merged
     * @param name how acknowledgements name the baseline, usually its file name
     */
    public Baseline(List<BaselineEntry> entries, String name) {
        this.entries = merged(entries);
        this.name = name;
    }

    /**
     * The baseline accepting every unacknowledged finding of {@code findings}; what the {@code baseline} goal
     * writes. Acknowledged findings need no entry.
     *
     * @param statementTextOf the text of the statement a finding points at; null or empty for findings
     *     that do not stand on a statement (the fingerprint then covers only rule and file)
     */
    public static Baseline of(List<Finding> findings, Function<Finding, String> statementTextOf) {
        List<BaselineEntry> entries = new ArrayList<>();
        for (Finding finding : findings) {
            if (!finding.isAcknowledged()) {
                String sql = textOf(finding, statementTextOf);
                entries.add(new BaselineEntry(finding.location().path(), finding.ruleId(),
                        fingerprintOf(finding, sql), 1, hintOf(sql.isBlank() ? finding.excerpt() : sql)));
            }
        }
        return new Baseline(entries, DEFAULT_FILE_NAME);
    }

    /** Reads a baseline file; acknowledgements name it by its file name. */
    public static Baseline read(Path file) throws IOException {
        List<BaselineFile.LocatedEntry> located = BaselineFile.read(file);
        Baseline baseline = new Baseline(located.stream().map(BaselineFile.LocatedEntry::entry).toList(),
                file.getFileName().toString());
        located.forEach(at -> baseline.lines.putIfAbsent(at.entry().key(), at.line()));
        return baseline;
    }

    /** Writes this baseline to {@code file} (parent directories are created). */
    public void write(Path file) throws IOException {
        write(file, entries);
    }

    /** Writes {@code entries} to {@code file} sorted by file, rule and fingerprint, one entry per line. */
    public static void write(Path file, List<BaselineEntry> entries) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, BaselineFile.render(merged(entries)), StandardCharsets.UTF_8);
    }

    /** The entries, merged and sorted by file, rule and fingerprint. */
    public List<BaselineEntry> entries() {
        return entries;
    }

    public String name() {
        return name;
    }

    /**
     * Acknowledges each unacknowledged finding whose rule, file and fingerprint an entry has, up to the
     * entry's count (findings taken in position order); the same statement in another file or a changed
     * statement stays unacknowledged. Entries left with count to spare are returned as stale.
     */
    public BaselineMatch apply(List<Finding> findings, Function<Finding, String> statementTextOf) {
        Map<String, Integer> remaining = new HashMap<>();
        for (BaselineEntry entry : entries) {
            remaining.put(entry.key(), entry.count());
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(findings::get));
        Finding[] result = findings.toArray(new Finding[0]);
        Acknowledgement acknowledgement = new Acknowledgement(Acknowledgement.Source.BASELINE, "in baseline " + name,
                name);
        for (int index : order) {
            Finding finding = findings.get(index);
            if (finding.isAcknowledged()) {
                continue;
            }
            String key = BaselineEntry.key(finding.location().path(), finding.ruleId(),
                    fingerprintOf(finding, textOf(finding, statementTextOf)));
            Integer left = remaining.get(key);
            if (left != null && left > 0) {
                remaining.put(key, left - 1);
                result[index] = finding.acknowledged(acknowledgement);
            }
        }
        List<BaselineEntry> stale = new ArrayList<>();
        for (BaselineEntry entry : entries) {
            int left = remaining.get(entry.key());
            if (left > 0) {
                stale.add(entry.withCount(left));
            }
        }
        Map<BaselineEntry, Integer> staleLines = new LinkedHashMap<>();
        for (BaselineEntry entry : stale) {
            staleLines.put(entry, lines.getOrDefault(entry.key(), 1));
        }
        return new BaselineMatch(List.of(result), staleLines, moves(stale, result, statementTextOf));
    }

    /**
     * Where an open finding stands on the statement a stale entry accepted in another file of the same name:
     * the fingerprint the finding would have in the entry's file is the entry's. A moved script is new to the
     * baseline, and the stale entry says so instead of leaving the reader to guess.
     */
    private static Map<BaselineEntry, String> moves(List<BaselineEntry> stale, Finding[] findings,
            Function<Finding, String> statementTextOf) {
        Map<String, List<BaselineEntry>> byFileName = new HashMap<>();
        for (BaselineEntry entry : stale) {
            byFileName.computeIfAbsent(fileName(entry.file()), name -> new ArrayList<>()).add(entry);
        }
        Map<BaselineEntry, String> moves = new HashMap<>();
        for (Finding finding : findings) {
            String path = finding.location().path();
            for (BaselineEntry entry : byFileName.getOrDefault(fileName(path), List.of())) {
                if (!finding.isAcknowledged() && !moves.containsKey(entry) && finding.ruleId().equals(entry.rule())
                        && !path.equals(entry.file())
                        && Fingerprint.of(entry.rule(), entry.file(), textOf(finding, statementTextOf))
                                .equals(entry.fingerprint())) {
                    moves.put(entry, finding.location().toString());
                }
            }
        }
        return moves;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String textOf(Finding finding, Function<Finding, String> statementTextOf) {
        String sql = statementTextOf.apply(finding);
        return sql == null ? "" : sql;
    }

    /** The fingerprint the finding carries; computed here only for findings made without one. */
    private static String fingerprintOf(Finding finding, String sql) {
        return finding.fingerprint().isEmpty() ? Fingerprint.of(finding.ruleId(), finding.location().path(), sql)
                : finding.fingerprint();
    }

    private static String hintOf(String sql) {
        String firstLine = sql.strip().lines().findFirst().orElse("").strip();
        return firstLine.length() <= HINT_LENGTH ? firstLine : firstLine.substring(0, HINT_LENGTH) + "...";
    }

    private static List<BaselineEntry> merged(List<BaselineEntry> entries) {
        Map<String, BaselineEntry> byKey = new LinkedHashMap<>();
        for (BaselineEntry entry : entries) {
            byKey.merge(entry.key(), entry, (a, b) -> a.withCount(a.count() + b.count()));
        }
        List<BaselineEntry> sorted = new ArrayList<>(byKey.values());
        sorted.sort(BaselineEntry.FILE_ORDER);
        return List.copyOf(sorted);
    }
}
