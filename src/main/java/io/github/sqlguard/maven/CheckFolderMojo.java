package io.github.sqlguard.maven;

import org.apache.maven.plugins.annotations.Mojo;

/**
 * The {@code check} goal for a folder without a pom:
 * {@code mvn io.github.sqlguard:sqlguard-maven-plugin:check-folder -Dsqlguard.directories=scripts}.
 * Maven runs a goal that needs no project only once per build, at the top, so in a multi-module project
 * use {@code check}, which runs in every module.
 */
@Mojo(name = "check-folder", threadSafe = true, requiresProject = false)
public class CheckFolderMojo extends CheckMojo {
}
