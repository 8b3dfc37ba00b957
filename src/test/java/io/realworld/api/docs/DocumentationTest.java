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
class DocumentationTest {

  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
  private static final Pattern TABLE_TARGET = Pattern.compile("^\\| `make ([a-z-]+)`(?: / `make ([a-z-]+)`)? \\|");
  private static final Pattern HELP_TARGET = Pattern.compile("^([a-zA-Z_-]+):.*## ");

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
}
