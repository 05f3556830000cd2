#!/usr/bin/env bash
# Measures sqlguard against squawk on the same PostgreSQL migrations, as the README's Speed table shows.
# Needs: the plugin jar built (mvn -B -o package -DskipTests -Dinvoker.skip=true), hyperfine, squawk (npm squawk-cli).
# Usage: src/test/bench/speed-vs-squawk.sh [corpus/real folder] [work folder] [runs] [runs of the 22,230-file part]
set -euo pipefail
here=$(cd "$(dirname "$0")/../../.." && pwd)
real=$(cd "${1:-$here/../shared/corpus/real}" && pwd)
work=${2:-/tmp/sqlguard-speed}
runs=${3:-3}
big_runs=${4:-$runs}
repo=$work/repo
mkdir -p "$work" "$repo"

# The plugin goes into a private local repository; everything else is read from the user's one.
cat > "$work/settings.xml" <<XML
<settings>
  <localRepository>$repo</localRepository>
  <mirrors><mirror><id>user-local</id><mirrorOf>*</mirrorOf><url>file://$HOME/.m2/repository</url></mirror></mirrors>
</settings>
XML
# The pom a release installs: the one the shade plugin reduced (the rehearse goal's libraries are inside the jar).
mvn -B -q -f "$here/pom.xml" install:install-file -Dfile="$here/target/sqlguard-maven-plugin-0.1.0-SNAPSHOT.jar" \
    -DpomFile="$here/dependency-reduced-pom.xml" -DlocalRepositoryPath="$repo"

project() { # folder artifactId: a user project whose migrations are in folder/migrations
  cat > "$1/pom.xml" <<XML
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId><artifactId>$2</artifactId><version>1</version><packaging>pom</packaging>
  <properties><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <build><plugins><plugin>
    <groupId>io.github.sqlguard</groupId><artifactId>sqlguard-maven-plugin</artifactId><version>0.1.0-SNAPSHOT</version>
    <configuration>
      <directories><directory>migrations</directory></directories>
      <dialect>postgresql</dialect>
      <failOn>NONE</failOn>
    </configuration>
    <executions><execution><goals><goal>check</goal></goals></execution></executions>
  </plugin></plugins></build>
</project>
XML
}

# (a) LemmyNet-lemmy's migrations as a user project.
lemmy=$work/lemmy
rm -rf "$lemmy" && mkdir -p "$lemmy" && cp -r "$real/LemmyNet-lemmy/migrations" "$lemmy/migrations"
project "$lemmy" lemmy
mvn="mvn -B -o -q -s $work/settings.xml"
(cd "$lemmy" && mvn -B -q -s "$work/settings.xml" verify >/dev/null) # fills the local repository (online: offline mode would not read the file:// mirror)
# hyperfine pairs the n-th --prepare with the n-th command; the cold run's last run leaves the warm one its cache.
(cd "$lemmy" && hyperfine --runs "$runs" --ignore-failure --export-markdown "$work/lemmy.md" --export-json "$work/lemmy.json" \
    --prepare true --prepare 'rm -rf target' --prepare true --prepare true \
    --command-name 'mvn validate' "$mvn validate" \
    --command-name 'mvn verify, cold (no target/)' "$mvn verify" \
    --command-name 'mvn verify, nothing changed' "$mvn verify" \
    --command-name 'squawk' "squawk 'migrations/**/*.sql' >/dev/null")

# (b) The real PostgreSQL migrations copied 15 times: 22,230 files.
big=$work/big
rm -rf "$big" && mkdir -p "$big/migrations/copy01"
(cd "$real" && { find . -ipath '*postgres*' -name '*.sql'; find ./LemmyNet-lemmy -name '*.sql'; } \
    | tar -cf - -T - | tar -xf - -C "$big/migrations/copy01")
for i in $(seq -w 2 15); do cp -r "$big/migrations/copy01" "$big/migrations/copy$i"; done
project "$big" big
(cd "$big" && hyperfine --runs "$big_runs" --ignore-failure --export-markdown "$work/big.md" --export-json "$work/big.json" \
    --prepare 'rm -rf target' --prepare 'rm -rf target' --prepare true --prepare true \
    --command-name 'mvn sqlguard:check, cold' "$mvn sqlguard:check" \
    --command-name 'mvn sqlguard:check, cold, -Xmx256m' "env MAVEN_OPTS=-Xmx256m $mvn sqlguard:check" \
    --command-name 'mvn sqlguard:check, nothing changed' "$mvn sqlguard:check" \
    --command-name 'squawk' "squawk 'migrations/**/*.sql' >/dev/null")
cat "$work/lemmy.md" "$work/big.md"
# Medians: the "median" field of each result in lemmy.json and big.json.
