package io.realworld.api.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The packaged jar laid out the way the Paketo spring-boot buildpack lays it out: every entry
 * unpacked into one application directory (the image's /workspace), and sliced into the layers
 * that {@code BOOT-INF/layers.idx} names, one image layer each. A layer's digest covers its paths
 * and contents only, not file times: Paketo normalises times, so equal content means a reused layer.
 */
final class LayeredJar {

  static final String LAYERS_INDEX = "BOOT-INF/layers.idx";
  private static final Pattern LAYER = Pattern.compile("^- \"(.+)\":$");
  private static final Pattern PATH = Pattern.compile("^ {2}- \"(.+)\"$");

  private final Map<String, List<String>> pathsByLayer;
  private final Map<String, Map<String, String>> fileDigestsByLayer = new LinkedHashMap<>();

  private LayeredJar(Map<String, List<String>> pathsByLayer) {
    this.pathsByLayer = pathsByLayer;
    pathsByLayer.keySet().forEach(layer -> fileDigestsByLayer.put(layer, new TreeMap<>()));
  }

  /** Unpacks {@code jar} into {@code applicationDirectory} and records each layer's content. */
  static LayeredJar extract(Path jar, Path applicationDirectory) {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry index = zip.getEntry(LAYERS_INDEX);
      if (index == null) {
        throw new IllegalStateException(jar + " has no " + LAYERS_INDEX + ": is it a layered jar?");
      }
      LayeredJar layered;
      try (InputStream in = zip.getInputStream(index)) {
        layered = new LayeredJar(parseIndex(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
      for (ZipEntry entry : Collections.list(zip.entries())) {
        Path target = applicationDirectory.resolve(entry.getName()).normalize();
        if (!target.startsWith(applicationDirectory)) {
          throw new IllegalStateException("entry escapes the application directory: " + entry);
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        byte[] content;
        try (InputStream in = zip.getInputStream(entry)) {
          content = in.readAllBytes();
        }
        Files.write(target, content);
        layered.record(entry.getName(), content);
      }
      return layered;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack " + jar, e);
    }
  }

  /** The layers in the order of the index, which is the order Paketo exports them in. */
  List<Layer> layers() {
    List<Layer> layers = new ArrayList<>();
    fileDigestsByLayer.forEach((name, files) -> {
      MessageDigest digest = sha256();
      files.forEach((path, contentDigest) -> {
        digest.update(path.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(contentDigest.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
      });
      layers.add(new Layer(name, "sha256:" + HexFormat.of().formatHex(digest.digest())));
    });
    return layers;
  }

  private void record(String path, byte[] content) {
    String layer = pathsByLayer.entrySet().stream()
        .filter(candidate -> candidate.getValue().stream().anyMatch(prefix ->
            prefix.endsWith("/") ? path.startsWith(prefix) : path.equals(prefix)))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(path + " is in no layer of " + LAYERS_INDEX));
    fileDigestsByLayer.get(layer).put(path, HexFormat.of().formatHex(sha256().digest(content)));
  }

  private static Map<String, List<String>> parseIndex(String index) {
    Map<String, List<String>> layers = new LinkedHashMap<>();
    List<String> current = null;
    for (String line : index.split("\n")) {
      Matcher layer = LAYER.matcher(line);
      Matcher path = PATH.matcher(line);
      if (layer.matches()) {
        current = new ArrayList<>();
        layers.put(layer.group(1), current);
      } else if (path.matches() && current != null) {
        current.add(path.group(1));
      }
    }
    return layers;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
