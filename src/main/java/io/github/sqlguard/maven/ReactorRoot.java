package io.github.sqlguard.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * The top of the multi-module build a project belongs to, which reports name paths from: GitHub and GitLab
 * resolve a report's paths from the repository root, and that is where the top pom of a reactor lives.
 *
 * <p>The outermost of these directories that contain the project wins: the directory the build started in
 * (the execution root), {@code maven.multiModuleProjectDirectory} (the folder holding {@code .mvn}), and
 * the directories of the project's parent poms read from disk. So a module built alone ({@code cd
 * service-a && mvn verify}) reports the same paths as the whole reactor does, as long as its parent pom is
 * the one next to it. Without a project it is the current directory.
 */
final class ReactorRoot {

    private ReactorRoot() {
    }

    static Path of(MavenProject project, MavenSession session, Path projectDirectory) {
        Path base = projectDirectory.toAbsolutePath().normalize();
        List<Path> candidates = new ArrayList<>();
        if (session != null) {
            if (session.getExecutionRootDirectory() != null) {
                candidates.add(Path.of(session.getExecutionRootDirectory()));
            }
            if (session.getTopLevelProject() != null && session.getTopLevelProject().getBasedir() != null) {
                candidates.add(session.getTopLevelProject().getBasedir().toPath());
            }
            if (session.getRequest() != null && session.getRequest().getMultiModuleProjectDirectory() != null) {
                candidates.add(session.getRequest().getMultiModuleProjectDirectory().toPath());
            }
        }
        if (project != null && project.getFile() != null) {
            // A parent resolved from a repository has no file next to the project, so it never qualifies.
            for (MavenProject parent = project.getParent(); parent != null; parent = parent.getParent()) {
                if (parent.getFile() != null) {
                    candidates.add(parent.getFile().toPath().getParent());
                }
            }
        }
        Path root = base;
        for (Path candidate : candidates) {
            if (candidate == null) {
                continue;
            }
            Path absolute = candidate.toAbsolutePath().normalize();
            if (base.startsWith(absolute) && absolute.getNameCount() < root.getNameCount()) {
                root = absolute;
            }
        }
        return root;
    }

    /**
     * {@code path}, relative to {@code projectDirectory}, as seen from {@code root}; a path outside the root
     * stays as it was (absolute paths stay absolute).
     */
    static String rebased(String path, Path projectDirectory, Path root) {
        Path file = Path.of(path);
        Path absolute = (file.isAbsolute() ? file : projectDirectory.resolve(file)).toAbsolutePath().normalize();
        if (!absolute.startsWith(root)) {
            return path;
        }
        String relative = root.relativize(absolute).toString().replace('\\', '/');
        return relative.isEmpty() ? "." : relative;
    }

    /**
     * {@link #rebased} for many paths of one project: a plain relative path (no {@code .} or {@code ..} part, no
     * root, no backslash) only gains the project's own path under the root as a prefix, which is worked out once
     * instead of through {@code Path} operations per finding.
     */
    static UnaryOperator<String> rebasing(Path projectDirectory, Path root) {
        Path project = projectDirectory.toAbsolutePath().normalize();
        String prefix = project.startsWith(root) ? root.relativize(project).toString().replace('\\', '/') : null;
        return path -> {
            if (prefix == null || !isPlainRelative(path)) {
                return rebased(path, projectDirectory, root);
            }
            return prefix.isEmpty() ? path : prefix + "/" + path;
        };
    }

    private static boolean isPlainRelative(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf(':') >= 0) {
            return false;
        }
        int start = 0;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            end = end < 0 ? path.length() : end;
            int length = end - start;
            if (length == 0 || path.charAt(start) == '.' && (length == 1 || length == 2 && path.charAt(start + 1) == '.')) {
                return false;
            }
            start = end + 1;
        }
        return true;
    }
}
