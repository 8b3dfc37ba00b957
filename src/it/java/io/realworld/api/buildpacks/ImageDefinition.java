package io.realworld.api.buildpacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The image as the project declares it twice: project.toml (read by pack) and the
 * spring-boot-maven-plugin's {@code <image>} in pom.xml (read by spring-boot:build-image).
 */
final class ImageDefinition {

  private static final TomlMapper TOML = new TomlMapper();

  private ImageDefinition() {
  }

  static JsonNode projectToml() {
    return toml(Buildpack.PROJECT.resolve("project.toml"));
  }

  static JsonNode toml(Path file) {
    try {
      return TOML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** project.toml's {@code [[io.buildpacks.build.env]]} as name -> value, in declaration order. */
  static Map<String, String> projectBuildEnv() {
    Map<String, String> env = new LinkedHashMap<>();
    projectToml().path("io").path("buildpacks").path("build").path("env")
        .forEach(entry -> env.put(entry.path("name").asText(), entry.path("value").asText()));
    return env;
  }

  /** project.toml's group, each entry's uri. */
  static List<String> projectGroup() {
    List<String> uris = new ArrayList<>();
    projectToml().path("io").path("buildpacks").path("group")
        .forEach(entry -> uris.add(entry.path("uri").asText()));
    return uris;
  }

  static String projectBuilder() {
    return projectToml().path("io").path("buildpacks").path("builder").asText();
  }

  static List<String> projectExcludes() {
    List<String> patterns = new ArrayList<>();
    projectToml().path("io").path("buildpacks").path("exclude")
        .forEach(pattern -> patterns.add(pattern.asText()));
    return patterns;
  }

  /** The spring-boot-maven-plugin's {@code <image>} element, read from pom.xml as written. */
  static Element pomImage() {
    return onlyImage(pomImages().stream().filter(image -> profileOf(image) == null).toList(),
        "outside <profiles>");
  }

  /** The {@code <image>} of a Maven profile, which overrides parts of {@link #pomImage()}. */
  static Element pomProfileImage(String profile) {
    return onlyImage(pomImages().stream().filter(image -> profile.equals(profileOf(image))).toList(),
        "in profile " + profile);
  }

  private static Element onlyImage(List<Element> images, String where) {
    if (images.size() != 1) {
      throw new AssertionError("pom.xml should configure exactly one <image> " + where
          + ", found " + images.size());
    }
    return images.get(0);
  }

  private static List<Element> pomImages() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document pom = factory.newDocumentBuilder()
          .parse(Buildpack.PROJECT.resolve("pom.xml").toFile());
      NodeList images = pom.getElementsByTagName("image");
      List<Element> elements = new ArrayList<>();
      for (int i = 0; i < images.getLength(); i++) {
        elements.add((Element) images.item(i));
      }
      return elements;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new AssertionError("pom.xml cannot be parsed", e);
    }
  }

  /** The id of the profile an element is declared in, or null outside any profile. */
  private static String profileOf(Element element) {
    for (Node node = element.getParentNode(); node instanceof Element parent;
        node = parent.getParentNode()) {
      if (parent.getTagName().equals("profile")) {
        return child(parent, "id").getTextContent().trim();
      }
    }
    return null;
  }

  static Map<String, String> pomImageEnv() {
    Map<String, String> env = new LinkedHashMap<>();
    for (Element variable : children(child(pomImage(), "env"))) {
      env.put(variable.getTagName(), variable.getTextContent().trim());
    }
    return env;
  }

  static List<String> pomBuildpacks() {
    return buildpacksOf(pomImage());
  }

  static List<String> buildpacksOf(Element image) {
    List<String> references = new ArrayList<>();
    for (Element buildpack : children(child(image, "buildpacks"))) {
      references.add(buildpack.getTextContent().trim());
    }
    return references;
  }

  static String pomImageValue(String name) {
    return child(pomImage(), name).getTextContent().trim();
  }

  static String read(String relativePath) {
    try {
      return Files.readString(Buildpack.PROJECT.resolve(relativePath));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Element child(Element parent, String name) {
    for (Element child : children(parent)) {
      if (child.getTagName().equals(name)) {
        return child;
      }
    }
    throw new AssertionError("<" + parent.getTagName() + "> has no <" + name + ">");
  }

  private static List<Element> children(Element parent) {
    List<Element> elements = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        elements.add(element);
      }
    }
    return elements;
  }
}
