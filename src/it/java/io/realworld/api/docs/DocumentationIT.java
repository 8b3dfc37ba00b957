package io.realworld.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the README and docs/ promise about the repository stays true of it. */
class DocumentationIT {

  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
  private static final Pattern TABLE_TARGET = Pattern.compile("^\\| `make ([a-z-]+)`(?: / `make ([a-z-]+)`)? \\|");
  private static final Pattern HELP_TARGET = Pattern.compile("^([a-zA-Z_-]+):.*## ");
  /** A line of the README's code map: a root at the margin, or folders (and files) under it. */
  private static final Pattern MAP_ROOT = Pattern.compile("^([a-z][\\w./-]*/)\\s");
  private static final Pattern MAP_ENTRY = Pattern.compile("^  ((?:[\\w.]+/? )*[\\w.]+/?)(?:\\s{2,}|$)");

  @Test
  void the_readme_lists_exactly_the_targets_make_help_lists() throws IOException {
    Set<String> documented = new TreeSet<>();
    for (String line : Files.readAllLines(PROJECT.resolve("README.md"))) {
      Matcher target = TABLE_TARGET.matcher(line);
      if (target.find()) {
        documented.add(target.group(1));
        if (target.group(2) != null) {
          documented.add(target.group(2));
        }
      }
    }
    Set<String> helped = new TreeSet<>();
    for (String line : Files.readAllLines(PROJECT.resolve("Makefile"))) {
      Matcher target = HELP_TARGET.matcher(line);
      if (target.find()) {
        helped.add(target.group(1));
      }
    }

    assertThat(documented).isNotEmpty().isEqualTo(helped);
  }

  @Test
  void every_relative_link_of_the_readme_and_docs_names_a_file_that_exists() throws IOException {
    List<Path> pages;
    try (Stream<Path> docs = Files.list(PROJECT.resolve("docs"))) {
      pages = Stream.concat(Stream.of(PROJECT.resolve("README.md")),
          docs.filter(page -> page.toString().endsWith(".md"))).toList();
    }
    assertThat(pages).hasSizeGreaterThan(5);
    for (Path page : pages) {
      Matcher link = LINK.matcher(Files.readString(page));
      while (link.find()) {
        String target = link.group(1);
        if (!target.contains("://")) {
          assertThat(page.getParent().resolve(target)).as("%s links %s", page, target).exists();
        }
      }
    }
  }

  @Test
  void every_folder_and_file_the_code_map_names_exists() throws IOException {
    String readme = Files.readString(PROJECT.resolve("README.md"));
    int start = readme.indexOf("## A map of the code");
    assertThat(start).isNotNegative();
    int open = readme.indexOf("```\n", start) + 4;
    String map = readme.substring(open, readme.indexOf("\n```", open));
    Path root = PROJECT;
    int named = 0;
    for (String line : map.lines().toList()) {
      Matcher top = MAP_ROOT.matcher(line);
      Matcher entry = MAP_ENTRY.matcher(line);
      if (top.find()) {
        root = PROJECT.resolve(top.group(1));
        assertThat(root).as("the code map names %s", top.group(1)).exists();
        named++;
      } else if (entry.find()) {
        for (String name : entry.group(1).split(" ")) {
          if (!name.equals("...")) {
            assertThat(root.resolve(name)).as("the code map names %s", root.resolve(name)).exists();
            named++;
          }
        }
      }
    }
    assertThat(named).isGreaterThan(20);
  }

  @Test
  void the_tests_of_the_code_mirror_its_packages_beside_the_kinds_the_code_map_names() throws IOException {
    Path tests = PROJECT.resolve("src/test/java/io/realworld/api");
    Set<String> crossCutting = Set.of("architecture", "conformance", "fuzz", "security", "support");
    List<String> packages;
    try (Stream<Path> folders = Files.list(tests)) {
      packages = folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString()).toList();
    }
    assertThat(packages).hasSizeGreaterThan(10).allSatisfy(name -> assertThat(
        crossCutting.contains(name) || Files.isDirectory(PROJECT.resolve("src/main/java/io/realworld/api/" + name)))
        .as("src/test/java/io/realworld/api/%s mirrors a package of src/main or is one the map names", name)
        .isTrue());
  }
}
