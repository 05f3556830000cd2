package io.github.sqlguard;

import io.github.sqlguard.model.ContentHash;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.rules.FileDiagnostics;
import io.github.sqlguard.source.ReadStamp;
import io.github.sqlguard.source.ScanResult;
import io.github.sqlguard.source.SourcePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Remembers each file's analysis between runs, so an unchanged migration is not analysed twice. A file's
 * cached outcome is its findings before pom suppressions and the baseline (those are applied to cached and fresh
 * findings alike on every run), valid while the file's bytes, the {@link AnalysisFingerprint}, the schema
 * replayed before it (the statements of the migrations applied before it in its history) and, for a
 * changelog, everything it read and listed are unchanged.
 *
 * <p>Thread-safe: workers look up and record outcomes concurrently.
 */
final class AnalysisCache {

    private static final String FILE_DEPENDENCY = "file:";
    private static final String FOLDER_DEPENDENCY = "folder:";
    private static final String SCAN_DEPENDENCY = "scan:";
    private static final String SCHEMA_DEPENDENCY = "schema:";
    /** Files modified this shortly before the cache was written are hashed again: clocks tick coarsely. */
    private static final long SETTLED_BEFORE_WRITE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Path file;
    private final String fingerprint;
    private final Path baseDir;
    private final long maxFileBytes;
    private final Map<String, AnalysisCacheFile.Entry> previous;
    private final Map<String, AnalysisCacheFile.Entry> current = new ConcurrentHashMap<>();
    private final String scanListing;
    private final String previousScanListing;
    /** When the previous run wrote the cache, in nanoseconds since the epoch; 0 when there was none. */
    private final long writtenNanos;
    private final AtomicInteger reused = new AtomicInteger();
    private volatile boolean changed;

    private AnalysisCache(Path file, String fingerprint, LintConfig config,
            Optional<AnalysisCacheFile.Contents> previous, String scanListing) {
        this.file = file;
        this.fingerprint = fingerprint;
        this.baseDir = config.baseDir();
        this.maxFileBytes = config.maxFileBytes();
        this.previous = previous.isPresent() ? previous.get().entries() : Map.of();
        this.previousScanListing = previous.isPresent() ? previous.get().scanListing() : "";
        this.changed = previous.isEmpty();
        this.scanListing = scanListing;
        this.writtenNanos = previous.isEmpty() ? 0 : modifiedNanos(file);
    }

    /**
     * Starts reading the cache in {@code file} on a thread of its own: a run with nothing changed spends most of
     * its time reading the cache, setting up and walking the folders, which can go on at the same time.
     */
    static Reading readInBackground(Path file) {
        return new Reading(file, BackgroundTask.start("sqlguard-cache-reader", () -> AnalysisCacheFile.read(file)));
    }

    /** A cache being read by {@link #readInBackground}. */
    static final class Reading {

        private final Path file;
        private final BackgroundTask<Optional<AnalysisCacheFile.Contents>> reading;

        private Reading(Path file, BackgroundTask<Optional<AnalysisCacheFile.Contents>> reading) {
            this.file = file;
            this.reading = reading;
        }

        Path file() {
            return file;
        }

        /**
         * The cache for a run of {@code config} over {@code scannedFiles}, once it is read; empty (and rewritten
         * at the end) when the file is missing, unsound, or was made by other code or settings. The reader turns
         * every problem with the file into an empty cache: what it throws is an Error or a defect.
         */
        AnalysisCache open(LintConfig config, List<SourcePath> scannedFiles) {
            return open(config, ScanResult.listingOf(scannedFiles));
        }

        /** As {@link #open(LintConfig, List)}, for a scan whose {@link ScanResult#listing()} is known. */
        AnalysisCache open(LintConfig config, ScanResult scan) {
            return open(config, scan.listing());
        }

        private AnalysisCache open(LintConfig config, String listing) {
            String fingerprint = AnalysisFingerprint.of(config);
            Optional<AnalysisCacheFile.Contents> contents = reading.result();
            if (contents.isPresent() && !contents.get().fingerprint().equals(fingerprint)) {
                contents = Optional.empty(); // made by other code or settings
            }
            return new AnalysisCache(file, fingerprint, config, contents, listing);
        }
    }

    /**
     * Every outcome of the previous run, when nothing any of them depended on changed: the same files were
     * scanned, and each is cached with its bytes and dependencies unchanged or was read through a changelog
     * whose entry is. The schema replay would then rebuild exactly the histories it built before, so no file
     * needs to be read, split or replayed. Empty when anything differs: the run then prepares and replays every
     * file and reuses what it can file by file.
     *
     * @param scannedFiles this run's files, in the order their outcomes are wanted
     * @param stamps their sizes and times, taken by {@link #stampsOf} while the cache was still being read; a
     *     file left out is looked at here
     */
    Optional<List<FileOutcome>> previousRunIfUnchanged(List<SourcePath> scannedFiles,
            Map<String, AnalysisCacheFile.FileStamp> stamps) {
        if (previous.isEmpty() || !scanListing.equals(previousScanListing)) {
            return Optional.empty();
        }
        List<FileOutcome> outcomes = new ArrayList<>();
        Set<String> readThroughChangelogs = new HashSet<>();
        Map<String, AnalysisCacheFile.Entry> restamped = new LinkedHashMap<>();
        for (SourcePath source : scannedFiles) {
            AnalysisCacheFile.Entry cached = previous.get(source.relativePath());
            if (cached == null) {
                continue;
            }
            Hashed now = hashed(source.file(), cached, stamps.get(source.relativePath()));
            if (now == null || !cached.contentHash().equals(now.hash()) || !inputsUnchanged(cached)) {
                return Optional.empty();
            }
            outcomes.add(cached.outcome());
            readThroughChangelogs.addAll(cached.outcome().reachedFiles());
            restamped.put(cached.path(), withStamp(cached, now.stamp()));
        }
        for (SourcePath source : scannedFiles) {
            if (!previous.containsKey(source.relativePath()) && !readThroughChangelogs.contains(source.relativePath())) {
                return Optional.empty(); // analysed last time, but its outcome was not one to keep
            }
        }
        if (outcomes.size() != previous.size()) {
            return Optional.empty();
        }
        current.putAll(restamped);
        reused.set((int) outcomes.stream().filter(FileOutcome::scanned).count());
        return Optional.of(outcomes);
    }

    /**
     * The outcome of {@code source}: the cached one when it is still valid, else {@code analysis}'s, which is
     * then recorded.
     *
     * @param read what reading the file for this run saw (size, time, content hash), or null when it was not read
     * @param changelogCandidate true for files that may include others, whose result also depends on those
     * @param schemaBefore identifies the schema the replay built before the file, on which its findings depend
     */
    FileOutcome outcome(SourcePath source, ReadStamp read, boolean changelogCandidate, String schemaBefore,
            Function<SourcePath, FileOutcome> analysis) {
        AnalysisCacheFile.Entry cached = previous.get(source.relativePath());
        Hashed now = read != null && read.size() <= maxFileBytes
                ? new Hashed(read.contentHash(), new AnalysisCacheFile.FileStamp(read.size(), read.modifiedNanos()))
                : hashed(source.file(), cached, null);
        if (now == null) {
            return analysis.apply(source);
        }
        String contentHash = now.hash();
        if (cached != null && cached.contentHash().equals(contentHash)
                && schemaBefore.equals(cached.dependencies().get(SCHEMA_DEPENDENCY)) && inputsUnchanged(cached)) {
            current.put(source.relativePath(), withStamp(cached, now.stamp()));
            if (cached.outcome().scanned()) {
                reused.incrementAndGet();
            }
            return cached.outcome();
        }
        FileOutcome outcome = analysis.apply(source);
        changed = true;
        if (isRepeatable(outcome)) {
            Map<String, String> found = changelogCandidate ? dependenciesOf(source, outcome) : Map.of();
            if (found != null) {
                Map<String, String> dependencies = new LinkedHashMap<>(found);
                dependencies.put(SCHEMA_DEPENDENCY, schemaBefore);
                current.put(source.relativePath(), new AnalysisCacheFile.Entry(source.relativePath(), contentHash,
                        now.stamp(), dependencies, outcome));
            }
        }
        return outcome;
    }

    /**
     * True when the previous run analysed {@code source} with the bytes {@code read} saw: its outcome is then
     * likely reused, unless the schema before it changed.
     */
    boolean holdsOutcomeOf(SourcePath source, ReadStamp read) {
        AnalysisCacheFile.Entry cached = previous.get(source.relativePath());
        return cached != null && read != null && cached.contentHash().equals(read.contentHash());
    }

    /** Where the cache is kept. */
    Path file() {
        return file;
    }

    /**
     * How many checked files' outcomes came from the cache in this run; files found not to be migrations (a JSON
     * file that is no changelog) are not counted, as the summary does not count them either.
     */
    int reusedFiles() {
        return reused.get();
    }

    /**
     * Writes the cache when anything changed; entries of files this run did not see are dropped.
     *
     * @throws IOException when the file cannot be written
     */
    void save() throws IOException {
        if (!changed && current.size() == previous.size() && scanListing.equals(previousScanListing)) {
            return;
        }
        List<AnalysisCacheFile.Entry> entries = new ArrayList<>(current.values());
        entries.sort(Comparator.comparing(AnalysisCacheFile.Entry::path));
        AnalysisCacheFile.write(file, fingerprint, scanListing, entries);
    }

    /** A file's content hash and the size and time it was taken at. */
    private record Hashed(String hash, AnalysisCacheFile.FileStamp stamp) {
    }

    /**
     * The content hash of {@code source}, or null when it is better analysed afresh every time. Like git's
     * index, the hash {@code cached} recorded is taken without reading the file while the file's size and
     * modification time are the ones recorded with it and that time lies well before the cache was written: an
     * edit made in the same tick of the file system's clock as the hashing could otherwise go unseen.
     */
    private Hashed hashed(Path source, AnalysisCacheFile.Entry cached, AnalysisCacheFile.FileStamp taken) {
        AnalysisCacheFile.FileStamp stamp = taken != null ? taken : stampOf(source);
        if (stamp == null || stamp.size() > maxFileBytes) {
            return null;
        }
        if (cached != null && cached.stamp().equals(stamp)
                && stamp.modifiedNanos() < writtenNanos - SETTLED_BEFORE_WRITE_NANOS) {
            return new Hashed(cached.contentHash(), stamp);
        }
        try {
            return new Hashed(ContentHash.of(source), stamp);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Each file's size and modification time now, by relative path; a file that cannot be looked at is left
     * out (and looked at again when its turn comes).
     */
    static Map<String, AnalysisCacheFile.FileStamp> stampsOf(List<SourcePath> files) {
        Map<String, AnalysisCacheFile.FileStamp> stamps = new HashMap<>(files.size() * 2);
        for (SourcePath source : files) {
            AnalysisCacheFile.FileStamp stamp = stampOf(source.file());
            if (stamp != null) {
                stamps.put(source.relativePath(), stamp);
            }
        }
        return stamps;
    }

    private static AnalysisCacheFile.FileStamp stampOf(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new AnalysisCacheFile.FileStamp(attributes.size(),
                    attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The entry with the file's current stamp; a changed stamp is worth saving, so the next run need not read. */
    private AnalysisCacheFile.Entry withStamp(AnalysisCacheFile.Entry entry, AnalysisCacheFile.FileStamp stamp) {
        if (entry.stamp().equals(stamp)) {
            return entry;
        }
        changed = true;
        return new AnalysisCacheFile.Entry(entry.path(), entry.contentHash(), stamp, entry.dependencies(),
                entry.outcome());
    }

    private static long modifiedNanos(Path file) {
        try {
            return Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The hash of a readable file within the size limit; null when it is better analysed afresh every time. */
    private String contentHash(Path source) {
        try {
            if (Files.size(source) > maxFileBytes) {
                return null;
            }
            return ContentHash.of(source);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Some outcomes must not be replayed: a failure of the analysis itself (which may have been a one-off, such
     * as a stack overflow), and a parse cut short by the time limit, which a faster machine may finish.
     */
    private static boolean isRepeatable(FileOutcome outcome) {
        for (Finding finding : outcome.findings()) {
            if (finding.ruleId().equals(FileDiagnostics.ANALYSIS_FAILED.id())
                    || finding.message() != null && finding.message().contains(" ms of processor time")) {
                return false;
            }
        }
        return true;
    }

    /**
     * What a changelog's result depends on besides its own bytes: every file it read, the folders those lie in
     * (a file added to an {@code includeAll} folder changes the result) and the list of scanned files (an
     * include that now resolves elsewhere). Null when the outcome is not to be cached: a missing include may
     * appear anywhere later.
     */
    private Map<String, String> dependenciesOf(SourcePath source, FileOutcome outcome) {
        if (outcome.findings().stream().anyMatch(f -> f.ruleId().equals(FileDiagnostics.MISSING_INCLUDE.id()))) {
            return null;
        }
        if (!outcome.scanned()) {
            return Map.of(); // not a changelog: its own bytes decided that
        }
        Map<String, String> dependencies = new LinkedHashMap<>();
        dependencies.put(SCAN_DEPENDENCY, scanListing);
        TreeSet<Path> folders = new TreeSet<>();
        folders.add(source.file().toAbsolutePath().normalize().getParent());
        for (String reached : outcome.reachedFiles()) {
            Path path = baseDir.resolve(reached).toAbsolutePath().normalize();
            String hash = contentHash(path);
            if (hash == null) {
                return null;
            }
            dependencies.put(FILE_DEPENDENCY + path, hash);
            folders.add(path.getParent());
        }
        for (Path folder : folders) {
            dependencies.put(FOLDER_DEPENDENCY + folder, folderListing(folder));
        }
        return dependencies;
    }

    /** True when everything the entry's result was computed from, besides the replayed schema, is unchanged. */
    private boolean inputsUnchanged(AnalysisCacheFile.Entry entry) {
        for (Map.Entry<String, String> dependency : entry.dependencies().entrySet()) {
            String key = dependency.getKey();
            String now;
            if (key.equals(SCHEMA_DEPENDENCY)) {
                continue;
            } else if (key.equals(SCAN_DEPENDENCY)) {
                now = scanListing;
            } else if (key.startsWith(FILE_DEPENDENCY)) {
                now = contentHash(Path.of(key.substring(FILE_DEPENDENCY.length())));
            } else if (key.startsWith(FOLDER_DEPENDENCY)) {
                now = folderListing(Path.of(key.substring(FOLDER_DEPENDENCY.length())));
            } else {
                return false;
            }
            if (!dependency.getValue().equals(now)) {
                return false;
            }
        }
        return true;
    }

    /** The names of a folder's entries, as a hash; a folder that cannot be listed matches nothing. */
    private static String folderListing(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            StringBuilder names = new StringBuilder();
            children.map(child -> child.getFileName().toString() + (Files.isDirectory(child) ? "/" : ""))
                    .sorted().forEach(name -> names.append(name).append('\n'));
            return ContentHash.of(names);
        } catch (IOException | RuntimeException e) {
            return "unlistable " + System.nanoTime();
        }
    }
}
