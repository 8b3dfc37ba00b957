package io.realworld.api.contract;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Looks for given values in files and streams, opening what would hide them: jars and zips (their
 * entries are compressed), gzip, and tar (a saved image is a tar of layer tars). Finds the values
 * in contents and in entry names.
 */
final class SecretScanner {

  private static final int CHUNK = 1 << 20;
  private final List<byte[]> needles;
  private final List<String> values;
  private final List<String> places = new ArrayList<>();

  SecretScanner(Collection<String> values) {
    this.values = List.copyOf(values);
    this.needles = values.stream().map(value -> value.getBytes(StandardCharsets.UTF_8)).toList();
  }

  /** Every regular file under {@code folder}, each named relative to {@code label}. */
  SecretScanner scanTree(String label, Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        try (InputStream in = Files.newInputStream(file)) {
          scan(label + "/" + folder.relativize(file), in);
        }
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One stream, opened further when it is an archive. */
  SecretScanner scan(String name, InputStream raw) {
    try {
      checkName(name);
      BufferedInputStream in = new BufferedInputStream(raw, CHUNK);
      in.mark(512);
      byte[] head = in.readNBytes(512);
      in.reset();
      if (startsWith(head, 'P', 'K', 3, 4)) {
        scanZip(name, in);
      } else if (startsWith(head, 0x1f, 0x8b)) {
        scan(name + "!gunzip", new GZIPInputStream(in));
      } else if (head.length == 512 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
        scanTar(name, in);
      } else {
        scanBytes(name, in);
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  /** Where a value was found: {@code place: value}. */
  List<String> places() {
    return List.copyOf(places);
  }

  private void scanZip(String name, InputStream in) throws IOException {
    ZipInputStream zip = new ZipInputStream(in);
    for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
      if (!entry.isDirectory()) {
        scan(name + "!/" + entry.getName(), unclosable(zip));
      }
    }
  }

  /** POSIX tar: 512-byte headers, octal sizes, contents padded to 512 bytes. */
  private void scanTar(String name, InputStream in) throws IOException {
    while (true) {
      byte[] header = in.readNBytes(512);
      if (header.length < 512 || header[0] == 0) {
        return;
      }
      String entry = new String(header, 0, 100, StandardCharsets.UTF_8).replace("\0", "");
      String prefix = new String(header, 345, 155, StandardCharsets.UTF_8).replace("\0", "");
      String size = new String(header, 124, 12, StandardCharsets.US_ASCII).replace("\0", "").trim();
      long length = size.isEmpty() ? 0 : Long.parseLong(size, 8);
      char type = (char) header[156];
      String path = prefix.isEmpty() ? entry : prefix + "/" + entry;
      InputStream content = bounded(in, length);
      if (type == '0' || type == '\0') {
        scan(name + "!/" + path, content);
      } else {
        checkName(name + "!/" + path);
      }
      content.transferTo(OutputStream.nullOutputStream());
      in.skipNBytes((512 - length % 512) % 512);
    }
  }

  /** Searches chunk by chunk, keeping an overlap so that a value across two chunks is found. */
  private void scanBytes(String name, InputStream in) throws IOException {
    int overlap = needles.stream().mapToInt(n -> n.length).max().orElse(1) - 1;
    byte[] window = new byte[CHUNK + overlap];
    int kept = 0;
    boolean[] found = new boolean[needles.size()];
    while (true) {
      int read = in.readNBytes(window, kept, CHUNK);
      int filled = kept + read;
      for (int i = 0; i < needles.size(); i++) {
        if (!found[i] && indexOf(window, filled, needles.get(i)) >= 0) {
          found[i] = true;
          places.add(name + ": " + values.get(i));
        }
      }
      if (read < CHUNK) {
        return;
      }
      kept = Math.min(overlap, filled);
      System.arraycopy(window, filled - kept, window, 0, kept);
    }
  }

  private void checkName(String name) {
    for (String value : values) {
      if (name.contains(value)) {
        places.add(name + " (in its name): " + value);
      }
    }
  }

  private static int indexOf(byte[] haystack, int length, byte[] needle) {
    outer:
    for (int i = 0; i <= length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    return bytes.length >= prefix.length && Arrays.equals(
        Arrays.copyOf(bytes, prefix.length), toBytes(prefix));
  }

  private static byte[] toBytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  private static InputStream unclosable(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public void close() {
        // the enclosing archive owns the stream
      }
    };
  }

  private static InputStream bounded(InputStream in, long length) {
    return new FilterInputStream(in) {
      private long left = length;

      @Override
      public int read() throws IOException {
        if (left <= 0) {
          return -1;
        }
        int b = super.read();
        if (b >= 0) {
          left--;
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int count) throws IOException {
        if (left <= 0) {
          return -1;
        }
        int read = super.read(buffer, offset, (int) Math.min(count, left));
        if (read > 0) {
          left -= read;
        }
        return read;
      }

      @Override
      public boolean markSupported() {
        return false;
      }

      @Override
      public void close() {
        // the enclosing tar owns the stream
      }
    };
  }
}
